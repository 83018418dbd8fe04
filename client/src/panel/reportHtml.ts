// The debt report as one HTML page: charts (inline SVG) a person would rather look at
// than read, each with a table alternative, themed with VS Code's CSS variables (with
// fallbacks, so the exported file reads the same in a browser). Pure: no vscode, no
// remote content, no chart library. The webview adds a nonce'd script for its buttons;
// the exported page has none.
import type { SummaryResult } from '../../../protocol';
import type { Rating } from '../../../server/src/engine/debt';
import { CATEGORIES, SEVERITIES } from '../../../server/src/engine/rule';
import { formatCount, formatEffort, formatPercent, packageLabel, plural, ratingExplained, ratingFormula, ratingScale } from './format';
import { squarify } from './treemap';

export interface ReportOptions {
  /** A fresh random value per page; every script and style element carries it. */
  nonce: string;
  /** Webview: buttons and links that post messages. Export: a static page, no script. */
  interactive: boolean;
  /** Shown in the title ("Go technical debt — <name>"). */
  workspaceName: string;
  generatedAt: Date;
}

/** Messages the interactive page posts to the extension. */
export type ReportMessage =
  | { type: 'refresh' }
  | { type: 'export' }
  | { type: 'guidance'; value: string }
  | { type: 'openFile'; value: string };

const CHART_WIDTH = 640;
const RATINGS: Rating[] = ['A', 'B', 'C', 'D', 'E'];

export function reportHtml(summary: SummaryResult | undefined, options: ReportOptions): string {
  const title = `Go technical debt — ${options.workspaceName}`;
  const body = summary ? reportBody(summary, options) : waiting(options);
  const csp = options.interactive
    ? `default-src 'none'; style-src 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}';`
    : `default-src 'none'; style-src 'nonce-${options.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style nonce="${options.nonce}">${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="meta">Generated ${esc(options.generatedAt.toISOString().replace('T', ' ').slice(0, 16))} UTC by godebt${options.interactive ? '' : ' (exported report)'}.</p>
${options.interactive ? `<nav aria-label="Report actions"><button type="button" data-action="refresh">Refresh</button> <button type="button" data-action="export">Export…</button></nav>` : ''}
</header>
<main>
${body}
</main>
${options.interactive ? `<script nonce="${options.nonce}">${SCRIPT}</script>` : ''}
</body>
</html>
`;
}

function waiting(options: ReportOptions): string {
  return `<section aria-labelledby="waiting"><h2 id="waiting">Waiting for the first scan</h2>
<p>godebt has not reported a summary of this workspace yet. The report fills in as soon as the language server has scanned the Go files${options.interactive ? ' — or press Refresh' : ''}.</p></section>`;
}

function reportBody(s: SummaryResult, options: ReportOptions): string {
  const parts = [overview(s), byCategory(s, options), packages(s, options), topRules(s, options), baseline(s), hotspots(s, options)];
  return `${s.scan.state === 'scanning' ? `<p class="note" role="status">Scanning the workspace: ${formatCount(s.scan.done)} of ${formatCount(s.scan.files)} files so far; the numbers are partial.</p>` : ''}
${parts.join('\n')}
<footer><p class="meta">How it is computed: ${esc(ratingFormula())}. Remediation time is counted in days of 8 hours.</p></footer>`;
}

function overview(s: SummaryResult): string {
  const t = s.total;
  const severities = SEVERITIES.map((sev) => `${sev} ${formatCount(t.bySeverity[sev])}`).join(', ');
  const card = (label: string, value: string, detail: string, extra = '') =>
    `<div class="card${extra}" role="group" aria-label="${esc(`${label}: ${value}. ${detail}`)}" tabindex="0"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div><div class="detail">${esc(detail)}</div></div>`;
  return `<section aria-labelledby="overview"><h2 id="overview">Overview</h2>
<div class="cards">
${card('Rating', t.rating, `debt ratio ${formatPercent(t.ratio)} (${ratingScale()})`, ` rating rating-${t.rating}`)}
${card('Total debt', formatEffort(t.effortMinutes), ratingExplained(t))}
${card('Findings', formatCount(t.findings), severities)}
${card('Code', `${formatCount(t.linesOfCode)} lines`, `in ${plural(t.files, 'file')}, ${plural(Object.keys(s.byPackage).length, 'package')}`)}
</div></section>`;
}

