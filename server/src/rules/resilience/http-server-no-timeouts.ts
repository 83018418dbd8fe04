import type { Node } from 'web-tree-sitter';
import type { FileFacts } from '../../engine/fileFacts';
import type { Fix, TextEdit } from '../../engine/fix';
import { enclosingFunction, indentationAt, isQualifiedType, packageMember } from '../../engine/goSyntax';
import { addImportEdit } from '../../engine/imports';
import { isTestSupport } from '../../engine/libraryCode';
import { defineRule, SELECTOR_PATTERN } from '../../engine/rule';

const TIMEOUT_FIELDS = new Set(['ReadHeaderTimeout', 'ReadTimeout']);
const NEW_KEY = 'ReadHeaderTimeout:';

export default defineRule({
  meta: {
    id: 'http-server-no-timeouts',
    category: 'resilience',
    severity: 'warning',
    effortMinutes: 10,
    fixable: true,
    onlyBuiltFiles: true,
    summary: 'HTTP server without a read timeout: slow clients hold connections for ever',
    nolintAliases: ['gosec'],
  },
  query: `(composite_literal type: (qualified_type name: (type_identifier) @name (#eq? @name "Server")) @type body: (literal_value) @body) @lit`,
  selectors: ['ListenAndServe', 'ListenAndServeTLS'],
  check(ctx, captures) {
    // Test support (httptest, testutil) serves and calls tests on this machine.
    if (isTestSupport(ctx.facts)) return;
    if (captures.pattern === SELECTOR_PATTERN) {
      const sel = captures.get('selector')!;
      if (!captures.get('call') || packageMember(sel, ctx.facts)?.path !== 'net/http') return;
      ctx.report({
        node: sel,
        message: `${sel.text} serves with no read or write timeouts, so slow clients can hold connections for ever: use an http.Server with ReadHeaderTimeout set`,
      });
      return;
    }
    const type = captures.get('type')!;
    if (!isQualifiedType(type, ctx.facts, 'net/http', 'Server')) return;
    const body = captures.get('body')!;
    const elements = body.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    const keys = elements.map((e) => (e.type === 'keyed_element' ? e.childForFieldName('key')?.text ?? '' : ''));
    if (keys.some((k) => TIMEOUT_FIELDS.has(k))) return;
    // An unkeyed literal lists every field positionally; nobody writes one by hand for http.Server.
    if (keys.some((k) => k === '')) return;
    if (timeoutSetLater(captures.get('lit')!)) return;
    ctx.report({
      node: type,
      message: 'http.Server without ReadHeaderTimeout or ReadTimeout lets slow clients hold connections for ever (Slowloris): set ReadHeaderTimeout',
      fix: addTimeoutFix(ctx.source, ctx.facts, body, elements),
    });
  },
});

/** `srv := &http.Server{...}` followed by `srv.ReadTimeout = ...` in the same function. */
function timeoutSetLater(lit: Node): boolean {
  let value: Node = lit;
  if (value.parent?.type === 'unary_expression') value = value.parent;
  const list = value.parent;
  const owner = list?.parent;
  if (list?.type !== 'expression_list' || !owner || list.namedChildCount !== 1) return false;
  let target: Node | null | undefined;
  if (owner.type === 'var_spec') target = owner.childForFieldName('name');
  else if (owner.type === 'short_var_declaration' || owner.type === 'assignment_statement') {
    if (owner.childForFieldName('right')?.id !== list.id) return false;
    target = owner.childForFieldName('left')?.namedChildren[0];
  }
  const body = enclosingFunction(lit)?.childForFieldName('body');
  if (!target || !body) return false;
  const prefix = `${target.text}.`;
  return body.descendantsOfType('assignment_statement').some((assign) =>
    assign?.childForFieldName('left')?.namedChildren.some((l) =>
      l !== null && l.text.startsWith(prefix) && TIMEOUT_FIELDS.has(l.text.slice(prefix.length))));
}

