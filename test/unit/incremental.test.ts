// Incremental linting (engine/segments.ts, engine/incremental.ts): in the editor, the
// findings of declarations an edit did not touch are reused. The results must be
// exactly those of a full lint — findings, ranges, messages and fixes — after edits
// anywhere: inside a function, in a signature, in comments, in the imports.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/engine/finding';
import { IncrementalCache } from '../../server/src/engine/incremental';
import { loadGoLanguage } from '../../server/src/engine/goParser';
import { Linter } from '../../server/src/engine/linter';
import { LintService } from '../../server/src/lsp/lintService';
import { ALL_RULES } from '../../server/src/rules/index';
import { fuzzSeeds } from '../robustness/mutate';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const CONFIG = { tests: true };

function goFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? goFiles(full) : entry.name.endsWith('.go') ? [full] : [];
  });
}

/** Everything a user sees of a finding, fix included. */
function comparable(findings: readonly Finding[]): string[] {
  return findings.map((f) => JSON.stringify([f.ruleId, f.range, f.span, f.message, f.severity, f.effortMinutes, f.fix ?? null]));
}

/** Offsets of the `{` and `}` of every top-level function body, last first (so edits keep earlier offsets valid). */
function bodies(text: string): { open: number; close: number }[] {
  const out: { open: number; close: number }[] = [];
  const re = /^func .*\{$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const open = m.index + m[0].length - 1;
    const close = text.indexOf('\n}', open);
    if (close > open) out.push({ open, close: close + 1 });
  }
  return out.reverse();
}

