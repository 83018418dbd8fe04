import type { Node } from 'web-tree-sitter';
import type { FileFacts } from '../../engine/fileFacts';
import type { Fix, TextEdit } from '../../engine/fix';
import { enclosingDeclaration, functionName, underFlag } from '../../engine/goSyntax';
import { addImportEdit, identifierOccurs, packageReferences, removeImportEdit, replaceImportEdits } from '../../engine/imports';
import { isLibraryCode } from '../../engine/libraryCode';
import { defineRule } from '../../engine/rule';

const SLOG = 'log/slog';

/**
 * Functions whose job is to print: a package's own Printf, Dump, printTrace, usage, Help;
 * and go-fuzz entry points (Fuzz), which print what they found before they panic.
 */
const PRINTING_FUNCTION = /^(f?print|dump|debug|trace|usage|help|show|display|fuzz)|(Usage|Help)$/i;

/** Switches of a debugging dump: if debug { ... }, if s.f.pass.debug > 2 { ... }, if verbose { ... }. */
const DEBUG_SWITCH = /^(debug|trace|verbose)/i;

/**
 * fmt.Print* that a library means to print: in a function whose job is printing, or in
 * a dump behind a debugging switch (the compiler's `if f.pass.debug > regDebug`).
 */
function deliberatePrint(call: Node): boolean {
  const decl = enclosingDeclaration(call);
  return (decl !== null && PRINTING_FUNCTION.test(functionName(decl))) || underFlag(call, DEBUG_SWITCH);
}

export default defineRule({
  meta: {
    id: 'unstructured-logging',
    category: 'observability',
    severity: 'info',
    effortMinutes: 5,
    fixable: true,
    onlyBuiltFiles: true,
    summary: 'log.Print* and library fmt.Print* write free text that cannot be searched by field',
    nolintAliases: ['sloglint', 'forbidigo'],
  },
  selectors: ['Print', 'Printf', 'Println'],
  check(ctx, captures) {
    const call = captures.get('call');
    const args = call?.childForFieldName('arguments');
    const operand = captures.get('operand')!;
    if (!call || !args || operand.type !== 'identifier') return;
    const callee = captures.get('selector')!;
    const path = ctx.facts.pathOf(operand.text);
    if (path !== 'log' && !(path === 'fmt' && isLibraryCode(ctx.facts) && !deliberatePrint(callee))) return;
    const message = path === 'log'
      ? `${callee.text} writes unstructured text: log with slog and key-value attributes so the fields can be searched and aggregated`
      : `${callee.text} in library package ${ctx.facts.packageName} prints unstructured text to stdout: log with slog and key-value attributes, or return the data to the caller`;
    ctx.report({ node: callee, message, fix: slogFix(ctx.source, ctx.facts, call, path, captures.get('name')!.text, args) });
  },
});

/** slog.Info(MESSAGE, "key", value, ...) for a call whose arguments allow it, else null. */
function slogFix(source: string, facts: FileFacts, call: Node, path: string, name: string, args: Node): Fix | null {
  // slog.Info returns nothing: a call whose results are used cannot be replaced.
  if (!['expression_statement', 'defer_statement', 'go_statement'].includes(call.parent?.type ?? '')) return null;
  // Comments inside the call would be lost; gofmt aligns trailing comments of
  // neighbouring lines, which a longer or shorter call would put out of line.
  if (args.descendantsOfType('comment').length > 0 || inCommentColumn(source, call)) return null;
  const [first, ...values] = args.namedChildren.filter((n): n is Node => n !== null);
  // Only an interpreted literal is rewritten; raw strings and computed formats are left alone.
  if (first?.type !== 'interpreted_string_literal') return null;
  if (!values.every((v) => v.type === 'identifier' || v.type === 'selector_expression')) return null;
  const text = name === 'Printf' ? messageFromFormat(first.text.slice(1, -1), values.length) : plainMessage(first.text.slice(1, -1));
  if (text === null) return null;
  const keys = values.map((v) => snakeCase(v.type === 'identifier' ? v.text : v.childForFieldName('field')!.text));
  // Two values with the same key would make one of them hard to find; leave that to a person.
  if (new Set(keys).size !== keys.length) return null;

  const edits: TextEdit[] = [];
  let slog = facts.localNameOf(SLOG);
  if (slog === undefined) {
    // The name slog must be free for the new import.
    if (facts.pathOf('slog') !== undefined || identifierOccurs(facts, 'slog')) return null;
    slog = 'slog';
  }
  const spec = facts.imports.find((s) => s.path === path)!;
  const lastUse = packageReferences(facts, spec.localName) === 1;
  const needsSlog = facts.localNameOf(SLOG) === undefined;
  if (lastUse && needsSlog) {
    const swap = replaceImportEdits(facts, source, path, SLOG);
    if (!swap) return null;
    edits.push(...swap);
  } else {
    const addition = needsSlog ? addImportEdit(facts, source, SLOG) : null;
    if (addition) edits.push(addition);
    if (lastUse) edits.push(removeImportEdit(facts, source, path)!);
    // Touching the old import keeps fixes of one file apart, so the one that finally
    // drops its last use (and the import) runs in a pass of its own.
    else if (!addition || addition.end <= spec.node.startIndex || addition.start >= spec.node.endIndex) {
      edits.push({ start: spec.node.startIndex, end: spec.node.endIndex, text: spec.node.text });
    }
  }
  const pairs = values.map((v, i) => `, "${keys[i]}", ${v.text}`).join('');
  edits.push({ start: call.startIndex, end: call.endIndex, text: `${slog}.Info("${text}"${pairs})` });
  return { title: `Replace with ${slog}.Info`, edits, preferred: true };
}

