// The language server's package index, built from the documents it has seen: a
// deprecation in one open document reaches the uses in the others, and taking it back
// clears them, in push mode (re-published) and pull mode (a refresh request).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { SUMMARY_REQUEST, SummaryResult } from '../../protocol';
import { SERVER, TestClient } from '../support/lspClient';

const DEPRECATED_A = 'package shop\n\n// Old prices an order.\n//\n// Deprecated: use Price, which takes a context.\nfunc Old() int { return 0 }\n\nfunc Price() int { return 0 }\n';
const PLAIN_A = 'package shop\n\n// Old prices an order.\nfunc Old() int { return 0 }\n\nfunc Price() int { return 0 }\n';
const B = 'package shop\n\nfunc Total() int {\n\treturn Old() + 1\n}\n';

const deprecations = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'deprecated-api').map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);

/** The deprecated-api findings of the latest diagnostics published for uri. */
function deprecationsOf(client: TestClient, uri: string): string[] {
  return deprecations(client.latest(uri)?.diagnostics ?? []);
}

describe('package index in the language server', function () {
  this.timeout(30000);
  let client: TestClient | undefined;
  let root = '';

  before(() => assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run npm run build`));
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'godebt-index-'));
  });
  afterEach(async () => {
    await client?.shutdown();
    client = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('push mode: opening A with a deprecated function flags its use in open B; removing Deprecated: clears it', async () => {
    const a = pathToFileURL(path.join(root, 'a.go')).href;
    const b = pathToFileURL(path.join(root, 'b.go')).href;
    client = new TestClient();
    await client.initialize({}, { workspaceScan: false }, pathToFileURL(root).href);
    await client.open(b, B);
    assert.deepStrictEqual(deprecations((await client.diagnostics(b, 1)).diagnostics), [], 'A is not known yet');

    await client.open(a, DEPRECATED_A);
    await client.diagnostics(a, 1);
    const flagged = await client.diagnostics(b, 1);
    assert.deepStrictEqual(deprecations(flagged.diagnostics), ['3:8 Old is deprecated: use Price, which takes a context.'], 'B re-published at the same version');

    await client.change(a, 2, [{ text: PLAIN_A }]);
    await client.diagnostics(a, 2);
    assert.deepStrictEqual(deprecations((await client.diagnostics(b, 1)).diagnostics), [], 'cleared in B');
  });

  it('knows the files of the workspace scan; an open document wins over its file on disk until it is closed', async () => {
    fs.writeFileSync(path.join(root, 'a.go'), DEPRECATED_A);
    fs.writeFileSync(path.join(root, 'b.go'), B);
    const a = pathToFileURL(path.join(root, 'a.go')).href;
    const b = pathToFileURL(path.join(root, 'b.go')).href;
    client = new TestClient();
    const storage = path.join(root, '.storage');
    await client.initialize({ window: { workDoneProgress: true } }, { storagePath: storage }, pathToFileURL(root).href);
    await client.open(b, B);
    await client.until(() => client!.progress.some((p) => p.value?.kind === 'end'));
    const flagged = ['3:8 Old is deprecated: use Price, which takes a context.'];
    await client.until(() => deprecationsOf(client!, b).length > 0);
    assert.deepStrictEqual(deprecationsOf(client, b), flagged, 'from the scanned a.go');

    await client.open(a, PLAIN_A);
    await client.until(() => deprecationsOf(client!, b).length === 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: a } });
    await client.until(() => deprecationsOf(client!, b).length > 0);
    assert.deepStrictEqual(deprecationsOf(client, b), flagged, 'a.go as on disk again');
  });

  it('re-lints a scanned file that is not open when a saved file changes what its index says', async () => {
    fs.writeFileSync(path.join(root, 'go.mod'), 'module example.com/shop\n\ngo 1.22\n');
    fs.mkdirSync(path.join(root, 'price'));
    fs.mkdirSync(path.join(root, 'cart'));
    fs.writeFileSync(path.join(root, 'price', 'a.go'), DEPRECATED_A.replace('package shop', 'package price'));
    fs.writeFileSync(path.join(root, 'cart', 'b.go'), 'package cart\n\nimport "example.com/shop/price"\n\nfunc Total() int {\n\treturn price.Old() + 1\n}\n');
    client = new TestClient();
    await client.initialize({ window: { workDoneProgress: true } }, { storagePath: path.join(root, '.storage') }, pathToFileURL(root).href);
    await client.until(() => client!.progress.some((p) => p.value?.kind === 'end'));
    const deprecatedIn = async () => ((await client!.connection.sendRequest(SUMMARY_REQUEST, {})) as SummaryResult).findings
      .filter((f) => f.ruleId === 'deprecated-api').map((f) => f.file);
    assert.deepStrictEqual(await deprecatedIn(), ['cart/b.go']);

    fs.writeFileSync(path.join(root, 'price', 'a.go'), PLAIN_A.replace('package shop', 'package price'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(root, 'price', 'a.go')).href, type: 2 }] });
    assert.deepStrictEqual(await deprecatedIn(), [], 'cart/b.go did not change, its answer did');
  });

  it('pull mode: an importer is asked for again, and its result id changes', async () => {
    fs.writeFileSync(path.join(root, 'go.mod'), 'module example.com/shop\n\ngo 1.22\n');
    const a = pathToFileURL(path.join(root, 'price', 'a.go')).href;
    const b = pathToFileURL(path.join(root, 'cart', 'b.go')).href;
    client = new TestClient();
    await client.initialize({ textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } }, { workspaceScan: false }, pathToFileURL(root).href);
    const pull = async (uri: string, previousResultId?: string) =>
      (await client!.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId })) as { kind: string; resultId: string; items: Diagnostic[] };
    await client.open(b, 'package cart\n\nimport "example.com/shop/price"\n\nfunc Total() int {\n\treturn price.Old() + 1\n}\n');
    await client.open(a, DEPRECATED_A.replace('package shop', 'package price'));
    const before = await pull(b);
    assert.deepStrictEqual(deprecations(before.items), []);

    await pull(a);
    await client.until(() => client!.refreshes === 1);
    const after = await pull(b, before.resultId);
    assert.strictEqual(after.kind, 'full');
    assert.deepStrictEqual(deprecations(after.items), ['5:8 price.Old (example.com/shop/price) is deprecated: use Price, which takes a context.']);
    assert.strictEqual((await pull(b, after.resultId)).kind, 'unchanged');

    await client.change(a, 2, [{ text: PLAIN_A.replace('package shop', 'package price') }]);
    await pull(a);
    await client.until(() => client!.refreshes === 2);
    assert.deepStrictEqual(deprecations((await pull(b, after.resultId)).items), []);
  });
});
