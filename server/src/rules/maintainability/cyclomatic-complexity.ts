import { MEASURED_FUNCTIONS_QUERY, measureIfOver } from '../../engine/functionMetrics';
import { defineRule } from '../../engine/rule';

const EFFORT_PER_POINT = 5;

export default defineRule({
  meta: {
    id: 'cyclomatic-complexity',
    category: 'maintainability',
    severity: 'warning',
    effortMinutes: EFFORT_PER_POINT,
    effortNote: '5 per point over the limit',
    fixable: false,
    summary: 'Functions with too many independent paths (if, for, case, && and ||) to test and reason about',
    nolintAliases: ['gocyclo', 'cyclop'],
    options: {
      max: { type: 'integer', default: 15, minimum: 1, description: 'Highest cyclomatic complexity a function may have.' },
    },
  },
  query: MEASURED_FUNCTIONS_QUERY,
  check(ctx, captures) {
    const max = Number(ctx.options.max);
    const over = measureIfOver(captures, ctx.facts, (bounds) => bounds.complexity > max);
    if (!over || over.metrics.complexity <= max) return;
    const { measured, metrics: { complexity } } = over;
    ctx.report({
      node: measured.nameNode,
      message: `${measured.label} has cyclomatic complexity ${complexity} (limit ${max}); extract branches into helpers, return early or use a lookup table`,
      effortMinutes: EFFORT_PER_POINT * (complexity - max),
    });
  },
});
