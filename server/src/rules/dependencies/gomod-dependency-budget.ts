import { GoModDirective, parseGoMod } from '../../engine/goMod';
import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'gomod-dependency-budget',
    category: 'dependencies',
    severity: 'info',
    effortMinutes: 0,
    fixable: false,
    summary: 'go.mod with more direct requirements than the budget allows',
    language: 'go.mod',
    options: {
      max: { type: 'integer', default: 20, minimum: 0, description: 'Most direct (not // indirect) requirements a go.mod may have.' },
    },
  },
  checkGoMod(ctx) {
    const max = Number(ctx.options.max);
    const direct = parseGoMod(ctx.source).requirements.filter((r) => !r.indirect);
    if (direct.length <= max) return;
    // Report on the require directive holding most direct requirements (go mod tidy
    // writes them in one block, the indirect ones in another).
    const counts = new Map<GoModDirective, number>();
    for (const r of direct) counts.set(r.directive, (counts.get(r.directive) ?? 0) + 1);
    const [target] = [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    ctx.report({
      span: target.span,
      message: `go.mod has ${direct.length} direct requirements (budget ${max}): each is code you ship, patch and audit; remove the ones a few lines of your own or the standard library can replace`,
    });
  },
});
