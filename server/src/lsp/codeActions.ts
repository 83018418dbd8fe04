// Code actions, grouped per finding as in vscode-eslint: the rule's quick fix
// (preferred when it is the obvious fix), "Suppress RULE on this line", "Suppress
// RULE in this file", "Disable RULE in .godebt.json" and "Show guidance for RULE".
import { Edit as JsonEdit, findNodeAtLocation, Node as JsonNode, modify, parseTree } from 'jsonc-parser';
import { pathToFileURL } from 'url';
import { CodeAction, CodeActionKind, Command, CreateFile, Diagnostic, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/finding';
import type { TextEdit as OffsetEdit } from '../engine/fix';
import { indentationAt } from '../engine/goSyntax';
import { fileIgnoreDirective, ignoreDirective } from '../engine/suppression';
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
  /** Directives apply to Go files only (not go.mod). */
  isGo: boolean;
  /** The .godebt.json that applies to the document, for "Disable RULE in .godebt.json"; absent: not offered. */
  configFile?: ConfigFileTarget;
}

/** The configuration file to edit: its path, and its text when it exists (version when it is open). */
export interface ConfigFileTarget {
  path: string;
  current?: { text: string; version: number | null };
  /** The editor can create files in a workspace edit (workspace.workspaceEdit.resourceOperations). */
  canCreate: boolean;
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
    if (input.isGo && !suppressedLines.has(key)) {
      suppressedLines.add(key);
      actions.push(suppressAction(input, finding, diagnostic));
      const inFile = suppressInFileAction(input, finding, diagnostic);
      if (inFile) actions.push(inFile);
    }
    const disable = input.configFile && disableAction(input.configFile, finding.ruleId, diagnostic);
    if (disable) actions.push(disable);
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

/**
 * `//godebt:file-ignore RULE -- <reason>` and a blank line, just above the package
 * clause and its doc comment: below any header comments and build constraints, which
 * stay where they are, and apart from the package documentation.
 */
function suppressInFileAction(input: CodeActionInput, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  const { document, lint } = input;
  if (lint.packageStart === undefined) return undefined; // no package clause: nowhere safe to put it
  const text = document.getText();
  let line = document.positionAt(lint.packageStart).line;
  const lineText = (n: number) => text.slice(document.offsetAt({ line: n, character: 0 }), document.offsetAt({ line: n + 1, character: 0 })).trim();
  while (line > 0 && lineText(line - 1).startsWith('//') && !lineText(line - 1).startsWith('//go:build') && !lineText(line - 1).startsWith('// +build')) line--;
  const at = document.offsetAt({ line, character: 0 });
  return {
    title: `Suppress ${finding.ruleId} in this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(input.uri, lint.version, document, [{ start: at, end: at, text: `${fileIgnoreDirective(finding.ruleId)}\n\n` }]),
  };
}

/** Sets the rule to "off" in the .godebt.json, creating the file when there is none, keeping comments and layout. */
function disableAction(target: ConfigFileTarget, ruleId: string, diagnostic: Diagnostic): CodeAction | undefined {
  const uri = pathToFileURL(target.path).toString();
  const title = `Disable ${ruleId} in .godebt.json`;
  if (target.current) {
    const { text, version } = target.current;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    // A rule set with options keeps them; only its severity changes.
    const tree = parseTree(text);
    const existing = tree && findNodeAtLocation(tree, ['rules', ruleId]);
    const where = existing?.type === 'object' ? ['rules', ruleId, 'severity'] : ['rules', ruleId];
    const rules = tree && findNodeAtLocation(tree, ['rules']);
    const edits = (!existing && rules && appendProperty(text, rules, ruleId, eol)) ||
      modify(text, where, 'off', { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
    if (edits.length === 0) return undefined;
    const change = TextDocumentEdit.create({ uri, version }, jsonTextEdits(text, edits));
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { documentChanges: [change] } };
  }
  if (!target.canCreate) return undefined;
  const content = `${JSON.stringify({ rules: { [ruleId]: 'off' } }, null, 2)}\n`;
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      documentChanges: [
        CreateFile.create(uri, { ignoreIfExists: true }),
        TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, content)]),
      ],
    },
  };
}

/**
 * "id": "off" as a new last line of a non-empty object, after the comment that ends
 * the line of its last property (jsonc-parser's modify would put it before that
 * comment, so the comment would end up describing the new entry).
 */
function appendProperty(text: string, object: JsonNode, id: string, eol: string): JsonEdit[] | undefined {
  const last = object.children?.[object.children.length - 1];
  if (object.type !== 'object' || !last) return undefined;
  const valueEnd = last.offset + last.length;
  const lineEnd = text.indexOf(eol, valueEnd);
  const rest = lineEnd < 0 ? '' : text.slice(valueEnd, lineEnd);
  const restMatch = /^\s*(,)?\s*(\/\/.*)?$/.exec(rest);
  if (lineEnd < 0 || !restMatch) return undefined;
  const lineStart = text.lastIndexOf('\n', last.offset) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const edits: JsonEdit[] = [];
  if (!restMatch[1]) edits.push({ offset: valueEnd, length: 0, content: ',' });
  edits.push({ offset: lineEnd, length: 0, content: `${eol}${indent}${JSON.stringify(id)}: "off"` });
  return edits;
}

/** jsonc-parser's offset edits of text as LSP edits. */
function jsonTextEdits(text: string, edits: readonly { offset: number; length: number; content: string }[]): TextEdit[] {
  const position = (offset: number) => {
    const lines = text.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  return edits.map((e) => TextEdit.replace({ start: position(e.offset), end: position(e.offset + e.length) }, e.content));
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
