// The findings of a document's last lint, carried through the edits made since, so
// they stay where their code is. While a declaration is being typed in and does not
// balance, the editor re-checks that declaration alone and shows these for the rest of
// the file (editedRegion.ts, LintService).
import type { Finding } from './finding';
import type { Fix } from './fix';
import type { StoredFinding } from './incremental';
import type { Span } from './rule';

/** One change of the text, in offsets: [start, oldEnd) of the old text became [start, newEnd) of the new. */
export interface OffsetEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * Findings moved through edits (in the order they were made), without their ranges:
 * compute those from the new text. A finding whose span an edit cuts into is dropped;
 * one that holds an edit whole grows or shrinks with it. A fix that an edit touches is
 * dropped, as its text was made for the old code; its finding is kept.
 */
export function moveFindings(findings: readonly (Finding | StoredFinding)[], edits: readonly OffsetEdit[]): StoredFinding[] {
  const moved: StoredFinding[] = [];
  for (const finding of findings) {
    let span: Span | null = finding.span;
    let fix: Fix | undefined = finding.fix;
    for (const edit of edits) {
      span = moveSpan(span, edit);
      if (!span) break;
      fix = fix && moveFix(fix, edit);
    }
    if (!span) continue;
    const stored: Partial<Finding> = { ...finding, span, fix };
    delete stored.range; // it would be stale
    moved.push(stored as StoredFinding);
  }
  return moved;
}

function moveSpan(span: Span, edit: OffsetEdit): Span | null {
  const delta = edit.newEnd - edit.oldEnd;
  if (span.end <= edit.start) return span; // before the edit (or touching its start)
  if (span.start >= edit.oldEnd) return { start: span.start + delta, end: span.end + delta };
  if (span.start <= edit.start && span.end >= edit.oldEnd) return { start: span.start, end: span.end + delta };
  return null;
}

function moveFix(fix: Fix, edit: OffsetEdit): Fix | undefined {
  const delta = edit.newEnd - edit.oldEnd;
  const edits = [];
  for (const fixEdit of fix.edits) {
    if (fixEdit.end <= edit.start) edits.push(fixEdit);
    else if (fixEdit.start >= edit.oldEnd) edits.push({ ...fixEdit, start: fixEdit.start + delta, end: fixEdit.end + delta });
    else return undefined;
  }
  return { ...fix, edits };
}
