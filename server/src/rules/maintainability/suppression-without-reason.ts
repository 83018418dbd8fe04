import { defineRule } from '../../engine/rule';
import { REASON_PLACEHOLDER } from '../../engine/suppression';

export default defineRule({
  meta: {
    id: 'suppression-without-reason',
    category: 'maintainability',
    severity: 'info',
    effortMinutes: 2,
    fixable: false,
    summary: 'a //godebt:ignore or //godebt:file-ignore directive that does not say why',
    includeTests: true,
  },
  checkDirectives(ctx, state) {
    for (const directive of state.directives) {
      // nolint directives are golangci-lint's (its nolintlint judges their explanations);
      // a directive that cannot take effect is unused-suppression's.
      if (directive.kind === 'nolint' || directive.problem) continue;
      const shown = `//godebt:${directive.kind}`;
      // No fix: only the author knows the reason.
      if (directive.reason === REASON_PLACEHOLDER) {
        ctx.report({ span: { start: directive.start, end: directive.end }, message: `${shown} still has the ${REASON_PLACEHOLDER} placeholder: replace it with why the finding is acceptable here.` });
      } else if (directive.reason === '') {
        ctx.report({ span: { start: directive.start, end: directive.end }, message: `${shown} gives no reason: add ' -- ' and why the finding is acceptable here.` });
      }
    }
  },
});
