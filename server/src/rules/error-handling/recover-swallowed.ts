import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'recover-swallowed',
    category: 'error-handling',
    severity: 'warning',
    effortMinutes: 10,
    fixable: false,
    summary: 'recover() whose value is thrown away: the panic vanishes without a log, metric or error',
  },
  query: `
    (expression_statement
      (call_expression function: (identifier) @function (#eq? @function "recover") arguments: (argument_list)) @recover)
    (assignment_statement
      left: (expression_list . (identifier) @blank . (#eq? @blank "_"))
      right: (expression_list . (call_expression function: (identifier) @function (#eq? @function "recover") arguments: (argument_list)) @recover .))
    (if_statement
      initializer: (short_var_declaration
        right: (expression_list . (call_expression function: (identifier) @function (#eq? @function "recover") arguments: (argument_list)) @recover .))
      consequence: (block) @body)`,
  check(ctx, captures) {
    // The arguments are looked up for recover() calls only: a capture is a JS object for every call the pattern meets.
    const recover = captures.get('recover')!;
    if ((recover.childForFieldName('arguments')?.namedChildCount ?? 0) > 0) return;
    const body = captures.get('body');
    // An if body counts as empty when it has no statements (a comment alone does not handle anything).
    if (body && body.namedChildren.some((c) => c !== null && c.type !== 'comment')) return;
    ctx.report({
      node: recover,
      message: body
        ? 'The panic recovered here is dropped by an empty if body: log it (with the stack) or turn it into an error'
        : 'recover() result is thrown away, so the panic vanishes silently: log it (with the stack) or turn it into an error',
    });
  },
});
