// What a run found, put in order and added up, and its two renderings: text lines for
// people and a versioned JSON document for tools.
import * as path from 'path';
import type { Category, RuleMeta, Severity } from '../engine/rule';
import { CATEGORIES, SEVERITIES } from '../engine/rule';
import type { FileFinding, FileResult } from './lintOne';
import type { FailOn } from './options';

export interface ReportedFinding extends FileFinding {
  /** Relative to the working folder, with forward slashes. */
  file: string;
}

interface Tally {
  findings: number;
  effortMinutes: number;
}

export interface Summary {
  findings: number;
  /** Files with at least one finding. */
  files: number;
  filesLinted: number;
  effortMinutes: number;
  fixesApplied: number;
  filesFixed: number;
  bySeverity: Record<Severity, number>;
  byCategory: Partial<Record<Category, Tally>>;
  byRule: Record<string, Tally>;
}

export interface Report {
  findings: ReportedFinding[];
  summary: Summary;
}

/** The path as the user reads it: relative to cwd, forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file) || '.';
  return relative.split(path.sep).join('/');
}

/**
 * Orders results by path then position, keeps one finding per folder for
 * package-level rules (the first in path order), and adds everything up.
 */
export function buildReport(results: readonly FileResult[], cwd: string, rules: ReadonlyMap<string, RuleMeta>): Report {
  const ordered = results
    .map((result) => ({ result, file: displayPath(result.file, cwd) }))
    .sort((a, b) => compare(a.file, b.file));
  const findings: ReportedFinding[] = [];
  const seenPackageFindings = new Set<string>();
  for (const { result, file } of ordered) {
    const folder = path.dirname(result.file);
    for (const finding of [...result.findings].sort(byPosition)) {
      if (rules.get(finding.ruleId)?.oncePerPackage) {
        const key = `${finding.ruleId}\0${folder}`;
        if (seenPackageFindings.has(key)) continue;
        seenPackageFindings.add(key);
      }
      findings.push({ ...finding, file });
    }
  }
  return { findings, summary: summarize(findings, results) };
}

export function summarize(findings: readonly ReportedFinding[], results: readonly FileResult[]): Summary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byCategory: Partial<Record<Category, Tally>> = {};
  const byRule: Record<string, Tally> = {};
  const add = (tally: Tally | undefined, minutes: number): Tally => ({
    findings: (tally?.findings ?? 0) + 1,
    effortMinutes: (tally?.effortMinutes ?? 0) + minutes,
  });
  for (const f of findings) {
    bySeverity[f.severity]++;
    byCategory[f.category] = add(byCategory[f.category], f.effortMinutes);
    byRule[f.ruleId] = add(byRule[f.ruleId], f.effortMinutes);
  }
  return {
    findings: findings.length,
    files: new Set(findings.map((f) => f.file)).size,
    filesLinted: results.filter((r) => r.linted).length,
    effortMinutes: findings.reduce((sum, f) => sum + f.effortMinutes, 0),
    fixesApplied: results.reduce((sum, r) => sum + r.fixesApplied, 0),
    filesFixed: results.filter((r) => r.fixesApplied > 0).length,
    bySeverity,
    byCategory: Object.fromEntries(CATEGORIES.filter((c) => byCategory[c]).map((c) => [c, byCategory[c]])),
    byRule: Object.fromEntries(Object.keys(byRule).sort(compare).map((id) => [id, byRule[id]])),
  };
}

/** Whether a finding of this severity fails a run under --fail-on. */
export function fails(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

export function renderText(report: Report, options: { quiet: boolean; fix: boolean; failOn: FailOn }): string {
  const shown = options.quiet ? report.findings.filter((f) => fails(f.severity, options.failOn)) : report.findings;
  const lines = shown.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.message} [${f.ruleId}]`);
  if (!options.quiet) {
    const s = report.summary;
    if (options.fix) lines.push(`${count(s.fixesApplied, 'fix', 'fixes')} applied in ${count(s.filesFixed, 'file')}.`);
    const severities = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0)
      .map((sev) => count(s.bySeverity[sev], sev, sev === 'info' ? 'info' : `${sev}s`));
    const found = s.findings === 0 ? '0 findings' : `${count(s.findings, 'finding')} (${severities.join(', ')}) in ${count(s.files, 'file')}`;
    lines.push(`${found}, ${count(s.filesLinted, 'file')} linted, debt ${formatMinutes(s.effortMinutes)}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

export function renderJson(report: Report, tool: { name: string; version: string }, guidance: (ruleId: string) => string): string {
  const document = {
    version: 1,
    tool,
    findings: report.findings.map((f) => ({
      rule: f.ruleId,
      category: f.category,
      severity: f.severity,
      file: f.file,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      message: f.message,
      effortMinutes: f.effortMinutes,
      fixable: f.fixable,
      guidance: guidance(f.ruleId),
    })),
    summary: report.summary,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** 95 -> "1h 35m", 45 -> "45m", 120 -> "2h". */
export function formatMinutes(minutes: number): string {
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Plain code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byPosition(a: FileFinding, b: FileFinding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line || a.range.end.character - b.range.end.character || compare(a.ruleId, b.ruleId);
}
