// Typing in a declaration whose brackets do not balance: the editor checks the edited
// region alone, with the header, and keeps the rest of the file's findings where their
// code went (engine/bracketBalance.ts, engine/editedRegion.ts,
// engine/carriedFindings.ts, LintService). The fuzz test checks the same against
// independent references over thousands of random edits; these name the cases.
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { balances } from '../../server/src/engine/bracketBalance';
import { moveFindings } from '../../server/src/engine/carriedFindings';
import { GoDocument } from '../../server/src/engine/document';
import { regionSource } from '../../server/src/engine/editedRegion';
import type { Finding } from '../../server/src/engine/finding';
import { GoParser, loadGoLanguage } from '../../server/src/engine/goParser';
import { Linter } from '../../server/src/engine/linter';
import { LintService } from '../../server/src/lsp/lintService';
import { ALL_RULES } from '../../server/src/rules/index';

describe('balances (bracketBalance.ts)', () => {
  it('holds for Go whose brackets close, whatever comments and literals hold', () => {
    for (const text of [
      'func f() { g(a[1]) }',
      'x := "}{)(" + \'{\' + `(\n[` // {\n',
      '/* { ( [ */ y := \'\\\'\'',
      's := "a\\"{"',
      '',
    ]) assert.strictEqual(balances(text), true, text);
  });

  it('fails for an unclosed or stray bracket, and an unclosed comment or literal', () => {
    for (const text of [
      'func f() {',
      'g(a[1)]',
      ')',
      'x := "abc',
      'x := "abc\n"',
      "r := '{\n'",
      'x := `raw',
      '/* open',
      's := "\\"',
    ]) assert.strictEqual(balances(text), false, JSON.stringify(text));
  });

  it('reads only [start, end): what is outside neither opens nor closes', () => {
    assert.strictEqual(balances('{x}', 1, 2), true);
    assert.strictEqual(balances('{x}', 0, 2), false);
    assert.strictEqual(balances('a /* b */', 0, 6), false, 'the comment is cut by end');
    assert.strictEqual(balances('"a" + "b"', 0, 5), true);
  });
});

describe('moveFindings (carriedFindings.ts)', () => {
  const finding = (start: number, end: number, fix?: { start: number; end: number }): Finding => ({
    ruleId: 'r', category: 'maintainability', severity: 'warning', message: 'm', effortMinutes: 1,
    span: { start, end }, range: { start: { line: 0, character: start }, end: { line: 0, character: end } },
    fix: fix && { title: 't', edits: [{ ...fix, text: 'x' }] },
  });

  it('keeps findings before an edit, shifts those after it, stretches those around it and drops those it cuts', () => {
    const moved = moveFindings([finding(0, 5), finding(20, 25), finding(8, 30), finding(12, 20), finding(9, 12)], [{ start: 10, oldEnd: 14, newEnd: 17 }]);
    assert.deepStrictEqual(moved.map((f) => f.span), [{ start: 0, end: 5 }, { start: 23, end: 28 }, { start: 8, end: 33 }]);
    assert.ok(moved.every((f) => !('range' in f)), 'ranges are computed from the new text');
  });

  it('applies edits in order, and treats touching the edge of an insertion as outside it', () => {
    const moved = moveFindings([finding(10, 12), finding(4, 10)], [{ start: 10, oldEnd: 10, newEnd: 12 }, { start: 0, oldEnd: 2, newEnd: 0 }]);
    assert.deepStrictEqual(moved.map((f) => f.span), [{ start: 10, end: 12 }, { start: 2, end: 8 }]);
  });

  it('moves a fix with its finding, and drops a fix an edit touches but keeps its finding', () => {
    const [kept, dropped] = moveFindings([finding(20, 25, { start: 30, end: 31 }), finding(0, 5, { start: 9, end: 12 })], [{ start: 10, oldEnd: 11, newEnd: 11 }]);
    assert.deepStrictEqual(kept.fix?.edits, [{ start: 30, end: 31, text: 'x' }]);
    assert.deepStrictEqual(dropped.span, { start: 0, end: 5 });
    assert.strictEqual(dropped.fix, undefined);
  });
});

const SOURCE = `package p

import "fmt"

// A says hello.
func A() {
	fmt.Println("a")
}

// B is next.
func B() {
	fmt.Println("b")
}

func C() {}
`;

