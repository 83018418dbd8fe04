// Whether a stretch of Go text closes everything it opens: brackets, comments and
// literals. The editor asks this of the declaration being typed in (editedRegion.ts):
// while it does not balance, the parser's error recovery reads on into the
// declarations that follow it.
//
// Only Go's lexical rules matter: a bracket inside a comment, a string, a raw string or
// a rune does not count, and an interpreted string or a rune that reaches the end of
// its line is unclosed (Go allows no newline in them).
import {
  APOSTROPHE, BACKQUOTE, CLOSE_BRACE, CLOSE_BRACKET, CLOSE_PAREN, OPEN_BRACE, OPEN_BRACKET, OPEN_PAREN, QUOTE, quotedEnd, SLASH, STAR,
} from './charCodes';

/** True when source[start, end) closes every bracket, comment and literal it opens, and no bracket it did not open. */
export function balances(source: string, start = 0, end = source.length): boolean {
  const expected: number[] = []; // the closers of the open brackets, innermost last
  let i = start;
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === OPEN_PAREN || c === OPEN_BRACKET || c === OPEN_BRACE) {
      expected.push(c === OPEN_PAREN ? CLOSE_PAREN : c === OPEN_BRACKET ? CLOSE_BRACKET : CLOSE_BRACE);
      i++;
    } else if (c === CLOSE_PAREN || c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      if (expected.pop() !== c) return false;
      i++;
    } else if (c === QUOTE || c === APOSTROPHE) {
      const k = quotedEnd(source, i + 1, end, c);
      if (k >= end || source.charCodeAt(k) !== c) return false;
      i = k + 1;
    } else if (c === BACKQUOTE) {
      const close = source.indexOf('`', i + 1);
      if (close < 0 || close >= end) return false;
      i = close + 1;
    } else if (c === SLASH && i + 1 < end && source.charCodeAt(i + 1) === SLASH) {
      const newline = source.indexOf('\n', i + 2);
      i = newline < 0 || newline >= end ? end : newline + 1;
    } else if (c === SLASH && i + 1 < end && source.charCodeAt(i + 1) === STAR) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0 || close + 2 > end) return false;
      i = close + 2;
    } else {
      i++;
    }
  }
  return expected.length === 0;
}
