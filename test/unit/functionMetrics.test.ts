// The function metrics behind the size rules, on bodies whose shape the pruned walk
// (measureBody.ts) must get right: else-if chains, case clauses, comments and `;` in
// statement lists, function and composite literals, marks inside strings and comments.
import * as assert from 'assert';
import type { Node, Tree } from 'web-tree-sitter';
import { type BodyBounds, bodyBounds } from '../../server/src/engine/bodyBounds';
import { GoParser } from '../../server/src/engine/goParser';
import { type FunctionMetrics, measureBody } from '../../server/src/engine/measureBody';
import { SourceMarks } from '../../server/src/engine/sourceMarks';
import { seededRandom } from '../support/random';
import { fuzzSeeds, mutate } from '../robustness/mutate';

/** The metrics with each firstAtDepth span given as the first line of its text. */
interface Readable extends Omit<FunctionMetrics, 'firstAtDepth'> {
  firstAtDepth: string[];
}

function readable(metrics: FunctionMetrics, source: string): Readable {
  return { ...metrics, firstAtDepth: metrics.firstAtDepth.map((span) => source.slice(span.start, span.end).split('\n')[0]) };
}

function bodies(tree: Tree): Node[] {
  return tree.rootNode.descendantsOfType(['function_declaration', 'method_declaration', 'func_literal'])
    .map((fn) => fn?.childForFieldName('body'))
    .filter((body): body is Node => body?.type === 'block');
}

