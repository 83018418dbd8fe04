// The debt summary the panel shows (SUMMARY_REQUEST): scanned files and open
// documents added up with the debt model (engine/debt.ts), findings marked against
// the baseline, hotspots weighted by how often git saw each file change.
import { execFile } from 'child_process';
import * as path from 'path';
import type { BaselineDelta, ScanStatus, SummaryFinding, SummaryParams, SummaryResult } from '../../../protocol';
import { Baseline, compareWithBaseline } from '../engine/baseline';
import { Bucket, buildDebtModel, FileDebtInput } from '../engine/debt';
import type { Range } from '../engine/finding';
import type { Category, RuleMeta, Severity } from '../engine/rule';

/** One file as the summary sees it: from the scan, or live from an open document. */
export interface SummarySource {
  /** Absolute path. */
  path: string;
  uri: string;
  /** Shown path: relative to its folder, with the folder's name first in a multi-folder workspace. */
  file: string;
  linesOfCode: number;
  findings: readonly {
    ruleId: string;
    category: Category;
    severity: Severity;
    message: string;
    range: Range;
    effortMinutes: number;
    fingerprint: string;
  }[];
}

export interface SummaryInput {
  sources: readonly SummarySource[];
  rules: ReadonlyMap<string, RuleMeta>;
  params?: SummaryParams;
  scan: ScanStatus;
  /** Recent commits per shown path; undefined when git history is unavailable. */
  changes?: ReadonlyMap<string, number>;
  baseline?: { file: string; baseline?: Baseline; error?: string };
}

export const MARKER_RULE = 'debt-marker';

export function buildSummary(input: SummaryInput): SummaryResult {
  const sources = [...input.sources].sort((a, b) => compare(a.file, b.file));
  // Package-level findings count once per folder, on the first file, as in the CLI.
  const seenPackage = new Set<string>();
  const all: SummaryFinding[] = [];
  const perSource = new Map<SummarySource, SummaryFinding[]>();
  for (const source of sources) {
    const list: SummaryFinding[] = [];
    const ordered = [...source.findings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || compare(a.ruleId, b.ruleId));
    for (const f of ordered) {
      if (input.rules.get(f.ruleId)?.oncePerPackage) {
        const key = `${f.ruleId}\0${path.dirname(source.path)}`;
        if (seenPackage.has(key)) continue;
        seenPackage.add(key);
      }
      const finding: SummaryFinding = {
        ruleId: f.ruleId, category: f.category, severity: f.severity, message: f.message, uri: source.uri, file: source.file,
        range: f.range, effortMinutes: f.effortMinutes, fingerprint: f.fingerprint, inBaseline: false,
      };
      list.push(finding);
      all.push(finding);
    }
    perSource.set(source, list);
  }

  let baseline: BaselineDelta | undefined;
  if (input.baseline) {
    baseline = { file: input.baseline.file, new: empty(), unchanged: empty(), fixed: empty() };
    if (input.baseline.error) baseline.error = input.baseline.error;
    if (input.baseline.baseline) {
      const comparison = compareWithBaseline(all, input.baseline.baseline);
      for (const f of comparison.unchanged) f.inBaseline = true;
      baseline.unchanged = sum(comparison.unchanged.map((f) => f.effortMinutes));
      baseline.fixed = sum(comparison.fixed.map((e) => input.rules.get(e.rule)?.effortMinutes ?? 0));
    }
    baseline.new = sum(all.filter((f) => !f.inBaseline).map((f) => f.effortMinutes));
  }

  const wanted = (f: SummaryFinding) =>
    (!input.params?.severities || input.params.severities.includes(f.severity)) &&
    (!input.params?.categories || input.params.categories.includes(f.category));
  const files: FileDebtInput[] = sources.map((source) => ({ file: source.file, linesOfCode: source.linesOfCode, findings: perSource.get(source)!.filter(wanted) }));
  const model = buildDebtModel(files, input.changes);
  const findings = all.filter(wanted);
  return {
    ...model,
    findings,
    markers: findings.filter((f) => f.ruleId === MARKER_RULE),
    ...(baseline ? { baseline } : {}),
    scan: { ...input.scan },
    history: input.changes !== undefined,
  };
}

/**
 * How many commits touched each file in the last 90 days, by path relative to folder;
 * undefined when git is not installed, the folder is not in a repository, or git fails.
 *
 * Safe on an untrusted folder: `git log` runs no hooks, and `-c core.fsmonitor=false`
 * stops the one configuration setting a repository could use to make git run a
 * program of its choosing for this command (no pager: output is not a terminal; no
 * diff drivers: --name-only compares no contents). GIT_OPTIONAL_LOCKS=0 keeps the
 * scan from taking the index lock while the user works.
 */
export function gitChanges(folder: string, timeoutMs = 10_000): Promise<Map<string, number> | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', 'log', '--since=90.days', '--name-only', '--format=', '--relative', '--no-renames', '--', '.'], {
      cwd: folder,
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
      windowsHide: true,
    }, (err, stdout) => {
      if (err) {
        resolve(undefined);
        return;
      }
      const counts = new Map<string, number>();
      for (const line of stdout.split('\n')) {
        const file = line.trim();
        if (file) counts.set(file, (counts.get(file) ?? 0) + 1);
      }
      resolve(counts);
    });
  });
}

function empty(): Bucket {
  return { findings: 0, effortMinutes: 0 };
}

function sum(minutes: number[]): Bucket {
  return { findings: minutes.length, effortMinutes: minutes.reduce((a, b) => a + b, 0) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
