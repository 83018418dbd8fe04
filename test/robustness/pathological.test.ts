// Input no one writes on purpose, but editors and CI see anyway: absurd nesting, huge
// files, one-line files, binary junk, invalid UTF-8, CRLF, a byte order mark. Each is
// answered in bounded time, without an exception and without a failing rule.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintOne } from '../../server/src/cli/lintOne';
import { loadGoLanguage } from '../../server/src/engine/goParser';
import { Linter } from '../../server/src/engine/linter';
import { DEFAULT_MAX_DOCUMENT_SIZE, LintService } from '../../server/src/lsp/lintService';
import { ALL_RULES } from '../../server/src/rules/index';
import { seededRandom } from '../support/random';

const DEPTH = 10_000;
const BOUND_MS = 10_000;
const TODO_GO = 'package main\n\nimport "C"\n\n// TODO: tidy up\nfunc main() {\n\tf()\n}\n';

describe('pathological input', function () {
  this.timeout(60_000);
  let linter: Linter;
  before(async () => (linter = await Linter.create(ALL_RULES, 30_000)));
  after(() => linter.dispose());

  function lintsCleanly(name: string, text: string): void {
    const start = Date.now();
    const result = linter.lintText(name, text);
    assert.deepStrictEqual(result.failures.map((f) => `${f.ruleId}: ${String(f.error)}`), []);
    assert.ok(Date.now() - start < BOUND_MS, `${name} took ${Date.now() - start} ms`);
  }

  const nested: Record<string, string> = {
    blocks: `package p\n\nfunc f() {\n${'{\n'.repeat(DEPTH)}${'}\n'.repeat(DEPTH)}}\n`,
    'if statements': `package p\n\nfunc f(x bool) {\n${'if x {\n'.repeat(DEPTH)}${'}\n'.repeat(DEPTH)}}\n`,
    parentheses: `package p\n\nvar x = ${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)}\n`,
    // Was O(N^3) in the size rules (enclosingFunction per literal): 80 s at this depth.
    'function literals': `package p\n\nvar f = ${'func() {\n_ = '.repeat(DEPTH)}1\n${'}\n'.repeat(DEPTH)}`,
    'unclosed braces': `package p\n\nfunc f() {\n${'if x {\n'.repeat(DEPTH)}`,
    'composite literals': `package p\n\nvar x = ${'[]any{'.repeat(DEPTH)}${'}'.repeat(DEPTH)}\n`,
  };
  for (const [name, text] of Object.entries(nested)) {
    it(`${DEPTH}-deep nesting: ${name}`, () => lintsCleanly(`${name}.go`, text));
  }

  it('a one-line 5 MB file', () => {
    lintsCleanly('oneline.go', `package p\n\nvar x = []int{${'1234567, '.repeat(Math.floor((5 * 1024 * 1024) / 9))}}\n`);
  });

  it('binary junk and invalid UTF-8 (decoded with U+FFFD)', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 20; i++) {
      const bytes = Buffer.alloc(4096 + i * 512);
      for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(random() * 256);
      lintsCleanly(`junk${i}.go`, bytes.toString('utf8'));
      lintsCleanly(`latin${i}.go`, `package p\n\n// ${bytes.toString('latin1')}\nfunc f() {}\n`);
    }
  });

  it('CRLF line ends and a byte order mark: the same findings on the same lines', () => {
    const expected = linter.lintText('a.go', TODO_GO).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
    assert.ok(expected.length >= 2);
    const crlf = linter.lintText('a.go', TODO_GO.replace(/\n/g, '\r\n')).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
    const bom = linter.lintText('a.go', `\uFEFF${TODO_GO}`).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
    assert.deepStrictEqual(crlf, expected);
    assert.deepStrictEqual(bom, expected);
  });

  it('the editor skips a document over its size limit (20 MB here) with one clear notice', async () => {
    assert.strictEqual(DEFAULT_MAX_DOCUMENT_SIZE, 2 * 1024 * 1024);
    const service = new LintService(await loadGoLanguage(), ALL_RULES, () => undefined);
    try {
      const big = TODO_GO.padEnd(20 * 1024 * 1024, '\n');
      service.didOpen('file:///big.go', 1, big);
      const start = Date.now();
      const lint = service.lint('file:///big.go')!;
      assert.ok(Date.now() - start < 100, 'skipped without parsing');
      assert.deepStrictEqual(lint.findings, []);
      assert.strictEqual(lint.notice, 'godebt skipped this file: 20.0 MB is over the 2.0 MB limit for open files.');
      // Just under the limit is linted.
      service.didOpen('file:///fits.go', 1, TODO_GO.padEnd(DEFAULT_MAX_DOCUMENT_SIZE - 100, '\n'));
      assert.ok(service.lint('file:///fits.go')!.findings.length >= 2);
    } finally {
      service.dispose();
    }
  });

  it('the CLI skips a 20 MB file (over --max-file-size) with one message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'godebt-big-'));
    try {
      const file = path.join(dir, 'big.go');
      fs.writeFileSync(file, TODO_GO.padEnd(20 * 1024 * 1024, '\n'));
      const result = lintOne(linter, { file, config: 0 }, { fix: false, maxFileSize: 10 * 1024 * 1024, configs: [{}] });
      assert.deepStrictEqual(result.notices.map((n) => n.message), ['skipped: 20 MB is over the 10 MB limit (--max-file-size)']);
      assert.strictEqual(result.linted, false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
