// The CLI's pieces on their own, with stand-in rules where the real rule set has no
// example yet (a rule that crashes, a package-level rule, a fixable rule).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FileFinding, FileResult, lintOne } from '../../server/src/cli/lintOne';
import { parseSize, UsageError } from '../../server/src/cli/options';
import { buildReport, formatMinutes } from '../../server/src/cli/report';
import { Linter } from '../../server/src/engine/linter';
import { defineRule, RuleMeta } from '../../server/src/engine/rule';
import { goTree, removeTree } from './harness';

const meta = (id: string, extra: Partial<RuleMeta> = {}): RuleMeta => ({
  id, category: 'maintainability', severity: 'info', effortMinutes: 1, fixable: false, summary: id, ...extra,
});

/** Renames every TODO comment to DONE: a stand-in fixable rule. */
const todoToDone = defineRule({
  meta: meta('todo-to-done', { fixable: true }),
  query: '(comment) @comment',
  check(ctx, captures) {
    const comment = captures.get('comment')!;
    const at = comment.text.indexOf('TODO');
    if (at < 0) return;
    const start = comment.startIndex + at;
    ctx.report({ span: { start, end: start + 4 }, message: 'TODO', fix: { title: 'DONE', edits: [{ start, end: start + 4, text: 'DONE' }] } });
  },
});

const crashes = defineRule({
  meta: meta('crashes'),
  query: '(package_clause) @p',
  check() {
    throw new Error('boom\nsecond line');
  },
});

describe('CLI parts', function () {
  this.timeout(20_000);
  let linter: Linter;
  let root = '';
  before(async () => {
    linter = await Linter.create([todoToDone, crashes]);
  });
  after(() => linter.dispose());
  afterEach(() => root && removeTree(root));

  describe('lintOne', () => {
    const settings = (fix: boolean) => ({ fix, maxFileSize: 0, configs: [{}] });

    it('reports a crashing rule in one line and keeps the other rules\' findings', () => {
      root = goTree({ 'a.go': 'package a\n\n// TODO one\n' });
      const result = lintOne(linter, { file: path.join(root, 'a.go'), config: 0 }, settings(false));
      assert.deepStrictEqual(result.findings.map((f) => [f.ruleId, f.fixable]), [['todo-to-done', true]]);
      assert.deepStrictEqual(result.notices.map((n) => [n.level, n.message]), [
        ['warning', 'rule crashes crashed (its findings for this file are missing; please report this): boom'],
      ]);
    });

    it('writes the fixed text and reports what remains', () => {
      root = goTree({ 'a.go': 'package a\n\n// TODO one\n// TODO two\n' });
      const result = lintOne(linter, { file: path.join(root, 'a.go'), config: 0 }, settings(true));
      assert.strictEqual(fs.readFileSync(path.join(root, 'a.go'), 'utf8'), 'package a\n\n// DONE one\n// DONE two\n');
      assert.deepStrictEqual([result.fixesApplied, result.findings.length], [2, 0]);
    });

    it('does not write back a file that is not valid UTF-8', () => {
      const bytes = Buffer.from('package a\n\n// TODO \xff\n', 'latin1');
      root = goTree({ 'a.go': bytes });
      const result = lintOne(linter, { file: path.join(root, 'a.go'), config: 0 }, settings(true));
      assert.ok(fs.readFileSync(path.join(root, 'a.go')).equals(bytes));
      assert.deepStrictEqual([result.fixesApplied, result.findings.length], [0, 1]);
      assert.match(result.notices[0].message, /^not valid UTF-8: .*, and not fixed$/);
    });

    it('keeps a byte order mark', () => {
      root = goTree({ 'a.go': '\ufeffpackage a\n\n// TODO one\n' });
      lintOne(linter, { file: path.join(root, 'a.go'), config: 0 }, settings(true));
      assert.strictEqual(fs.readFileSync(path.join(root, 'a.go'), 'utf8'), '\ufeffpackage a\n\n// DONE one\n');
    });
  });

  describe('buildReport', () => {
    const finding = (ruleId: string, line: number): FileFinding => ({
      ruleId, category: 'maintainability', severity: 'info', message: ruleId, effortMinutes: 30, fixable: false,
      fingerprint: `${ruleId}:${line}`, range: { start: { line, character: 0 }, end: { line, character: 7 } },
    });
    const result = (file: string, ...findings: FileFinding[]): FileResult => ({ file, linted: true, findings, fixesApplied: 0, notices: [], linesOfCode: 10 });

    it('keeps a package-level finding once per folder, on the first file in path order', () => {
      const rules = new Map([['pkg', meta('pkg', { oncePerPackage: true })], ['line', meta('line')]]);
      const report = buildReport([
        result('/w/util/b.go', finding('pkg', 0), finding('line', 3)),
        result('/w/util/a.go', finding('line', 5), finding('pkg', 0)),
        result('/w/lib/x.go', finding('pkg', 0)),
      ], '/w', rules);
      assert.deepStrictEqual(report.findings.map((f) => `${f.file}:${f.range.start.line} ${f.ruleId}`), [
        'lib/x.go:0 pkg', 'util/a.go:0 pkg', 'util/a.go:5 line', 'util/b.go:3 line',
      ]);
      assert.strictEqual(report.summary.effortMinutes, 120);
    });
  });

  it('formats debt as hours and minutes', () => {
    assert.deepStrictEqual([0, 45, 60, 95, 1500.4].map(formatMinutes), ['0m', '45m', '1h', '1h 35m', '25h']);
  });

  it('reads sizes with units of 1024', () => {
    assert.deepStrictEqual(['1048576', '10MB', '512kb', '1.5K', '0'].map(parseSize), [1048576, 10485760, 524288, 1536, 0]);
    assert.throws(() => parseSize('10 parsecs'), UsageError);
  });
});
