// Every form of suppression directive (RULES.md, "Suppression"), and the two rules
// about directives: unused-suppression (with its removal fix) and
// suppression-without-reason.
import * as assert from 'assert';
import type { GodebtConfig } from '../../server/src/engine/config';
import { applyEdits } from '../../server/src/engine/fix';
import { Linter } from '../../server/src/engine/linter';
import { GoParser } from '../../server/src/engine/goParser';
import { defineRule } from '../../server/src/engine/rule';
import { mayBeDirective, parseDirective } from '../../server/src/engine/suppression';
import { calls } from '../support/testRules';
import suppressionWithoutReason from '../../server/src/rules/maintainability/suppression-without-reason';
import unusedSuppression from '../../server/src/rules/maintainability/unused-suppression';
import { gofmtProblem } from '../support/gofmt';

const idents = defineRule({
  meta: { id: 'test-idents', category: 'maintainability', severity: 'info', effortMinutes: 1, fixable: false, summary: 'identifiers named x' },
  query: '((identifier) @id (#eq? @id "x"))',
  check(ctx, captures) {
    ctx.report({ node: captures.get('id')!, message: 'x' });
  },
});

describe('suppression directives', () => {
  let linter: Linter;
  before(async () => (linter = await Linter.create([calls, idents])));
  after(() => linter.dispose());
  /** Messages of the findings left in package a + body. */
  const lint = (body: string, config?: GodebtConfig) => linter.lintText('a.go', `package a\n\n${body}`, config).findings.map((f) => f.message);

  describe('//godebt:ignore', () => {
    it('on the line itself', () => {
      assert.deepStrictEqual(lint('var _ = a() //godebt:ignore test-calls -- fine here\n'), []);
    });

    it('on the line above covers that next line only', () => {
      assert.deepStrictEqual(lint('//godebt:ignore test-calls -- fine here\nvar _ = a()\nvar _ = b()\n'), ['call of b']);
    });

    it('names several rules, with or without spaces after the commas', () => {
      assert.deepStrictEqual(lint('var x = a() //godebt:ignore test-idents,test-calls -- two rules\n'), []);
      assert.deepStrictEqual(lint('var x = a() //godebt:ignore test-idents, test-calls -- two rules\n'), []);
    });

    it('covers only the rules it names', () => {
      assert.deepStrictEqual(lint('var x = a() //godebt:ignore test-idents -- not calls\n'), ['call of a']);
    });

    it('accepts one space after the slashes, as gofmt leaves it', () => {
      assert.deepStrictEqual(lint('var _ = a() // godebt:ignore test-calls -- fine here\n'), []);
    });

    it('is not a directive when the keyword runs on (ignorex) or is in a block comment', () => {
      assert.deepStrictEqual(lint('var _ = a() //godebt:ignorex test-calls -- no\n'), ['call of a']);
      assert.deepStrictEqual(lint('var _ = a() /* godebt:ignore test-calls -- no */\n'), ['call of a']);
    });

    it('suppresses nothing without a rule id', () => {
      assert.deepStrictEqual(lint('var _ = a() //godebt:ignore -- no rule\n'), ['call of a']);
    });

    it('counts lines as Go does when a lone carriage return sits in a comment above', () => {
      // Go (and tree-sitter) end a line at \n only; LSP positions also break at a lone
      // \r, so the finding's LSP line is one past its Go line here.
      assert.deepStrictEqual(lint('// a comment with a lone CR:\r it goes on\n//godebt:ignore test-calls -- fine here\nvar _ = a()\nvar _ = b()\n'), ['call of b']);
      assert.deepStrictEqual(lint('// a lone CR:\r here\nvar _ = a() //godebt:ignore test-calls -- fine here\nvar _ = b()\nvar _ = c()\n'), ['call of c']);
    });
  });

  describe('//godebt:file-ignore', () => {
    it('above the package clause covers the whole file', () => {
      assert.deepStrictEqual(linter.lintText('a.go', '//godebt:file-ignore test-calls -- legacy\npackage a\n\nvar _ = a()\n\nvar _ = b()\n').findings, []);
    });

    it('after the imports but before the first declaration still counts', () => {
      assert.deepStrictEqual(lint('import "fmt"\n\n//godebt:file-ignore test-calls -- legacy\n\nvar _ = a(fmt.Sprint())\n'), []);
    });

    it('after the first declaration has no effect', () => {
      assert.deepStrictEqual(lint('var _ = a()\n\n//godebt:file-ignore test-calls -- too late\nvar _ = b()\n'), ['call of a', 'call of b']);
    });

    it('names several rules', () => {
      assert.deepStrictEqual(lint('//godebt:file-ignore test-calls,test-idents -- legacy\nvar x = a()\n'), []);
    });
  });

  describe('//nolint (golangci-lint)', () => {
    it('bare, :all and :godebt silence every godebt rule on the line', () => {
      assert.deepStrictEqual(lint('var x = a() //nolint\n'), []);
      assert.deepStrictEqual(lint('var x = a() //nolint:all\n'), []);
      assert.deepStrictEqual(lint('var x = a() //nolint:godebt\n'), []);
    });

    it(':RULE-ID and the rule\'s nolint aliases (any case) silence that rule', () => {
      assert.deepStrictEqual(lint('var x = a() //nolint:test-calls\n'), ['x']);
      assert.deepStrictEqual(lint('var x = a() //nolint:peer // the reason\n'), ['x']);
      assert.deepStrictEqual(lint('var x = a() //nolint:errcheck,PEER\n'), ['x']);
    });

    it('names of other linters silence nothing of godebt', () => {
      assert.deepStrictEqual(lint('var _ = a() //nolint:errcheck\n'), ['call of a']);
    });

    it('at the end of a line covers that line only', () => {
      assert.deepStrictEqual(lint('var _ = a() //nolint:peer\nvar _ = b()\n'), ['call of b']);
    });

    it('on the line before a declaration covers the whole declaration', () => {
      assert.deepStrictEqual(lint('//nolint:peer\nfunc f() {\n\ta()\n\tb()\n}\n\nvar _ = c()\n'), ['call of c']);
    });

    it('anywhere in the doc comment of a declaration covers the declaration', () => {
      assert.deepStrictEqual(lint('// f calls.\n//\n//nolint:peer // legacy\nfunc f() {\n\ta()\n}\n\nvar _ = c()\n'), ['call of c']);
    });

    it('on the line before a statement covers the whole statement, also as a block\'s first statement', () => {
      assert.deepStrictEqual(lint('func f() {\n\t//nolint:peer\n\tif a() {\n\t\tb()\n\t}\n\tc()\n}\n'), ['call of c']);
      assert.deepStrictEqual(lint('func f() {\n\tc()\n\t//nolint:peer\n\tif a() {\n\t\tb()\n\t}\n}\n'), ['call of c']);
    });

    it('covers only the next line when what follows starts in another column', () => {
      assert.deepStrictEqual(lint('func f() {\n\t//nolint:peer\n}\n\nvar _ = a()\n'), ['call of a']);
    });
  });

  describe('rules about directives', () => {
    let all: Linter;
    // In registry order: unused-suppression runs last.
    before(async () => (all = await Linter.create([calls, idents, suppressionWithoutReason, unusedSuppression])));
    after(() => all.dispose());
    const findings = (body: string, config?: GodebtConfig, fileName = 'a.go') => all.lintText(fileName, `package a\n\n${body}`, config).findings;
    const show = (body: string, config?: GodebtConfig) => findings(body, config).map((f) => `${f.range.start.line + 1} ${f.ruleId}: ${f.message}`);
    /** The text after applying the unused-suppression fixes; checked with gofmt. */
    const fixed = (body: string) => {
      const source = `package a\n\n${body}`;
      const fixes = findings(body).filter((f) => f.ruleId === 'unused-suppression').map((f) => f.fix!);
      const output = applyEdits(source, fixes.flatMap((f) => f.edits));
      const problem = gofmtProblem(output);
      assert.strictEqual(problem, null, `not gofmt-clean:\n${output}`);
      return output;
    };

    it('a used directive with a reason is not reported', () => {
      assert.deepStrictEqual(show('var _ = a() //godebt:ignore test-calls -- generated by hand\n'), []);
    });

    it('unused-suppression: a //godebt:ignore that silences nothing, with a fix that removes its line', () => {
      assert.deepStrictEqual(show('//godebt:ignore test-calls -- no call here\nvar y = 1\n'), [
        '3 unused-suppression: //godebt:ignore test-calls suppresses nothing on this line or the next: remove it.',
      ]);
      const finding = findings('//godebt:ignore test-calls -- no call here\nvar y = 1\n')[0];
      assert.strictEqual(finding.severity, 'hint');
      assert.deepStrictEqual(finding.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 42 } });
      assert.strictEqual(fixed('//godebt:ignore test-calls -- no call here\nvar y = 1\n'), 'package a\n\nvar y = 1\n');
    });

    it('unused-suppression: a trailing directive is removed with the blanks before it', () => {
      assert.strictEqual(fixed('var y = 1 //godebt:ignore test-calls -- no call here\n'), 'package a\n\nvar y = 1\n');
    });

    it('unused-suppression: removing a line between blank lines leaves one blank line', () => {
      assert.strictEqual(fixed('var y = 1\n\n//godebt:ignore test-calls -- none\n\nvar z = 2\n'), 'package a\n\nvar y = 1\n\nvar z = 2\n');
      const header = '//godebt:file-ignore test-calls -- none\n\npackage a\n\nvar y = 1\n';
      const result = all.lintText('a.go', header).findings;
      assert.deepStrictEqual(result.map((f) => f.ruleId), ['unused-suppression']);
      assert.strictEqual(applyEdits(header, result[0].fix!.edits), 'package a\n\nvar y = 1\n');
    });

    it('unused-suppression: a //godebt:file-ignore that silences nothing', () => {
      assert.deepStrictEqual(show('//godebt:file-ignore test-calls -- none\nvar y = 1\n'), [
        '3 unused-suppression: //godebt:file-ignore test-calls suppresses nothing in this file: remove it.',
      ]);
    });

    it('unused-suppression: a //godebt:file-ignore after the first declaration', () => {
      assert.deepStrictEqual(show('var _ = a()\n\n//godebt:file-ignore test-calls -- too late\nvar _ = b()\n').filter((s) => s.includes('unused')), [
        '5 unused-suppression: //godebt:file-ignore comes after the first declaration, so it has no effect: move it above the package clause.',
      ]);
    });

    it('unused-suppression: a directive without rule ids, or naming no godebt rule', () => {
      assert.deepStrictEqual(show('var y = 1 //godebt:ignore -- none\n'), ['3 unused-suppression: //godebt:ignore names no rule.']);
      assert.deepStrictEqual(show('var y = a() //godebt:ignore test-calls,tset-calls -- typo\n'), [
        '3 unused-suppression: //godebt:ignore names \'tset-calls\', which is not a godebt rule: correct or remove it.',
      ]);
    });

    it('unused-suppression: not when a named rule is off or does not look at the file', () => {
      assert.deepStrictEqual(show('//godebt:ignore test-calls -- off for now\nvar y = 1\n', { rules: { 'test-calls': 'off' } }), []);
      assert.deepStrictEqual(findings('//godebt:ignore test-calls -- in tests\nvar y = 1\n', {}, 'a_test.go').map((f) => f.ruleId), []);
    });

    it('unused-suppression: //nolint naming only godebt or its rule ids, and silencing nothing', () => {
      assert.deepStrictEqual(show('var y = 1 //nolint:godebt\n'), ['3 unused-suppression: //nolint:godebt suppresses nothing here: remove it.']);
      assert.deepStrictEqual(show('var y = 1 //nolint:test-calls\n'), ['3 unused-suppression: //nolint:test-calls suppresses nothing here: remove it.']);
      assert.strictEqual(fixed('var y = 1 //nolint:godebt\n'), 'package a\n\nvar y = 1\n');
    });

    it('unused-suppression: never a bare //nolint or one naming other linters (golangci-lint may need it)', () => {
      assert.deepStrictEqual(show('var y = 1 //nolint\n'), []);
      assert.deepStrictEqual(show('var y = 1 //nolint:errcheck\n'), []);
      assert.deepStrictEqual(show('var y = 1 //nolint:peer\n'), []);
      assert.deepStrictEqual(show('var y = 1 //nolint:test-calls,gosec\n'), []);
    });

    it('suppression-without-reason: no " -- reason", an empty one, or the placeholder', () => {
      assert.deepStrictEqual(show('var _ = a() //godebt:ignore test-calls\n'), [
        '3 suppression-without-reason: //godebt:ignore gives no reason: add \' -- \' and why the finding is acceptable here.',
      ]);
      assert.deepStrictEqual(show('var _ = a() //godebt:ignore test-calls because\n').map((s) => s.split(':')[0]), ['3 suppression-without-reason']);
      assert.deepStrictEqual(show('var _ = a() //godebt:ignore test-calls --\n').map((s) => s.split(':')[0]), ['3 suppression-without-reason']);
      assert.deepStrictEqual(show('//godebt:file-ignore test-calls -- <reason>\nvar _ = a()\n'), [
        '3 suppression-without-reason: //godebt:file-ignore still has the <reason> placeholder: replace it with why the finding is acceptable here.',
      ]);
      assert.strictEqual(findings('var _ = a() //godebt:ignore test-calls\n')[0].severity, 'info');
    });

    it('suppression-without-reason: not for //nolint, whose explanations are golangci-lint\'s business', () => {
      assert.deepStrictEqual(show('var _ = a() //nolint:peer\n'), []);
    });

    it('their own findings can be suppressed and turned off like any rule\'s', () => {
      assert.deepStrictEqual(show('//godebt:file-ignore suppression-without-reason -- legacy file\nvar _ = a() //godebt:ignore test-calls\n'), []);
      assert.deepStrictEqual(show('var y = 1 //godebt:ignore test-calls -- x\n', { rules: { 'unused-suppression': 'off' } }), []);
    });
  });
});