interface Bar {
  label: string;
  value: number;
  text: string;
  action?: { type: 'guidance' | 'openFile'; value: string };
  className?: string;
}

/** A horizontal bar chart: one focusable row per bar, with its numbers in the label. */
function barChart(id: string, caption: string, bars: Bar[], interactive: boolean): string {
  const rowHeight = 26;
  const labelWidth = 190;
  const textWidth = 150;
  const barSpace = CHART_WIDTH - labelWidth - textWidth;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(rowHeight, bars.length * rowHeight);
  const rows = bars.map((bar, i) => {
    const y = i * rowHeight;
    const width = bar.value > 0 ? Math.max(2, (bar.value / max) * barSpace) : 0;
    const aria = `${bar.label}: ${bar.text}`;
    const action = interactive && bar.action ? ` data-action="${bar.action.type}" data-value="${esc(bar.action.value)}" class="row link"` : ' class="row"';
    return `<g role="listitem" tabindex="0" aria-label="${esc(aria)}"${action}><title>${esc(aria)}</title>`
      + `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" class="axis">${esc(truncate(bar.label, 28))}</text>`
      + `<rect x="${labelWidth}" y="${y + 5}" width="${width.toFixed(1)}" height="${rowHeight - 10}" rx="2" class="bar${bar.className ? ` ${bar.className}` : ''}"></rect>`
      + `<text x="${(labelWidth + width + 6).toFixed(1)}" y="${y + 17}" class="value-text">${esc(bar.text)}</text></g>`;
  });
  return `<svg id="${id}" role="list" aria-label="${esc(caption)}" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">${rows.join('')}</svg>`;
}

function table(caption: string, head: string[], rows: string[][], interactive: boolean, numeric: number[] = []): string {
  const cell = (tag: 'th' | 'td', text: string, i: number) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}${numeric.includes(i) ? ' class="num"' : ''}>${text}</${tag}>`;
  return `<details${interactive ? '' : ' open'}><summary>Table: ${esc(caption)}</summary>
<table><caption>${esc(caption)}</caption>
<thead><tr>${head.map((h, i) => cell('th', esc(h), i)).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n')}</tbody>
</table></details>`;
}

function byCategory(s: SummaryResult, options: ReportOptions): string {
  const categories = [...CATEGORIES].sort((a, b) => s.byCategory[b].effortMinutes - s.byCategory[a].effortMinutes || a.localeCompare(b));
  const bars = categories.map((c) => ({
    label: c,
    value: s.byCategory[c].effortMinutes,
    text: `${formatEffort(s.byCategory[c].effortMinutes)} · ${plural(s.byCategory[c].findings, 'finding')}`,
  }));
  const rows = categories.map((c) => [esc(c), esc(formatEffort(s.byCategory[c].effortMinutes)), formatCount(s.byCategory[c].findings), esc(share(s.byCategory[c].effortMinutes, s.total.effortMinutes))]);
  return `<section aria-labelledby="categories"><h2 id="categories">Debt by category</h2>
${barChart('chart-categories', 'Debt by category, bar chart', bars, options.interactive)}
${table('debt by category', ['Category', 'Debt', 'Findings', 'Share'], rows, options.interactive, [1, 2, 3])}
</section>`;
}

function packages(s: SummaryResult, options: ReportOptions): string {
  const entries = Object.entries(s.byPackage);
  const height = 240;
  const cells = squarify(entries, ([, p]) => p.effortMinutes, CHART_WIDTH, height);
  const svg = cells.length === 0
    ? '<p>No package carries debt.</p>'
    : `<svg id="chart-packages" role="list" aria-label="Treemap of packages: area is debt, colour is rating" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">${cells.map((cell) => {
      const [name, p] = cell.item;
      const aria = `package ${packageLabel(name)}: ${formatEffort(p.effortMinutes)}, rating ${p.rating} (${formatPercent(p.ratio)}), ${plural(p.findings, 'finding')}`;
      const label = cell.width > 60 && cell.height > 34
        ? `<text x="${(cell.x + 6).toFixed(1)}" y="${(cell.y + 17).toFixed(1)}" class="cell-text">${esc(truncate(packageLabel(name), Math.floor((cell.width - 12) / 7)))}</text>`
          + `<text x="${(cell.x + 6).toFixed(1)}" y="${(cell.y + 32).toFixed(1)}" class="cell-text small">${esc(`${formatEffort(p.effortMinutes)} · ${p.rating}`)}</text>`
        : '';
      return `<g role="listitem" tabindex="0" aria-label="${esc(aria)}" class="row"><title>${esc(aria)}</title><rect x="${cell.x.toFixed(1)}" y="${cell.y.toFixed(1)}" width="${cell.width.toFixed(1)}" height="${cell.height.toFixed(1)}" class="cell rating-${p.rating}"></rect>${label}</g>`;
    }).join('')}</svg>`;
  const legend = `<p class="legend" aria-label="Colour legend">${RATINGS.map((r) => `<span class="swatch rating-${r}" aria-hidden="true"></span> ${r}`).join(' ')} — ${esc(ratingScale())}</p>`;
  const sorted = entries.sort(([a, x], [b, y]) => y.effortMinutes - x.effortMinutes || a.localeCompare(b));
  const rows = sorted.map(([name, p]) => [`<code>${esc(packageLabel(name))}</code>`, esc(formatEffort(p.effortMinutes)), p.rating, esc(formatPercent(p.ratio)), formatCount(p.findings), formatCount(p.linesOfCode)]);
  return `<section aria-labelledby="packages"><h2 id="packages">Packages by debt</h2>
