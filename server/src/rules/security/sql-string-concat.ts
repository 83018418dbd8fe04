import type { Node } from 'web-tree-sitter';
import type { FileFacts } from '../../engine/fileFacts';
import { enclosingFunction, packageCall } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';
import { SQL_METHODS, sqlMethodCall } from '../../engine/sqlCalls';

const LITERALS = new Set(['interpreted_string_literal', 'raw_string_literal', 'int_literal', 'float_literal', 'rune_literal', 'imaginary_literal']);

export default defineRule({
  meta: {
    id: 'sql-string-concat',
    category: 'security',
    severity: 'error',
    effortMinutes: 10,
    fixable: false,
    summary: 'SQL built with + or fmt.Sprintf from variables: an injection hole; pass values as placeholder arguments',
    nolintAliases: ['gosec'],
  },
  selectors: Object.keys(SQL_METHODS),
  check(ctx, captures) {
    const called = captures.get('call');
    const call = called && sqlMethodCall(called, ctx.facts);
    if (!call || call.method.queryArg < 0) return;
    const argument = call.args[call.method.queryArg];
    let query = argument;
    while (query?.type === 'parenthesized_expression' && query.namedChildren[0]) query = query.namedChildren[0];
    if (!query) return;
    const parts = queryParts(query, ctx.facts);
    if (!parts || isArithmetic(query, parts)) return;
    const constants = constantsInScope(query, ctx.facts);
    const variable = parts.find((p) => !LITERALS.has(p.type) && !(p.type === 'identifier' && constants.has(p.text)));
    if (!variable) return;
    const how = query.type === 'binary_expression' ? 'concatenated with +' : 'formatted with fmt.Sprintf';
    ctx.report({
      node: argument,
      message: `the ${call.name} query is ${how} from ${variable.text.length > 40 ? 'a non-constant value' : `\`${variable.text}\``}: pass values as placeholder arguments ($1, ?) instead of building SQL text`,
    });
  },
});

/**
 * `id+1`: a sum of numbers, as passed to a prepared statement's Exec(args...), which
 * takes no query. A `+` with literals, none of them a string, is not building SQL.
 */
function isArithmetic(query: Node, parts: Node[]): boolean {
  if (query.type !== 'binary_expression') return false;
  const literals = parts.filter((p) => LITERALS.has(p.type));
  return literals.length > 0 && literals.every((p) => p.type !== 'interpreted_string_literal' && p.type !== 'raw_string_literal');
}

/** The operands of a `+` chain or the arguments of fmt.Sprintf (format included); null for anything else. */
function queryParts(query: Node, facts: FileFacts): Node[] | null {
  if (query.type === 'binary_expression') {
    if (query.childForFieldName('operator')?.text !== '+') return null;
    return concatOperands(query);
  }
  const target = packageCall(query, facts);
  if (target?.path !== 'fmt' || target.name !== 'Sprintf') return null;
  return query.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment') ?? [];
}

function concatOperands(node: Node): Node[] {
  while (node.type === 'parenthesized_expression' && node.namedChildren[0]) node = node.namedChildren[0];
  if (node.type !== 'binary_expression' || node.childForFieldName('operator')?.text !== '+') return [node];
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  return [...(left ? concatOperands(left) : []), ...(right ? concatOperands(right) : [])];
}

const fileConstants = new WeakMap<FileFacts, Set<string>>();

/** Names of constants declared in this file: at top level, and in the functions around node. */
function constantsInScope(node: Node, facts: FileFacts): Set<string> {
  let top = fileConstants.get(facts);
  if (!top) {
    top = new Set();
    for (const decl of facts.root.namedChildren) if (decl?.type === 'const_declaration') addConstNames(decl, top);
    fileConstants.set(facts, top);
  }
  const names = new Set(top);
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    for (const decl of fn.descendantsOfType('const_declaration')) if (decl) addConstNames(decl, names);
  }
  return names;
}

function addConstNames(decl: Node, into: Set<string>): void {
  for (const spec of decl.namedChildren) {
    if (spec?.type !== 'const_spec') continue;
    for (const name of spec.childrenForFieldName('name')) if (name?.type === 'identifier') into.add(name.text);
  }
}
