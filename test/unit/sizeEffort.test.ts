// The size rules scale their effort with the excess (RULES.md); the rule tables
// check ranges and messages, this checks the effort each finding carries.
import * as assert from 'assert';
import { Linter } from '../../server/src/engine/linter';
import cyclomaticComplexity from '../../server/src/rules/maintainability/cyclomatic-complexity';
import functionTooLong from '../../server/src/rules/maintainability/function-too-long';

describe('size rule effort', () => {
  let linter: Linter;
  before(async () => {
    linter = await Linter.create([functionTooLong, cyclomaticComplexity]);
  });
  after(() => linter.dispose());

  const effortOf = (ruleId: string, code: string) => linter.lintText('x.go', code).findings.filter((f) => f.ruleId === ruleId).map((f) => f.effortMinutes);

  it('function-too-long: 10 + 1 per 10 lines over', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? `\t// ${i}` : '\tx++')).join('\n');
    assert.deepStrictEqual(effortOf('function-too-long', `package p\n\nfunc f(x int) {\n${body(89)}\n}\n`), [10]);
    assert.deepStrictEqual(effortOf('function-too-long', `package p\n\nfunc f(x int) {\n${body(90)}\n}\n`), [11]);
    assert.deepStrictEqual(effortOf('function-too-long', `package p\n\nfunc f(x int) {\n${body(135)}\n}\n`), [15]);
  });

  it('cyclomatic-complexity: 5 per point over', () => {
    const ifs = (n: number) => Array.from({ length: n }, (_, i) => `\tif x == ${i} {\n\t\tx++\n\t}`).join('\n');
    assert.deepStrictEqual(effortOf('cyclomatic-complexity', `package p\n\nfunc f(x int) {\n${ifs(18)}\n}\n`), [20]);
  });
});
