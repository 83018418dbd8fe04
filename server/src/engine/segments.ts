// The editor re-lints a file on every keystroke, but a keystroke changes one top-level
// declaration. This module cuts a file into *segments* (top-level declarations with
// their doc comments) and describes what each segment's findings may depend on, so the
// runner can reuse the findings of unchanged segments (see IncrementalCache).
//
// A segment's findings are reused when, since they were computed,
//   - its *window* is unchanged: the segment's lines plus one line above and below
//     (rules look at neighbouring lines: a comment that stands alone, the blank line a
//     deletion must not leave behind), and
//   - the file's *header* (package clause and imports), the root's type (a file too
//     broken to parse has an ERROR root), the configuration and any index of other
//     files are unchanged, and
//   - if a rule read other declarations while checking the segment (FileFacts.root,
//     declarationsNamed), the file's *outline* is unchanged too: every declaration's
//     signature and the whole text of type, var and const declarations.
// Findings that reach outside their window (an import added to the header) and rules
// that read the whole text (FileFacts.wholeText) are recomputed every time.
import type { Node } from 'web-tree-sitter';
import { textKey } from './textKey';

export interface Segment {
  /** The top-level nodes linted together: a declaration with the comments above it. */
  readonly nodes: readonly Node[];
  /** From the start of the first node's line to the end of the last node's line (after its '\n'). */
  readonly start: number;
  readonly end: number;
  /** The window: one more line on each side. */
  readonly windowStart: number;
  readonly windowEnd: number;
  /** A digest of the window's text, with where the segment sits in it: equal keys give equal findings. */
  readonly key: string;
  /**
   * False when the segment has a syntax error. At the top level (an ERROR node, a stray
   * expression), rules walking up from a node in it reach nodes that span other
   * segments; inside a declaration, tree-sitter's error recovery depends on what came
   * before, so the same text can give another tree. Its findings are recomputed.
   */
  readonly reusable: boolean;
}

/** The tree-sitter row (rows count '\n' only) where the segment's window starts. */
export function windowRow(segment: Segment, source: string): number {
  let row = segment.nodes[0].startPosition.row;
  for (let i = source.indexOf('\n', segment.windowStart); i >= 0 && i < segment.nodes[0].startIndex; i = source.indexOf('\n', i + 1)) row--;
  return row;
}

/** The tree-sitter row of the window's last character. */
export function windowLastRow(segment: Segment, source: string): number {
  let row = windowRow(segment, source);
  for (let i = source.indexOf('\n', segment.windowStart); i >= 0 && i < segment.windowEnd - 1; i = source.indexOf('\n', i + 1)) row++;
  return row;
}

export interface Layout {
  readonly segments: readonly Segment[];
  /** The text up to the end of the imports: package, imports, build constraints. Every finding may depend on it. */
  readonly header: string;
  /**
   * What rules may read about other declarations through FileFacts.root: each
   * declaration's signature, types, vars and consts (see above). Only the findings of
   * rules that did read it depend on it.
   */
  readonly outline: string;
}

const FUNCTIONS = new Set(['function_declaration', 'method_declaration']);
/** The top-level node types of a file's header. */
export const HEADER = new Set(['package_clause', 'import_declaration']);
const DECLARATIONS = new Set(['type_declaration', 'var_declaration', 'const_declaration']);
/** What a parsed Go file has at the top level; anything else comes of a syntax error. */
const WELL_FORMED = new Set([...HEADER, ...FUNCTIONS, ...DECLARATIONS, 'comment']);

/** The segments and outline of a file, from its top-level nodes (FileFacts.topLevel) in order. */
export function layoutOf(topLevel: readonly Node[], source: string): Layout {
  const groups: Node[][] = [];
  let group: Node[] = [];
  for (const node of topLevel) {
    const previous = group[group.length - 1];
    // Comments stay with what follows them; nodes sharing a line stay together.
    if (previous && previous.type !== 'comment' && source.lastIndexOf('\n', node.startIndex - 1) >= previous.endIndex) {
      groups.push(group);
      group = [];
    }
    group.push(node);
  }
  if (group.length > 0) groups.push(group);

  const segments = groups.map((nodes): Segment => {
    const start = lineStart(source, nodes[0].startIndex);
    const end = lineEnd(source, nodes[nodes.length - 1].endIndex);
    const windowStart = start > 0 ? lineStart(source, start - 1) : 0;
    const windowEnd = lineEnd(source, end);
    const key = `${start - windowStart}:${end - start}:${windowStart === 0 ? '^' : ''}${windowEnd === source.length ? '$' : ''}:${textKey(source.slice(windowStart, windowEnd))}`;
    return { nodes, start, end, windowStart, windowEnd, key, reusable: nodes.every((n) => WELL_FORMED.has(n.type) && !n.hasError) };
  });
  return { segments, ...outlineOf(topLevel, source) };
}

/**
 * The header's whole text; then, for each declaration after it, its type and the part
 * other declarations' rules may read: a function's signature (not its body), a type,
 * var or const declaration whole. Comments and the debris of syntax errors (ERROR
 * nodes, stray expressions) are left out: rules look other declarations up by kind and
 * name, never those (whole-file rules run every time anyway).
 */
function outlineOf(topLevel: readonly Node[], source: string): { header: string; outline: string } {
  const parts: string[] = [];
  let headerEnd = 0;
  for (const node of topLevel) {
    if (HEADER.has(node.type)) {
      headerEnd = node.endIndex;
      continue;
    }
    if (FUNCTIONS.has(node.type)) {
      const body = node.childForFieldName('body');
      parts.push(`${node.type}\0${source.slice(node.startIndex, body ? body.startIndex : node.endIndex)}`);
    } else if (DECLARATIONS.has(node.type)) {
      parts.push(`${node.type}\0${source.slice(node.startIndex, node.endIndex)}`);
    }
  }
  return { header: source.slice(0, headerEnd), outline: parts.join('\0') };
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset after the '\n' that ends offset's line (or the end of the text). */
function lineEnd(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline < 0 ? source.length : newline + 1;
}

/** Index of the segment holding offset (segments are in order and do not overlap), or -1. */
export function segmentAt(segments: readonly Segment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < segments[mid].start) high = mid - 1;
    else if (offset >= segments[mid].end) low = mid + 1;
    else return mid;
  }
  return -1;
}