describe('function metrics', () => {
  let parser: GoParser;
  before(async () => (parser = await GoParser.create()));
  after(() => parser.delete());

  /** The metrics of the first function of source; pruned unless the body has syntax errors. */
  function measureFirst(source: string): { metrics: Readable; hasError: boolean } {
    const tree = parser.parse(source);
    try {
      const body = bodies(tree)[0];
      return { metrics: readable(measureBody(body, source), source), hasError: body.hasError };
    } finally {
      tree.delete();
    }
  }

  it('counts an else-if chain as one level, and a loop in its else one more', () => {
    const source = [
      'package p',
      '',
      'func f(x int) {',
      '\tif x == 1 {',
      '\t\tx++',
      '\t} else if x == 2 {',
      '\t\tx--',
      '\t} else {',
      '\t\tfor x > 0 {',
      '\t\t\tx--',
      '\t\t}',
      '\t}',
      '}',
      '',
    ].join('\n');
    assert.deepStrictEqual(measureFirst(source).metrics, {
      lines: 9,
      statements: 5,
      complexity: 4,
      firstAtDepth: ['if x == 1 {', 'x++', 'x--'],
    });
  });

  it('counts case clauses but not default, not the `;` between statements, and no comment', () => {
    const source = [
      'package p',
      '',
      'func g(c chan int, v any) {',
      '\t// leading comment',
      '\tswitch t := v.(type) { // trailing',
      '\tcase int:',
      '\t\t_ = t; _ = 1',
      '\tcase string, error:',
      '\t\t// only a comment',
      '\tdefault:',
      '\t\treturn',
      '\t}',
      '\tselect {',
      '\tcase <-c:',
      '\tcase c <- 1:',
      '\t\t/* block comment */ x := 1; _ = x',
      '\tdefault:',
      '\t}',
      '}',
      '',
    ].join('\n');
    // Statements: switch, select; _ = t, _ = 1; return; x := 1, _ = x (a `;` is no statement).
    assert.deepStrictEqual(measureFirst(source).metrics, {
      lines: 15,
      statements: 7,
      complexity: 5,
      firstAtDepth: ['switch t := v.(type) { // trailing', '_ = t'],
    });
  });

  it('does not count the `;` between statements, pruned or walked in full', () => {
    const source = 'package p\n\nfunc f() {\n\ta(); b();\n\tif x { c(); d() }\n\t;\n}\n';
    const tree = parser.parse(source);
    try {
      const body = bodies(tree)[0];
      // a(), b(), the if, c(), d() and the empty statement on its own line.
      assert.strictEqual(measureBody(body, source).statements, 6);
      assert.strictEqual(measureBody(body, source, false).statements, 6);
    } finally {
      tree.delete();
    }
  });

  it('counts inside function literals without a level, and not the marks in strings and composite literals', () => {
    const source = [
      'package p',
      '',
      'func h(xs []int) bool {',
      '\tok := func(x int) bool { return x > 0 && x < 10 || x == 42 }',
      '\tm := map[string]T{"a": {N: 1}, "b": {N: 2}}',
      '\tgo func() {',
      '\t\tfor _, x := range xs {',
      '\t\t\tif ok(x) && m != nil {',
      '\t\t\t\tprintln("{ && || }") // { && || func() {}',
      '\t\t\t}',
      '\t\t}',
      '\t}()',
      '\treturn len(m) > 0 || ok(1)',
      '}',
      '',
    ].join('\n');
    assert.deepStrictEqual(measureFirst(source).metrics, {
      lines: 10,
      statements: 8,
      complexity: 7,
      firstAtDepth: ['ok := func(x int) bool { return x > 0 && x < 10 || x == 42 }', 'if ok(x) && m != nil {', 'println("{ && || }")'],
    });
  });

  it('counts statements among comments, in blocks that open with a comment, and in labeled loops', () => {
    const source = [
      'package p',
      '',
      'func k(x int) {',
      '\tx++ // one',
      '\t// between',
      '\tx++',
      '\t/* before a block */ {',
      '\t\t// a block that opens with a comment',
      '\t\tx++',
      '\t}',
      'outer:',
      '\tfor {',
      '\t\tbreak outer',
      '\t}',
      '}',
      '',
    ].join('\n');
    // x++, x++, the block, its x++, the labeled statement, break.
    assert.deepStrictEqual(measureFirst(source).metrics, {
      lines: 11,
      statements: 6,
      complexity: 2,
      firstAtDepth: ['x++', 'break outer'],
    });
  });

  it('counts && only where tree-sitter reads one operator', () => {
    // Where no operator can stand, tree-sitter reads && as two & (address-of), without an error.
    const { metrics, hasError } = measureFirst('package p\n\nfunc f(x int) {\n\tg(&&x, x > 0 && x < 9)\n}\n');
    assert.ok(!hasError);
    assert.deepStrictEqual(metrics, { lines: 1, statements: 1, complexity: 2, firstAtDepth: ['g(&&x, x > 0 && x < 9)'] });
  });

  it('walks a body with syntax errors in full', () => {
    const { metrics, hasError } = measureFirst('package p\n\nfunc e(x int) {\n\tif x > 0 && {\n\t\tx++\n\t}\n\tfor {\n}\n');
    assert.ok(hasError);
    // What the full walk has always said of this tree: if, &&, for; error recovery
    // keeps the if, its x++ and the for as statements, and ends the body at the end.
    assert.deepStrictEqual(metrics, { lines: 5, statements: 3, complexity: 4, firstAtDepth: ['if x > 0 && {', 'x++'] });
  });

  it('gives the same metrics pruned as walked in full, on every well-formed body of mutated Go files', function () {
    this.timeout(60_000);
    const random = seededRandom(20261123);
    let compared = 0;
    for (const seed of fuzzSeeds()) {
      let source = seed.text;
      for (let round = 0; round < 60; round++) {
        // Mutations pile up, five rounds at a time, then start again from the seed.
        source = round % 5 === 0 ? seed.text : mutate(source, random).text;
        const tree = parser.parse(source);
        try {
          for (const body of bodies(tree)) {
            if (body.hasError) continue;
            const walked = measureBody(body, source, false);
            const where = `${seed.name} round ${round} at ${body.startIndex}`;
            assert.deepStrictEqual(measureBody(body, source, true), walked, where);
            assertBounds(bodyBounds(source, body.startIndex, body.endIndex), walked, where);
            compared++;
          }
        } finally {
          tree.delete();
        }
      }
    }
    assert.ok(compared > 1_000, `only ${compared} bodies compared`);
  });
});

/** Bounds that a size rule may trust: lines exact, the rest at least the walk's figures. */
function assertBounds(bounds: BodyBounds, walked: FunctionMetrics, where: string): void {
  assert.strictEqual(bounds.lines, walked.lines, `lines, ${where}`);
  assert.ok(bounds.complexity >= walked.complexity, `complexity ${bounds.complexity} < ${walked.complexity}, ${where}`);
  assert.ok(bounds.statements >= walked.statements, `statements ${bounds.statements} < ${walked.statements}, ${where}`);
  assert.ok(bounds.depth >= walked.firstAtDepth.length - 1, `depth ${bounds.depth} < ${walked.firstAtDepth.length - 1}, ${where}`);
}

