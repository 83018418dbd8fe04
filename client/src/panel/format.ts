// How the panel, the status bar and the reports write debt: remediation time in
// 8-hour days, ratios as percentages, the rating formula in words. Pure (no vscode),
// so unit tests and the exported reports share it.
import { MINUTES_PER_LINE, RATING_LIMITS } from '../../../server/src/engine/debt';
import type { Rating } from '../../../server/src/engine/debt';

export const MINUTES_PER_DAY = 8 * 60;

/**
 * Remediation time: "3 d 2 h", "1 h 30 min", "45 min" (a day is 8 working hours).
 * compact drops the spaces inside each part ("3d 2h") for the status bar.
 */
export function formatEffort(minutes: number, compact = false): string {
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / MINUTES_PER_DAY);
  const hours = Math.floor((total % MINUTES_PER_DAY) / 60);
  const mins = total % 60;
  const parts: [number, string][] = days > 0 ? [[days, 'd'], [hours, 'h']] : hours > 0 ? [[hours, 'h'], [mins, 'min']] : [[mins, 'min']];
  const shown = parts.filter(([n], i) => i === 0 || n > 0);
  return shown.map(([n, unit]) => (compact ? `${n}${unit}` : `${n} ${unit}`)).join(' ');
}

/** A ratio as a percentage with one decimal below 10 % ("4.2 %", "37 %"). */
export function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  if (percent === 0) return '0 %';
  if (percent < 0.1) return '< 0.1 %';
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent).toString()} %`;
}

/** A count with thousands separators ("12,345"). */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 finding", "3 findings". */
export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** The rating scale in words: "A ≤ 5 %, B ≤ 10 %, C ≤ 20 %, D ≤ 50 %, E above". */
export function ratingScale(): string {
  return `${RATING_LIMITS.map(([rating, limit]) => `${rating} ≤ ${Math.round(limit * 100)} %`).join(', ')}, E above`;
}

/** How the ratio and the rating are computed, for tooltips and report footers. */
export function ratingFormula(): string {
  return `debt ratio = remediation effort ÷ (lines of code × ${MINUTES_PER_LINE} min); rating ${ratingScale()}`;
}

/** The ratio and rating of one bucket spelled out with its own numbers. */
export function ratingExplained(bucket: { effortMinutes: number; linesOfCode: number; ratio: number; rating: Rating }): string {
  return `${formatEffort(bucket.effortMinutes)} ÷ (${formatCount(bucket.linesOfCode)} lines × ${MINUTES_PER_LINE} min) = ${formatPercent(bucket.ratio)} → ${bucket.rating}`;
}

/** A package folder as people read it: the workspace root is "(root)". */
export function packageLabel(folder: string): string {
  return folder === '.' ? '(root)' : folder;
}
