// The debt report as Markdown (for a pull request, a wiki page or a chat): the same
// sections as the HTML report, as tables. Pure (no vscode).
import type { SummaryResult } from '../../../protocol';
import { CATEGORIES, SEVERITIES } from '../../../server/src/engine/rule';
import { formatCount, formatEffort, formatPercent, packageLabel, plural, ratingExplained, ratingFormula } from './format';

export function reportMarkdown(s: SummaryResult | undefined, workspaceName: string, generatedAt: Date): string {
  const lines: string[] = [`# Go technical debt — ${cell(workspaceName)}`, '', `Generated ${generatedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC by godebt.`, ''];
  if (!s) return [...lines, 'Waiting for the first scan: godebt has not reported a summary of this workspace yet.', ''].join('\n');
  const t = s.total;
  if (s.scan.state === 'scanning') lines.push(`> Scanning the workspace: ${formatCount(s.scan.done)} of ${formatCount(s.scan.files)} files so far; the numbers are partial.`, '');
  lines.push(
    '## Overview', '',
    `- **Rating ${t.rating}**, debt ratio ${formatPercent(t.ratio)} (${ratingExplained(t)})`,
    `- **Total debt ${formatEffort(t.effortMinutes)}** in ${plural(t.findings, 'finding')}: ${SEVERITIES.map((sev) => `${sev} ${formatCount(t.bySeverity[sev])}`).join(', ')}`,
    `- ${formatCount(t.linesOfCode)} lines of code in ${plural(t.files, 'file')}, ${plural(Object.keys(s.byPackage).length, 'package')}`,
    '',
  );
  lines.push('## Debt by category', '', ...markdownTable(['Category', 'Debt', 'Findings'], [false, true, true],
    [...CATEGORIES].sort((a, b) => s.byCategory[b].effortMinutes - s.byCategory[a].effortMinutes || a.localeCompare(b))
      .map((c) => [c, formatEffort(s.byCategory[c].effortMinutes), formatCount(s.byCategory[c].findings)])), '');
  const packages = Object.entries(s.byPackage).sort(([a, x], [b, y]) => y.effortMinutes - x.effortMinutes || a.localeCompare(b));
  lines.push('## Packages by debt', '', ...markdownTable(['Package', 'Debt', 'Rating', 'Debt ratio', 'Findings', 'Lines of code'], [false, true, false, true, true, true],
    packages.map(([name, p]) => [`\`${packageLabel(name)}\``, formatEffort(p.effortMinutes), p.rating, formatPercent(p.ratio), formatCount(p.findings), formatCount(p.linesOfCode)])), '');
  const rules = Object.entries(s.byRule).sort(([a, x], [b, y]) => y.effortMinutes - x.effortMinutes || y.findings - x.findings || a.localeCompare(b)).slice(0, 10);
  lines.push('## Top rules', '');
  if (rules.length === 0) lines.push('No findings.', '');
  else lines.push(...markdownTable(['Rule', 'Category', 'Debt', 'Findings'], [false, false, true, true], rules.map(([id, r]) => [`\`${id}\``, r.category, formatEffort(r.effortMinutes), formatCount(r.findings)])), '');
  lines.push('## Change against the baseline', '');
  const b = s.baseline;
  if (!b) lines.push('No baseline is configured.', '');
  else {
    if (b.error) lines.push(`> The baseline \`${b.file}\` could not be read (${cell(b.error)}); every finding counts as new.`, '');
    lines.push(`Baseline: \`${b.file}\``, '', ...markdownTable(['', 'Debt', 'Findings'], [false, true, true], [
      ['New', `+${formatEffort(b.new.effortMinutes)}`, formatCount(b.new.findings)],
      ['Fixed', `−${formatEffort(b.fixed.effortMinutes)}`, formatCount(b.fixed.findings)],
      ['Unchanged', formatEffort(b.unchanged.effortMinutes), formatCount(b.unchanged.findings)],
    ]), '');
  }
  if (s.hotspots.length > 0) {
    lines.push('## Hotspots', '', s.history ? 'Files ranked by debt × commits in the last 90 days.' : 'Files ranked by debt (no git history available).', '',
      ...markdownTable(['File', 'Debt', 'Changes', 'Score'], [false, true, true, true],
        s.hotspots.slice(0, 10).map((h) => [`\`${h.file}\``, formatEffort(h.effortMinutes), formatCount(h.changes), formatCount(h.score)])), '');
  }
  if (s.markers.length > 0) {
    lines.push('## TODO and FIXME markers', '', ...markdownTable(['Where', 'Marker'], [false, false],
      s.markers.map((m) => [`\`${m.file}:${m.range.start.line + 1}\``, m.message])), '');
  }
  lines.push('---', '', `How it is computed: ${ratingFormula()}. Remediation time is counted in days of 8 hours.`, '');
  return lines.join('\n');
}

function markdownTable(head: string[], right: boolean[], rows: string[][]): string[] {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `|${right.map((r) => (r ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

/** Text safe inside a Markdown table cell: no pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