describe('GoDocument.isolatedTree (editedRegion.ts)', () => {
  let parser: GoParser;
  before(async () => (parser = await GoParser.create()));
  after(() => parser.delete());

  /** A document parsed once, then edited by inserting text at offsets (given against the text as it is then). */
  function edited(source: string, ...inserts: [at: number, text: string, remove?: number][]): GoDocument {
    const doc = GoDocument.create('file:///region.go', 1, source);
    doc.syntaxTree(parser);
    let version = 1;
    for (const [at, text, remove = 0] of inserts) {
      doc.update([{ range: { start: doc.lines.positionAt(at), end: doc.lines.positionAt(at + remove) }, text }], ++version);
    }
    return doc;
  }

  function region(doc: GoDocument): { text: string; nodes: string[] } | null {
    const isolated = doc.isolatedTree(parser);
    if (!isolated) return null;
    try {
      const { tree, region } = isolated;
      const nodes = tree.rootNode.namedChildren.map((n) => `${n!.type}@${n!.startPosition.row}:${n!.startPosition.column}`);
      return { text: doc.text.slice(region.start, region.end), nodes };
    } finally {
      isolated.tree.delete();
    }
  }

  const inB = SOURCE.indexOf('\tfmt.Println("b")');
  const endOfA = SOURCE.indexOf('}\n') + 1;

  it('parses the unbalanced declaration, with its doc comment and the header, at its place in the text', () => {
    const doc = edited(SOURCE, [inB, 'if true {\n']);
    try {
      assert.deepStrictEqual(region(doc), {
        text: '\n\n// B is next.\nfunc B() {\nif true {\n\tfmt.Println("b")\n}\n\n',
        nodes: ['package_clause@0:0', 'import_declaration@2:0', 'comment@9:0', 'function_declaration@10:0'],
      });
      doc.update([{ range: { start: doc.lines.positionAt(inB + 9), end: doc.lines.positionAt(inB + 9) }, text: '}' }], 3);
      assert.strictEqual(region(doc), null, 'balanced again: the whole text is parsed');
    } finally {
      doc.dispose();
    }
  });

  it('parses the whole text after a balanced edit, an edit in the header, or none', () => {
    for (const doc of [edited(SOURCE, [inB, 'x := 1\n']), edited(SOURCE, [SOURCE.indexOf('"fmt"'), '(']), edited(SOURCE)]) {
      try {
        assert.strictEqual(region(doc), null);
      } finally {
        doc.dispose();
      }
    }
  });

  it('takes the stretch between declarations when the edits are there, and every declaration the edits touch', () => {
    const between = edited(SOURCE, [endOfA + 1, 'func D() {\n']);
    const deleted = edited(SOURCE, [SOURCE.indexOf('}\n\nfunc C'), '', 1]);
    const twoPlaces = edited(SOURCE, [SOURCE.indexOf('func C() {}') + 10, '{'], [inB, 'x := 1\n']);
    const typedBefore = edited(SOURCE, [SOURCE.indexOf('func C'), '{']);
    try {
      assert.strictEqual(region(between)?.text, '\nfunc D() {\n\n');
      assert.strictEqual(region(typedBefore)?.text, '\n\n{func C() {}\n', 'what is typed just before a declaration changes its tokens');
      assert.strictEqual(region(deleted)?.text, '\n\n// B is next.\nfunc B() {\n\tfmt.Println("b")\n\n\n');
      assert.strictEqual(region(twoPlaces)?.text, SOURCE.slice(endOfA).replace('\tfmt', 'x := 1\n\tfmt').replace('{}', '{{}'));
    } finally {
      for (const doc of [between, deleted, twoPlaces, typedBefore]) doc.dispose();
    }
  });

  it('looks through up to 500 comment lines above the edits for the declaration before them', () => {
    const above = (comments: number) => `package p\n\nfunc A() {}\n\n${Array.from({ length: comments }, (_v, i) => `// ${i}`).join('\n')}\nfunc B() {\n}\n`;
    const [most, more] = [above(500), above(501)].map((source) => edited(source, [source.indexOf('func B() {') + 10, '{']));
    try {
      assert.ok(region(most)?.text.startsWith('\n\n// 0\n'));
      assert.strictEqual(region(more), null);
    } finally {
      most.dispose();
      more.dispose();
    }
  });

  it('gives the region\'s lint the header and the region, every character between them but line breaks a space', () => {
    const text = 'package p\r\n// é😀\nfunc A() {\n}\nx 😀\n';
    const region = { headerEnd: 9, start: text.indexOf('func'), end: text.indexOf('x 😀'), startPosition: { row: 2, column: 0 }, headerEndPosition: { row: 0, column: 9 } };
    const source = regionSource(text, region);
    assert.strictEqual(source, 'package p\r\n      \nfunc A() {\n}\n');
  });

  it('parses the whole text when a declaration next to the edits has a syntax error', () => {
    const broken = SOURCE.replace('fmt.Println("a")', 'x :=');
    const doc = edited(broken, [broken.indexOf('\tfmt.Println("b")'), 'if true {\n']);
    try {
      assert.strictEqual(region(doc), null);
    } finally {
      doc.dispose();
    }
  });
});