describe('body bounds', () => {
  let parser: GoParser;
  before(async () => (parser = await GoParser.create()));
  after(() => parser.delete());

  /** The bounds and the walk's metrics of the first function of source, which must parse cleanly. */
  function boundFirst(source: string): { bounds: BodyBounds; walked: FunctionMetrics } {
    const tree = parser.parse(source);
    try {
      const body = bodies(tree)[0];
      assert.ok(!body.hasError, 'the example parses cleanly');
      return { bounds: bodyBounds(source, body.startIndex, body.endIndex), walked: measureBody(body, source, false) };
    } finally {
      tree.delete();
    }
  }

  /** The walk's counts and the bounds of the first function of source, as expected. */
  function assertFirst(source: string, counts: Omit<FunctionMetrics, 'firstAtDepth'>, expected: BodyBounds): void {
    const { bounds, walked } = boundFirst(source);
    assert.deepStrictEqual({ lines: walked.lines, statements: walked.statements, complexity: walked.complexity }, counts);
    assert.deepStrictEqual(bounds, expected);
  }

  it('ends a statement at a line break only where Go inserts a semicolon', () => {
    const source = [
      'package p',
      '',
      'func f(a, b int) float64 {',
      '	x := 1.', // a number ending in a dot ends the statement
      '	y := a +', // an operator does not
      '		b',
      '	g(a,', // nor a comma
      '		b)',
      '	a++',
      '	if a > b && b > 0 || x > 1e+3 {',
      '		return x',
      '	}',
      '	return float64(y)',
      '}',
      '',
    ].join('\n');
    assertFirst(source, { lines: 10, statements: 7, complexity: 4 }, { lines: 10, statements: 7, complexity: 4, depth: 1 });
  });

  it('reads nothing in comments, strings, runes and raw strings, and counts their line breaks', () => {
    const source = [
      'package p',
      '',
      'func f() string {',
      '	/* if x { for {} }',
      '	   case && || */ s := "if \\" && for {" + `case',
      '	{ || }` + string(\'\\\'\') + string(\'{\')',
      '	// for { if {} }',
      '	return s',
      '}',
      '',
    ].join('\n');
    assertFirst(source, { lines: 5, statements: 2, complexity: 1 }, { lines: 5, statements: 2, complexity: 1, depth: 0 });
  });

  it('stays above the walk where tree-sitter reads && as two &, and in composite literals, labels and case clauses', () => {
    const source = [
      'package p',
      '',
      'func f(x int) {',
      '	g(&&x, T{A: 1, B: []int{2}})',
      'outer:',
      '	for {',
      '		switch x {',
      '		case 1, 2:',
      '			break outer',
      '		default:',
      '			x++; x--',
      '		}',
      '	}',
      '}',
      '',
    ].join('\n');
    const { bounds, walked } = boundFirst(source);
    assertBounds(bounds, walked, 'example');
    // && read as two & by tree-sitter; after `T{`, `A:`, `B:`, `{`, the label and `x++;` a statement may start, as far as the text tells.
    assert.deepStrictEqual(bounds, { lines: 10, statements: 11, complexity: 4, depth: 2 });
    assert.deepStrictEqual({ statements: walked.statements, complexity: walked.complexity, deepest: walked.firstAtDepth.length - 1 }, { statements: 6, complexity: 3, deepest: 2 });
  });
});

describe('SourceMarks', () => {
  it('answers whether a needle starts in a range of the stretch it searched', () => {
    const source = 'xx{a && b}{|| func';
    const marks = new SourceMarks(source, 2, source.length, ['{', '&&', '||', 'func']);
    assert.deepStrictEqual(
      [marks.has('{', 0, 2), marks.has('{', 2, 3), marks.has('{', 3, 10), marks.has('{', 3, 11), marks.has('&&', 5, 7), marks.has('&&', 6, 20), marks.has('func', 0, 100)],
      [false, true, false, true, true, false, true],
    );
    // Occurrences outside the stretch searched are not known.
    assert.strictEqual(new SourceMarks(source, 3, 8, ['{']).has('{', 0, 100), false);
    assert.throws(() => marks.has('/', 0, 10), /not searched for/);
  });
});
