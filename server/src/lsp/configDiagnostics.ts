// An open .godebt.json, checked as it is typed: every problem of parseConfig as an
// error at the offending node (syntax errors, unknown rule ids, bad severities, bad
// option types).
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, parseConfig } from '../engine/configFile';
import type { Rule } from '../engine/rule';
import { SOURCE } from './diagnostics';

export function isConfigUri(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE}`);
}

export function configDiagnostics(document: TextDocument, rules: readonly Rule[]): Diagnostic[] {
  return parseConfig(document.getText(), rules).problems.map((problem) => ({
    range: { start: document.positionAt(problem.offset), end: document.positionAt(problem.offset + problem.length) },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: problem.message,
  }));
}
