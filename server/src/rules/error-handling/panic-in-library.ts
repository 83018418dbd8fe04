import type { Node } from 'web-tree-sitter';
import { boundToRecover } from '../../engine/errorIdioms';
import { docComment, enclosingDeclaration, FUNCTION_TYPES, functionName, underFlag } from '../../engine/goSyntax';
import { isLibraryCode, statesInvariant } from '../../engine/libraryCode';
import { defineRule } from '../../engine/rule';

/** A re-panic: `panic(r)` where r was bound to recover() in the same function. */
function isRepanic(call: Node): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return args.length === 1 && args[0]?.type === 'identifier' && boundToRecover(args[0]);
}

/**
 * A switch that names every possibility it handles: a type switch, or a switch on a
 * value whose cases are all named constants (`case OpAdd, token.SUB:`), as over an
 * enum. A `default:` (or the code after it) that panics marks the cases as exhaustive.
 * Switches that read input stay flagged: over literals (`case "json":`), or over a
 * value converted or decoded on the spot (`switch Status(s)`, `switch order.Uint32(b)`).
 */
function isEnumerationSwitch(statement: Node): boolean {
  if (statement.type === 'type_switch_statement') return true;
  const value = statement.childForFieldName('value');
  if (statement.type !== 'expression_switch_statement' || !value) return false;
  if (value.type === 'call_expression' && (value.childForFieldName('arguments')?.namedChildCount ?? 0) > 0) return false;
  const values = statement.namedChildren
    .filter((c): c is Node => c?.type === 'expression_case')
    .flatMap((c) => c.childForFieldName('value')?.namedChildren ?? []);
  return values.length > 0 && values.every((v) => v?.type === 'identifier' || v?.type === 'selector_expression');
}

/** The panic is (in) the default branch of an enumeration switch. */
function inExhaustiveDefault(call: Node): boolean {
  for (let n = call.parent; n && !FUNCTION_TYPES.has(n.type); n = n.parent) {
    if (n.type === 'expression_case' || n.type === 'type_case' || n.type === 'communication_case') return false;
    if (n.type === 'default_case') return !!n.parent && isEnumerationSwitch(n.parent);
  }
  return false;
}

/**
 * The panic is the function's last statement and follows an enumeration switch without
 * a default whose every case returns: the default branch written after the switch.
 */
function afterExhaustiveSwitch(call: Node): boolean {
  const statement = call.parent;
  const list = statement?.parent;
  if (statement?.type !== 'expression_statement' || list?.type !== 'statement_list') return false;
  if (list.parent?.type !== 'block' || !list.parent.parent || !FUNCTION_TYPES.has(list.parent.parent.type)) return false;
  if (list.lastNamedChild?.id !== statement.id) return false;
  const previous = statement.previousNamedSibling;
  if (!previous || !isEnumerationSwitch(previous)) return false;
  const clauses = previous.namedChildren.filter((c): c is Node => !!c && /_case$/.test(c.type));
  return clauses.every((clause) => {
    if (clause.type === 'default_case') return false;
    const body = clause.namedChildren.find((c) => c?.type === 'statement_list');
    const last = body?.lastNamedChild;
    return last?.type === 'return_statement' || (last?.type === 'expression_statement' && last.namedChildren[0]?.type === 'call_expression' &&
      last.namedChildren[0].childForFieldName('function')?.text === 'panic');
  });
}

/** A name that switches on a debugging or self-checking mode: debug, debugPoset, sanity, paranoid. */
const DEBUG_FLAG = /^(debug|sanity|paranoid|assert|verify(Invariants)?$|checkInvariants$)/i;

export default defineRule({
  meta: {
    id: 'panic-in-library',
    category: 'error-handling',
    severity: 'warning',
    effortMinutes: 15,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'panic in a package other than main: a library should return an error and let its caller decide',
  },
  // panic returns nothing, so in Go that parses it is a statement's call (or a deferred
  // or go one): matching only those turns 17,000 calls of the standard library into JS
  // objects for the predicate to read, not every one of 94,000 calls of a plain name.
  query: `
    (expression_statement (call_expression function: (identifier) @function (#eq? @function "panic")) @call)
    (defer_statement (call_expression function: (identifier) @function (#eq? @function "panic")) @call)
    (go_statement (call_expression function: (identifier) @function (#eq? @function "panic")) @call)`,
  check(ctx, captures) {
    if (!isLibraryCode(ctx.facts)) return;
    const call = captures.get('call')!;
    const decl = enclosingDeclaration(call);
    // Package initialisation: init, or a package-level `var x = func() T { ... }()`.
    if (!decl || (decl.type === 'function_declaration' && functionName(decl) === 'init')) return;
    // go-fuzz entry points (func Fuzz(data []byte) int) report a bug by panicking.
    if (/^(Must|must|Fuzz)/.test(functionName(decl)) || isRepanic(call)) return;
    // A documented panic ("It panics if n < 0.") is part of the function's contract, as
    // with slice indexing or prometheus's CounterVec.With next to GetMetricWith.
    if (/\bpanic/i.test(docComment(decl))) return;
    if (statesInvariant(call)) return;
    if (inExhaustiveDefault(call) || afterExhaustiveSwitch(call) || underFlag(call, DEBUG_FLAG)) return;
    ctx.report({
      node: call,
      message: `panic in package ${ctx.facts.packageName} takes down every program that imports it: return an error instead`,
    });
  },
});
