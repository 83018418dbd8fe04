// The editor re-lints a file on every keystroke, but a keystroke changes one top-level
// declaration. This module cuts a file into *segments* (top-level declarations with
// their doc comments) and describes what each segment's findings may depend on, so the
// runner can reuse the findings of unchanged segments (see IncrementalCache).
//
// A segment's findings are reused when, since they were computed,
//   - its *window* is unchanged: the segment's lines plus one line above and below
//     (rules look at neighbouring lines: a comment that stands alone, the blank line a
//     deletion must not leave behind), and
//   - the file's *outline* is unchanged: everything a rule may read about the rest of
//     the file (the header with its imports, every declaration's signature, the whole
//     text of type, var and const declarations), plus the configuration and any index.
// Findings that reach outside their window (an import added to the header) and rules
// that read the whole text (FileFacts.wholeText) are recomputed every time.
import type { Node } from 'web-tree-sitter';

export interface Segment {
  /** The top-level nodes linted together: a declaration with the comments above it. */
  readonly nodes: readonly Node[];
  /** From the start of the first node's line to the end of the last node's line (after its '\n'). */
  readonly start: number;
  readonly end: number;
  /** The window: one more line on each side. */
  readonly windowStart: number;
  readonly windowEnd: number;
  /** The window's text, with where the segment sits in it: equal keys give equal findings. */
  readonly key: string;
}

export interface Layout {
  readonly segments: readonly Segment[];
  /** What rules may read about the file outside a segment (see above). */
  readonly outline: string;
}

const FUNCTIONS = new Set(['function_declaration', 'method_declaration']);
const HEADER = new Set(['package_clause', 'import_declaration']);

export function layoutOf(root: Node, source: string): Layout {
  const groups: Node[][] = [];
  let group: Node[] = [];
  for (const node of root.namedChildren) {
    if (!node) continue;
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
    const key = `${start - windowStart}:${end - start}:${windowStart === 0 ? '^' : ''}${windowEnd === source.length ? '$' : ''}:${source.slice(windowStart, windowEnd)}`;
    return { nodes, start, end, windowStart, windowEnd, key };
  });
  return { segments, outline: outlineOf(root, source) };
}

/**
 * The header's whole text, then per later top-level node its type and the part other
 * declarations' rules may read: a function's signature (not its body), a type, var or
 * const declaration whole. Comments are left out: no rule reads another
 * declaration's comments (whole-file rules run every time anyway).
 */
function outlineOf(root: Node, source: string): string {
  const parts: string[] = [];
  let headerEnd = 0;
  for (const node of root.namedChildren) {
    if (!node) continue;
    if (HEADER.has(node.type)) {
      headerEnd = node.endIndex;
      continue;
    }
    if (node.type === 'comment') continue;
    if (FUNCTIONS.has(node.type)) {
      const body = node.childForFieldName('body');
      parts.push(`${node.type}\0${source.slice(node.startIndex, body ? body.startIndex : node.endIndex)}`);
    } else {
      parts.push(`${node.type}\0${source.slice(node.startIndex, node.endIndex)}`);
    }
  }
  return `${source.slice(0, headerEnd)}\0\0${parts.join('\0')}`;
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
