// Configuration through the bundled server: .godebt.json and the godebt.* settings
// decide each document's findings, and a change of either re-lints the open files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER, TestClient } from '../support/lspClient';

const TODO_GO = 'package billing\n\n// TODO: retry on 503\nfunc Call() {}\n';
const ERROR = 1;
const INFO = 3;

describe('configuration in the language server', function () {
  this.timeout(20000);
  let client: TestClient;
  let root: string;
  let fileUri: string;
  const folders = () => [{ uri: pathToFileURL(root).toString(), name: 'repo' }];
  const writeConfig = async (text: string | null, notify = true) => {
    const file = path.join(root, '.godebt.json');
    if (text === null) fs.rmSync(file);
    else fs.writeFileSync(file, text);
    if (notify) await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: text === null ? 3 : 2 }] });
  };
  /** The next published diagnostics of the Go file, as "code severity". */
  const published = async () => (await client.diagnostics(fileUri)).diagnostics.map((d) => `${d.code} ${d.severity}`);

  before(() => assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run npm run build`));
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'godebt-lsp-config-'));
    fs.writeFileSync(path.join(root, 'service.go'), TODO_GO);
    fileUri = pathToFileURL(path.join(root, 'service.go')).toString();
  });
  afterEach(async () => {
    await client?.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('re-publishes after a .godebt.json change, keeps the last good configuration when it turns invalid, and does not send the same diagnostics twice', async () => {
    client = new TestClient();
    await client.initialize({}, {}, folders());
    await client.open(fileUri, TODO_GO);
    assert.deepStrictEqual(await published(), [`debt-marker ${INFO}`]);
    await writeConfig('{\n  // stricter here\n  "rules": { "debt-marker": "error" }\n}\n');
    assert.deepStrictEqual(await published(), [`debt-marker ${ERROR}`]);
    await writeConfig('{ "rules": { "debt-marker": "loud" } }');
    await client.until(() => /has 1 problem\(s\) \(first: the severity of debt-marker must be one of/.test(client.stderr));
    // Linted again with the last good configuration: the same diagnostics at the same
    // version, so they are not sent again (published() would return them first).
    await writeConfig('{ "rules": { "debt-marker": "off" } }');
    assert.deepStrictEqual(await published(), [], 'the last good configuration stayed, and its diagnostics were not sent twice');
    await writeConfig(null);
    assert.deepStrictEqual(await published(), [`debt-marker ${INFO}`]);
  });

  it('reads .godebt.json when the document is opened, and honours exclude and tests', async () => {
    fs.writeFileSync(path.join(root, '.godebt.json'), '{ "exclude": ["gen/**"], "tests": true }');
    client = new TestClient();
    await client.initialize({}, {}, folders());
    const generated = pathToFileURL(path.join(root, 'gen', 'x.go')).toString();
    await client.open(generated, TODO_GO);
    assert.deepStrictEqual((await client.diagnostics(generated)).diagnostics, []);
    const test = pathToFileURL(path.join(root, 'x_test.go')).toString();
    await client.open(test, 'package billing\n\nimport "C"\n');
    assert.deepStrictEqual((await client.diagnostics(test)).diagnostics.map((d) => d.code), ['cgo-import']);
  });

  it('pulls the godebt.* settings per workspace folder; .godebt.json wins over them; a settings change re-lints', async () => {
    client = new TestClient();
    let settings: Record<string, unknown> = { enable: true, rules: { 'debt-marker': 'error', 'cgo-import': 'hint' } };
    client.settings = () => settings;
    await client.initialize({ workspace: { configuration: true } }, {}, folders());
    await client.open(fileUri, `${TODO_GO}\nimport "C"\n`);
    assert.deepStrictEqual(await published(), [`debt-marker ${ERROR}`, 'cgo-import 4']);
    assert.deepStrictEqual(client.configurationRequests[0], { scopeUri: folders()[0].uri, section: 'godebt' });
    await writeConfig('{ "rules": { "debt-marker": "info" } }');
    assert.deepStrictEqual(await published(), [`debt-marker ${INFO}`, 'cgo-import 4']);
    settings = { enable: false, rules: {} };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepStrictEqual(await published(), []);
  });

  it('asks pull clients to pull again after a change (workspace/diagnostic/refresh)', async () => {
    client = new TestClient();
    await client.initialize({ textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } }, {}, folders());
    await client.open(fileUri, TODO_GO);
    const pull = async () => ((await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: fileUri } })) as { items: Diagnostic[] }).items;
    assert.deepStrictEqual((await pull()).map((d) => d.severity), [INFO]);
    await writeConfig('{ "rules": { "debt-marker": "error" } }');
    await client.until(() => client.refreshes === 1);
    assert.deepStrictEqual((await pull()).map((d) => d.severity), [ERROR]);
  });

  it('registers a .godebt.json watcher with clients that allow it, unless the client watches itself', async () => {
    client = new TestClient();
    await client.initialize({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, {}, folders());
    await client.until(() => client.registrations.length > 0);
    assert.deepStrictEqual(client.registrations.map((r) => [r.method, r.registerOptions]), [
      ['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/.godebt.json' }, { globPattern: '**/*.go' }, { globPattern: '**/go.mod' }] }],
    ]);
  });

  it('checks an open .godebt.json: each problem at its node', async () => {
    client = new TestClient();
    await client.initialize({}, {}, folders());
    const configUri = pathToFileURL(path.join(root, '.godebt.json')).toString();
    const text = '{\n  "rules": {\n    "debt-markr": "off",\n    "cgo-import": "loud"\n  },\n  "tests": 1\n}\n';
    await client.open(configUri, text, 1, 'jsonc');
    const { diagnostics } = await client.diagnostics(configUri);
    assert.deepStrictEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.severity, d.message]), [
      [2, 4, ERROR, 'unknown rule \'debt-markr\': did you mean \'debt-marker\'?'],
      [3, 18, ERROR, 'the severity of cgo-import must be one of error, warning, info, hint, off, not \'loud\''],
      [5, 11, ERROR, 'tests must be true or false, not 1'],
    ]);
    await client.change(configUri, 2, [{ text: '{ "rules": ' }]);
    assert.deepStrictEqual((await client.diagnostics(configUri, 2)).diagnostics.map((d) => d.message), ['syntax error: value expected', 'syntax error: close brace expected']);
  });

  it('"Disable RULE in .godebt.json" edits the file, keeping its comments, or creates it', async () => {
    const actionsFor = async (capabilities = {}) => {
      client = new TestClient();
      await client.initialize(capabilities, {}, folders());
      await client.open(fileUri, TODO_GO);
      const { diagnostics } = await client.diagnostics(fileUri);
      const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: fileUri }, range: diagnostics[0].range, context: { diagnostics },
      });
      return actions;
    };
    // No file, and a client that cannot create one: not offered.
    assert.ok(!(await actionsFor()).some((a) => a.title.startsWith('Disable')));
    await client.shutdown();

    const created = (await actionsFor({ workspace: { workspaceEdit: { resourceOperations: ['create'] } } })).find((a) => a.title === 'Disable debt-marker in .godebt.json')!;
    const configUri = pathToFileURL(path.join(root, '.godebt.json')).toString();
    assert.deepStrictEqual(created.edit!.documentChanges![0], { kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    const insert = created.edit!.documentChanges![1] as TextDocumentEdit;
    assert.strictEqual(insert.edits[0].newText, '{\n  "rules": {\n    "debt-marker": "off"\n  }\n}\n');
    await client.shutdown();

    const existing = '{\n  // team rules\n  "tests": true,\n  "rules": {\n    "cgo-import": "error" // we ship static binaries\n  }\n}\n';
    fs.writeFileSync(path.join(root, '.godebt.json'), existing);
    const edited = (await actionsFor()).find((a) => a.title === 'Disable debt-marker in .godebt.json')!;
    const change = edited.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepStrictEqual(change.textDocument, { uri: configUri, version: null });
    const after = TextDocument.applyEdits(TextDocument.create(configUri, 'jsonc', 0, existing), change.edits);
    assert.strictEqual(after, '{\n  // team rules\n  "tests": true,\n  "rules": {\n    "cgo-import": "error", // we ship static binaries\n    "debt-marker": "off"\n  }\n}\n');
  });

  it('"Suppress RULE in this file" goes below a file header and build constraints, above the package doc', async () => {
    client = new TestClient();
    await client.initialize({}, {}, folders());
    const source = '// Copyright 2024 The Authors.\n\n//go:build linux\n\n// Package billing calls things.\npackage billing\n\n// TODO: retry on 503\nfunc Call() {}\n';
    await client.open(fileUri, source);
    const { diagnostics } = await client.diagnostics(fileUri);
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: fileUri }, range: diagnostics[0].range, context: { diagnostics },
    });
    const inFile = actions.find((a) => a.title === 'Suppress debt-marker in this file')!;
    const after = TextDocument.applyEdits(TextDocument.create(fileUri, 'go', 1, source), (inFile.edit!.documentChanges![0] as TextDocumentEdit).edits);
    assert.strictEqual(after, '// Copyright 2024 The Authors.\n\n//go:build linux\n\n//godebt:file-ignore debt-marker -- <reason>\n\n// Package billing calls things.\npackage billing\n\n// TODO: retry on 503\nfunc Call() {}\n');
    await client.change(fileUri, 2, [{ text: after.replace('<reason>', 'legacy') }]);
    assert.deepStrictEqual((await client.diagnostics(fileUri, 2)).diagnostics, []);
  });
});
