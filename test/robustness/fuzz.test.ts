// Fuzzing, seeded and reproducible: thousands of mutated real Go files through the
// engine (every rule, lint and fix), through LintService with incremental edits (its
// findings must equal a full parse's), and a few hundred edits through the protocol.
// No crash, no rule failure (a failing rule is a bug), every document answered fast.
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/engine/finding';
import { loadGoLanguage } from '../../server/src/engine/goParser';
import { Linter } from '../../server/src/engine/linter';
import { LintService } from '../../server/src/lsp/lintService';
import { ALL_RULES } from '../../server/src/rules/index';
import { TestClient } from '../support/lspClient';
import { seededRandom } from '../support/random';
import { fuzzSeeds, mutate, randomEdit } from './mutate';

/** Mutated documents linted whole (every 10th is also fixed). */
const WHOLE_DOCUMENTS = 2_000;
/** Document versions produced by incremental edits in LintService (10,000 documents in all). */
const INCREMENTAL_VERSIONS = 8_000;
const PROTOCOL_EDITS = 200;
/** A single document (lint, or fix with its re-lints) must be answered within this. */
const BOUND_MS = 2_000;
const CONFIG = { tests: true };

function failureText(failures: { ruleId: string; error: unknown }[]): string {
  return failures.map((f) => `${f.ruleId}: ${f.error instanceof Error ? f.error.stack : String(f.error)}`).join('\n');
}

