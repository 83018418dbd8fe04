import type { FileFacts } from '../../engine/fileFacts';
import { defineRule } from '../../engine/rule';

/** A marker word in capitals, standing alone, optionally followed by (owner) or a colon. */
const MARKER = /(?<![A-Za-z0-9_])(TODO|FIXME|HACK|XXX|BUG)(?![A-Za-z0-9_])(\([^)]*\))?:?/g;

/**
 * A marker glued to a name, path or quote is part of it, not a note: `context.TODO()`,
 * `type.XXX`, `XXX~`, `encode(XXX)`, `"got XXX"`, `#pkg-note-BUG`, `"BUG|TODO"`. Still
 * notes: `@TODO`, `TODO/later`, `(TODO)`, and `//TODO` after another comment's text.
 */
const GLUED_BEFORE = /(?<!\/)([.\-/#"'`|=$<\\]|\w[([])$/;
const GLUED_AFTER = /^([~#"'`|>=\\-]|\.\w)/;

/**
 * XXX is also the usual placeholder in prose ("where XXX is the name"): it counts as a
 * marker only where a note starts, at the start of the comment's text or of a sentence.
 */
const NOTE_START = /(^|[;.:!?]\s|^\s*[-*]\s)\s*$/;

/** Any marker word anywhere: most files hold none, and then none of their comments need reading. */
const ANY_MARKER_WORD = /TODO|FIXME|HACK|XXX|BUG/;
const holdsMarkerWord = new WeakMap<FileFacts, boolean>();

function isMarker(line: string, index: number, word: string): boolean {
  const before = line.slice(0, index).replace(/^\s*(\/\/|\/\*+|\*+(?!\/))/, '');
  if (GLUED_BEFORE.test(before) || GLUED_AFTER.test(line.slice(index + word.length))) return false;
  return word !== 'XXX' || NOTE_START.test(before);
}

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
    let holds = holdsMarkerWord.get(ctx.facts);
    if (holds === undefined) holdsMarkerWord.set(ctx.facts, (holds = ANY_MARKER_WORD.test(ctx.source)));
    if (!holds) return;
    const comment = captures.get('comment')!;
    const text = comment.text;
    for (const match of text.matchAll(MARKER)) {
      const lineStart = text.lastIndexOf('\n', match.index!) + 1;
      const lineEnd = text.indexOf('\n', match.index!);
      const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
      if (!isMarker(line, match.index! - lineStart, match[1])) continue;
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
