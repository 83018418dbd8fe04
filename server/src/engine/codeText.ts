// The code of a Go file with comments, string and rune literals blanked out (same
// length, newlines kept), for text searches that must not count what is written in
// comments or strings.
//
// The file is blanked piece by piece, one piece per top-level declaration (from the
// start of its line to the next one's), and each piece's result is kept for the next
// call: a keystroke changes one piece, and blanking all 700 KB of a large file again
// cost ~12 ms a keystroke. Both the editor and the CLI cut the file the same way, so a
// literal left open by a syntax error ends with its declaration in both.
import type { Node } from 'web-tree-sitter';
import { detached, textKey } from './textKey';

/** Comments, raw strings, interpreted strings and runes; an unterminated one runs to the end of its line (or of the piece). */
const NOT_CODE = /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|`[^`]*`?|"(?:\\[\s\S]|[^"\\\n])*["\n]?|'(?:\\[\s\S]|[^'\\\n])*['\n]?/g;

/**
 * Two generations bounded by characters (each piece's blanked code, by a digest of its text), so
 * the cache holds the pieces of the files last blanked: a few large open files, not
 * every file a long session has seen (the memory soak caught a count-bounded cache growing).
 * A generation holds at least GENERATION_CHARACTERS, and twice the file being blanked,
 * so that all of a large file's pieces survive from one lint to the next.
 */
let current = new Map<string, string>();
let previous = new Map<string, string>();
let currentSize = 0;
const GENERATION_CHARACTERS = 1_000_000;

function blank(piece: string, generationSize: number): string {
  const key = textKey(piece);
  let code = current.get(key);
  if (code !== undefined) return code;
  // A piece without comments or literals comes back from replace() as itself: a slice
  // of the document, which would keep that version's whole text alive in the cache.
  code = previous.get(key) ?? detached(piece.replace(NOT_CODE, (text) => text.replace(/[^\n]/g, ' ')));
  if (currentSize + piece.length > generationSize) {
    previous = current;
    current = new Map();
    currentSize = 0;
  }
  current.set(key, code);
  currentSize += piece.length;
  return code;
}

/** source with comments and literals blanked, cut into pieces at the lines where its top-level nodes (FileFacts.topLevel) start. */
export function codeOnly(source: string, topLevel: readonly Node[]): string {
  const starts = [0];
  let previousEnd = 0;
  for (const node of topLevel) {
    const lineStart = source.lastIndexOf('\n', node.startIndex - 1) + 1;
    // A node that starts on the line where the previous one ends stays in its piece.
    if (lineStart > starts[starts.length - 1] && lineStart >= previousEnd) starts.push(lineStart);
    previousEnd = node.endIndex;
  }
  starts.push(source.length);
  const generationSize = Math.max(GENERATION_CHARACTERS, 2 * source.length);
  const pieces: string[] = [];
  for (let i = 0; i + 1 < starts.length; i++) pieces.push(blank(source.slice(starts[i], starts[i + 1]), generationSize));
  return pieces.join('');
}
