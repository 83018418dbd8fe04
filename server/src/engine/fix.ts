// Fixes are plain text edits on UTF-16 offsets; a fix is applied whole or not at all.

/** Replace source[start, end) with text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Shown as the code action's title, e.g. "Add Timeout: 10 * time.Second". */
  title: string;
  edits: TextEdit[];
  /** Preferred when it is the obvious fix (VS Code applies it with "Auto Fix"). */
  preferred?: boolean;
}

/** Applies non-overlapping edits; throws when two edits overlap (a bug in the fix). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at offset ${edit.start}`);
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** The part of the text that a fix touches, used to keep fixes of one pass apart. */
function extent(fix: Fix): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const edit of fix.edits) {
    start = Math.min(start, edit.start);
    end = Math.max(end, edit.end);
  }
  return { start, end };
}

/**
 * Picks fixes that can be applied together: every edit of a chosen fix is disjoint
 * from every edit of the others (insertions at the same point count as a clash,
 * since their order would be a guess). The rest wait for the next pass, after the
 * file has been re-linted, as ESLint does.
 */
export function selectCompatibleFixes(fixes: readonly Fix[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  const ordered = [...fixes].sort((a, b) => extent(a).start - extent(b).start);
  for (const fix of ordered) {
    if (fix.edits.length === 0) continue;
    const clashes = fix.edits.some((e) => taken.some((t) => touches(e, t)));
    if (clashes) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

function touches(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}
