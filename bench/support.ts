// Shared pieces of the benchmarks: the corpus, statistics, memory probes and the
// result table.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(PACKAGE_ROOT, 'dist', 'cli.js');
export const SERVER = path.join(PACKAGE_ROOT, 'dist', 'server.js');

/** Where Debian's golang-src puts the Go standard library (GODEBT_BENCH_CORPUS overrides). */
export const CORPUS_CANDIDATES = ['/usr/lib/go-1.19/src', '/usr/share/go-1.19/src', '/usr/lib/go/src', '/usr/local/go/src'];

export function findCorpus(): string | undefined {
  const given = process.env.GODEBT_BENCH_CORPUS;
  const found = (given ? [given] : CORPUS_CANDIDATES).find((dir) => fs.existsSync(path.join(dir, 'fmt', 'print.go')));
  return found && fs.realpathSync(found);
}

export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  /** The figure passes when value <= budget. */
  budget: number | null;
  pass: boolean;
  note?: string;
}

export class Results {
  readonly figures: Figure[] = [];
  readonly details: Record<string, unknown> = {};

  /** Records a figure with an upper bound and prints it at once. */
  check(name: string, value: number | null, unit: string, budget: number | null, note?: string): Figure {
    const pass = value !== null && (budget === null || value <= budget);
    const figure = { name, value, unit, budget, pass, note };
    this.figures.push(figure);
    const shown = value === null ? 'n/a' : `${round(value)} ${unit}`;
    const limit = budget === null ? '' : `  (budget <= ${round(budget)} ${unit})`;
    console.log(`${budget === null ? 'INFO' : pass ? 'PASS' : 'FAIL'}  ${name}: ${shown}${limit}${note ? `  — ${note}` : ''}`);
    return figure;
  }

  /** A figure without a budget (context for the others). */
  info(name: string, value: number, unit: string, note?: string): void {
    this.check(name, value, unit, null, note);
  }
}

export function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Resident set size of a process in MB (/proc/PID/status VmRSS), or NaN when gone. */
export function rssMb(pid: number): number {
  return procStatusKb(pid, 'VmRSS') / 1024;
}

/** Peak resident set size so far (VmHWM) in MB. */
export function peakRssMb(pid: number): number {
  return procStatusKb(pid, 'VmHWM') / 1024;
}

function procStatusKb(pid: number, field: string): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** True when GNU time is installed (Debian: apt-get install time). */
export function hasGnuTime(): boolean {
  return spawnSync('/usr/bin/time', ['-v', 'true'], { stdio: 'ignore' }).status === 0;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A Go file of about `lines` lines made of real code: the non-test files of one
 * standard-library package, one after the other, with their import declarations
 * merged into one at the top (files of one package share a namespace, so this is the
 * same package in one file).
 */
export function concatenatedPackage(dir: string, lines: number): string {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go')).sort();
  const imports = new Set<string>();
  let packageName = '';
  const bodies: string[] = [];
  let count = 0;
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    if (/^\/\/go:build /m.test(text)) continue; // platform-specific: may redeclare names
    const name = /^package (\w+)/m.exec(text)?.[1];
    if (!name || name.endsWith('_test')) continue;
    packageName ||= name;
    let body = text.slice(text.search(/^package \w+/m)).replace(/^package \w+\n/, '');
    body = body.replace(/^import \(\n([\s\S]*?)^\)\n/gm, (_all, specs: string) => {
      for (const spec of specs.split('\n')) if (spec.trim() && !spec.trim().startsWith('//')) imports.add(spec.trim());
      return '';
    });
    body = body.replace(/^import (.+)\n/gm, (_all, spec: string) => {
      imports.add(spec.trim());
      return '';
    });
    bodies.push(`// ---- ${file} ----\n${body}`);
    count += body.split('\n').length;
    if (count >= lines) break;
  }
  let out = `package ${packageName}\n\nimport (\n${[...imports].sort().map((s) => `\t${s}`).join('\n')}\n)\n${bodies.join('\n')}`;
  const all = out.split('\n');
  if (all.length > lines) {
    // Cut where a top-level declaration ends (a closing brace or parenthesis at the
    // start of a line), so the file stays valid Go: the end nearest to `lines`.
    const ends = (line: number) => all[line - 1] === '}' || all[line - 1] === ')';
    let after = lines;
    while (after < all.length && !ends(after)) after++;
    let before = lines;
    while (before > 0 && !ends(before)) before--;
    const cut = before > 0 && lines - before < after - lines ? before : after;
    out = `${all.slice(0, cut).join('\n')}\n`;
  }
  return out;
}