/** What a user sees of a finding, its fix included (incremental linting reuses fixes too). */
function comparable(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message} ${JSON.stringify(f.fix ?? null)}`);
}

/**
 * The findings of [start, end) of text linted as a file of the header [0, headerEnd),
 * blank lines and the region: text up to end, every character but line breaks between
 * the header and start replaced by a space, parsed with those two ranges only.
 */
function lintRegion(linter: Linter, fileName: string, text: string, headerEnd: number, start: number, end: number): Finding[] {
  const source = text.slice(0, headerEnd) + text.slice(headerEnd, start).replace(/[^\r\n]/g, ' ') + text.slice(start, end);
  const point = (offset: number) => {
    const before = source.slice(0, offset).split('\n');
    return { row: before.length - 1, column: before[before.length - 1].length };
  };
  const range = (from: number, to: number) => ({ startIndex: from, endIndex: to, startPosition: point(from), endPosition: point(to) });
  const tree = linter.runtime.parser.parse(source, null, [range(0, headerEnd), range(start, end)]);
  try {
    return linter.lintTree(fileName, source, tree, CONFIG).findings;
  } finally {
    tree.delete();
  }
}

/**
 * The findings of the previous version that lie where the text is unchanged: before
 * start, after end (the same distance from the end of the text), or around the whole
 * changed stretch; placed in text. A fix that reaches into the changed stretch is gone.
 */
function keptAround(previous: { findings: Finding[]; text: string }, text: string, start: number, end: number): Finding[] {
  const delta = text.length - previous.text.length;
  const oldEnd = end - delta; // where the unchanged end of the text started in the previous version
  const move = (offset: number) => (offset <= start ? offset : offset + delta);
  const lines = TextDocument.create('file:///kept.go', 'go', 0, text);
  const kept: Finding[] = [];
  for (const f of previous.findings) {
    const before = f.span.end <= start;
    const after = f.span.start >= oldEnd;
    const around = f.span.start < start && f.span.end >= oldEnd;
    if (!before && !after && !around) continue;
    const span = { start: move(f.span.start), end: move(f.span.end) };
    const fixKept = f.fix?.edits.every((e) => e.end <= start || e.start >= oldEnd);
    const fix = f.fix && fixKept ? { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, start: move(e.start), end: move(e.end) })) } : undefined;
    kept.push({ ...f, span, fix, range: { start: lines.positionAt(span.start), end: lines.positionAt(span.end) } });
  }
  return kept;
}

describe('fuzzing', function () {
  this.timeout(120_000);
  const seeds = fuzzSeeds();
  let linter: Linter;
  before(async () => (linter = await Linter.create(ALL_RULES)));
  after(() => linter.dispose());

  it('has seed files', () => assert.ok(seeds.length >= 4, `seeds: ${seeds.map((s) => s.name).join(', ')}`));

  it(`lints and fixes ${WHOLE_DOCUMENTS} mutated documents with no rule failure (seed 7)`, () => {
    const random = seededRandom(7);
    let slowest = 0;
    for (let i = 0; i < WHOLE_DOCUMENTS; i++) {
      const seed = seeds[i % seeds.length];
      // Mutations pile up a little: later documents are further from valid Go.
      let { kind, text } = mutate(seed.text, random);
      if (random() < 0.3) ({ kind, text } = { kind: `${kind} + ${mutate(text, random).kind}`, text: mutate(text, random).text });
      const label = `document #${i} (${seed.name}, ${kind})`;
      const start = Date.now();
      const result = linter.lintText(seed.name, text, CONFIG);
      assert.deepStrictEqual(result.failures, [], `${label}:\n${failureText(result.failures)}`);
      if (i % 10 === 0) {
        const fixed = linter.fixText(seed.name, text, CONFIG);
        assert.ok(fixed.applied >= 0);
        const after = linter.lintText(seed.name, fixed.output, CONFIG);
        assert.deepStrictEqual(after.failures, [], `${label} after fixes:\n${failureText(after.failures)}`);
      }
      const took = Date.now() - start;
      slowest = Math.max(slowest, took);
      assert.ok(took < BOUND_MS, `${label} took ${took} ms`);
    }
    assert.ok(slowest < BOUND_MS);
  });

  it(`keeps incremental results equal to a full parse over ${INCREMENTAL_VERSIONS} edited versions (seed 11)`, async () => {
    const random = seededRandom(11);
    const logged: string[] = [];
    const service = new LintService(await loadGoLanguage(), ALL_RULES, (m) => logged.push(m));
    service.config = CONFIG;
    let isolated = 0;
    let previous: { findings: Finding[]; text: string } | undefined;
    try {
      let version = 1;
      for (let round = 0; version < INCREMENTAL_VERSIONS; round++) {
        const seed = seeds[round % seeds.length];
        const uri = `file:///fuzz/${round}/${seed.name}`;
        let text = seed.text;
        service.didOpen(uri, version, text);
        previous = { findings: service.lint(uri)!.findings, text };
        for (let step = 0; step < 60; step++) {
          // A burst of edits (typing fast), then a lint, as the server does.
          const burst = 1 + Math.floor(random() * 4);
          for (let k = 0; k < burst; k++) {
            const edit = randomEdit(text, random, (offset) => TextDocument.create(uri, 'go', 0, text).positionAt(offset));
            text = edit.text;
            service.didChange(uri, ++version, [edit.change]);
          }
          const start = Date.now();
          const incremental = service.lint(uri)!;
          assert.ok(Date.now() - start < BOUND_MS, `version ${version} of ${uri} took too long`);
          assert.strictEqual(service.document(uri)!.getText(), text);
          const fileName = `/fuzz/${round}/${seed.name}`;
          const where = `round ${round}, version ${version}`;
          if (incremental.isolated) {
            isolated++;
            const { start, end, headerEnd } = incremental.isolated;
            const inRegion = (f: Finding) => f.span.start >= start && f.span.start < end;
            // The region is checked as a file of the header, blank lines and the region,
            // parsed skipping the blank lines (fixes that reach outside the region left out)...
            const alone = lintRegion(linter, fileName, text, headerEnd, start, end)
              .filter((f) => inRegion(f) && f.span.end <= end)
              .map((f) => (f.fix && !f.fix.edits.every((e) => e.start >= start && e.end <= end) ? { ...f, fix: undefined } : f));
            assert.deepStrictEqual(comparable(incremental.findings.filter(inRegion)), comparable(alone),
              `${where}: the unbalanced region [${start}, ${end}) is not checked as on its own`);
            // ...and elsewhere, where the text is unchanged, the last lint's findings stay with it.
            assert.deepStrictEqual(comparable(incremental.findings.filter((f) => !inRegion(f))), comparable(keptAround(previous!, text, start, end)),
              `${where}: the findings around the unbalanced region are not the last lint's`);
          } else {
            const full = linter.lintText(fileName, text, CONFIG);
            assert.deepStrictEqual(comparable(incremental.findings), comparable(full.findings), `${where}: incremental and full lints disagree`);
          }
          previous = { findings: incremental.findings, text };
        }
        service.didClose(uri);
      }
      assert.deepStrictEqual(logged, [], 'nothing failed in LintService');
      // Random edits leave brackets unbalanced often: both ways of linting are exercised.
      assert.ok(isolated > INCREMENTAL_VERSIONS / 20 && isolated < INCREMENTAL_VERSIONS / 2, `${isolated} lints of an unbalanced region alone`);
    } finally {
      service.dispose();
    }
  });

  it(`answers ${PROTOCOL_EDITS} random edits through the protocol (seed 13)`, async () => {
    const random = seededRandom(13);
    const client = new TestClient();
    try {
      await client.initialize();
      const uri = 'file:///fuzz/protocol/context.go';
      let text = seeds.find((s) => s.name === 'context.go')!.text;
      await client.open(uri, text, 1);
      await client.diagnostics(uri, 1);
      for (let version = 2; version < PROTOCOL_EDITS + 2; version++) {
        const edit = randomEdit(text, random, (offset) => TextDocument.create(uri, 'go', 0, text).positionAt(offset));
        text = edit.text;
        await client.change(uri, version, [edit.change]);
        // Every 10th version is awaited; the others may be superseded, as when typing.
        if (version % 10 === 0) await client.diagnostics(uri, version);
      }
      const last = PROTOCOL_EDITS + 1;
      await client.diagnostics(uri, last);
      assert.doesNotMatch(client.stderr, /failed|could not lint|Error/, client.stderr);
    } finally {
      await client.shutdown();
    }
  });
});
