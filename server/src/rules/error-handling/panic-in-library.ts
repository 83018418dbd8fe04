import type { Node } from 'web-tree-sitter';
import { boundToRecover } from '../../engine/errorIdioms';
import { enclosingDeclaration, functionName } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';

/** A re-panic: `panic(r)` where r was bound to recover() in the same function. */
function isRepanic(call: Node): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return args.length === 1 && args[0]?.type === 'identifier' && boundToRecover(args[0]);
}

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
