import type { Node } from 'web-tree-sitter';
import { lineEndAfter } from '../../engine/errorHandling';
import type { Fix, TextEdit } from '../../engine/fix';
import { enclosingFunction, indentationAt } from '../../engine/goSyntax';
import { addImportEdit } from '../../engine/imports';
import { isTestSupport } from '../../engine/libraryCode';
import { defineRule, RuleContext } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'http-client-no-timeout',
    category: 'resilience',
    severity: 'warning',
    effortMinutes: 5,
    fixable: true,
    onlyBuiltFiles: true,
    summary: 'http.Client built without a Timeout: one slow server blocks its callers for ever',
  },
  query: [
    '(composite_literal type: (qualified_type package: (package_identifier) @pkg name: (type_identifier) @name) body: (literal_value) @body (#eq? @name "Client")) @literal',
    '(call_expression function: (identifier) @new arguments: (argument_list . (qualified_type package: (package_identifier) @pkg name: (type_identifier) @name) .) (#eq? @new "new") (#eq? @name "Client")) @call',
  ].join('\n'),
  check(ctx, captures) {
    // Test support (httptest, testutil) serves and calls tests on this machine.
    if (isTestSupport(ctx.facts)) return;
    if (ctx.facts.pathOf(captures.get('pkg')!.text) !== 'net/http') return;
    const literal = captures.get('literal');
    const body = captures.get('body');
    const created = literal ?? captures.get('call')!;
    if (body && !lacksTimeout(body)) return;
    if (timeoutSetLater(ctx.source, created)) return;
    if (!literal || !body) {
      ctx.report({
        node: created,
        message: 'new(http.Client) has no Timeout, so a slow server blocks its callers for ever: use &http.Client{Timeout: ...}.',
      });
      return;
    }
    ctx.report({
      node: literal.childForFieldName('type')!,
      message: 'This http.Client has no Timeout, so a slow server blocks its callers for ever: set Timeout.',
      fix: fixFor(ctx, body),
    });
  },
});

/** True when the literal names its fields and none is Timeout (positional literals set every field). */
function lacksTimeout(body: Node): boolean {
  for (const child of body.namedChildren) {
    if (child?.type === 'literal_element') return false;
    if (child?.type === 'keyed_element' && child.childForFieldName('key')?.text === 'Timeout') return false;
  }
  return true;
}

/** True when the client is stored in a variable or field whose Timeout is assigned afterwards (`c.Timeout = d`). */
function timeoutSetLater(source: string, created: Node): boolean {
  let value = created;
  if (value.parent?.type === 'unary_expression') value = value.parent;
  const list = value.parent;
  const stmt = list?.parent;
  if (list?.type !== 'expression_list' || !stmt) return false;
  let target: string | undefined;
  if (stmt.type === 'short_var_declaration' || stmt.type === 'assignment_statement') {
    const index = list.namedChildren.findIndex((n) => n?.id === value.id);
    target = stmt.childForFieldName('left')?.namedChildren[index]?.text;
  } else if (stmt.type === 'var_spec') {
    const index = list.namedChildren.findIndex((n) => n?.id === value.id);
    target = stmt.childrenForFieldName('name')[index]?.text;
  }
  if (!target || target === '_') return false;
  const fn = enclosingFunction(stmt);
  const after = source.slice(stmt.endIndex, fn ? fn.endIndex : source.length);
  return new RegExp(`${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\.\\s*Timeout\\s*=[^=]`).test(after);
}

/**
 * Adds `Timeout: 10 * time.Second,` as the first field. A one-line literal stays on
 * one line; an empty one is broken over lines; in a multi-line literal the new line
 * joins gofmt's alignment of the key-value lines that follow it.
 */
function fixFor(ctx: RuleContext, body: Node): Fix | null {
  let time = ctx.facts.localNameOf('time');
  let importEdit: TextEdit | null = null;
  if (!time) {
    if (ctx.facts.pathOf('time') !== undefined) return null; // another package already answers to "time"
    time = 'time';
    importEdit = addImportEdit(ctx.facts, ctx.source, 'time');
  }
  const field = `Timeout: 10 * ${time}.Second,`;
  const edits = insertFirstField(ctx.source, body, field);
  if (!edits) return null;
  if (importEdit) edits.push(importEdit);
  return { title: `Add Timeout: 10 * ${time}.Second`, edits, preferred: true };
}

