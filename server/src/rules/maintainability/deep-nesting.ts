import { firstTooDeep, MEASURED_FUNCTIONS_QUERY, measureIfOver } from '../../engine/functionMetrics';
import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'deep-nesting',
    category: 'maintainability',
    severity: 'warning',
    effortMinutes: 10,
    fixable: false,
    summary: 'Statements buried under too many levels of if, for, switch and select',
    nolintAliases: ['nestif'],
    options: {
      max: { type: 'integer', default: 4, minimum: 1, description: 'Most levels of if/for/switch/select bodies a statement may sit in.' },
    },
  },
  query: MEASURED_FUNCTIONS_QUERY,
  check(ctx, captures) {
    const max = Number(ctx.options.max);
    const over = measureIfOver(captures, ctx.facts, (bounds) => bounds.depth > max);
    if (!over) return;
    const { measured, metrics } = over;
    const deepest = metrics.firstAtDepth.length - 1;
    const span = firstTooDeep(metrics, max);
    if (!span) return;
    // Underline the statement's first line only: the rest of a deep block is not news.
    const lineEnd = ctx.source.indexOf('\n', span.start);
    const end = lineEnd < 0 ? span.end : Math.min(span.end, lineEnd);
    ctx.report({
      span: { start: span.start, end },
      message: `${measured.label} nests statements ${deepest} levels deep (limit ${max}); return early, invert conditions or extract the inner block into a function`,
    });
  },
});
