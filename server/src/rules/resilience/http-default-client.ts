import { packageMember } from '../../engine/goSyntax';
import { isTestSupport } from '../../engine/libraryCode';
import { defineRule } from '../../engine/rule';

const PACKAGE_FUNCS = new Set(['Get', 'Head', 'Post', 'PostForm']);

export default defineRule({
  meta: {
    id: 'http-default-client',
    category: 'resilience',
    severity: 'warning',
    effortMinutes: 15,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'http.Get, http.Post and http.DefaultClient: requests without a timeout',
    nolintAliases: ['noctx'],
  },
  selectors: [...PACKAGE_FUNCS, 'DefaultClient'],
  check(ctx, captures) {
    // Test support (httptest, testutil) serves and calls tests on this machine.
    if (isTestSupport(ctx.facts)) return;
    const sel = captures.get('selector')!;
    const member = packageMember(sel, ctx.facts);
    if (member?.path !== 'net/http') return;
    if (member.name === 'DefaultClient') {
      // Configuring the default client (http.DefaultClient = ..., .Timeout = ...) is the cure, not the disease.
      if (isAssignedTo(sel)) return;
      ctx.report({
        node: sel,
        message: 'http.DefaultClient has no timeout, so one slow server hangs the caller for ever: use an http.Client with a Timeout',
      });
      return;
    }
    if (!PACKAGE_FUNCS.has(member.name) || !captures.get('call')) return;
    ctx.report({
      node: sel,
      message: `${sel.text} uses http.DefaultClient, which has no timeout, so one slow server hangs the caller for ever: use an http.Client with a Timeout`,
    });
  },
});

/** Whether sel (or a field of it) is the target of an assignment. */
function isAssignedTo(sel: import('web-tree-sitter').Node): boolean {
  let target = sel;
  while (target.parent?.type === 'selector_expression' && target.parent.childForFieldName('operand')?.id === target.id) target = target.parent;
  const list = target.parent;
  return list?.type === 'expression_list' && list.parent?.type === 'assignment_statement' &&
    list.parent.childForFieldName('left')?.id === list.id;
}
