import type { Node } from 'web-tree-sitter';
import { closesIn, escapes } from '../../engine/escape';
import type { FileFacts } from '../../engine/fileFacts';
import type { Fix } from '../../engine/fix';
import { FUNCTION_TYPES, indentationAt } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';
import { importsSql } from '../../engine/sqlCalls';
import { endsBlock } from '../../engine/termination';

/** Methods returning rows that hold a connection until closed, with the fewest arguments each takes. */
const QUERIES: Readonly<Record<string, number>> = { Query: 1, QueryContext: 2, Queryx: 1, QueryxContext: 2 };

export default defineRule({
  meta: {
    id: 'sql-rows-not-closed',
    category: 'lifecycle',
    severity: 'warning',
    effortMinutes: 5,
    fixable: true,
    onlyBuiltFiles: true,
    summary: 'rows from Query are never closed: each one holds a pooled connection until the garbage collector finds it',
    nolintAliases: ['sqlclosecheck', 'rowserrcheck'],
  },
  query: ['short_var_declaration', 'assignment_statement'].map((statement) => `(${statement}
    left: (expression_list . (identifier) @rows . (identifier) @err .)
    right: (expression_list . (call_expression function: (selector_expression field: (field_identifier) @name)) @call .)
    (#match? @name "^(Query|QueryContext|Queryx|QueryxContext)$")) @assign`).join('\n'),
  check(ctx, captures) {
    if (!importsSql(ctx.facts)) return;
    const rows = captures.get('rows')!;
    const call = captures.get('call')!;
    const receiver = call.childForFieldName('function')?.childForFieldName('operand');
    if (rows.text === '_' || (receiver?.type === 'identifier' && ctx.facts.pathOf(receiver.text) !== undefined)) return;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((n) => n?.type !== 'comment') ?? [];
    if (args.length < QUERIES[captures.get('name')!.text]) return;
    const scope = outermostFunction(call);
    if (!scope) return;
    if (closesIn(scope, rows.text) || escapes(scope, rows.text)) return;
    ctx.report({
      node: rows,
      message: `${rows.text} is never closed, so its connection stays checked out of the pool: add defer ${rows.text}.Close() after the error check`,
      fix: deferCloseFix(captures.get('assign')!, rows.text, captures.get('err')!.text, ctx.source, ctx.facts),
    });
  },
});

/** The function declaration (or package-level literal) the variable lives in; closures share its names. */
function outermostFunction(node: Node): Node | null {
  let found: Node | null = null;
  for (let n = node.parent; n; n = n.parent) if (FUNCTION_TYPES.has(n.type)) found = n;
  return found;
}

/**
 * `defer ROWS.Close()` after the `if ERR != nil { ...; return }` that follows the query.
 * Not offered without such a check (on error ROWS is nil, and closing it would panic)
 * nor inside a loop (the defers would pile up until the function returns).
 */
function deferCloseFix(assign: Node, rows: string, err: string, source: string, facts: FileFacts): Fix | null {
  if (assign.parent?.type !== 'statement_list') return null;
  for (let n: Node | null = assign.parent; n && !FUNCTION_TYPES.has(n.type); n = n.parent) if (n.type === 'for_statement') return null;
  let check = assign.nextNamedSibling;
  while (check?.type === 'comment') check = check.nextNamedSibling;
  if (check?.type !== 'if_statement' || check.childForFieldName('initializer') || check.childForFieldName('alternative')) return null;
  if (check.childForFieldName('condition')?.text.replace(/\s+/g, '') !== `${err}!=nil`) return null;
  const statements = check.childForFieldName('consequence')?.namedChildren.find((n) => n?.type === 'statement_list');
  const last = statements?.namedChildren.filter((n) => n?.type !== 'comment').pop();
  if (!last || !endsBlock(last, facts)) return null;
  const indent = indentationAt(source, assign.startIndex);
  return {
    title: `Add defer ${rows}.Close()`,
    edits: [{ start: check.endIndex, end: check.endIndex, text: `\n${indent}defer ${rows}.Close()` }],
    preferred: true,
  };
}