describe('LintService while a declaration does not balance', function () {
  this.timeout(60_000);
  const uri = 'file:///isolated/p.go';
  const text = ['package p', '', 'func A() {', '\tpanic("a")', '}', '', 'func B() {', '\tpanic("b")', '}', '', 'func C() {', '\tpanic("c")', '}', ''].join('\n');
  let service: LintService;
  let linter: Linter;
  before(async () => {
    service = new LintService(await loadGoLanguage(), ALL_RULES, (m) => assert.fail(m));
    linter = await Linter.create(ALL_RULES);
  });
  after(() => {
    service.dispose();
    linter.dispose();
  });
  afterEach(() => service.didClose(uri));

  const lines = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`);

  function type(version: number, line: number, character: number, inserted: string): void {
    service.didChange(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: inserted }]);
  }

  it('checks the edited function alone and keeps the findings of the others where their code went', () => {
    service.didOpen(uri, 1, text);
    assert.deepStrictEqual(lines(service.lint(uri)!.findings), ['panic-in-library@3:1', 'panic-in-library@7:1', 'panic-in-library@11:1']);
    type(2, 7, 0, '\tif len("x") > 0 {\n\t\tpanic("new")\n');
    const lint = service.lint(uri)!;
    const doc = TextDocument.create(uri, 'go', 2, service.document(uri)!.getText());
    assert.deepStrictEqual(lint.isolated && doc.getText().slice(lint.isolated.start, lint.isolated.end), '\n\nfunc B() {\n\tif len("x") > 0 {\n\t\tpanic("new")\n\tpanic("b")\n}\n\n');
    assert.deepStrictEqual(lines(lint.findings), ['panic-in-library@3:1', 'panic-in-library@8:2', 'panic-in-library@9:1', 'panic-in-library@13:1']);
    // Closing the brace makes the text balance: one ordinary lint of the whole file.
    type(3, 9, 0, '\t}\n');
    const closed = service.lint(uri)!;
    assert.strictEqual(closed.isolated, undefined);
    const full = linter.lintText('/isolated/p.go', service.document(uri)!.getText());
    assert.deepStrictEqual(lines(closed.findings), lines(full.findings));
    assert.deepStrictEqual(lines(closed.findings), ['panic-in-library@3:1', 'panic-in-library@8:2', 'panic-in-library@10:1', 'panic-in-library@14:1']);
  });

  it('offers no fix in the region that edits outside it (the imports) until the region balances', () => {
    const logging = ['package p', '', 'import "log"', '', 'func A() {', '\tlog.Printf("a")', '}', '', 'func B() {', '\tlog.Printf("b")', '}', ''].join('\n');
    const fixed = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId}@${f.range.start.line} ${f.fix ? 'fix' : 'no fix'}`);
    service.didOpen(uri, 1, logging);
    assert.deepStrictEqual(fixed(service.lint(uri)!.findings), ['unstructured-logging@5 fix', 'unstructured-logging@9 fix']);
    type(2, 5, 0, '\tif true {\n');
    const open = service.lint(uri)!;
    assert.ok(open.isolated);
    assert.deepStrictEqual(fixed(open.findings), ['unstructured-logging@6 no fix', 'unstructured-logging@10 fix']);
    type(3, 7, 0, '\t}\n');
    assert.deepStrictEqual(fixed(service.lint(uri)!.findings), ['unstructured-logging@6 fix', 'unstructured-logging@11 fix']);
  });

  it('carries the last lint through up to 1,000 edits made without a lint, then lints the whole text', () => {
    for (const [spaces, isolated] of [[999, true], [1000, false]] as const) {
      service.didOpen(uri, 1, text);
      service.lint(uri);
      let version = 1;
      for (let i = 0; i < spaces; i++) type(++version, 7, 0, ' ');
      type(++version, 7, 0, '{');
      assert.strictEqual(Boolean(service.lint(uri)!.isolated), isolated, `${spaces} edits before the brace`);
      service.didClose(uri);
    }
  });

  it('lints the whole text when the configuration changed since the last lint', () => {
    service.didOpen(uri, 1, text);
    service.lint(uri);
    type(2, 7, 0, '\tif true {\n');
    assert.ok(service.lint(uri)!.isolated);
    const off = { rules: { 'panic-in-library': 'off' as const } };
    const lint = service.lint(uri, off)!;
    assert.strictEqual(lint.isolated, undefined);
    assert.deepStrictEqual(lint.findings, []);
  });
});