/** Whether the call's line ends in a comment and a neighbouring line does too. */
function inCommentColumn(source: string, call: Node): boolean {
  const lineStart = source.lastIndexOf('\n', call.startIndex - 1) + 1;
  const lineEnd = source.indexOf('\n', call.endIndex);
  const previous = source.slice(source.lastIndexOf('\n', lineStart - 2) + 1, Math.max(lineStart - 1, 0));
  const current = source.slice(call.endIndex, lineEnd < 0 ? source.length : lineEnd);
  const next = lineEnd < 0 ? '' : source.slice(lineEnd + 1, (source.indexOf('\n', lineEnd + 1) + 1 || source.length + 1) - 1);
  const trailing = (text: string) => /\S\s*\/[/*]/.test(text);
  return /^\s*\/[/*]/.test(current) && (trailing(previous) || trailing(next));
}

/** A printf verb: flags, argument index, width, precision and the verb letter. */
const VERB = /%[-+# 0]*(\[\d+\])?(\d+|\*)?(\.(\d+|\*)?)?(\[\d+\])?([a-zA-Z%])/g;

/**
 * The format without its verbs (and the spaces and = or : separators around them), or
 * null when the verbs do not match the values one to one.
 */
function messageFromFormat(content: string, valueCount: number): string | null {
  const decoded = decode(content);
  let verbs = 0;
  for (const match of decoded.text.matchAll(VERB)) {
    if (match[6] === '%') continue;
    if (match[1] || match[5] || match[2] === '*' || match[4] === '*') return null;
    verbs++;
  }
  if (verbs !== valueCount) return null;
  const stripped = decoded.text.replace(/\s*(?:[=:]\s*)?%[-+# 0]*(?:\d+)?(?:\.\d*)?([a-zA-Z%])\s*/g, (whole, letter: string) => (letter === '%' ? whole : ' '));
  return encode(tidy(stripped.replace(/%%/g, '%')), decoded.escapes);
}

function plainMessage(content: string): string {
  const decoded = decode(content);
  return encode(tidy(decoded.text), decoded.escapes);
}

/** Trims white space and dangling separators, and collapses the gaps the verbs left. */
function tidy(text: string): string {
  return text.replace(/ {2,}/g, ' ').replace(/^[\s:=,;]+|[\s:=,;]+$/g, '');
}

const PLACEHOLDER = 0xe000;

/**
 * The literal's content with \n, \t and \r as real white space and every other escape
 * as one private-use character, so that editing never splits an escape.
 */
function decode(content: string): { text: string; escapes: string[] } {
  const escapes: string[] = [];
  const text = content.replace(/\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (escape) => {
    if (escape === '\\n') return '\n';
    if (escape === '\\t') return '\t';
    if (escape === '\\r') return '\r';
    escapes.push(escape);
    return String.fromCharCode(PLACEHOLDER + escapes.length - 1);
  });
  return { text, escapes };
}

function encode(text: string, escapes: string[]): string {
  return text.replace(/[\n\t\r]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : '\\r'))
    .replace(/[\ue000-\uf8ff]/g, (c) => escapes[c.charCodeAt(0) - PLACEHOLDER]);
}

/** userID -> user_id, HTTPStatus -> http_status, URLs -> urls. */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]{2,})s(?=[A-Z_]|$)/g, '$1S')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}
