// The godebt command, run as users run it: output formats, the folder walk, exit codes.
// Rules used: debt-marker (info) and cgo-import (warning), plus the rules named in
// the tests that need an error-severity or a package-level rule.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CGO_GO, goTree, PACKAGE_ROOT, removeTree, runCli, runJson, TODO_GO, where } from './harness';

describe('godebt CLI', function () {
  this.timeout(30_000);
  const trees: string[] = [];
  const tree = (files: Record<string, string | Buffer>) => {
    const root = goTree(files);
    trees.push(root);
    return root;
  };
  after(() => trees.forEach(removeTree));

  describe('text format', () => {
    it('prints path:line:col: severity message [rule] and a summary line', () => {
      const root = tree({ 'main.go': TODO_GO, 'pkg/c.go': CGO_GO.replace('package main', 'package pkg').replace('func main() {}\n', '') });
      const run = runCli([], root);
      const lines = run.stdout.trimEnd().split('\n');
      assert.strictEqual(lines.length, 3, run.stdout);
      assert.match(lines[0], /^main\.go:3:4: info .+ \[debt-marker\]$/);
      assert.match(lines[1], /^pkg\/c\.go:3:8: warning .+ \[cgo-import\]$/);
      assert.strictEqual(lines[2], '2 findings (1 warning, 1 info) in 2 files, 2 files linted, debt 1h');
      assert.strictEqual(run.stderr, '');
    });

    it('says so when nothing is found', () => {
      const root = tree({ 'main.go': 'package main\n\nfunc main() {}\n', 'go.mod': 'module example.com/x\n\ngo 1.21\n' });
      const run = runCli([], root);
      assert.strictEqual(run.stdout, '0 findings, 2 files linted, debt 0m\n');
      assert.strictEqual(run.status, 0);
    });

    it('--quiet prints only the findings that fail the run, without a summary', () => {
      const root = tree({ 'a.go': TODO_GO, 'b.go': CGO_GO });
      const run = runCli(['--quiet'], root);
      assert.match(run.stdout, /^b\.go:3:8: warning .+ \[cgo-import\]\n$/);
      assert.strictEqual(run.status, 1);
    });
  });

  describe('JSON format', () => {
    it('gives every field, with paths relative to the working folder and 1-based positions', () => {
      const root = tree({ 'cmd/tool/main.go': TODO_GO, 'cmd/tool/cgo.go': CGO_GO.replace('\nfunc main() {}\n', '') });
      const { run, output } = runJson([], root);
      assert.strictEqual(run.status, 1);
      assert.strictEqual(output.version, 1);
      const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.deepStrictEqual(output.tool, { name: 'godebt', version: pkg.version });
      const [cgo, todo] = output.findings;
      assert.deepStrictEqual({ ...cgo, message: undefined }, {
        rule: 'cgo-import',
        category: 'dependencies',
        severity: 'warning',
        file: 'cmd/tool/cgo.go',
        line: 3,
        column: 8,
        endLine: 3,
        endColumn: 11,
        message: undefined,
        effortMinutes: 60,
        fixable: false,
        guidance: pathToFileURL(path.join(PACKAGE_ROOT, 'docs/rules/cgo-import.md')).href,
      });
      assert.ok(cgo.message.length > 0);
      assert.strictEqual(todo.file, 'cmd/tool/main.go');
      assert.deepStrictEqual([todo.rule, todo.line, todo.column, todo.endLine, todo.endColumn], ['debt-marker', 3, 4, 3, 8]);
      assert.ok(fs.existsSync(new URL(todo.guidance)), `guidance page missing: ${todo.guidance}`);
    });

    it('adds up the findings by severity, category and rule', () => {
      const root = tree({ 'a.go': TODO_GO, 'b.go': CGO_GO, 'c.go': TODO_GO });
      const { output } = runJson([], root);
      assert.deepStrictEqual(output.summary, {
        findings: 3,
        files: 3,
        filesLinted: 3,
        effortMinutes: 60,
        fixesApplied: 0,
        filesFixed: 0,
        bySeverity: { error: 0, warning: 1, info: 2, hint: 0 },
        byCategory: { maintainability: { findings: 2, effortMinutes: 0 }, dependencies: { findings: 1, effortMinutes: 60 } },
        byRule: { 'cgo-import': { findings: 1, effortMinutes: 60 }, 'debt-marker': { findings: 2, effortMinutes: 0 } },
      });
    });

    it('counts columns in UTF-16 code units, as LSP does', () => {
      const root = tree({ 'u.go': 'package main\n\n// 日本 TODO: one\n// 🙂 TODO: two\n' });
      const { output } = runJson([], root);
      assert.deepStrictEqual(output.findings.map((f) => [f.line, f.column, f.endColumn]), [[3, 7, 11], [4, 7, 11]]);
    });

    it('names paths outside the working folder with ../', () => {
      const root = tree({ 'code/a.go': TODO_GO, 'elsewhere/.keep': '' });
      const { output } = runJson(['../code'], path.join(root, 'elsewhere'));
      assert.deepStrictEqual(where(output), ['../code/a.go:3 debt-marker']);
    });
  });

  describe('which files are linted', () => {
    it('walks folders, skipping vendor/, testdata/, node_modules/, and folders and files named .x or _x (the go tool ignores them)', () => {
      const root = tree({
        'a.go': TODO_GO,
        'go.mod': 'module example.com/x\n\ngo 1.21\n',
        'internal/deep/b.go': TODO_GO,
        'vendor/v/v.go': TODO_GO,
        'x/testdata/t.go': TODO_GO,
        'node_modules/n/n.go': TODO_GO,
        '.git/g.go': TODO_GO,
        'x/.cache/c.go': TODO_GO,
        '_examples/e.go': TODO_GO,
        'x/_gen.go': TODO_GO,
        'notes.txt': 'TODO: not Go',
      });
      const { output } = runJson([], root);
      assert.deepStrictEqual(where(output), ['a.go:3 debt-marker', 'internal/deep/b.go:3 debt-marker']);
      assert.strictEqual(output.summary.filesLinted, 3);
    });

    it('always lints files it is given by name, even in skipped folders', () => {
      const root = tree({ 'vendor/v/v.go': TODO_GO, 'x/testdata/t.go': TODO_GO });
      const { output } = runJson(['vendor/v/v.go', 'x/testdata/t.go', 'vendor/v/v.go'], root);
      assert.deepStrictEqual(where(output), ['vendor/v/v.go:3 debt-marker', 'x/testdata/t.go:3 debt-marker']);
    });

    it('lints a hidden folder named explicitly, but not the hidden folders below it', () => {
      const root = tree({ '.tools/a.go': TODO_GO, '.tools/.more/b.go': TODO_GO });
      const { output } = runJson(['.tools'], root);
      assert.deepStrictEqual(where(output), ['.tools/a.go:3 debt-marker']);
    });

    it('reads _test.go files, applying test-skipping rules only with --tests', () => {
      const root = tree({ 'a_test.go': TODO_GO.replace('package main', 'package main_test') });
      const plain = runJson([], root).output;
      assert.deepStrictEqual([plain.findings.length, plain.summary.filesLinted], [0, 1]);
      assert.deepStrictEqual(where(runJson(['--tests'], root).output), ['a_test.go:3 debt-marker']);
    });

    it('reports nothing in generated files', () => {
      const root = tree({
        'gen.go': `// Code generated by stringer; DO NOT EDIT.\n\n${CGO_GO}`,
        'gen2.go': `/*\nLicense.\n*/\n\n// Code generated by hand. DO NOT EDIT.\n\n${TODO_GO}`,
      });
      const { run, output } = runJson([], root);
      assert.deepStrictEqual([output.findings.length, output.summary.filesLinted, run.status], [0, 2, 0]);
    });

    it('skips files over --max-file-size with one message, without failing the run', () => {
      const big = `${TODO_GO}${'// padding\n'.repeat(200)}`;
      const root = tree({ 'big.go': big, 'small.go': CGO_GO });
      const run = runCli(['--max-file-size', '1KB', '--fail-on', 'error'], root);
      assert.strictEqual(run.stderr, 'godebt: big.go: skipped: 2.2 KB is over the 1 KB limit (--max-file-size)\n');
      assert.match(run.stdout, /small\.go:3:8: warning/);
      assert.match(run.stdout, /1 file linted/);
      assert.strictEqual(run.status, 0);
    });

    it('lints a file that is not valid UTF-8, with a warning', () => {
      const bytes = Buffer.concat([Buffer.from('package main\n\n// \xff TODO: bad byte\n'.replace('\xff', '@')), Buffer.from('func main() {}\n')]);
      bytes[bytes.indexOf('@')] = 0xff;
      const root = tree({ 'bad.go': bytes });
      const { run, output } = runJson([], root);
      assert.deepStrictEqual(where(output), ['bad.go:3 debt-marker']);
      assert.strictEqual(run.stderr, 'godebt: bad.go: not valid UTF-8: linted with U+FFFD in place of the bad bytes\n');
      assert.strictEqual(run.status, 0);
    });
  });

  describe('exit codes', () => {
    const cases: [string, number, number][] = [
      // --fail-on, exit with a warning and an info finding, exit with only an info finding
      ['error', 0, 0],
      ['warning', 1, 0],
      ['info', 1, 1],
      ['hint', 1, 1],
      ['never', 0, 0],
    ];
    for (const [level, withWarning, infoOnly] of cases) {
      it(`--fail-on ${level}`, () => {
        const mixed = tree({ 'a.go': TODO_GO, 'b.go': CGO_GO });
        const info = tree({ 'a.go': TODO_GO });
        assert.strictEqual(runCli(['--fail-on', level], mixed).status, withWarning);
        assert.strictEqual(runCli(['--fail-on', level], info).status, infoOnly);
      });
    }

    it('defaults to --fail-on warning', () => {
      assert.strictEqual(runCli([], tree({ 'b.go': CGO_GO })).status, 1);
      assert.strictEqual(runCli([], tree({ 'a.go': TODO_GO })).status, 0);
    });

    // Needs the error-severity rule context-cancel-discarded.
    it('--fail-on error fails on an error finding', () => {
      const root = tree({
        'c.go': 'package main\n\nimport "context"\n\nfunc run() {\n\tctx, _ := context.WithCancel(context.Background())\n\t_ = ctx\n}\n',
      });
      const run = runCli(['--fail-on', 'error'], root);
      assert.match(run.stdout, /c\.go:6:\d+: error .+ \[context-cancel-discarded\]/);
      assert.strictEqual(run.status, 1);
    });

    for (const args of [['--format', 'xml'], ['--fail-on', 'sometimes'], ['--max-file-size', 'big'], ['--jobs', '0'], ['--nope']]) {
      it(`exits 2 on a usage error: ${args.join(' ')}`, () => {
        const run = runCli(args, tree({ 'a.go': TODO_GO }));
        assert.strictEqual(run.status, 2);
        assert.strictEqual(run.stdout, '');
        assert.match(run.stderr, /^godebt: .+\nRun 'godebt --help' for usage\.\n$/);
      });
    }

    it('exits 2 for a path that does not exist, naming it, and still lints the rest', () => {
      const root = tree({ 'a.go': CGO_GO });
      const run = runCli(['missing', 'a.go'], root);
      assert.strictEqual(run.stderr, 'godebt: missing: no such file or folder\n');
      assert.match(run.stdout, /^a\.go:3:8: warning/);
      assert.strictEqual(run.status, 2);
    });

    it('exits 2 for a file it may not read, naming it and the reason', () => {
      const root = tree({ 'locked.go': TODO_GO, 'ok.go': TODO_GO });
      fs.chmodSync(path.join(root, 'locked.go'), 0o000);
      // Root reads anything: then run as nobody, who may read the rest of the tree.
      const nobody = process.getuid?.() === 0 ? 65534 : undefined;
      if (nobody !== undefined) fs.chmodSync(root, 0o755);
      const run = runCli([], root, nobody);
      assert.strictEqual(run.stderr, 'godebt: locked.go: cannot read: permission denied\n');
      assert.match(run.stdout, /^ok\.go:3:4: info/);
      assert.strictEqual(run.status, 2);
    });

    it('--help and --version exit 0', () => {
      const help = runCli(['--help'], PACKAGE_ROOT);
      assert.match(help.stdout, /^Usage: godebt \[options\] \[paths\.\.\.\]/);
      assert.strictEqual(help.status, 0);
      const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.deepStrictEqual([runCli(['--version'], PACKAGE_ROOT).stdout, runCli(['-v'], PACKAGE_ROOT).status], [`${pkg.version}\n`, 0]);
    });
  });

  // Needs the package-level rule grab-bag-package (meta.oncePerPackage).
  describe('package-level findings', () => {
    it('keeps one per folder, on the first file in path order', () => {
      const util = 'package util\n\nfunc F() {}\n';
      const root = tree({ 'util/b.go': util, 'util/a.go': util, 'util/c.go': util, 'other/util/z.go': util });
      const findings = runJson([], root).output.findings.filter((f) => f.rule === 'grab-bag-package');
      assert.deepStrictEqual(findings.map((f) => f.file), ['other/util/z.go', 'util/a.go']);
    });
  });
});
