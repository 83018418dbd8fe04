// Where the context in scope (goSyntax.contextInScope) comes from, and whether code
// using it may run after that function has returned (when the context may be done).
import type { Node } from 'web-tree-sitter';
import { FUNCTION_TYPES, parametersOf } from './goSyntax';

/** The function whose parameter provides the context expression (`ctx` or `r.Context()`). */
export function contextOwner(node: Node, context: string): Node | null {
  const base = context.replace(/\.Context\(\)$/, '');
  for (let n = node.parent; n; n = n.parent) {
    if (FUNCTION_TYPES.has(n.type) && parametersOf(n).some((p) => p.name === base)) return n;
  }
  return null;
}

/**
 * Whether a function literal between node and owner runs at some later time: started
 * with `go`, deferred, or handed to someone as a callback. Code there may outlive the
 * owner's context, so swapping in that context can change behaviour.
 */
export function runsLater(node: Node, owner: Node | null): boolean {
  for (let n = node.parent; n && n.id !== owner?.id; n = n.parent) {
    if (n.type !== 'func_literal') continue;
    const invocation = n.parent;
    const invokedNow = invocation?.type === 'call_expression' && invocation.childForFieldName('function')?.id === n.id &&
      invocation.parent?.type !== 'go_statement' && invocation.parent?.type !== 'defer_statement';
    if (!invokedNow) return true;
  }
  return false;
}
