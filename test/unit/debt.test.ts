import * as assert from 'assert';
import { buildDebtModel, countLinesOfCode, debtRatio, packageOf, ratingOf } from '../../server/src/engine/debt';
import { fingerprints } from '../../server/src/engine/fingerprint';

describe('debt model', () => {
  it('rates at the documented edges', () => {
    assert.deepStrictEqual([0, 0.05, 0.0501, 0.1, 0.2, 0.2001, 0.5, 0.51].map(ratingOf), ['A', 'A', 'B', 'B', 'C', 'D', 'D', 'E']);
  });

  it('computes the ratio as effort over 30 minutes per line of code', () => {
    assert.strictEqual(debtRatio(30, 10), 0.1);
    assert.strictEqual(debtRatio(5, 0), 0);
  });

  it('counts lines of code, not blank lines or comments', () => {
    const text = 'package a\n\n// comment\n/* block\n   still */ var x = 1\nvar s = "/* not a comment"\nvar r = `\n\n`\n\t\n';
    assert.strictEqual(countLinesOfCode(text), 6);
  });

  it('counts lines of code across block comments, raw strings and literals that end with their line', () => {
    const count = (lines: string[]) => countLinesOfCode(lines.join('\n'));
    // a; y */ b; "/*" d; the three lines of the raw string, the empty one included; x.
    assert.strictEqual(count(['a', '/* x', 'y */ b', '  // c', '"/*" d', '`', '', '`', 'x']), 7);
    // A comment, a string or a raw string inside a raw string is text.
    assert.strictEqual(count(['x := `a', '// b', '/* c`', 'd /* e', '*/ f // g']), 5);
    // An escaped quote does not close a string; an unclosed one ends with its line, a trailing backslash too.
    assert.strictEqual(count(['s := "a\\"/*"', 't := 1', '']), 2);
    assert.strictEqual(count(['x := "abc /*', 'y := 2', '']), 2);
    assert.strictEqual(count(["r := '\\", '/* c */', '']), 1);
    // \r is white space; a comment with no end runs to the end of the text.
    assert.strictEqual(count(['a\r', '\r', '// c\r', '  \t\r', '']), 1);
    assert.strictEqual(count(['/*', 'x', '*/']), 0);
    assert.strictEqual(count(['/* x', 'y']), 0);
    // A backquote or "/*" in a line comment, or a backquote in a block comment, opens nothing.
    assert.strictEqual(count(['// a `b', 'x', '\t// c /* d', 'y', '/* `', '*/ z', '`']), 4);
  });

  it('adds up by category, rule, package and file, and ranks hotspots', () => {
    const f = (ruleId: string, effortMinutes: number) => ({ ruleId, category: 'resilience' as const, severity: 'warning' as const, effortMinutes });
    const model = buildDebtModel([
      { file: 'a/x.go', linesOfCode: 100, findings: [f('r1', 30), f('r2', 60)] },
      { file: 'a/y.go', linesOfCode: 100, findings: [f('r1', 30)] },
      { file: 'main.go', linesOfCode: 10, findings: [] },
    ], new Map([['a/x.go', 1], ['a/y.go', 10]]));
    assert.strictEqual(model.total.effortMinutes, 120);
    assert.strictEqual(model.total.findings, 3);
    assert.strictEqual(model.total.linesOfCode, 210);
    assert.strictEqual(model.total.rating, 'A');
    assert.deepStrictEqual(model.byRule.r1, { findings: 2, effortMinutes: 60, category: 'resilience' });
    assert.deepStrictEqual(model.byCategory.resilience, { findings: 3, effortMinutes: 120 });
    assert.deepStrictEqual(Object.keys(model.byPackage), ['.', 'a']);
    assert.strictEqual(model.byPackage.a.ratio, 120 / (200 * 30));
    assert.strictEqual(model.byFile['a/x.go'].effortMinutes, 90);
    assert.deepStrictEqual(model.hotspots.map((h) => [h.file, h.score]), [['a/y.go', 300], ['a/x.go', 90]]);
    assert.strictEqual(packageOf('main.go'), '.');
  });
});

describe('fingerprints', () => {
  const finding = (source: string, text: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = source.indexOf(text, at + 1);
    return { ruleId: 'r', span: { start: at, end: at + text.length } };
  };

  it('survive unrelated edits and line moves', () => {
    const before = 'package a\n\nfunc f() {\n\tx, _ := g()\n}\n';
    const after = 'package a\n\n// new comment\nfunc h() {}\n\nfunc f() {\n    x, _ := g()\n}\n';
    assert.deepStrictEqual(fingerprints('a.go', before, [finding(before, 'x, _ := g()')]), fingerprints('a.go', after, [finding(after, 'x, _ := g()')]));
  });

  it('change with the flagged code, the rule or the file, and tell identical lines apart', () => {
    const source = 'package a\n\nvar _ = g()\nvar _ = g()\n';
    const [first, second] = fingerprints('a.go', source, [finding(source, 'g()', 0), finding(source, 'g()', 1)]);
    assert.notStrictEqual(first, second);
    assert.notStrictEqual(fingerprints('b.go', source, [finding(source, 'g()')])[0], first);
    const edited = source.replace('var _ = g()', 'var _ = h()');
    assert.notStrictEqual(fingerprints('a.go', edited, [finding(edited, 'h()')])[0], first);
  });
});