describe('mayBeDirective (read before a comment is parsed as a directive)', () => {
  it('holds for every comment that parses as a directive, whatever the space and case', async () => {
    const parser = await GoParser.create();
    const comments = [
      '//godebt:ignore a -- b', '// godebt:ignore a -- b', '//\tgodebt:file-ignore a -- b', '//nolint', '// nolint:errcheck',
      '//NOLINT', '//\tNoLint:a // why', '// Nolint', '//\u00a0nolint', '//\u2028nolint',
      // Not directives: the check may hold or not, the parse decides.
      '// nothing to see', '//  nolint', '/* nolint */', '// gone', '//go:generate x', '// see below',
    ];
    const source = `package p\n\n${comments.map((c) => `var _ = 1 ${c}\n`).join('')}`;
    const tree = parser.parse(source);
    try {
      const found = tree.rootNode.descendantsOfType('comment').map((c) => ({ text: c!.text, directive: parseDirective(c!) !== null, may: mayBeDirective(source, c!.startIndex) }));
      assert.strictEqual(found.length, comments.length);
      assert.deepStrictEqual(found.filter((c) => c.directive && !c.may), []);
      // The first ten are directives; the check turns away comments without a g, n or N in either place.
      assert.deepStrictEqual(found.map((c) => c.directive), comments.map((_c, i) => i < 10));
      assert.deepStrictEqual(found.filter((c) => !c.may).map((c) => c.text), ['//  nolint', '// see below']);
    } finally {
      tree.delete();
      parser.delete();
    }
  });
});