<p class="meta">Each rectangle is a package (a folder): its area is the package's debt, its colour the package's rating.</p>
${svg}
${legend}
${table('packages by debt', ['Package', 'Debt', 'Rating', 'Debt ratio', 'Findings', 'Lines of code'], rows, options.interactive, [1, 3, 4, 5])}
</section>`;
}

function topRules(s: SummaryResult, options: ReportOptions): string {
  const rules = Object.entries(s.byRule).sort(([a, x], [b, y]) => y.effortMinutes - x.effortMinutes || y.findings - x.findings || a.localeCompare(b)).slice(0, 10);
  if (rules.length === 0) return '<section aria-labelledby="rules"><h2 id="rules">Top rules</h2><p>No findings.</p></section>';
  const bars: Bar[] = rules.map(([id, r]) => ({
    label: id,
    value: r.effortMinutes,
    text: `${formatEffort(r.effortMinutes)} · ${formatCount(r.findings)}×`,
    action: { type: 'guidance', value: id },
    className: 'bar-rule',
  }));
  const rows = rules.map(([id, r]) => [`<code>${esc(id)}</code>`, esc(r.category), esc(formatEffort(r.effortMinutes)), formatCount(r.findings)]);
  return `<section aria-labelledby="rules"><h2 id="rules">Top rules</h2>
${options.interactive ? '<p class="meta">Select a rule (Enter or click) to read its guidance.</p>' : ''}
${barChart('chart-rules', 'Top rules by debt, bar chart', bars, options.interactive)}
${table('top rules by debt', ['Rule', 'Category', 'Debt', 'Findings'], rows, options.interactive, [2, 3])}
</section>`;
}

function baseline(s: SummaryResult): string {
  const b = s.baseline;
  if (!b) {
    return `<section aria-labelledby="baseline"><h2 id="baseline">Change against the baseline</h2>
