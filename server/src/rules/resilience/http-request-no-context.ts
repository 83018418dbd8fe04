import type { Node } from 'web-tree-sitter';
import { contextInScope, enclosingFunction, packageMember } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'http-request-no-context',
    category: 'resilience',
    severity: 'warning',
    effortMinutes: 5,
    fixable: true,
    onlyBuiltFiles: true,
    summary: 'http.NewRequest: the request cannot be cancelled with its caller',
    nolintAliases: ['noctx'],
  },
  selectors: ['NewRequest'],
  check(ctx, captures) {
    const sel = captures.get('selector')!;
    const member = packageMember(sel, ctx.facts);
    const call = captures.get('call');
    // The context goes in front of the first argument, so a call broken over lines stays gofmt-clean.
    const first = call?.childForFieldName('arguments')?.namedChild(0);
    if (member?.path !== 'net/http' || !call || !first) return;
    const context = contextInScope(sel, ctx.facts);
    if (contextAddedLater(call, context)) return;
    const name = captures.get('name')!;
    ctx.report({
      node: sel,
      message: context
        ? `http.NewRequest builds a request that ignores cancellation: use http.NewRequestWithContext(${context}, ...)`
        : 'http.NewRequest builds a request that ignores cancellation: use http.NewRequestWithContext and pass the caller\'s context',
      fix: context ? {
        title: `Use http.NewRequestWithContext(${context}, ...)`,
        edits: [
          { start: name.startIndex, end: name.endIndex, text: 'NewRequestWithContext' },
          { start: first.startIndex, end: first.startIndex, text: `${context}, ` },
        ],
        preferred: true,
      } : null,
    });
  },
});

/**
 * `req, err := http.NewRequest(...)` and later, in the same function, `req.WithContext(ctx)`,
 * or req handed to a call together with the context in scope, which attaches it
 * (`ctxhttp.Do(ctx, client, req)`, prometheus's `h.client.Do(ctx, req)`).
 */
function contextAddedLater(call: Node, context: string | null): boolean {
  const list = call.parent;
  const assign = list?.parent;
  if (list?.type !== 'expression_list' || (assign?.type !== 'short_var_declaration' && assign?.type !== 'assignment_statement')) return false;
  const req = assign.childForFieldName('left')?.namedChildren[0];
  const body = enclosingFunction(call)?.childForFieldName('body');
  if (req?.type !== 'identifier' || !body) return false;
  return body.descendantsOfType('call_expression').some((c) => {
    if (c?.childForFieldName('function')?.text === `${req.text}.WithContext`) return true;
    const args = c?.childForFieldName('arguments')?.namedChildren.map((a) => a?.text) ?? [];
    return context !== null && args.includes(req.text) && args.includes(context);
  });
}
