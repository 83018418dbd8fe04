// Upper bounds on a function body's metrics, read from its text in one pass, so that
// the size rules walk the syntax tree (measureBody.ts) only for the bodies that may be
// over a limit. With the default limits, three functions in five of the Go standard
// library are settled by these bounds; walking every body took a fifth of the rules' time.
//
// Every bound is at least the walk's figure on a body without syntax errors (the test
// compares them on real and mutated Go files); callers walk a body with errors instead.
import {
  AMPERSAND, APOSTROPHE, BACKQUOTE, BAR, CLOSE_BRACE, CLOSE_BRACKET, CLOSE_PAREN, COLON, COMMA, DOT, EQUALS, isAsciiWordChar,
  isBlank, isDigit, MINUS, NEWLINE, OPEN_BRACE, PLUS, QUOTE, quotedEnd, SEMICOLON, SLASH, STAR,
} from './charCodes';
import type { FunctionMetrics } from './measureBody';

export interface BodyBounds {
  /** Exactly FunctionMetrics.lines. */
  lines: number;
  /** At least the cyclomatic complexity: 1 + if, for, case, && and || tokens (tree-sitter may read && as two &). */
  complexity: number;
  /** At least the number of statements: every token where Go lets a statement start. */
  statements: number;
  /** At least the deepest nesting level: the deepest `{` inside the body (every level opens one). */
  depth: number;
}

