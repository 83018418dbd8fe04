import { defineRule } from '../../engine/rule';

/** A marker word in capitals, standing alone, optionally followed by (owner) or a colon. */
const MARKER = /(?<![A-Za-z0-9_])(TODO|FIXME|HACK|XXX|BUG)(?![A-Za-z0-9_])(\([^)]*\))?:?/g;

export default defineRule({
  meta: {
    id: 'debt-marker',
    category: 'maintainability',
    severity: 'info',
    effortMinutes: 0,
    effortNote: 'counted, not estimated',
    fixable: false,
    summary: 'TODO, FIXME, HACK, XXX and BUG comments: debt somebody wrote down',
    nolintAliases: ['godox'],
  },
  query: '(comment) @comment',
  check(ctx, captures) {
    const comment = captures.get('comment')!;
    const text = comment.text;
    for (const match of text.matchAll(MARKER)) {
      const start = comment.startIndex + match.index!;
      const rest = text.slice(match.index! + match[0].length).split('\n')[0].replace(/\*\/\s*$/, '').trim();
      const owner = match[2] ?? '';
      ctx.report({
        span: { start, end: start + match[1].length },
        message: rest ? `${match[1]}${owner}: ${rest}` : `${match[1]}${owner} marker with no text`,
      });
    }
  },
});
