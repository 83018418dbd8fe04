import type { FileFacts } from '../../engine/fileFacts';
import { commentEnd } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';
import { SourceMarks } from '../../engine/sourceMarks';

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

const MARKER_WORDS = ['TODO', 'FIXME', 'HACK', 'XXX', 'BUG'];
/** Any marker word anywhere: most files hold none, and then none of their comments need reading. */
const ANY_MARKER_WORD = new RegExp(MARKER_WORDS.join('|'));
/**
 * Per lint, where the file's marker words are (null when it has none). Many files hold
 * one somewhere (`context.TODO()`, `DEBUG`), and reading each of their comments' text
 * to look for one was most of the rule's time (95 ms over the standard library, now
 * 57): a comment is read only when a marker word lies within it.
 */
const markerWords = new WeakMap<FileFacts, SourceMarks | null>();

function holdsMarkerWord(facts: FileFacts, source: string, start: number): boolean {
  let marks = markerWords.get(facts);
  if (marks === undefined) markerWords.set(facts, (marks = ANY_MARKER_WORD.test(source) ? new SourceMarks(source, 0, source.length, MARKER_WORDS) : null));
  if (!marks) return false;
  const end = commentEnd(source, start);
  return MARKER_WORDS.some((word) => marks!.has(word, start, end));
}

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
    const comment = captures.get('comment')!;
    if (!holdsMarkerWord(ctx.facts, ctx.source, comment.startIndex)) return;
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