<p>No baseline is configured. Record today's debt with <code>godebt --write-baseline .godebt-baseline.json</code> and set <code>"baseline"</code> in <code>.godebt.json</code> to that file: the report then shows what is new and what was fixed since.</p></section>`;
  }
  const bars: Bar[] = [
    { label: 'New since the baseline', value: b.new.effortMinutes, text: `+${formatEffort(b.new.effortMinutes)} · ${plural(b.new.findings, 'finding')}`, className: 'bar-new' },
    { label: 'Fixed since the baseline', value: b.fixed.effortMinutes, text: `−${formatEffort(b.fixed.effortMinutes)} · ${plural(b.fixed.findings, 'finding')}`, className: 'bar-fixed' },
    { label: 'Unchanged (in the baseline)', value: b.unchanged.effortMinutes, text: `${formatEffort(b.unchanged.effortMinutes)} · ${plural(b.unchanged.findings, 'finding')}`, className: 'bar-old' },
  ];
  const net = b.new.effortMinutes - b.fixed.effortMinutes;
  const verdict = net > 0 ? `Debt grew by ${formatEffort(net)}` : net < 0 ? `Debt shrank by ${formatEffort(-net)}` : 'Debt is level';
  return `<section aria-labelledby="baseline"><h2 id="baseline">Change against the baseline</h2>
<p>${esc(verdict)} since the baseline <code>${esc(b.file)}</code>.</p>
${b.error ? `<p class="note" role="alert">The baseline could not be read (${esc(b.error)}); every finding counts as new.</p>` : ''}
${barChart('chart-baseline', 'Change against the baseline, bar chart', bars, false)}
${table('change against the baseline', ['', 'Debt', 'Findings'], bars.map((bar, i) => [esc(bar.label), esc(formatEffort([b.new, b.fixed, b.unchanged][i].effortMinutes)), formatCount([b.new, b.fixed, b.unchanged][i].findings)]), false, [1, 2])}
</section>`;
}

function hotspots(s: SummaryResult, options: ReportOptions): string {
  const top = s.hotspots.slice(0, 10);
  if (top.length === 0) return '';
  const how = s.history ? 'debt × commits touching the file in the last 90 days' : 'debt (no git history available)';
  const rows = top.map((h) => {
    const file = options.interactive
      ? `<button type="button" class="linkish" data-action="openFile" data-value="${esc(h.file)}" aria-label="Open ${esc(h.file)}">${esc(h.file)}</button>`
      : `<code>${esc(h.file)}</code>`;
    return [file, esc(formatEffort(h.effortMinutes)), formatCount(h.changes), formatCount(h.score)];
  });
  const head = ['File', 'Debt', 'Changes', 'Score'];
  return `<section aria-labelledby="hotspots"><h2 id="hotspots">Hotspots</h2>
<p class="meta">Files ranked by ${esc(how)}: debt where the code changes most costs most.</p>
<table><caption>Hotspots</caption><thead><tr>${head.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('\n')}</tbody></table>
</section>`;
}

function share(part: number, total: number): string {
  return total === 0 ? '0 %' : formatPercent(part / total);
}

