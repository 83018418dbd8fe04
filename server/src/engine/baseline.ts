// Baselines: today's findings recorded by fingerprint (engine/fingerprint.ts), so a
// team can adopt godebt on an old code base and fail only on NEW debt. The file is
// JSON, versioned, sorted and pretty-printed one finding per entry, so it diffs well
// and merges like any other source file. The CLI writes and reads it; the language
// server reads it to mark old findings.
import * as fs from 'fs';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  /** For people reading the file and its diffs; matching uses the fingerprint only. */
  rule: string;
  file: string;
  message: string;
}

export interface BaselineFile {
  version: number;
  tool: string;
  findings: BaselineEntry[];
}

export interface Baseline {
  entries: BaselineEntry[];
  /** Fingerprint -> how many findings of that fingerprint are recorded. */
  counts: Map<string, number>;
}

/** A finding that can be matched against a baseline. */
export interface Fingerprinted {
  fingerprint: string;
  ruleId: string;
  file: string;
  message: string;
}

export class BaselineError extends Error {}

/** The text of a baseline file for these findings: stable order, one line per field. */
export function serializeBaseline(findings: readonly Fingerprinted[]): string {
  const entries = findings
    .map((f): BaselineEntry => ({ fingerprint: f.fingerprint, rule: f.ruleId, file: f.file, message: f.message }))
    .sort((a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.fingerprint, b.fingerprint) || compare(a.message, b.message));
  const document: BaselineFile = { version: BASELINE_VERSION, tool: 'godebt', findings: entries };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Parses a baseline; throws BaselineError with a readable reason when it is not one. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const document = data as Partial<BaselineFile> | null;
  if (!document || typeof document !== 'object' || !Array.isArray(document.findings)) {
    throw new BaselineError('not a godebt baseline (no "findings" list)');
  }
  if (document.version !== BASELINE_VERSION) {
    throw new BaselineError(`baseline version ${String(document.version)} is not supported (this godebt reads version ${BASELINE_VERSION})`);
  }
  const entries: BaselineEntry[] = [];
  const counts = new Map<string, number>();
  for (const raw of document.findings as unknown[]) {
    const entry = raw as Partial<BaselineEntry> | null;
    if (!entry || typeof entry.fingerprint !== 'string') throw new BaselineError('a finding has no "fingerprint"');
    entries.push({ fingerprint: entry.fingerprint, rule: String(entry.rule ?? ''), file: String(entry.file ?? ''), message: String(entry.message ?? '') });
    counts.set(entry.fingerprint, (counts.get(entry.fingerprint) ?? 0) + 1);
  }
  return { entries, counts };
}

/** Reads a baseline file; throws BaselineError (missing, unreadable, malformed). */
export function loadBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BaselineError(code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(err)})`);
  }
  return parseBaseline(text);
}

export interface BaselineComparison<T> {
  /** Findings not in the baseline: new debt. */
  added: T[];
  /** Findings recorded in the baseline: old debt, hidden or dimmed. */
  unchanged: T[];
  /** Baseline entries no finding matches any more: debt that was paid off. */
  fixed: BaselineEntry[];
}

/**
 * Splits findings into new and known ones. A fingerprint recorded n times matches at
 * most n findings, so a copy of an old problem still counts as new.
 */
export function compareWithBaseline<T extends { fingerprint: string }>(findings: readonly T[], baseline: Baseline): BaselineComparison<T> {
  const left = new Map(baseline.counts);
  const added: T[] = [];
  const unchanged: T[] = [];
  for (const finding of findings) {
    const n = left.get(finding.fingerprint) ?? 0;
    if (n > 0) {
      left.set(finding.fingerprint, n - 1);
      unchanged.push(finding);
    } else {
      added.push(finding);
    }
  }
  const fixed: BaselineEntry[] = [];
  const remaining = new Map(left);
  for (const entry of baseline.entries) {
    const n = remaining.get(entry.fingerprint) ?? 0;
    if (n > 0) {
      remaining.set(entry.fingerprint, n - 1);
      fixed.push(entry);
    }
  }
  return { added, unchanged, fixed };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