/**
 * Adds `ReadHeaderTimeout: 5 * time.Second,` as the first field, laid out as gofmt
 * would: inline in a one-line literal, on its own line in a multi-line or empty one,
 * with the values of the following run of one-line fields re-aligned. Not offered when
 * the layout is unusual (fields sharing a line, comments inside an empty literal).
 */
function addTimeoutFix(source: string, facts: FileFacts, body: Node, elements: Node[]): Fix | null {
  const time = facts.localNameOf('time') ?? 'time';
  const value = `5 * ${time}.Second,`;
  const edits: TextEdit[] = [];
  if (elements.length === 0) {
    if (body.namedChildCount > 0) return null;
    const indent = indentationAt(source, body.startIndex);
    edits.push({ start: body.startIndex, end: body.endIndex, text: `{\n${indent}\t${NEW_KEY} ${value}\n${indent}}` });
  } else if (body.startPosition.row === body.endPosition.row) {
    edits.push({ start: elements[0].startIndex, end: elements[0].startIndex, text: `${NEW_KEY} ${value.slice(0, -1)}, ` });
  } else {
    const realigned = alignedFirstRun(source, body, elements, value);
    if (!realigned) return null;
    edits.push(realigned);
  }
  const importEdit = facts.localNameOf('time') ? null : addImportEdit(facts, source, 'time');
  if (importEdit) edits.push(importEdit);
  return { title: 'Add ReadHeaderTimeout: 5 * time.Second', edits, preferred: true };
}

interface Row {
  key: string;
  value: string;
  comment: string;
}

/**
 * The edit that inserts the new field's line before the first field and re-aligns the
 * run of one-line fields it joins. gofmt aligns the values of consecutive one-line
 * key: value lines (a blank line, a comment line or a multi-line field ends the run),
 * and aligns trailing comments of consecutive lines that have one.
 */
function alignedFirstRun(source: string, body: Node, elements: Node[], value: string): TextEdit | null {
  const first = elements[0];
  if (first.startPosition.row === body.startPosition.row) return null;
  const children = body.namedChildren.filter((c): c is Node => c !== null);
  const rows: Row[] = [{ key: NEW_KEY, value, comment: '' }];
  let end = first.startIndex;
  let previousRow = first.startPosition.row - 1;
  for (let i = children.findIndex((c) => c.id === first.id); i < children.length; i++) {
    const element = children[i];
    if (element.type === 'comment') break;
    const row = element.startPosition.row;
    if (row === previousRow) return null; // two fields on one line
    if (row !== previousRow + 1 || element.endPosition.row !== row) break;
    const lineEnd = source.indexOf('\n', element.endIndex);
    const trailing = children[i + 1]?.type === 'comment' && children[i + 1].startPosition.row === row ? children[i + 1] : null;
    const comma = source[element.endIndex] === ',' ? ',' : '';
    if (source.slice(element.endIndex + comma.length, lineEnd).trim() !== (trailing?.text ?? '')) return null;
    const key = element.childForFieldName('key')!;
    rows.push({ key: `${key.text}:`, value: source.slice(element.childForFieldName('value')!.startIndex, element.endIndex) + comma, comment: trailing?.text ?? '' });
    if (trailing) i++;
    end = lineEnd;
    previousRow = row;
  }
  const indent = indentationAt(source, first.startIndex);
  const keyWidth = Math.max(...rows.map((r) => r.key.length)) + 1;
  const lines = rows.map((r) => `${indent}${r.key.padEnd(keyWidth)}${r.value}`);
  // Trailing comments line up within each run of consecutive commented lines.
  for (let i = 0; i < rows.length;) {
    if (!rows[i].comment) {
      i++;
      continue;
    }
    let j = i;
    while (j < rows.length && rows[j].comment) j++;
    const width = Math.max(...lines.slice(i, j).map((l) => l.length)) + 1;
    for (let k = i; k < j; k++) lines[k] = `${lines[k].padEnd(width)}${rows[k].comment}`;
    i = j;
  }
  const start = first.startIndex - indent.length;
  // The first field spans lines: the new one stands alone above it.
  if (rows.length === 1) return { start, end: start, text: `${lines[0]}\n` };
  return { start, end, text: lines.join('\n') };
}
