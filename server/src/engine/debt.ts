// The debt model: findings added up as remediation time, by category, rule, package
// and file, with a debt ratio and an A–E rating.
//
//   debt ratio = remediation effort ÷ development cost
//   development cost = lines of code × 30 minutes (0.06 of an 8-hour day per line)
//   rating: A ≤ 5 %, B ≤ 10 %, C ≤ 20 %, D ≤ 50 %, E above
import { APOSTROPHE, BACKQUOTE, BACKSLASH, isBlank, NEWLINE, QUOTE, SLASH, STAR } from './charCodes';
import type { Category, Severity } from './rule';
import { CATEGORIES, SEVERITIES } from './rule';

export const MINUTES_PER_LINE = 30;
export const RATING_LIMITS = [['A', 0.05], ['B', 0.1], ['C', 0.2], ['D', 0.5]] as const;
export type Rating = 'A' | 'B' | 'C' | 'D' | 'E';

export function ratingOf(ratio: number): Rating {
  for (const [rating, limit] of RATING_LIMITS) if (ratio <= limit) return rating;
  return 'E';
}

export function debtRatio(effortMinutes: number, linesOfCode: number): number {
  return linesOfCode === 0 ? 0 : effortMinutes / (linesOfCode * MINUTES_PER_LINE);
}

/**
 * Lines holding code: not blank, not only a comment. Strings are taken into account
 * so that a "/*" inside a literal does not start a comment. Block comments and raw
 * strings run on across lines (a line inside a raw string is code); a quoted literal
 * or a `//` comment ends with its line. Line by line, by character code: a line with no
 * backquote and no "/*" cannot run on, and holds code unless it is blank or starts with
 * `//`; only the other lines are read character by character (reading every character
 * was 1 % of a scan of the standard library).
 */
export function countLinesOfCode(text: string): number {
  let count = 0;
  let inBlock = false;
  let inRaw = false;
  // The next backquote and "/*" at or after the current line (searched again once passed).
  let nextBackquote = -1;
  let nextBlock = -1;
  for (let start = 0; start <= text.length;) {
    const end = lineEnd(text, start);
    if (!inBlock && !inRaw) {
      if (nextBackquote < start) nextBackquote = nextAt(text, '`', start);
      if (nextBlock < start) nextBlock = nextAt(text, '/*', start);
      if (nextBackquote >= end && nextBlock >= end) {
        let first = start;
        while (first < end && isBlank(text.charCodeAt(first))) first++;
        if (first < end && !(text.charCodeAt(first) === SLASH && text.charCodeAt(first + 1) === SLASH)) count++;
        start = end + 1;
        continue;
      }
    }
    let code = inRaw; // a line inside a raw string is code
    for (let i = start; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (inBlock) {
        if (ch === STAR && text.charCodeAt(i + 1) === SLASH) {
          inBlock = false;
          i++;
        }
        continue;
      }
      if (inRaw) {
        if (ch === BACKQUOTE) inRaw = false;
        continue;
      }
      if (ch === SLASH && text.charCodeAt(i + 1) === SLASH) break;
      if (ch === SLASH && text.charCodeAt(i + 1) === STAR) {
        inBlock = true;
        i++;
        continue;
      }
      if (isBlank(ch)) continue;
      code = true;
      if (ch === BACKQUOTE) inRaw = true;
      else if (ch === QUOTE || ch === APOSTROPHE) i = skipQuoted(text, i);
    }
    if (code) count++;
    start = end + 1;
  }
  return count;
}

/** Where needle next occurs at or after from; past the end when it does not. */
function nextAt(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at < 0 ? text.length + 1 : at;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The last character of the literal opened at start: its closing quote, or the last one of its line when it has none. */
function skipQuoted(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === NEWLINE) return i - 1;
    if (ch === BACKSLASH) {
      if (text.charCodeAt(i + 1) === NEWLINE) return i;
      i++;
    } else if (ch === quote) return i;
  }
  return text.length - 1;
}

