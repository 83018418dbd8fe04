// A WebAssembly fault in tree-sitter (an emscripten abort, out of memory) poisons the
// whole WASM module. The parser must be recycled on a fresh module (a new generation),
// old trees dropped without being freed, and linting must go on.
import * as assert from 'assert';
import { faultInjection, wasmGeneration } from '../../server/src/engine/goParser';
import { Linter } from '../../server/src/engine/linter';
import { LintService } from '../../server/src/lsp/lintService';
import { loadGoLanguage } from '../../server/src/engine/goParser';
import { ALL_RULES } from '../../server/src/rules/index';
import { TestClient } from '../support/lspClient';

const GO = 'package p\n\nimport "C"\n\nfunc f() {\n\t// TODO: remove\n}\n';

/** What web-tree-sitter throws when the module aborts: a real WebAssembly.RuntimeError. */
function wasmAbort(): Error {
  const { RuntimeError } = (globalThis as unknown as { WebAssembly: { RuntimeError: new (m: string) => Error } }).WebAssembly;
  return new RuntimeError('Aborted(OOM). Build with -sASSERTIONS for more info.');
}

/** Makes the next parse (only) fail as a WASM abort. */
function faultOnce(): void {
  faultInjection.beforeParse = () => {
    faultInjection.beforeParse = undefined;
    throw wasmAbort();
  };
}

describe('recovery from a WebAssembly fault', function () {
  this.timeout(30_000);
  afterEach(() => (faultInjection.beforeParse = undefined));

  it('the language server recycles the parser on a new module and lints on', async () => {
    const logged: string[] = [];
    const service = new LintService(await loadGoLanguage(), ALL_RULES, (m) => logged.push(m));
    const recovered = new Promise<void>((resolve) => (service.onRecovered = resolve));
    try {
      service.didOpen('file:///a.go', 1, GO);
      service.didOpen('file:///b.go', 1, GO);
      const before = service.lint('file:///a.go')!.findings.map((f) => f.ruleId);
      assert.ok(before.length > 0);
      service.lint('file:///b.go');
      const generation = wasmGeneration();

      faultOnce();
      service.didChange('file:///a.go', 2, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: '\n' }]);
      const during = service.lint('file:///a.go')!;
      assert.deepStrictEqual(during.findings, []);
      assert.strictEqual(wasmGeneration(), generation + 1, 'a fresh module generation is loading');
      // Edits while the module reloads are taken (the old trees are dropped unfreed).
      service.didChange('file:///b.go', 2, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } }, text: ' ' }]);
      await recovered;

      assert.deepStrictEqual(service.lint('file:///a.go')!.findings.map((f) => f.ruleId), before);
      assert.deepStrictEqual(service.lint('file:///b.go')!.findings.map((f) => f.ruleId), before);
      assert.strictEqual(service.runtime.generation, generation + 1);
      assert.strictEqual(service.runtime.recycles, 1);
      assert.ok(logged.some((m) => /parser failed \(Aborted\(OOM\)/.test(m)), logged.join('\n'));
      assert.ok(logged.some((m) => /restarted its Go parser/.test(m)), logged.join('\n'));
    } finally {
      service.dispose();
    }
  });

  it('the CLI linter throws for the faulting file, recovers, and lints the next one', async () => {
    const linter = await Linter.create(ALL_RULES);
    try {
      const expected = linter.lintText('a.go', GO).findings.map((f) => f.ruleId);
      const generation = wasmGeneration();
      faultOnce();
      assert.throws(() => linter.lintText('a.go', GO), /Aborted\(OOM\)/);
      assert.strictEqual(linter.usable, false);
      await linter.recover();
      assert.strictEqual(linter.usable, true);
      assert.strictEqual(wasmGeneration(), generation + 1);
      assert.deepStrictEqual(linter.lintText('a.go', GO).findings.map((f) => f.ruleId), expected);
      assert.deepStrictEqual(linter.fixText('a.go', GO).remaining.map((f) => f.ruleId), expected);
    } finally {
      linter.dispose();
    }
  });

  it('another runtime in the same thread catches up with the new module by itself', async () => {
    const bystander = await Linter.create(ALL_RULES);
    const victim = await Linter.create(ALL_RULES);
    try {
      const expected = bystander.lintText('a.go', GO).findings.length;
      faultOnce();
      assert.throws(() => victim.lintText('a.go', GO));
      await victim.recover();
      assert.strictEqual(bystander.lintText('a.go', GO).findings.length, expected);
      assert.strictEqual(bystander.runtime.generation, wasmGeneration());
    } finally {
      victim.dispose();
      bystander.dispose();
    }
  });
});

describe('recovery from a WebAssembly fault, through the protocol', function () {
  this.timeout(30_000);

  it('the server stays up, restarts its parser and publishes diagnostics again', async () => {
    // The bundled server faults (a real WebAssembly.RuntimeError) on the first parse of
    // a text containing the marker.
    process.env.GODEBT_TEST_WASM_FAULT = 'FAULT-HERE';
    const client = new TestClient();
    delete process.env.GODEBT_TEST_WASM_FAULT;
    try {
      await client.initialize();
      await client.open('file:///a.go', GO, 1);
      const before = (await client.diagnostics('file:///a.go', 1)).diagnostics.map((d) => d.code);
      assert.ok(before.length > 0);
      await client.open('file:///b.go', `${GO}// FAULT-HERE\n`, 1);
      assert.deepStrictEqual((await client.diagnostics('file:///b.go', 1)).diagnostics, [], 'nothing while the parser restarts');
      await client.until(() => /restarted its Go parser/.test(client.stderr));
      assert.match(client.stderr, /parser failed \(Aborted\(injected by GODEBT_TEST_WASM_FAULT\)/);
      // After the restart both documents are linted again and edits work. b.go gets its
      // diagnostics; a.go's are the same as before the fault, so they are not sent twice.
      assert.deepStrictEqual((await client.diagnostics('file:///b.go', 1)).diagnostics.map((d) => d.code), before);
      assert.deepStrictEqual(client.latest('file:///a.go')?.diagnostics.map((d) => d.code), before);
      await client.change('file:///a.go', 2, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } }, text: ' ' }]);
      assert.deepStrictEqual((await client.diagnostics('file:///a.go', 2)).diagnostics.map((d) => d.code), before);
    } finally {
      await client.shutdown();
    }
  });
});
