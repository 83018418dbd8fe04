// Memory of open documents in the language server: only the documents edited last keep
// a syntax tree (WebAssembly memory) and an incremental cache; the others are linted
// whole when they come back, with a full lint's results, and closing a document frees
// all it held.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { Finding } from '../../server/src/engine/finding';
import { loadGoLanguage } from '../../server/src/engine/goParser';
import { Linter } from '../../server/src/engine/linter';
import { LintService } from '../../server/src/lsp/lintService';
import { RecentDocuments } from '../../server/src/lsp/recentDocuments';
import { ALL_RULES } from '../../server/src/rules/index';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const CONFIG = { tests: true };

/** Everything a user sees of a finding, fix included. */
function comparable(findings: readonly Finding[]): string[] {
  return findings.map((f) => JSON.stringify([f.ruleId, f.range, f.span, f.message, f.severity, f.effortMinutes, f.fix ?? null]));
}

describe('RecentDocuments', () => {
  it('keeps the documents edited last, and names those that stop being recent', () => {
    const recent = new RecentDocuments(2);
    assert.deepStrictEqual(recent.touch('a'), []);
    assert.deepStrictEqual(recent.touch('b'), []);
    assert.deepStrictEqual(recent.touch('a'), [], 'a edited again: now the latest');
    assert.deepStrictEqual(recent.touch('c'), ['b'], 'b was edited longest ago');
    assert.ok(recent.has('a') && recent.has('c') && !recent.has('b'));
    recent.forget('a');
    assert.deepStrictEqual(recent.touch('d'), [], 'a closed: room for d');
    recent.capacity = 1;
    assert.deepStrictEqual(recent.touch('e'), ['c', 'd']);
  });
});

describe('LintService: what open documents hold', function () {
  this.timeout(60_000);
  let linter: Linter;
  let service: LintService;
  /** Example files, each opened as a document of its own folder under file:///recent/. */
  const files = ['internal/orders/handlers.go', 'internal/orders/store.go', 'internal/orders/worker.go', 'cmd/orders/main.go'];
  const uriOf = (i: number) => `file:///recent/${i}/${path.basename(files[i])}`;
  const textOf = (i: number) => fs.readFileSync(path.join(EXAMPLES, files[i]), 'utf8');
  const fullLint = (i: number, text: string) => comparable(linter.lintText(fileURLToPath(uriOf(i)), text, CONFIG).findings);

  before(async () => {
    linter = await Linter.create(ALL_RULES);
  });
  beforeEach(async () => {
    service = new LintService(await loadGoLanguage(), ALL_RULES, (m) => assert.fail(m));
    service.config = CONFIG;
    service.recent.capacity = 2;
  });
  afterEach(() => service.dispose());
  after(() => linter.dispose());

  it('frees the tree and cache of a document no longer among the last edited; its next lint equals a full lint', () => {
    for (const i of [0, 1, 2]) {
      service.didOpen(uriOf(i), 1, textOf(i));
      service.lint(uriOf(i));
    }
    assert.deepStrictEqual(service.retained(uriOf(0)), { tree: false, cachedResults: 0 }, 'opened first: idle once two others were opened');
    for (const i of [1, 2]) {
      const kept = service.retained(uriOf(i))!;
      assert.ok(kept.tree && kept.cachedResults > 0, `document ${i} is recent: ${JSON.stringify(kept)}`);
    }
    // Typing in the idle document again: it is parsed and linted whole, as a full lint would.
    const text = textOf(0);
    const at = text.indexOf('{\n', text.indexOf('\nfunc ')) + 2;
    const edited = `${text.slice(0, at)}\tx := 1\n${text.slice(at)}`;
    const position = service.document(uriOf(0))!.positionAt(at);
    service.didChange(uriOf(0), 2, [{ range: { start: position, end: position }, text: '\tx := 1\n' }]);
    assert.deepStrictEqual(comparable(service.lint(uriOf(0))!.findings), fullLint(0, edited));
    assert.ok(service.retained(uriOf(0))!.tree, 'edited: recent again');
    assert.deepStrictEqual(service.retained(uriOf(1)), { tree: false, cachedResults: 0 }, 'now the one edited longest ago');
    // And the next edit of it reuses what the last lint kept.
    service.didChange(uriOf(0), 3, [{ range: { start: position, end: { line: position.line + 1, character: 0 } }, text: '' }]);
    assert.deepStrictEqual(comparable(service.lint(uriOf(0))!.findings), fullLint(0, text));
    assert.ok(service.incrementalStats(uriOf(0))!.reused > 0, 'incremental again');
  });

  it('lints an idle document again (a new configuration) whole, without keeping a tree', () => {
    for (const i of [0, 1, 2]) {
      service.didOpen(uriOf(i), 1, textOf(i));
      service.lint(uriOf(i));
    }
    service.config = { ...CONFIG };
    service.invalidate();
    assert.deepStrictEqual(comparable(service.lint(uriOf(0))!.findings), fullLint(0, textOf(0)));
    assert.deepStrictEqual(service.retained(uriOf(0)), { tree: false, cachedResults: 0 });
    assert.ok(service.retained(uriOf(2))!.tree, 'a recent document keeps its tree');
  });

  it('frees everything of a closed document: tree, cache, recency and its index entry (back to the file on disk)', () => {
    const [scanned, open] = [uriOf(0), uriOf(1)];
    // The workspace scan's summary of the file on disk, then the editor's text wins.
    service.didOpen(scanned, 1, textOf(0));
    service.lint(scanned);
    const onDisk = service.index.get(fileURLToPath(scanned));
    service.didClose(scanned);
    service.setScanned(fileURLToPath(scanned), onDisk);
    service.didOpen(scanned, 1, 'package orders\n\nfunc Other() (int, error) { return 0, nil }\n');
    service.lint(scanned);
    service.didOpen(open, 1, textOf(1));
    service.lint(open);
    assert.ok(service.index.get(fileURLToPath(open)), 'an open document is in the index');

    service.didClose(scanned);
    service.didClose(open);
    assert.strictEqual(service.retained(scanned), undefined);
    assert.strictEqual(service.retained(open), undefined);
    assert.ok(!service.recent.has(scanned) && !service.recent.has(open));
    assert.deepStrictEqual(service.index.get(fileURLToPath(scanned)), onDisk, 'the scanned file: its summary on disk again');
    assert.strictEqual(service.index.get(fileURLToPath(open)), undefined, 'a file the scan never saw: gone');
  });
});
