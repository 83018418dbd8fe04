import * as assert from 'assert';
import { formatEffort, formatPercent, ratingFormula } from '../../client/src/panel/format';
import { reportHtml, ReportOptions } from '../../client/src/panel/reportHtml';
import { squarify } from '../../client/src/panel/treemap';
import { sampleSummary } from './reportFixture';

const AT = new Date('2026-11-23T10:30:00Z');
const webview: ReportOptions = { nonce: 'n0nceABC', interactive: true, workspaceName: 'shop', generatedAt: AT };
const exported: ReportOptions = { ...webview, interactive: false };

describe('debt report HTML', () => {
  const html = reportHtml(sampleSummary(), webview);
  const file = reportHtml(sampleSummary(), exported);

  it('declares a strict Content-Security-Policy with the nonce', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.strictEqual(csp, "default-src 'none'; style-src 'nonce-n0nceABC'; script-src 'nonce-n0nceABC';");
    const exportedCsp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(file)?.[1];
    assert.strictEqual(exportedCsp, "default-src 'none'; style-src 'nonce-n0nceABC';");
  });

  it('puts the nonce on every script and style element, and no inline style attributes or handlers', () => {
    for (const page of [html, file]) {
      const tags = page.match(/<(script|style)\b[^>]*>/g) ?? [];
      assert.ok(tags.length >= 1);
      for (const tag of tags) assert.match(tag, /nonce="n0nceABC"/, tag);
      assert.doesNotMatch(page, /\sstyle="/);
      assert.doesNotMatch(page, /\son[a-z]+="/);
    }
    assert.strictEqual((html.match(/<script\b/g) ?? []).length, 1);
    assert.strictEqual((file.match(/<script\b/g) ?? []).length, 0, 'the exported page needs no script');
  });

  it('loads nothing from anywhere', () => {
    for (const page of [html, file]) {
      assert.doesNotMatch(page, /https?:\/\//);
      assert.doesNotMatch(page, /\s(src|href)=/);
      assert.doesNotMatch(page, /@import|url\(/);
    }
  });

  it('labels every chart and every focusable element for screen readers, with a table beside each chart', () => {
    const charts = html.match(/<svg\b[^>]*>/g) ?? [];
    assert.strictEqual(charts.length, 4, 'categories, packages, rules, baseline');
    for (const svg of charts) assert.match(svg, /role="list" aria-label="[^"]+"/);
    const focusable = html.match(/<[a-z]+\b[^>]*tabindex="0"[^>]*>/g) ?? [];
    assert.ok(focusable.length > 10);
    for (const tag of focusable) assert.match(tag, /aria-label="[^"]+"/, tag);
    assert.strictEqual((html.match(/<summary>Table: /g) ?? []).length, 4);
    assert.match(html, /<button type="button" data-action="refresh">Refresh<\/button>/);
    assert.match(html, /<html lang="en">/);
  });

  it('formats the numbers people read', () => {
    const s = sampleSummary();
    assert.match(html, new RegExp(`<div class="value">${formatEffort(s.total.effortMinutes)}</div>`));
    assert.strictEqual(formatEffort(s.total.effortMinutes), '3 d 3 h');
    assert.match(html, /aria-label="error-handling: 40 min · 2 findings"/);
    assert.match(html, /package api: 55 min, rating A \(0\.5 %\), 3 findings/);
    assert.match(html, /Debt shrank by 25 min since the baseline/);
    assert.match(html, /\+35 min · 2 findings/);
    assert.match(html, new RegExp(ratingFormula().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.doesNotMatch(html, /NaN|undefined|\[object/);
  });

  it('escapes what comes from the workspace', () => {
    const s = sampleSummary();
    s.byPackage['<img src=x>'] = { ...s.byPackage.api };
    const page = reportHtml(s, { ...webview, workspaceName: '"><script>' });
    assert.doesNotMatch(page, /<img/);
    assert.strictEqual((page.match(/<script\b/g) ?? []).length, 1);
    assert.match(page, /&lt;img src=x&gt;/);
  });

  it('shows the waiting state before the first scan', () => {
    const page = reportHtml(undefined, webview);
    assert.match(page, /Waiting for the first scan/);
    assert.match(page, /Content-Security-Policy/);
  });
});

describe('debt formatting', () => {
  it('writes effort in 8-hour days, hours and minutes', () => {
    assert.deepStrictEqual([0, 5, 60, 90, 480, 540, 8 * 60 * 3 + 120, 8 * 60 * 2 + 30].map((m) => formatEffort(m)),
      ['0 min', '5 min', '1 h', '1 h 30 min', '1 d', '1 d 1 h', '3 d 2 h', '2 d']);
    assert.strictEqual(formatEffort(8 * 60 * 3 + 120, true), '3d 2h');
  });

  it('writes ratios as percentages', () => {
    assert.deepStrictEqual([0, 0.0004, 0.042, 0.05, 0.37].map(formatPercent), ['0 %', '< 0.1 %', '4.2 %', '5.0 %', '37 %']);
    assert.strictEqual(ratingFormula(), 'debt ratio = remediation effort ÷ (lines of code × 30 min); rating A ≤ 5 %, B ≤ 10 %, C ≤ 20 %, D ≤ 50 %, E above');
  });

  it('lays out a treemap that fills the rectangle with areas proportional to values', () => {
    const cells = squarify([6, 6, 4, 3, 2, 2, 1], (v) => v, 600, 400);
    assert.strictEqual(cells.length, 7);
    const area = cells.reduce((sum, c) => sum + c.width * c.height, 0);
    assert.ok(Math.abs(area - 240000) < 1e-6);
    for (const c of cells) {
      assert.ok(Math.abs(c.width * c.height - (c.item / 24) * 240000) < 1e-6);
      assert.ok(c.x >= -1e-9 && c.y >= -1e-9 && c.x + c.width <= 600 + 1e-6 && c.y + c.height <= 400 + 1e-6);
    }
    assert.deepStrictEqual(squarify([0, 0], (v) => v, 10, 10), []);
  });
});
