import { MEASURED_FUNCTIONS_QUERY, measureIfOver } from '../../engine/functionMetrics';
import { defineRule } from '../../engine/rule';

const BASE_EFFORT = 10;

export default defineRule({
  meta: {
    id: 'function-too-long',
    category: 'maintainability',
    severity: 'warning',
    effortMinutes: BASE_EFFORT,
    effortNote: '10 + 1 per 10 lines over the limit',
    fixable: false,
    summary: 'Functions too long to read in one sitting: too many lines or statements',
    nolintAliases: ['funlen'],
    options: {
      maxLines: { type: 'integer', default: 80, minimum: 1, description: 'Most lines a function body may span (between its braces).' },
      maxStatements: { type: 'integer', default: 50, minimum: 1, description: 'Most statements a function may hold, nested ones included.' },
    },
  },
  query: MEASURED_FUNCTIONS_QUERY,
  check(ctx, captures) {
    const maxLines = Number(ctx.options.maxLines);
    const maxStatements = Number(ctx.options.maxStatements);
    const over = measureIfOver(captures, ctx.facts, (bounds) => bounds.lines > maxLines || bounds.statements > maxStatements);
    if (!over) return;
    const { measured, metrics: { lines, statements } } = over;
    const excess: string[] = [];
    if (lines > maxLines) excess.push(`${lines} lines (limit ${maxLines})`);
    if (statements > maxStatements) excess.push(`${statements} statements (limit ${maxStatements})`);
    if (excess.length === 0) return;
    ctx.report({
      node: measured.nameNode,
      message: `${measured.label} has ${excess.join(' and ')}; split it into smaller functions that each do one thing`,
      effortMinutes: BASE_EFFORT + Math.floor(Math.max(0, lines - maxLines) / 10),
    });
  },
});
