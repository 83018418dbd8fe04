// `--format markdown`: a report a person reads in a pull request comment or a job
// summary: the total debt and its rating, debt by category, the costliest rules and
// files, and the findings as a table.
import { buildDebtModel, DebtModel, FileDebtInput } from '../engine/debt';
import { CATEGORIES, SEVERITIES } from '../engine/rule';
import { compare, formatMinutes, ReportedFinding } from './report';

/** Findings listed in the table at most; the rest are counted below it. */
export const MAX_TABLE_ROWS = 200;
const TOP = 10;

export interface MarkdownInput {
  findings: readonly ReportedFinding[];
  /** Every linted file (relative path, forward slashes) with its lines of code. */
  files: readonly { file: string; linesOfCode: number }[];
  tool: { name: string; version: string };
  guidance: (ruleId: string) => string;
  baseline?: { hidden: number; fixed: number };
}

export function renderMarkdown(input: MarkdownInput): string {
  const model = debtModelOf(input.findings, input.files);
  const t = model.total;
  const out: string[] = [];
  out.push('# godebt report', '');
  out.push(`**Debt: ${formatMinutes(t.effortMinutes)}** in ${count(t.findings, 'finding')} over ${count(t.linesOfCode, 'line')} of code ` +
    `(${count(t.files, 'file')}) — rating **${t.rating}** (debt ratio ${percent(t.ratio)}).`, '');
  const severities = SEVERITIES.filter((s) => t.bySeverity[s] > 0).map((s) => `${t.bySeverity[s]} ${s}`);
  if (severities.length > 0) out.push(`By severity: ${severities.join(', ')}.`, '');
  if (input.baseline) {
    out.push(`Baseline: only new findings are listed; ${count(input.baseline.hidden, 'known finding')} hidden, ` +
      `${count(input.baseline.fixed, 'baseline finding')} fixed since it was written.`, '');
  }
  out.push('_Rating: A ≤ 5 %, B ≤ 10 %, C ≤ 20 %, D ≤ 50 %, E above; debt ratio = effort ÷ (lines of code × 30 min)._', '');

  const categories = CATEGORIES.filter((c) => model.byCategory[c].findings > 0);
  if (categories.length > 0) {
    out.push('## By category', '', '| Category | Findings | Effort |', '|---|---:|---:|');
    for (const c of categories) out.push(`| ${c} | ${model.byCategory[c].findings} | ${formatMinutes(model.byCategory[c].effortMinutes)} |`);
    out.push('');
  }

  const rules = Object.entries(model.byRule).sort(([a, x], [b, y]) => y.effortMinutes - x.effortMinutes || compare(a, b)).slice(0, TOP);
  if (rules.length > 0) {
    out.push('## Top rules', '', '| Rule | Category | Findings | Effort |', '|---|---|---:|---:|');
    for (const [id, bucket] of rules) out.push(`| [${id}](${input.guidance(id)}) | ${bucket.category} | ${bucket.findings} | ${formatMinutes(bucket.effortMinutes)} |`);
    out.push('');
  }

  const files = Object.entries(model.byFile).filter(([, b]) => b.findings > 0)
    .sort(([a, x], [b, y]) => y.effortMinutes - x.effortMinutes || compare(a, b)).slice(0, TOP);
  if (files.length > 0) {
    out.push('## Top files', '', '| File | Findings | Effort | Rating |', '|---|---:|---:|:---:|');
    for (const [file, bucket] of files) out.push(`| ${cell(file)} | ${bucket.findings} | ${formatMinutes(bucket.effortMinutes)} | ${bucket.rating} |`);
    out.push('');
  }

  out.push('## Findings', '');
  if (input.findings.length === 0) {
    out.push(input.baseline ? 'No new findings.' : 'No findings.', '');
  } else {
    out.push('| File | Line | Severity | Rule | Message |', '|---|---:|---|---|---|');
    for (const f of input.findings.slice(0, MAX_TABLE_ROWS)) {
      out.push(`| ${cell(f.file)} | ${f.range.start.line + 1} | ${f.severity} | ${f.ruleId} | ${cell(f.message)} |`);
    }
    if (input.findings.length > MAX_TABLE_ROWS) out.push('', `…and ${count(input.findings.length - MAX_TABLE_ROWS, 'more finding')} (use --format json for all).`);
    out.push('');
  }
  out.push(`<sub>${input.tool.name} ${input.tool.version}</sub>`);
  return `${out.join('\n')}\n`;
}

export function debtModelOf(findings: readonly ReportedFinding[], files: readonly { file: string; linesOfCode: number }[]): DebtModel {
  const byFile = new Map<string, FileDebtInput>();
  for (const { file, linesOfCode } of files) byFile.set(file, { file, linesOfCode, findings: [] });
  for (const f of findings) {
    let input = byFile.get(f.file);
    if (!input) byFile.set(f.file, (input = { file: f.file, linesOfCode: 0, findings: [] }));
    (input.findings as ReportedFinding[]).push(f);
  }
  return buildDebtModel([...byFile.values()]);
}

/** A table cell: pipes escaped, line breaks folded, HTML-looking text defused. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
