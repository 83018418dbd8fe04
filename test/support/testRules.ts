// Small rules for engine tests: their findings are easy to predict.
import { defineRule } from '../../server/src/engine/rule';

/** Reports every call of a plain identifier, "call of NAME"; silenced by //nolint:peer too. */
export const calls = defineRule({
  meta: { id: 'test-calls', category: 'maintainability', severity: 'warning', effortMinutes: 1, fixable: false, summary: 'every call', nolintAliases: ['peer'] },
  query: '(call_expression function: (identifier) @fn)',
  check(ctx, captures) {
    ctx.report({ node: captures.get('fn')!, message: `call of ${captures.get('fn')!.text}` });
  },
});
