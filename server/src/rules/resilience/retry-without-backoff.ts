import { defineRule } from '../../engine/rule';
import { retryLoop } from '../../engine/retryLoops';

export default defineRule({
  meta: {
    id: 'retry-without-backoff',
    category: 'resilience',
    severity: 'warning',
    effortMinutes: 20,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'Retry loop that tries again at once: a hot loop that hammers a failing dependency',
  },
  query: '(for_statement) @loop',
  check(ctx, captures) {
    const retry = retryLoop(captures.get('loop')!, ctx.facts);
    if (!retry || retry.delays.length > 0) return;
    ctx.report({
      span: retry.keyword,
      message: 'This retry loop tries again immediately, hammering a dependency that is already failing: wait between attempts with exponential backoff and jitter',
    });
  },
});