/** Keywords after which Go inserts no `;` at a line end (all but break, continue, fallthrough and return). */
const NO_SEMICOLON_AFTER = new Set(['case', 'chan', 'const', 'default', 'defer', 'else', 'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'select', 'struct', 'switch', 'type', 'var']);

function isWordChar(c: number): boolean {
  // Outside comments and literals, a non-ASCII character can only be part of an identifier.
  return isAsciiWordChar(c) || c >= 0x80;
}

/**
 * Bounds on the metrics of the body (a block) at source[start, end). Statement starts
 * follow Go's rules for `;`: a statement starts after `{`, `;` or `:` (case clauses and
 * labels), and after a line break where Go inserts a `;`, that is, after an identifier,
 * a literal, break, continue, fallthrough, return, ++, --, ), ] or }.
 */
export function bodyBounds(source: string, start: number, end: number): BodyBounds {
  // One loop without closures: variables a closure shares live in memory rather than registers.
  let newlines = 0;
  let complexity = 1;
  let statements = 0;
  let depth = 0;
  let deepest = 0;
  // Whether the next token may start a statement, and whether a line break here ends one.
  let mayStart = true;
  let endsStatement = false;
  // The last token, when it is a word: only a line's last word needs looking up (a keyword keeps a statement going).
  let wordStart = -1;
  let wordEnd = -1;
  const stop = end - 1; // the closing brace
  let i = start + 1;
  while (i < stop) {
    const c = source.charCodeAt(i);
    const next = source.charCodeAt(i + 1);
    if (isBlank(c)) {
      i++;
      continue;
    }
    if (c === NEWLINE || (c === SLASH && next === STAR)) {
      // A line break, or a block comment, which ends a statement where it holds a line break.
      const after = c === NEWLINE ? i + 1 : blockCommentEnd(source, i, stop);
      for (let k = i; k < after; k++) {
        if (source.charCodeAt(k) !== NEWLINE) continue;
        newlines++;
        if (endsStatement && !(wordStart >= 0 && NO_SEMICOLON_AFTER.has(source.slice(wordStart, wordEnd)))) mayStart = true;
        endsStatement = false;
        wordStart = -1;
      }
      i = after;
      continue;
    }
    if (c === SLASH && next === SLASH) {
      const lineEnd = source.indexOf('\n', i);
      i = lineEnd < 0 || lineEnd > stop ? stop : lineEnd;
      continue;
    }
    // A token: whether it can start a statement, and what it means for the next one.
    const tokenStart = i;
    let neverStarts = false;
    let opensStatement = false;
    let isWord = false;
    if (c === QUOTE || c === APOSTROPHE) {
      const k = quotedEnd(source, i + 1, stop, c);
      i = k < stop && source.charCodeAt(k) === c ? k + 1 : Math.min(k, stop);
      endsStatement = true;
    } else if (c === BACKQUOTE) {
      const close = source.indexOf('`', i + 1);
      const after = close < 0 || close >= stop ? stop : close + 1;
      for (let k = i; k < after; k++) if (source.charCodeAt(k) === NEWLINE) newlines++;
      i = after;
      endsStatement = true;
    } else if (isDigit(c) || (c === DOT && isDigit(next))) {
      // A number, with its dots, exponents and suffixes (1., 0x1p-2 reads as 0x1p - 2: both end a statement).
      i++;
      while (i < stop && (isWordChar(source.charCodeAt(i)) || source.charCodeAt(i) === DOT)) i++;
      endsStatement = true;
    } else if (isWordChar(c)) {
      i++;
      while (i < stop && isWordChar(source.charCodeAt(i))) i++;
      const kind = wordKind(source, tokenStart, i - tokenStart);
      if (kind === DECISION || kind === CASE) complexity++;
      neverStarts = kind === CASE || kind === NEVER_STARTS;
      isWord = true;
      endsStatement = true;
    } else if ((c === AMPERSAND && next === AMPERSAND) || (c === BAR && next === BAR)) {
      complexity++;
      i += 2;
      endsStatement = false;
    } else if ((c === PLUS && next === PLUS) || (c === MINUS && next === MINUS)) {
      i += 2;
      endsStatement = true;
    } else if (c === COLON && next === EQUALS) {
      i += 2;
      endsStatement = false;
    } else {
      neverStarts = c === CLOSE_BRACE || c === CLOSE_PAREN || c === CLOSE_BRACKET || c === COMMA;
      endsStatement = c === CLOSE_BRACE || c === CLOSE_PAREN || c === CLOSE_BRACKET;
      opensStatement = c === OPEN_BRACE || c === SEMICOLON || c === COLON;
      if (c === OPEN_BRACE && ++depth > deepest) deepest = depth;
      else if (c === CLOSE_BRACE) depth--;
      i++;
    }
    if (mayStart && !neverStarts) statements++;
    mayStart = opensStatement;
    wordStart = isWord ? tokenStart : -1;
    wordEnd = i;
  }
  return { lines: Math.max(0, newlines - 1), complexity, statements, depth: deepest };
}

/** Where the block comment that opens at source[at] ends (or the body, if it runs on). */
function blockCommentEnd(source: string, at: number, stop: number): number {
  const close = source.indexOf('*/', at + 2);
  return close < 0 || close + 2 > stop ? stop : close + 2;
}

/** What a word is to the bounds: if or for, case, default or else, or anything else. */
const OTHER = 0;
const DECISION = 1;
const CASE = 2;
const NEVER_STARTS = 3;

/** The kind of the word source[at, at + length), by its characters: slicing every word cost more than the rest of the pass. */
function wordKind(source: string, at: number, length: number): number {
  const first = source.charCodeAt(at);
  switch (length) {
    case 2:
      return source.startsWith('if', at) ? DECISION : OTHER;
    case 3:
      return first === 0x66 && source.startsWith('for', at) ? DECISION : OTHER;
    case 4:
      if (first === 0x63) return source.startsWith('case', at) ? CASE : OTHER;
      return first === 0x65 && source.startsWith('else', at) ? NEVER_STARTS : OTHER;
    case 7:
      return first === 0x64 && source.startsWith('default', at) ? NEVER_STARTS : OTHER;
    default:
      return OTHER;
  }
}

/** The bounds that the walk's exact metrics give (for a body with syntax errors, which is walked anyway). */
export function exactBounds(metrics: FunctionMetrics): BodyBounds {
  return { lines: metrics.lines, complexity: metrics.complexity, statements: metrics.statements, depth: metrics.firstAtDepth.length - 1 };
}
