import type { Node } from 'web-tree-sitter';
import { enclosingDeclaration, FUNCTION_TYPES, functionName } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';

/** True when call is `recover()`. */
function isRecoverCall(node: Node | null | undefined): boolean {
  return node?.type === 'call_expression' && node.childForFieldName('function')?.text === 'recover' &&
    node.childForFieldName('arguments')?.namedChildCount === 0;
}

/** True when statement binds name to recover(): `name := recover()`, `name = recover()`, `var name = recover()`. */
function bindsRecover(statement: Node, name: string): boolean {
  if (statement.type === 'var_declaration') {
    return statement.namedChildren.some((spec) => spec?.type === 'var_spec' &&
      spec.childrenForFieldName('name')[0]?.text === name && isRecoverCall(spec.childForFieldName('value')?.namedChildren[0]));
  }
  if (statement.type !== 'short_var_declaration' && statement.type !== 'assignment_statement') return false;
  const left = statement.childForFieldName('left')?.namedChildren ?? [];
  const right = statement.childForFieldName('right')?.namedChildren ?? [];
  return left.length === 1 && left[0]?.text === name && isRecoverCall(right[0]);
}

/**
 * A re-panic: `panic(r)` where r was bound to recover() in the same function, by an
 * enclosing `if r := recover(); ...` or by an earlier statement of an enclosing block.
 */
function isRepanic(call: Node): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.length !== 1 || args[0]?.type !== 'identifier') return false;
  const name = args[0].text;
  for (let child: Node = call, n = call.parent; n && !FUNCTION_TYPES.has(n.type); child = n, n = n.parent) {
    if (n.type === 'if_statement') {
      const init = n.childForFieldName('initializer');
      if (init && bindsRecover(init, name)) return true;
    }
    if (n.type === 'statement_list') {
      for (const statement of n.namedChildren) {
        if (!statement || statement.startIndex >= child.startIndex) break;
        if (bindsRecover(statement, name)) return true;
      }
    }
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'panic-in-library',
    category: 'error-handling',
    severity: 'warning',
    effortMinutes: 15,
    fixable: false,
    summary: 'panic in a package other than main: a library should return an error and let its caller decide',
  },
  query: '(call_expression function: (identifier) @function (#eq? @function "panic")) @call',
  check(ctx, captures) {
    if (ctx.facts.packageName === 'main') return;
    const call = captures.get('call')!;
    const decl = enclosingDeclaration(call);
    const name = decl ? functionName(decl) : '';
    if (decl?.type === 'function_declaration' && name === 'init') return;
    if (/^(Must|must)/.test(name) || isRepanic(call)) return;
    ctx.report({
      node: call,
      message: `panic in package ${ctx.facts.packageName} takes down every program that imports it: return an error instead`,
    });
  },
});
