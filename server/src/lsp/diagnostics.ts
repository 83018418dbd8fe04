// Findings as LSP diagnostics: code = rule id, source = godebt, the code links to the
// rule's guidance page, severity from the effective configuration.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Finding } from '../engine/finding';
import { guidanceUri } from '../engine/guidance';
import type { Severity } from '../engine/rule';
import type { DocumentLint } from './lintService';

export const SOURCE = 'godebt';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Carried in Diagnostic.data so a code action request can find its finding again. */
export interface DiagnosticData {
  version: number;
  index: number;
}

export function toDiagnostics(lint: DocumentLint): Diagnostic[] {
  const diagnostics = lint.findings.map((finding, index): Diagnostic => toDiagnostic(finding, { version: lint.version, index }));
  if (lint.notice) {
    diagnostics.unshift({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message: lint.notice,
    });
  }
  return diagnostics;
}

export function toDiagnostic(finding: Finding, data: DiagnosticData): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: guidanceUri(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
    data,
  };
}