describe('incremental linting', function () {
  this.timeout(300_000);
  let linter: Linter;
  let service: LintService;
  const corpus = [
    ...goFiles(EXAMPLES).map((file) => ({ name: path.relative(EXAMPLES, file), text: fs.readFileSync(file, 'utf8') })),
    ...fuzzSeeds(),
  ];

  before(async () => {
    linter = await Linter.create(ALL_RULES);
    service = new LintService(await loadGoLanguage(), ALL_RULES, (m) => assert.fail(m));
    service.config = CONFIG;
  });
  after(() => {
    service.dispose();
    linter.dispose();
  });

  /** Applies one edit through LintService and checks its findings against a full lint. */
  function check(uri: string, name: string, before: string, start: number, end: number, insert: string, label: string): string {
    const doc = TextDocument.create(uri, 'go', 0, before);
    const text = before.slice(0, start) + insert + before.slice(end);
    const version = (service.version(uri) ?? 0) + 1;
    service.didChange(uri, version, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: insert }]);
    const incremental = service.lint(uri)!;
    const full = linter.lintText(`/examples/${name}`, text, CONFIG);
    assert.deepStrictEqual(comparable(incremental.findings), comparable(full.findings), `${name}: ${label}`);
    return text;
  }

  for (const { name, text } of corpus) {
    it(`gives a full lint's results after edits in every function of ${name}`, () => {
      const uri = `file:///examples/${name}`;
      service.didOpen(uri, 1, text);
      try {
        assert.deepStrictEqual(comparable(service.lint(uri)!.findings), comparable(linter.lintText(`/examples/${name}`, text, CONFIG).findings));
        let current = text;
        for (const { open, close } of bodies(text)) {
          const body = current.slice(open + 1, close - 1);
          // A new line at the top of the body, then typed into, then taken back.
          current = check(uri, name, current, open + 2, open + 2, '\tx := 1\n', `line added after offset ${open}`);
          current = check(uri, name, current, open + 4, open + 4, 'y', `character typed at ${open + 4}`);
          current = check(uri, name, current, open + 2, open + 11, '', `line removed at ${open}`);
          // The whole body emptied (uses of imports and helpers disappear), then restored.
          current = check(uri, name, current, open + 1, close - 1, '\n', `body at ${open} emptied`);
          current = check(uri, name, current, open + 1, open + 2, body, `body at ${open} restored`);
        }
        assert.strictEqual(current, text);
        // Edits of what other declarations may read: a signature, the imports, a doc comment.
        const signature = current.search(/^func /m);
        if (signature >= 0) current = check(uri, name, current, signature + 5, signature + 5, 'Renamed', 'function renamed');
        const imports = current.search(/^import /m);
        if (imports >= 0) current = check(uri, name, current, imports, imports, 'import _ "embed"\n', 'import added');
        const comment = current.search(/^\/\/ \w/m);
        if (comment >= 0) current = check(uri, name, current, comment + 3, comment + 3, 'TODO: ', 'comment edited');
      } finally {
        service.didClose(uri);
      }
    });
  }

  it('re-checks only the declaration that changed', () => {
    const functions = Array.from({ length: 40 }, (_v, i) => `func f${i}(a int) int {\n\tif a > ${i} {\n\t\treturn a\n\t}\n\treturn ${i}\n}\n`);
    const text = `package p\n\n${functions.join('\n')}`;
    const uri = 'file:///incremental/many.go';
    const cache = new IncrementalCache();
    const lint = (source: string) => {
      const tree = linter.runtime.parser.parse(source);
      try {
        return linter.engine.lint({ fileName: 'many.go', source, tree, lines: TextDocument.create(uri, 'go', 0, source) }, CONFIG, cache);
      } finally {
        tree.delete();
      }
    };
    lint(text);
    assert.deepStrictEqual(cache.lastLint, { segments: 41, reused: 0 });
    const edited = text.replace('return 20\n', 'return 20 + 1\n');
    lint(edited);
    assert.deepStrictEqual(cache.lastLint, { segments: 41, reused: 40 }, 'only f20 is linted again');
    // A line added above shifts every later declaration: they are still reused.
    lint(`package p\n\n// Package p.\n${edited.slice('package p\n\n'.length)}`);
    assert.strictEqual(cache.lastLint.reused, 40, 'the package clause segment changed (it now has a doc comment); the rest moved');
    // A configuration change forgets everything.
    const tree = linter.runtime.parser.parse(text);
    try {
      linter.engine.lint({ fileName: 'many.go', source: text, tree, lines: TextDocument.create(uri, 'go', 0, text) }, { tests: false }, cache);
    } finally {
      tree.delete();
    }
    assert.strictEqual(cache.lastLint.reused, 0);
  });

  it('forgets every result on clear() (an idle document\'s cache): the next lint checks every segment, with the same findings', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'internal', 'orders', 'handlers.go'), 'utf8');
    const cache = new IncrementalCache();
    const lint = () => {
      const tree = linter.runtime.parser.parse(text);
      try {
        return linter.engine.lint({ fileName: 'handlers.go', source: text, tree, lines: TextDocument.create('file:///h.go', 'go', 0, text) }, CONFIG, cache);
      } finally {
        tree.delete();
      }
    };
    const first = comparable(lint().findings);
    assert.ok(cache.size > 0);
    assert.strictEqual(comparable(lint().findings).join('\n'), first.join('\n'));
    assert.ok(cache.lastLint.reused > 0, 'unchanged: reused');
    cache.clear();
    assert.strictEqual(cache.size, 0);
    assert.deepStrictEqual(comparable(lint().findings), first);
    assert.strictEqual(cache.lastLint.reused, 0, 'nothing left to reuse');
  });

  it('recomputes a fix that depends on other declarations (the last use of an import)', () => {
    const text = [
      'package p', '', 'import (', '\t"context"', '\t"net/http"', ')', '',
      'func handle(w http.ResponseWriter, r *http.Request) {', '\tctx := context.Background()', '\t_ = ctx', '}', '',
      'func other() {', '\t_ = context.TODO()', '}', '',
    ].join('\n');
    const uri = 'file:///incremental/context.go';
    service.didOpen(uri, 1, text);
    try {
      service.lint(uri);
      const start = text.indexOf('\t_ = context.TODO()');
      const after = check(uri, 'context.go', text, start, start + '\t_ = context.TODO()\n'.length, '', 'the other use of context removed');
      const fix = service.lint(uri)!.findings.find((f) => f.ruleId === 'context-background-in-request')?.fix;
      assert.ok(fix, 'the finding has a fix');
      assert.ok(fix.edits.some((e) => after.slice(e.start, e.end).includes('"context"')), 'the fix now removes the unused import');
    } finally {
      service.didClose(uri);
    }
  });
});
