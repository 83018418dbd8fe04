// What the runner keeps between two lints of one open document: per segment window
// (see segments.ts), the findings, directives and whole-file rules' matches computed
// for it, stored relative to the window so they can be moved to wherever the window
// is now. Only plain data is kept: trees and nodes die with each re-parse.
import type { Node } from 'web-tree-sitter';
import type { Finding } from './finding';
import type { TextEdit } from './fix';
import type { Directive } from './suppression';
import { detached, textKey } from './textKey';

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

/** A fix edit as stored: relative to the window, or absolute when it is in the header. */
type StoredEdit = TextEdit & { inHeader?: boolean };

/** Everything computed for one segment, with offsets relative to its window and rows relative to the window's first row. */
export interface SegmentResult {
  findings: StoredFinding[];
  directives: Directive[];
  matches: StoredMatch[];
  /** Set when a rule read other declarations: the result is valid for this outline only. */
  outline?: number;
  /** Answers of FileFacts.codeMatches the findings depend on: valid while they are the same. */
  answers?: [pattern: string, count: number][];
}

/**
 * The results of one document's segments, valid for one outline and configuration.
 * Two generations are kept (this lint's and the previous one's), so text that comes
 * back (typing then deleting) is found again while the cache stays bounded by the file.
 */
export class IncrementalCache {
  /** What the results depend on; strings as digests (see begin). */
  private scope: unknown[] = [];
  private outlineKey = '';
  /** Counts outline changes; results that read the outline remember the count. */
  private outlineVersion = 0;
  private current = new Map<string, SegmentResult>();
  private previous = new Map<string, SegmentResult>();
  /** How the last lint went: segments in the file and how many were reused (for tests and the bench). */
  lastLint = { segments: 0, reused: 0 };

  /**
   * Starts a lint. scope lists what every result depends on (header, configuration,
   * file name, index version): when any of it differs from the last lint, all is
   * forgotten. Returns the outline version to store with results that read the outline.
   */
  begin(scope: readonly unknown[], outline: string): number {
    // Texts are kept as digests: the header is a slice of the document's text, and a
    // slice keeps the whole text of that version alive (see textKey.ts).
    const outlineKey = textKey(outline);
    if (outlineKey !== this.outlineKey) {
      this.outlineKey = outlineKey;
      this.outlineVersion++;
    }
    const kept = scope.map((value) => (typeof value === 'string' ? textKey(value) : value));
    if (kept.length !== this.scope.length || kept.some((value, i) => value !== this.scope[i])) {
      this.current.clear();
      this.previous.clear();
      this.scope = kept;
    } else {
      this.previous = this.current;
      this.current = new Map();
    }
    return this.outlineVersion;
  }

  get(key: string): SegmentResult | undefined {
    const found = this.current.get(key) ?? this.previous.get(key);
    if (!found || (found.outline !== undefined && found.outline !== this.outlineVersion)) return undefined;
    this.current.set(key, found);
    return found;
  }

  /** Stores a result, with strings of its own: a message quoting the code must not keep this version's text alive. */
  set(key: string, result: SegmentResult): void {
    this.current.set(key, {
      ...result,
      findings: result.findings.map(detachedFinding),
      directives: result.directives.map((d) => ({ ...d, names: d.names.map(detached), reason: detached(d.reason), problem: d.problem && detached(d.problem) })),
    });
  }

  /** Results held, in both generations (one reused by the last lint is in each). */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  /** Forgets every result, to free their memory: the next lint checks every segment. */
  clear(): void {
    this.current = new Map();
    this.previous = new Map();
    this.scope = [];
    this.outlineKey = '';
  }
}

/**
 * A finding made relative to its window [start, end], or null when it reaches outside
 * both the window and the header (which ends at headerEnd): it cannot be moved then.
 * Fix edits in the header (an import to add) stay absolute: the header is part of every
 * cached result's scope, so it is where it was whenever a result is reused.
 */
export function storeFinding(finding: Finding, start: number, end: number, headerEnd: number): StoredFinding | null {
  const inside = (offset: number) => offset >= start && offset <= end;
  if (!inside(finding.span.start) || !inside(finding.span.end)) return null;
  const edits: StoredEdit[] = [];
  for (const edit of finding.fix?.edits ?? []) {
    if (inside(edit.start) && inside(edit.end)) edits.push({ ...edit, start: edit.start - start, end: edit.end - start });
    else if (edit.end <= headerEnd) edits.push({ ...edit, inHeader: true });
    else return null;
  }
  const stored: Partial<Finding> = { ...finding, span: { start: finding.span.start - start, end: finding.span.end - start }, fix: finding.fix && { ...finding.fix, edits } };
  delete stored.range;
  return stored as StoredFinding;
}

function detachedFinding(finding: StoredFinding): StoredFinding {
  const { fix } = finding;
  return {
    ...finding,
    message: detached(finding.message),
    fix: fix && { ...fix, title: detached(fix.title), edits: fix.edits.map((edit) => ({ ...edit, text: detached(edit.text) })) },
  };
}

/** A stored finding moved to a window that now starts at start. */
export function restoreFinding(stored: StoredFinding, start: number): StoredFinding {
  return {
    ...stored,
    span: { start: stored.span.start + start, end: stored.span.end + start },
    fix: stored.fix && {
      ...stored.fix,
      edits: stored.fix.edits.map(({ inHeader, ...edit }: StoredEdit) => (inHeader ? edit : { ...edit, start: edit.start + start, end: edit.end + start })),
    },
  };
}

export function moveDirective(directive: Directive, delta: number, rowDelta: number): Directive {
  // A file-wide directive covers lines 0..∞ wherever it is.
  const lines = directive.kind === 'file-ignore' ? {} : { fromLine: directive.fromLine + rowDelta, toLine: directive.toLine + rowDelta };
  return { ...directive, ...lines, start: directive.start + delta, end: directive.end + delta, used: false };
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
