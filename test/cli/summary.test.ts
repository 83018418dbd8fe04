// The CLI's debt reports: --format sarif (validated against the SARIF 2.1.0 schema),
// --format markdown, --write-baseline / --baseline, and the result cache.
import * as assert from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { cacheKey, ResultCache } from '../../server/src/cli/cache';
import type { FileResult } from '../../server/src/cli/lintOne';
import { lintPlan } from '../../server/src/cli/lintPlan';
import { PackageIndex } from '../../server/src/engine/packageIndex';
import type { LintBackend } from '../../server/src/cli/pool';
import { CGO_GO, PACKAGE_ROOT, runCli, runJson, suiteTrees, TODO_GO } from './harness';

const SCHEMA = path.join(PACKAGE_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');
/** A file with a fixable finding (deprecated-ioutil). */
const IOUTIL_GO = 'package main\n\nimport "io/ioutil"\n\nfunc main() {\n\t_, _ = ioutil.ReadFile("x")\n}\n';

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string; defaultConfiguration: { level: string }; properties: { category: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string; ruleIndex: number; level: string; message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
      partialFingerprints: Record<string, string>;
      fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: object; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

/** The OASIS schema is draft-04 with an `id`; Ajv 8 reads it as draft-07 once that is renamed. */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  return ajv.compile(schema);
}

describe('godebt CLI debt reports', function () {
  this.timeout(30_000);
  const tree = suiteTrees();

  describe('--format sarif', () => {
    it('is valid SARIF 2.1.0 with full rule metadata, regions, fingerprints and fixes', () => {
      const root = tree({ 'main.go': TODO_GO, 'pkg/c.go': CGO_GO.replace('package main', 'package pkg').replace('func main() {}\n', ''), 'io/r.go': IOUTIL_GO });
      const run = runCli(['--format', 'sarif', '--no-cache'], root);
      assert.strictEqual(run.status, 1, run.stderr);
      const log = JSON.parse(run.stdout) as SarifLog;
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.ok(!validate({ version: '2.1.0', runs: [{ tool: { driver: { rules: [] } } }] }), 'the validator rejects a log without a tool name');

      assert.strictEqual(log.version, '2.1.0');
      const run0 = log.runs[0];
      const rules = run0.tool.driver.rules;
      assert.strictEqual(run0.tool.driver.name, 'godebt');
      assert.deepStrictEqual(rules.map((r) => r.id), [...rules.map((r) => r.id)].sort());
      const cgo = rules.find((r) => r.id === 'cgo-import')!;
      assert.strictEqual(cgo.name, 'CgoImport');
      assert.strictEqual(cgo.defaultConfiguration.level, 'warning');
      assert.strictEqual(cgo.properties.category, 'dependencies');
      assert.match(cgo.helpUri, /^file:\/\/.*\/docs\/rules\/cgo-import\.md$/);
      assert.ok(cgo.fullDescription.text.length > cgo.shortDescription.text.length / 2);
      assert.match(cgo.help.markdown, /## How to fix/);
      assert.strictEqual(rules.find((r) => r.id === 'debt-marker')!.defaultConfiguration.level, 'note');

      assert.strictEqual(run0.originalUriBaseIds.SRCROOT.uri.endsWith('/'), true);
      const c = run0.results.find((r) => r.ruleId === 'cgo-import')!;
      assert.strictEqual(rules[c.ruleIndex].id, 'cgo-import');
      assert.strictEqual(c.level, 'warning');
      assert.deepStrictEqual(c.locations[0].physicalLocation.artifactLocation, { uri: 'pkg/c.go', uriBaseId: 'SRCROOT' });
      assert.deepStrictEqual(c.locations[0].physicalLocation.region, { startLine: 3, startColumn: 8, endLine: 3, endColumn: 11 });
      assert.match(Object.values(c.partialFingerprints)[0], /^[0-9a-f]{32}$/);
      const fixed = run0.results.find((r) => r.fixes);
      assert.ok(fixed, 'a fixable finding carries a SARIF fix');
      assert.ok(fixed.fixes![0].description.text.length > 0);
      assert.ok(fixed.fixes![0].artifactChanges[0].replacements.length > 0);
    });
  });

  describe('--format markdown', () => {
    it('reports totals, rating, categories, top rules and a findings table', () => {
      const root = tree({ 'main.go': TODO_GO, 'c.go': CGO_GO.replace('func main() {}\n', '').replace('package main', 'package main\n\n// pipes | in | text') });
      const run = runCli(['--format', 'markdown', '--no-cache'], root);
      const md = run.stdout;
      assert.match(md, /^# godebt report\n/);
      assert.match(md, /\*\*Debt: 1h\*\* in 2 findings over \d+ lines of code \(2 files\) — rating \*\*[A-E]\*\*/);
      assert.match(md, /## By category\n\n\| Category \| Findings \| Effort \|\n\|---\|---:\|---:\|\n\| maintainability \| 1 \| 0m \|\n\| dependencies \| 1 \| 1h \|/);
      assert.match(md, /## Top rules\n\n.*\n.*\n\| \[cgo-import\]\(file:.*cgo-import\.md\) \| dependencies \| 1 \| 1h \|/);
      assert.match(md, /\| c\.go \| \d+ \| warning \| cgo-import \| import "C"/);
      assert.match(md, /\| main\.go \| 3 \| info \| debt-marker \| TODO: tidy up \|/);
    });
  });

  describe('baseline', () => {
    it('records findings, then fails only on new ones, saying how many were hidden and fixed', () => {
      const root = tree({ 'a.go': TODO_GO, 'b.go': CGO_GO, 'd.go': 'package main\n\n// FIXME: remove\nfunc d() {}\n' });
      const write = runCli(['--write-baseline', 'godebt-baseline.json'], root);
      assert.strictEqual(write.status, 0, write.stderr);
      assert.match(write.stderr, /baseline of 3 findings written to godebt-baseline\.json/);
      const baseline = JSON.parse(fs.readFileSync(path.join(root, 'godebt-baseline.json'), 'utf8')) as { version: number; findings: { file: string; rule: string; fingerprint: string; message: string }[] };
      assert.strictEqual(baseline.version, 1);
      assert.deepStrictEqual(baseline.findings.map((f) => `${f.file} ${f.rule}`), ['a.go debt-marker', 'b.go cgo-import', 'd.go debt-marker']);
      // Writing again gives the same bytes (stable, diffable).
      const before = fs.readFileSync(path.join(root, 'godebt-baseline.json'), 'utf8');
      runCli(['--write-baseline', 'godebt-baseline.json'], root);
      assert.strictEqual(fs.readFileSync(path.join(root, 'godebt-baseline.json'), 'utf8'), before);

      // Unchanged code passes.
      const clean = runCli(['--baseline', 'godebt-baseline.json'], root);
      assert.strictEqual(clean.status, 0, clean.stdout);
      assert.match(clean.stderr, /baseline: 0 new, 3 known \(hidden\), 0 fixed/);

      // Edits elsewhere move the old findings; one finding is fixed; one new finding fails the run.
      fs.writeFileSync(path.join(root, 'b.go'), `// Package main.\n\n${CGO_GO}`);
      fs.writeFileSync(path.join(root, 'd.go'), 'package main\n\nfunc d() {}\n');
      fs.writeFileSync(path.join(root, 'e.go'), CGO_GO.replace('func main() {}\n', 'func e() {}\n'));
      const { run, output } = runJson(['--baseline', 'godebt-baseline.json'], root);
      assert.strictEqual(run.status, 1);
      assert.deepStrictEqual(output.findings.map((f) => `${f.file} ${f.rule}`), ['e.go cgo-import']);
      assert.strictEqual(output.summary.findings, 1);
      assert.match(run.stderr, /baseline: 1 new, 2 known \(hidden\), 1 fixed/);
    });

    it('exits 2 with a reason when the baseline cannot be read', () => {
      const root = tree({ 'a.go': TODO_GO, 'bad.json': '{"version": 99, "findings": []}' });
      const missing = runCli(['--baseline', 'nope.json'], root);
      assert.strictEqual(missing.status, 2);
      assert.match(missing.stderr, /nope\.json: no such file/);
      const bad = runCli(['--baseline', 'bad.json'], root);
      assert.strictEqual(bad.status, 2);
      assert.match(bad.stderr, /baseline version 99 is not supported/);
    });
  });

  describe('result cache', () => {
    const result = (file: string, message: string): FileResult => ({
      file, linted: true, fixesApplied: 0, notices: [], linesOfCode: 3,
      findings: [{ ruleId: 'r', category: 'maintainability', severity: 'info', message, effortMinutes: 1, fixable: false, fingerprint: 'f', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
    });
    const key = (over: Partial<Parameters<typeof cacheKey>[0]> = {}) => cacheKey({ config: { tests: false }, version: '1.0.0', ruleIds: ['a', 'b'], ...over });

    it('reuses results of unchanged files only, and starts afresh when config, version or rules change', async () => {
      const dir = tree({});
      const root = tree({ 'a.go': 'package a\n', 'b.go': 'package b\n' });
      const files = ['a.go', 'b.go'].map((f) => path.join(root, f));
      let linted: string[] = [];
      const backend: LintBackend = {
        summarize: async (names) => names.map(() => undefined),
        lint: async (jobs) => jobs.map((job) => job.tasks.map(({ file }) => {
          linted.push(path.basename(file));
          return result(file, `lint ${path.basename(file)}`);
        })),
        dispose: async () => undefined,
      };
      const pass = async (cacheKeyValue: string) => {
        linted = [];
        const cache = ResultCache.load(dir, cacheKeyValue);
        const { results } = await lintPlan({
          tasks: files.map((file) => ({ file, config: 0 })), cache: (task) => ({ cache, name: path.basename(task.file) }), backend, index: new PackageIndex(),
        });
        cache.save();
        return results;
      };
      await pass(key());
      assert.deepStrictEqual(linted, ['a.go', 'b.go']);
      const again = await pass(key());
      assert.deepStrictEqual(linted, [], 'nothing linted from a warm cache');
      assert.strictEqual(again[0]!.file, files[0]);
      assert.strictEqual(again[1]!.findings[0].message, 'lint b.go');

      fs.writeFileSync(files[1], 'package b\n\nvar x = 1\n');
      await pass(key());
      assert.deepStrictEqual(linted, ['b.go'], 'a content change relints that file only');

      await pass(key({ config: { tests: true } }));
      assert.deepStrictEqual(linted, ['a.go', 'b.go'], 'a config change relints everything');
      await pass(key({ config: { tests: true }, version: '1.0.1' }));
      assert.deepStrictEqual(linted, ['a.go', 'b.go'], 'a version change relints everything');
      await pass(key({ config: { tests: true }, version: '1.0.1', ruleIds: ['a', 'b', 'c'] }));
      assert.deepStrictEqual(linted, ['a.go', 'b.go'], 'a new rule relints everything');
      assert.strictEqual(key({ config: { a: 1, b: 2 } }), key({ config: { b: 2, a: 1 } }), 'key order does not matter');
    });

    it('ignores a corrupt or foreign cache file', async () => {
      const dir = tree({});
      for (const text of ['{not json', '{"format": 999, "key": "x", "entries": {}}', 'null', '{"format":1,"key":"k","entries":{"a.go":{"hash":1}}}']) {
        fs.writeFileSync(path.join(dir, 'results.json'), text);
        assert.strictEqual(ResultCache.load(dir, 'k').size, 0, text);
      }
    });

    it('is used by the CLI by default and gives the same output as --no-cache', () => {
      const root = tree({ 'a.go': TODO_GO, 'b.go': CGO_GO });
      const cacheDir = path.join(root, '.cache');
      const cold = runCli(['--cache-dir', cacheDir], root);
      assert.ok(fs.existsSync(path.join(cacheDir, 'results.json')));
      const warm = runCli(['--cache-dir', cacheDir], root);
      assert.strictEqual(warm.stdout, cold.stdout);
      fs.writeFileSync(path.join(cacheDir, 'results.json'), 'garbage');
      assert.strictEqual(runCli(['--cache-dir', cacheDir], root).stdout, cold.stdout);
      assert.strictEqual(runCli(['--no-cache'], root).stdout, cold.stdout);
    });
  });
});
