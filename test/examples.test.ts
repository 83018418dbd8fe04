// examples/README.md says which line of the example service shows which rule, and
// which look-alike lines must stay silent. This holds it to that, for every rule the
// engine has: a rule that stops firing there, or starts firing on clean code, fails.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../server/src/engine/finding';
import { Linter } from '../server/src/engine/linter';
import { ALL_RULES } from '../server/src/rules/index';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
/** Files that must have no finding of any rule. */
const CLEAN_FILES = ['internal/health/health.go', 'internal/payments/retry.go'];

interface Row {
  ruleId: string;
  file: string;
  line: number;
}

/** The `| \`rule\` | [file:line](...) | ... |` rows of one section of the README. */
function rows(readme: string, heading: string): Row[] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `examples/README.md has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `([a-z0-9-]+)` \| \[([^\]:]+):(\d+)\]/gm)].map((m) => ({ ruleId: m[1], file: m[2], line: Number(m[3]) }));
}

describe('examples', function () {
  const readme = fs.readFileSync(path.join(EXAMPLES, 'README.md'), 'utf8');
  const debt = rows(readme, 'Debt it shows');
  const clean = rows(readme, 'Clean code it must not flag');
  let linter: Linter | undefined;
  const cache = new Map<string, Finding[]>();
  const findingsOf = (file: string): Finding[] => {
    if (!cache.has(file)) {
      const full = path.join(EXAMPLES, file);
      const result = linter!.lintFile(full, fs.readFileSync(full, 'utf8'));
      assert.deepStrictEqual(result.failures.map((f) => f.ruleId), [], `a rule threw on examples/${file}`);
      cache.set(file, result.findings);
    }
    return cache.get(file)!;
  };
  const describeFindings = (findings: Finding[]) =>
    findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`).join(', ') || 'none';

  before(async () => {
    linter = await Linter.create(ALL_RULES);
  });
  after(() => linter?.dispose());

  for (const rule of ALL_RULES) {
    const id = rule.meta.id;
    it(`show ${id} where the README says`, () => {
      const mine = debt.filter((r) => r.ruleId === id);
      assert.ok(mine.length > 0, `examples/README.md lists no example of ${id}`);
      for (const row of mine) {
        const findings = findingsOf(row.file).filter((f) => f.ruleId === id);
        const hit = findings.some((f) => f.range.start.line + 1 <= row.line && row.line <= f.range.end.line + 1);
        assert.ok(hit, `no ${id} finding on examples/${row.file}:${row.line} (found: ${describeFindings(findings)})`);
      }
    });
    const silent = clean.filter((r) => r.ruleId === id);
    if (silent.length === 0) continue;
    it(`keep ${id} silent on the look-alike clean lines`, () => {
      for (const row of silent) {
        const wrong = findingsOf(row.file).filter((f) => f.ruleId === id && f.range.start.line + 1 === row.line);
        assert.deepStrictEqual(wrong.map((f) => f.message), [], `${id} flags clean code at examples/${row.file}:${row.line}`);
      }
    });
  }

  it('have no finding at all in the clean files', () => {
    for (const file of CLEAN_FILES) {
      const findings = findingsOf(file);
      assert.strictEqual(findings.length, 0, `examples/${file}: ${describeFindings(findings)}`);
    }
  });

  it('name only files and lines that exist', () => {
    for (const row of [...debt, ...clean]) {
      const full = path.join(EXAMPLES, row.file);
      assert.ok(fs.existsSync(full), `examples/README.md names a missing file ${row.file}`);
      const lines = fs.readFileSync(full, 'utf8').split('\n').length;
      assert.ok(row.line >= 1 && row.line <= lines, `examples/${row.file} has no line ${row.line}`);
    }
    // The README may list rules the engine does not have yet; a clean row of a rule
    // with no debt row is a misspelt id.
    const shown = new Set(debt.map((r) => r.ruleId));
    for (const row of clean) assert.ok(shown.has(row.ruleId), `clean row of unknown rule ${row.ruleId}`);
  });
});
