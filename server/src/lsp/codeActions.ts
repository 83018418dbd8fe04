// Code actions, grouped per finding as in vscode-eslint: the rule's quick fix
// (preferred when it is the obvious fix), "Show guidance for RULE", and "Suppress
// RULE on this line".
import { CodeAction, CodeActionKind, Command, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/finding';
import type { TextEdit as OffsetEdit } from '../engine/fix';
import { indentationAt } from '../engine/goSyntax';
import { ignoreDirective } from '../engine/suppression';
import { toDiagnostic } from './diagnostics';
import type { DocumentLint } from './lintService';

export interface CodeActionInput {
  uri: string;
  document: TextDocument;
  lint: DocumentLint;
  range: Range;
  /** Kinds the client asked for (undefined = all). */
  only?: string[];
  /** The command that shows a rule's guidance, with the rule id as its argument. */
  guidanceCommand: string;
}

export function codeActionsFor(input: CodeActionInput): CodeAction[] {
  const { document, lint, range } = input;
  const actions: CodeAction[] = [];
  const wants = (kind: string) => !input.only || input.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const suppressedLines = new Set<string>();
  lint.findings.forEach((finding, index) => {
    if (!overlaps(finding.range, range)) return;
    const diagnostic = toDiagnostic(finding, { version: lint.version, index });
    if (finding.fix && wants(CodeActionKind.QuickFix)) {
      actions.push({
        title: finding.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: finding.fix.preferred ?? true,
        edit: workspaceEdit(input.uri, lint.version, document, finding.fix.edits),
      });
    }
    if (!wants(CodeActionKind.QuickFix)) return;
    const key = `${finding.ruleId}:${finding.range.start.line}`;
    if (!suppressedLines.has(key)) {
      suppressedLines.add(key);
      actions.push(suppressAction(input, finding, diagnostic));
    }
    actions.push({
      title: `Show guidance for ${finding.ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: Command.create(`Show guidance for ${finding.ruleId}`, input.guidanceCommand, finding.ruleId),
    });
  });
  return actions;
}

function suppressAction(input: CodeActionInput, finding: Finding, diagnostic: Diagnostic): CodeAction {
  const { document } = input;
  const line = finding.range.start.line;
  const lineStart = document.offsetAt({ line, character: 0 });
  const indent = indentationAt(document.getText(), lineStart);
  return {
    title: `Suppress ${finding.ruleId} on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(input.uri, input.lint.version, document, [
      { start: lineStart, end: lineStart, text: `${indent}${ignoreDirective(finding.ruleId)}\n` },
    ]),
  };
}

/** A versioned edit, so an editor rejects it if the document changed meanwhile. */
function workspaceEdit(uri: string, version: number, document: TextDocument, edits: OffsetEdit[]): WorkspaceEdit {
  const textEdits = edits.map((e) => TextEdit.replace({ start: document.positionAt(e.start), end: document.positionAt(e.end) }, e.text));
  return { documentChanges: [{ textDocument: { uri, version }, edits: textEdits }] };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
