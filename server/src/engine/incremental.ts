// What the runner keeps between two lints of one open document: per segment window
// (see segments.ts), the findings, directives and whole-file rules' matches computed
// for it, stored relative to the window so they can be moved to wherever the window
// is now. Only plain data is kept: trees and nodes die with each re-parse.
import type { Node } from 'web-tree-sitter';
import type { Finding } from './finding';
import type { Fix } from './fix';
import type { Directive } from './suppression';

/** A captured node, by position and type, to find again in a newer tree. */
export interface StoredCapture {
  name: string;
  start: number;
  end: number;
  type: string;
}

/** A query match of a rule that needs the whole file (one with finish()). */
export interface StoredMatch {
  ruleId: string;
  pattern: number;
  captures: StoredCapture[];
}

/** A finding without its range (recomputed from the span on reuse). */
export type StoredFinding = Omit<Finding, 'range'>;

/** Everything computed for one segment, with offsets relative to its window and rows relative to the window's first row. */
export interface SegmentResult {
  findings: StoredFinding[];
  directives: Directive[];
  matches: StoredMatch[];
}

/**
 * The results of one document's segments, valid for one outline and configuration.
 * Two generations are kept (this lint's and the previous one's), so text that comes
 * back (typing then deleting) is found again while the cache stays bounded by the file.
 */
export class IncrementalCache {
  private scope: unknown[] = [];
  private current = new Map<string, SegmentResult>();
  private previous = new Map<string, SegmentResult>();
  /** How the last lint went: segments in the file and how many were reused (for tests and the bench). */
  lastLint = { segments: 0, reused: 0 };

  /**
   * Starts a lint. scope lists what every result depends on (outline, configuration,
   * file name, index version); when any of it differs from the last lint, all is forgotten.
   */
  begin(scope: readonly unknown[]): void {
    if (scope.length !== this.scope.length || scope.some((value, i) => value !== this.scope[i])) {
      this.current.clear();
      this.previous.clear();
      this.scope = [...scope];
      return;
    }
    this.previous = this.current;
    this.current = new Map();
  }

  get(key: string): SegmentResult | undefined {
    const found = this.current.get(key) ?? this.previous.get(key);
    if (found) this.current.set(key, found);
    return found;
  }

  set(key: string, result: SegmentResult): void {
    this.current.set(key, result);
  }

  get size(): number {
    return this.current.size;
  }
}

/** Moves offsets by delta (and rows by rowDelta), e.g. from absolute to window-relative and back. */
export function moveFinding(finding: StoredFinding, delta: number): StoredFinding {
  return {
    ...finding,
    span: { start: finding.span.start + delta, end: finding.span.end + delta },
    fix: finding.fix && moveFix(finding.fix, delta),
  };
}

function moveFix(fix: Fix, delta: number): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) };
}

export function moveDirective(directive: Directive, delta: number, rowDelta: number): Directive {
  // A file-wide directive covers lines 0..∞ wherever it is.
  const lines = directive.kind === 'file-ignore' ? {} : { fromLine: directive.fromLine + rowDelta, toLine: directive.toLine + rowDelta };
  return { ...directive, ...lines, start: directive.start + delta, end: directive.end + delta, used: false };
}

/** Whether every offset of the finding lies in [start, end]: then it moves with the window. */
export function findingWithin(finding: Finding, start: number, end: number): boolean {
  const inside = (offset: number) => offset >= start && offset <= end;
  return inside(finding.span.start) && inside(finding.span.end) &&
    (finding.fix?.edits.every((e) => inside(e.start) && inside(e.end)) ?? true);
}

export function directiveWithin(directive: Directive, start: number, end: number, firstRow: number, lastRow: number): boolean {
  const linesInside = directive.kind === 'file-ignore' || (directive.fromLine >= firstRow && directive.toLine <= lastRow);
  return directive.start >= start && directive.end <= end && linesInside;
}

export function storeCaptures(captures: readonly { name: string; node: Node }[], delta: number): StoredCapture[] {
  return captures.map(({ name, node }) => ({ name, start: node.startIndex + delta, end: node.endIndex + delta, type: node.type }));
}

/** The node of root's tree at [start, end) with the given type, or null when the tree has none. */
export function findNode(root: Node, start: number, end: number, type: string): Node | null {
  for (let node: Node | null = root.descendantForIndex(start, end); node; node = node.parent) {
    if (node.startIndex !== start || node.endIndex !== end) return null;
    if (node.type === type) return node;
  }
  return null;
}
