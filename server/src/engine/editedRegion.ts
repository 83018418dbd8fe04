// Typing `{` in a function of a large file can cost hundreds of milliseconds per
// keystroke: while the brace is unclosed, tree-sitter's error recovery may read every
// declaration that follows as statements of that function, again at each keystroke
// (~300 ms at some places of a 20,000-line file: docs/performance.md). So while the
// text the user is editing does not balance (bracketBalance.ts), the editor parses
// that stretch alone, with the file's header, and keeps the rest of the file's
// findings from before (LintService). This module finds the stretch.
import type { Node, Point } from 'web-tree-sitter';
import { balances } from './bracketBalance';
import { HEADER } from './segments';

/** The stretch of text to parse alone: all the edits since the last parse, between two untouched top-level nodes. */
export interface EditedRegion {
  start: number;
  end: number;
  /** Where start is, as a tree-sitter point. */
  startPosition: Point;
  /** The end of the header (package clause and imports), parsed with the region: rules need the imports. */
  headerEnd: number;
  headerEndPosition: Point;
}

/** Comment lines looked through above the edits for the declaration before them (a doc comment has a few dozen at most). */
const MAX_COMMENTS_ABOVE = 500;

/**
 * The region to parse alone, or null when the whole text should be parsed: when the
 * region balances (the parser's recovery then stays within it), when the edits touch
 * the header, or when the untouched nodes around them have syntax errors (their
 * boundaries are not to be trusted).
 *
 * @param root the root of the last parse's tree, edited (Tree.edit) to the current text
 * @param dirty where the current text differs from the parsed one: [start, end) covers every edit since
 */
export function unbalancedRegion(root: Node, source: string, dirty: { start: number; end: number }): EditedRegion | null {
  if (root.type !== 'source_file') return null;
  const header = lastHeaderNode(root);
  if (!header) return null;
  // The region runs from the end of the last declaration before the edits (comments
  // above a declaration go with it, as directives and doc comments do) to the start of
  // the first node after them. A node the edits touch at its edge is in it: a `}`
  // deleted at a function's end, or text typed just before `func`, change its tokens.
  const first = root.firstNamedChildForIndex(Math.max(0, dirty.start - 1)); // holds the character before the edits, or comes after it
  let before = first ? first.previousNamedSibling : root.lastNamedChild;
  for (let comments = 0; before?.type === 'comment'; comments++) {
    // Each step back costs a walk over the root's children up to it (tree-sitter finds
    // a previous sibling from the parent): a file of thousands of comment lines is parsed whole.
    if (comments === MAX_COMMENTS_ABOVE) return null;
    before = before.previousNamedSibling;
  }
  if (!before || before.endIndex < header.endIndex || !wellFormed(before)) return null;
  let after = root.firstNamedChildForIndex(dirty.end);
  if (after && after.startIndex <= dirty.end) after = after.nextNamedSibling;
  if (after && !wellFormed(after)) return null;
  const start = before.endIndex;
  const end = after ? after.startIndex : source.length;
  if (balances(source, start, end)) return null;
  return { start, end, startPosition: before.endPosition, headerEnd: header.endIndex, headerEndPosition: header.endPosition };
}

/** The header's last node (package clause or import declaration), or null if the file does not start with a package clause. */
function lastHeaderNode(root: Node): Node | null {
  let last: Node | null = null;
  let hasPackage = false;
  for (let node = root.firstNamedChild; node; node = node.nextNamedSibling) {
    if (HEADER.has(node.type)) last = node;
    else if (node.type !== 'comment') break;
    hasPackage ||= node.type === 'package_clause';
  }
  return hasPackage ? last : null;
}

function wellFormed(node: Node): boolean {
  return node.type !== 'ERROR' && !node.hasError;
}

/**
 * The text a region is parsed and linted as: the document up to the region's end, with
 * everything between the header and the region blank (every character but line breaks
 * a space), so offsets and lines stay the document's. The region is checked as if the
 * file held nothing else: a rule that searches the file's code (is this import used
 * elsewhere?) finds only what the tree holds.
 */
export function regionSource(text: string, region: EditedRegion): string {
  return text.slice(0, region.headerEnd) + blanks(text, region.headerEnd, region.start) + text.slice(region.start, region.end);
}

/** As many spaces as text[from, to) has characters, with its line breaks where they are. */
function blanks(text: string, from: number, to: number): string {
  const out = Buffer.alloc(to - from, 0x20);
  for (const lineBreak of ['\n', '\r']) {
    for (let i = text.indexOf(lineBreak, from); i >= 0 && i < to; i = text.indexOf(lineBreak, i + 1)) out[i - from] = lineBreak.charCodeAt(0);
  }
  return out.toString('latin1');
}