export interface DebtFinding {
  ruleId: string;
  category: Category;
  severity: Severity;
  effortMinutes: number;
}

export interface FileDebtInput {
  /** Workspace-relative path with forward slashes. */
  file: string;
  linesOfCode: number;
  findings: readonly DebtFinding[];
}

export interface Bucket {
  findings: number;
  effortMinutes: number;
}

export interface RatedBucket extends Bucket {
  linesOfCode: number;
  ratio: number;
  rating: Rating;
}

export interface Hotspot {
  file: string;
  effortMinutes: number;
  /** Commits touching the file in the last 90 days (1 when unknown). */
  changes: number;
  score: number;
}

export interface DebtModel {
  total: RatedBucket & { files: number; bySeverity: Record<Severity, number> };
  byCategory: Record<Category, Bucket>;
  byRule: Record<string, Bucket & { category: Category }>;
  /** By package folder ("." for the root). */
  byPackage: Record<string, RatedBucket>;
  byFile: Record<string, RatedBucket>;
  /** Files ranked by debt × change frequency, highest first. */
  hotspots: Hotspot[];
}

/** Adds up the debt of files; changes maps a file to its recent commit count, when known. */
export function buildDebtModel(files: readonly FileDebtInput[], changes?: ReadonlyMap<string, number>): DebtModel {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, empty()])) as Record<Category, Bucket>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byRule: DebtModel['byRule'] = {};
  const packageSums = new Map<string, { bucket: Bucket; lines: number }>();
  const byFile: Record<string, RatedBucket> = {};
  let total = empty();
  let lines = 0;
  for (const input of files) {
    let fileBucket = empty();
    for (const f of input.findings) {
      fileBucket = add(fileBucket, f.effortMinutes);
      byCategory[f.category] = add(byCategory[f.category], f.effortMinutes);
      byRule[f.ruleId] = { ...add(byRule[f.ruleId] ?? empty(), f.effortMinutes), category: f.category };
      bySeverity[f.severity]++;
    }
    byFile[input.file] = rated(fileBucket, input.linesOfCode);
    const pkg = packageOf(input.file);
    const sum = packageSums.get(pkg) ?? { bucket: empty(), lines: 0 };
    packageSums.set(pkg, { bucket: merge(sum.bucket, fileBucket), lines: sum.lines + input.linesOfCode });
    total = merge(total, fileBucket);
    lines += input.linesOfCode;
  }
  const byPackage: Record<string, RatedBucket> = {};
  for (const [pkg, sum] of [...packageSums].sort(([a], [b]) => a.localeCompare(b))) byPackage[pkg] = rated(sum.bucket, sum.lines);
  const hotspots = Object.entries(byFile)
    .filter(([, bucket]) => bucket.effortMinutes > 0)
    .map(([file, bucket]) => {
      const count = changes ? changes.get(file) ?? 0 : 1;
      return { file, effortMinutes: bucket.effortMinutes, changes: count, score: bucket.effortMinutes * count };
    })
    .sort((a, b) => b.score - a.score || b.effortMinutes - a.effortMinutes || a.file.localeCompare(b.file));
  return {
    total: { ...rated(total, lines), files: files.length, bySeverity },
    byCategory, byRule, byPackage, byFile, hotspots,
  };
}

/** The folder of a workspace-relative path: Go's package boundary. */
export function packageOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash);
}

function empty(): Bucket {
  return { findings: 0, effortMinutes: 0 };
}

function add(bucket: Bucket, minutes: number): Bucket {
  return { findings: bucket.findings + 1, effortMinutes: bucket.effortMinutes + minutes };
}

function merge(a: Bucket, b: Bucket): Bucket {
  return { findings: a.findings + b.findings, effortMinutes: a.effortMinutes + b.effortMinutes };
}

function rated(bucket: Bucket, linesOfCode: number): RatedBucket {
  const ratio = debtRatio(bucket.effortMinutes, linesOfCode);
  return { ...bucket, linesOfCode, ratio, rating: ratingOf(ratio) };
}
