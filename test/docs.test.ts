// Every rule has a guidance page whose title is the rule id and whose body has the
// sections users rely on; the index lists every rule.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../server/src/rules/index';

const ROOT = path.resolve(__dirname, '..', '..');
export const REQUIRED_SECTIONS = ['## What it flags', '## Why it costs', '## Bad', '## Good', '## How to fix', '## How to suppress'];

describe('guidance pages', () => {
  const index = fs.readFileSync(path.join(ROOT, 'docs/rules/README.md'), 'utf8');
  for (const rule of ALL_RULES) {
    const id = rule.meta.id;
    it(`${id} has a complete page`, () => {
      const file = path.join(ROOT, 'docs/rules', `${id}.md`);
      assert.ok(fs.existsSync(file), `missing docs/rules/${id}.md`);
      const page = fs.readFileSync(file, 'utf8');
      assert.match(page, new RegExp(`^# ${id}$`, 'm'), 'title must be the rule id');
      for (const section of REQUIRED_SECTIONS) assert.ok(page.includes(`\n${section}\n`), `missing section "${section}"`);
      if (rule.meta.fixable) assert.ok(page.includes('\n## Quick fix\n'), 'fixable rule without a "## Quick fix" section');
      assert.ok(page.includes('```go'), 'no Go example');
      assert.ok(page.includes(`//godebt:ignore ${id}`), 'the suppression section must show the directive');
      assert.ok(index.includes(`(${id}.md)`), 'not listed in docs/rules/README.md');
    });
  }
});
