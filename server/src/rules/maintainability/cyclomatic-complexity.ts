import { functionMetrics, MEASURED_FUNCTIONS_QUERY, measuredFunction } from '../../engine/functionMetrics';
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
    const measured = measuredFunction(captures.get('function')!, captures.get('body')!);
    if (!measured) return;
    const max = Number(ctx.options.max);
    const { complexity } = functionMetrics(measured.body, ctx.facts);
    if (complexity <= max) return;
    ctx.report({
      node: measured.nameNode,
      message: `${measured.label} has cyclomatic complexity ${complexity} (limit ${max}); extract branches into helpers, return early or use a lookup table`,
      effortMinutes: EFFORT_PER_POINT * (complexity - max),
    });
  },
});