function truncate(text: string, max: number): string {
  if (max < 2) return '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground, #1f1f1f); background: var(--vscode-editor-background, #ffffff); margin: 0 auto; padding: 12px 24px 32px; max-width: 760px; line-height: 1.45; }
h1 { font-size: 1.6em; font-weight: 600; margin: 0.4em 0 0.1em; }
h2 { font-size: 1.2em; font-weight: 600; margin: 1.6em 0 0.5em; border-bottom: 1px solid var(--vscode-panel-border, #d0d0d0); padding-bottom: 4px; }
.meta { color: var(--vscode-descriptionForeground, #616161); margin: 0.2em 0 0.6em; }
.note { border-left: 3px solid var(--vscode-editorWarning-foreground, #bf8803); padding: 4px 10px; background: var(--vscode-textBlockQuote-background, #f2f2f2); }
code { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
button { font: inherit; color: var(--vscode-button-foreground, #fff); background: var(--vscode-button-background, #005fb8); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 4px 12px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground, #0258a8); }
button.linkish { color: var(--vscode-textLink-foreground, #005fb8); background: none; border: none; padding: 0; text-align: left; font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
button.linkish:hover { text-decoration: underline; background: none; }
:focus-visible { outline: 2px solid var(--vscode-focusBorder, #005fb8); outline-offset: 2px; }
g.row:focus { outline: none; }
g.row:focus-visible rect, g.row:hover rect { stroke: var(--vscode-focusBorder, #005fb8); stroke-width: 2; }
g.link { cursor: pointer; }
g.link:hover .axis, g.link:focus-visible .axis { text-decoration: underline; fill: var(--vscode-textLink-foreground, #005fb8); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--vscode-panel-border, #d0d0d0); border-radius: 4px; padding: 10px 12px; background: var(--vscode-sideBar-background, #f8f8f8); }
.card .label { color: var(--vscode-descriptionForeground, #616161); text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.05em; }
.card .value { font-size: 1.8em; font-weight: 600; }
.card .detail { color: var(--vscode-descriptionForeground, #616161); font-size: 0.9em; }
.card.rating .value { display: inline-block; min-width: 1.4em; text-align: center; border-radius: 4px; padding: 0 6px; margin-top: 2px; }
svg { display: block; max-width: 100%; height: auto; margin: 6px 0; overflow: visible; }
svg text { fill: var(--vscode-foreground, #1f1f1f); font-size: 12px; font-family: var(--vscode-font-family, system-ui, sans-serif); }
.axis { fill: var(--vscode-foreground, #1f1f1f); }
.value-text { fill: var(--vscode-descriptionForeground, #616161); }
.bar { fill: var(--vscode-charts-blue, #1a85ff); }
.bar-rule { fill: var(--vscode-charts-purple, #8c4bff); }
.bar-new { fill: var(--vscode-charts-red, #e51400); }
.bar-fixed { fill: var(--vscode-charts-green, #388a34); }
.bar-old { fill: var(--vscode-disabledForeground, #8b8b8b); }
.cell { stroke: var(--vscode-editor-background, #ffffff); stroke-width: 2; }
.cell-text { fill: var(--vscode-foreground, #1f1f1f); font-weight: 600; }
.cell-text.small { font-weight: 400; font-size: 11px; }
.rating-A { --rating: var(--vscode-charts-green, #388a34); }
.rating-B { --rating: color-mix(in srgb, var(--vscode-charts-green, #388a34) 50%, var(--vscode-charts-yellow, #bf8803)); }
.rating-C { --rating: var(--vscode-charts-yellow, #bf8803); }
.rating-D { --rating: var(--vscode-charts-orange, #d18616); }
.rating-E { --rating: var(--vscode-charts-red, #e51400); }
rect.cell { fill: color-mix(in srgb, var(--rating) 45%, var(--vscode-editor-background, #ffffff)); }
.card.rating .value { background: color-mix(in srgb, var(--rating) 45%, var(--vscode-editor-background, #ffffff)); border: 2px solid var(--rating); }
.swatch { display: inline-block; width: 12px; height: 12px; vertical-align: -1px; border: 1px solid var(--rating); background: color-mix(in srgb, var(--rating) 45%, var(--vscode-editor-background, #ffffff)); margin-left: 6px; }
details { margin: 6px 0 4px; }
summary { cursor: pointer; color: var(--vscode-textLink-foreground, #005fb8); }
table { border-collapse: collapse; margin: 6px 0; min-width: 60%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--vscode-panel-border, #e5e5e5); }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
footer { margin-top: 2em; }
nav { margin: 6px 0; }
`;

const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  // The page is rewritten when the summary changes: keep the reader's place.
  const state = vscode.getState();
  if (state && state.scrollY) window.scrollTo(0, state.scrollY);
  let saving = false;
  window.addEventListener('scroll', function () {
    if (saving) return;
    saving = true;
    setTimeout(function () {
      saving = false;
      vscode.setState({ scrollY: window.scrollY });
    }, 200);
  });
  function post(target) {
    vscode.postMessage(!('value' in target.dataset) ? { type: target.dataset.action } : { type: target.dataset.action, value: target.dataset.value });
  }
  document.addEventListener('click', function (event) {
    const target = event.target.closest('[data-action]');
    if (target) post(target);
  });
  document.addEventListener('keydown', function (event) {
    const target = event.target;
    if ((event.key === 'Enter' || event.key === ' ') && target instanceof SVGElement && target.dataset.action) {
      event.preventDefault();
      post(target);
    }
  });
})();
`;
