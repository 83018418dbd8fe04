import * as assert from 'assert';
import { reportMarkdown } from '../../client/src/panel/reportMarkdown';
import { sampleSummary } from './reportFixture';

const AT = new Date('2026-11-23T10:30:00Z');

describe('debt report Markdown', () => {
  const md = reportMarkdown(sampleSummary(), 'shop', AT);

  it('starts with the title, the date and the overview', () => {
    const lines = md.split('\n');
    assert.strictEqual(lines[0], '# Go technical debt — shop');
    assert.strictEqual(lines[2], 'Generated 2026-11-23 10:30 UTC by godebt.');
    assert.match(md, /^- \*\*Rating B\*\*, debt ratio 8\.5 % \(3 d 3 h ÷ \(640 lines × 30 min\) = 8\.5 % → B\)$/m);
    assert.match(md, /^- \*\*Total debt 3 d 3 h\*\* in 5 findings: error 1, warning 3, info 1, hint 0$/m);
  });

  it('writes well-formed tables, numbers right-aligned', () => {
    assert.match(md, /^\| Category \| Debt \| Findings \|\n\| --- \| ---: \| ---: \|\n\| maintainability \| 3 d 2 h \| 1 \|$/m);
    assert.match(md, /^\| `api` \| 55 min \| A \| 0\.5 % \| 3 \| 400 \|$/m);
    assert.match(md, /^\| New \| \+35 min \| 2 \|$/m);
    assert.match(md, /^\| Fixed \| −1 h \| 1 \|$/m);
    const tables = md.split(/\n(?!\|)/).map((block) => block.split('\n').filter((l) => l.startsWith('|'))).filter((rows) => rows.length > 0);
    assert.strictEqual(tables.length, 6);
    for (const rows of tables) {
      const widths = new Set(rows.map((row) => row.replace(/\\\|/g, '').split('|').length));
      assert.strictEqual(widths.size, 1, rows.join('\n'));
    }
  });

  it('escapes pipes in cells and lists the markers', () => {
    assert.match(md, /^\| `main\.go:3` \| TODO: <rewrite> \\\| "soon" & later \|$/m);
  });

  it('says when there is no summary yet', () => {
    assert.match(reportMarkdown(undefined, 'shop', AT), /Waiting for the first scan/);
  });
});
