// Test files under the default scope (RULES.md: rules skip _test.go unless they include
// tests): the files no rule looks at are known from their name and text, and the CLI
// lints them without parsing them. The decision must never hide a finding.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GodebtConfig, nothingToCheck } from '../../server/src/engine/config';
import { Linter } from '../../server/src/engine/linter';
import { defineRule } from '../../server/src/engine/rule';
import { lintPackage } from '../../server/src/cli/lintPackage';
import { loadGoLanguage } from '../../server/src/engine/goParser';
import { LintService } from '../../server/src/lsp/lintService';
import { ALL_RULES } from '../../server/src/rules/index';

const TODO_TEST = 'package a\n\nimport "testing"\n\n// TODO: cover the error path\nfunc TestA(t *testing.T) {\n\tpanic("x")\n}\n';
/** Directives in a test file, and what the directive rules say of them there. */
const DIRECTIVES: [string, string[]][] = [
  ['//godebt:ignore debt-marker', ['suppression-without-reason']],
  ['// godebt:ignore no-such-rule -- kept', ['unused-suppression']],
  ['//godebt:file-ignore', ['unused-suppression']],
  ['//nolint:godebt', ['unused-suppression']],
  ['//NOLINT:GODEBT', ['unused-suppression']],
  // Directives that silence nothing here but that golangci-lint may need: still parsed.
  ['//nolint:errcheck // reason', []],
  ['//godebt:ignore debt-marker -- kept', []],
];

describe('files no rule looks at (test files under the default scope)', () => {
  let linter: Linter;
  before(async () => (linter = await Linter.create(ALL_RULES)));
  after(() => linter.dispose());

  /** The decision, and what a full lint (parse and every rule) of the same file says. */
  const judge = (fileName: string, text: string, config: GodebtConfig = {}) => ({
    skip: nothingToCheck(ALL_RULES, fileName, text, config),
    findings: linter.lintText(fileName, text, config).findings.map((f) => f.ruleId),
  });

  it('a test file without directives: nothing to check, and a full lint finds nothing', () => {
    assert.deepStrictEqual(judge('a_test.go', TODO_TEST), { skip: true, findings: [] });
  });

  it('not with tests on, nor for the same text outside a test file: both have findings', () => {
    const withTests = judge('a_test.go', TODO_TEST, { tests: true });
    assert.strictEqual(withTests.skip, false);
    assert.ok(withTests.findings.includes('debt-marker'), withTests.findings.join());
    const plain = judge('a.go', TODO_TEST);
    assert.strictEqual(plain.skip, false);
    assert.ok(plain.findings.includes('debt-marker'), plain.findings.join());
  });

  for (const [directive, expected] of DIRECTIVES) {
    it(`not when the text may hold a directive: ${directive}`, () => {
      const text = TODO_TEST.replace('func TestA', `${directive}\nfunc TestA`);
      assert.deepStrictEqual(judge('a_test.go', text), { skip: false, findings: expected });
    });
  }

  it('when the directive rules are off, a directive does not matter', () => {
    const config: GodebtConfig = { rules: { 'unused-suppression': 'off', 'suppression-without-reason': 'off' } };
    const text = TODO_TEST.replace('func TestA', '//nolint\nfunc TestA');
    assert.deepStrictEqual(judge('a_test.go', text, config), { skip: true, findings: [] });
  });

  it('not when a rule that includes tests looks at code', () => {
    const panics = defineRule({
      meta: { id: 'test-panics', category: 'maintainability', severity: 'info', effortMinutes: 1, fixable: false, summary: 'panics', includeTests: true },
      query: '(call_expression function: (identifier) @fn (#eq? @fn "panic")) @call',
      check(ctx, captures) {
        ctx.report({ node: captures.get('call')!, message: 'panic' });
      },
    });
    assert.strictEqual(nothingToCheck([...ALL_RULES, panics], 'a_test.go', TODO_TEST), false);
  });

  it('the editor answers such a document without parsing it, and parses it once a directive appears', async () => {
    const logged: string[] = [];
    const service = new LintService(await loadGoLanguage(), ALL_RULES, (m) => logged.push(m));
    try {
      const uri = 'file:///scope/a_test.go';
      service.didOpen(uri, 1, TODO_TEST);
      assert.deepStrictEqual(service.lint(uri)!.findings, []);
      assert.deepStrictEqual(service.retained(uri)!.tree, false);
      // With tests on, every rule looks: the same text has findings.
      assert.ok(service.lint(uri, { tests: true })!.findings.some((f) => f.ruleId === 'debt-marker'));
      assert.deepStrictEqual(service.retained(uri)!.tree, true);
      assert.deepStrictEqual(service.lint(uri)!.findings, []);
      assert.deepStrictEqual(service.retained(uri)!.tree, false);
      // A directive: the rules about directives look, which takes a tree.
      service.didChange(uri, 2, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '//nolint:godebt\n' }]);
      assert.deepStrictEqual(service.lint(uri)!.findings.map((f) => f.ruleId), ['unused-suppression']);
      assert.deepStrictEqual(service.retained(uri)!.tree, true);
      // Without the directive again: nothing to check, and the tree is let go.
      service.didChange(uri, 3, [{ range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, text: '' }]);
      assert.deepStrictEqual(service.lint(uri)!.findings, []);
      assert.deepStrictEqual(service.retained(uri)!.tree, false);
      assert.deepStrictEqual(logged, []);
    } finally {
      service.dispose();
    }
  });

  it('the CLI lints such files without parsing them, and parses the others', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'godebt-scope-'));
    try {
      const write = (name: string, text: string) => {
        fs.writeFileSync(path.join(dir, name), text);
        return { file: path.join(dir, name), config: 0 };
      };
      const tasks = [
        write('a.go', 'package a\n\n// TODO: later\nfunc A() {}\n'),
        write('a_test.go', TODO_TEST),
        write('b_test.go', TODO_TEST.replace('func TestA', '//nolint:godebt\nfunc TestB')),
      ];
      const parsed: string[] = [];
      const parse = linter.parse.bind(linter);
      linter.parse = (text: string) => {
        parsed.push(/func (\w+)/.exec(text)![1]);
        return parse(text);
      };
      try {
        const results = await lintPackage(linter, { tasks, others: [] }, { fix: false, maxFileSize: 0, configs: [{}] }, { deprecations: [], importPaths: {} });
        assert.deepStrictEqual(parsed, ['A', 'TestB']);
        assert.deepStrictEqual(results.map((r) => [path.basename(r.file), r.linted, r.findings.map((f) => f.ruleId), r.linesOfCode > 0]), [
          ['a.go', true, ['debt-marker'], true],
          ['a_test.go', true, [], true],
          ['b_test.go', true, ['unused-suppression'], true],
        ]);
      } finally {
        linter.parse = parse;
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