function insertFirstField(source: string, body: Node, field: string): TextEdit[] | null {
  // A comment right after the brace stays there; the new line goes below it.
  const children = body.namedChildren.filter((n): n is Node => n !== null &&
    !(n.type === 'comment' && n.startPosition.row === body.startPosition.row && body.endPosition.row > n.endPosition.row));
  const open = body.startIndex + 1;
  const oneLine = body.startPosition.row === body.endPosition.row;
  if (oneLine && isAligned(body.parent!)) {
    // gofmt aligns this line with its neighbours: breaking it over lines would end
    // that alignment, and a longer line would move a trailing comment's column.
    if (/^[^\n]*\/\//.test(source.slice(body.endIndex))) return null;
    if (children.length > 0) return [{ start: open, end: open, text: `${field} ` }];
    return [{ start: open, end: body.endIndex - 1, text: field.slice(0, -1) }];
  }
  if (children.length === 0) {
    if (source.slice(open, body.endIndex - 1).trim() !== '') return null;
    const indent = indentationAt(source, body.startIndex);
    return [{ start: open, end: body.endIndex - 1, text: `\n${indent}\t${field}\n${indent}` }];
  }
  if (oneLine) return [{ start: open, end: open, text: `${field} ` }];
  const first = children[0];
  if (first.startPosition.row === body.startPosition.row) return null; // elements start on the brace's line: not gofmt's usual shape
  const brace = body.child(0)!;
  const at = lineEndAfter(source, brace);
  if (at === null) return null;
  const section = alignedSection(body, children);
  const width = Math.max('Timeout'.length, ...section.map((e) => runes(e.childForFieldName('key')!.text)));
  const edits: TextEdit[] = [{ start: at, end: at, text: `\n${indentationAt(source, first.startIndex)}Timeout:${' '.repeat(width - 'Timeout'.length + 1)}${field.slice('Timeout: '.length)}` }];
  for (const element of section) {
    const key = element.childForFieldName('key')!;
    const value = element.childForFieldName('value')!;
    const colon = source.indexOf(':', key.endIndex) + 1;
    const gap = ' '.repeat(width - runes(key.text) + 1);
    if (source.slice(colon, value.startIndex) !== gap) edits.push({ start: colon, end: value.startIndex, text: gap });
  }
  return edits;
}

/**
 * The key-value lines gofmt aligns with a line inserted right after the brace: the
 * run of one-line keyed elements on consecutive lines from the first line inside the
 * brace, ended by a blank line, a comment line or an element spanning several lines.
 */
function alignedSection(body: Node, children: Node[]): Node[] {
  const section: Node[] = [];
  let row = body.startPosition.row;
  for (const child of children) {
    if (child.type === 'comment' && section.length > 0 && child.startPosition.row === row) continue; // trailing comment
    if (child.type !== 'keyed_element' || child.startPosition.row !== row + 1 || child.endPosition.row !== child.startPosition.row) break;
    section.push(child);
    row = child.startPosition.row;
  }
  return section;
}

/**
 * Whether the literal is the value of a line that gofmt aligns with the lines around
 * it: an element of a multi-line composite literal, or a spec of a var ( ... ) group.
 */
function isAligned(literal: Node): boolean {
  let n = literal;
  while (n.parent && (n.parent.type === 'unary_expression' || n.parent.type === 'parenthesized_expression')) n = n.parent;
  const parent = n.parent;
  if (parent?.type === 'literal_element') {
    const outer = parent.parent?.type === 'keyed_element' ? parent.parent.parent : parent.parent;
    return outer?.type === 'literal_value' && outer.startPosition.row !== outer.endPosition.row;
  }
  return parent?.type === 'expression_list' && parent.parent?.type === 'var_spec' && parent.parent.parent?.type === 'var_spec_list';
}

function runes(text: string): number {
  return [...text].length;
}
