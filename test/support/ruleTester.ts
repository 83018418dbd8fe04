// RuleTester, as in ESLint: a rule's cases are a table of valid code (no finding) and
// invalid code whose findings are marked inline with «…» around each expected range.
// An invalid case of a fixable rule states the exact output of applying its fixes;
// every output must also satisfy the real gofmt.
import * as assert from 'assert';
import type { GodebtConfig } from '../../server/src/engine/config';
import type { Linter } from '../../server/src/engine/linter';
import type { Rule } from '../../server/src/engine/rule';
import { gofmtProblem } from './gofmt';

export interface ValidCase {
  code: string;
  /** File name; decides _test.go handling, and "go.mod" lints the code as a go.mod file (lintFile dispatches by name). Default "x.go". */
  fileName?: string;
  options?: Record<string, number | boolean | string>;
  /** Why this must not be flagged (a "Does not flag" line of RULES.md, or a lesson from real code). */
  name?: string;
}

export interface InvalidCase extends ValidCase {
  /** Each finding's message must contain (string) or match (RegExp) these, in order. */
  messages?: (string | RegExp)[];
  /** Exact text after applying the rule's fixes; null asserts that no fix is offered. */
  output?: string | null;
}

export interface RuleCases {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

export function cases(table: RuleCases): RuleCases {
  return table;
}

const OPEN = '«';
const CLOSE = '»';

/** Removes «» markers, returning the clean code and the marked spans (UTF-16 offsets). */
export function parseMarkers(marked: string): { code: string; spans: { start: number; end: number }[] } {
  let code = '';
  const spans: { start: number; end: number }[] = [];
  const open: number[] = [];
  for (const ch of marked) {
    if (ch === OPEN) open.push(code.length);
    else if (ch === CLOSE) {
      const start = open.pop();
      if (start === undefined) throw new Error('unbalanced » in test case');
      spans.push({ start, end: code.length });
    } else code += ch;
  }
  if (open.length) throw new Error('unbalanced « in test case');
  return { code, spans: spans.sort((a, b) => a.start - b.start || a.end - b.end) };
}

function configFor(rule: Rule, c: ValidCase): GodebtConfig {
  return { rules: { [rule.meta.id]: { options: c.options } }, tests: false };
}

/** The rule's findings on code; a rule that throws fails the case instead of passing it silently. */
function findings(linter: Linter, rule: Rule, fileName: string, code: string, config: GodebtConfig) {
  // lintFile dispatches by name: go.mod cases run the rule's checkGoMod.
  const result = linter.lintFile(fileName, code, config);
  const failure = result.failures.find((f) => f.ruleId === rule.meta.id);
  if (failure) throw failure.error;
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

/** Registers mocha tests for one rule's table. linter() is created once by the caller. */
export function runRuleCases(rule: Rule, table: RuleCases, linter: () => Linter): void {
  const id = rule.meta.id;
  const normal = (c: string | ValidCase): ValidCase => (typeof c === 'string' ? { code: c } : c);
  table.valid.map(normal).forEach((c, i) => {
    it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
      const found = findings(linter(), rule, c.fileName ?? 'x.go', c.code, configFor(rule, c));
      assert.deepStrictEqual(found.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`), []);
    });
  });
  table.invalid.forEach((c, i) => {
    it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
      const { code, spans } = parseMarkers(c.code);
      const fileName = c.fileName ?? 'x.go';
      const config = configFor(rule, c);
      const found = findings(linter(), rule, fileName, code, config);
      const show = (s: { start: number; end: number }) => JSON.stringify(code.slice(s.start, s.end));
      assert.deepStrictEqual(found.map((f) => show(f.span)), spans.map(show), 'flagged ranges');
      assert.deepStrictEqual(found.map((f) => f.span), spans, 'flagged offsets');
      (c.messages ?? []).forEach((expected, k) => {
        const message = found[k]?.message ?? '';
        if (typeof expected === 'string') assert.ok(message.includes(expected), `message ${JSON.stringify(message)} lacks ${JSON.stringify(expected)}`);
        else assert.match(message, expected);
      });
      if (c.output === undefined) return;
      const fixable = found.filter((f) => f.fix);
      if (c.output === null) {
        assert.deepStrictEqual(fixable.map((f) => f.fix!.title), [], 'no fix expected');
        return;
      }
      assert.ok(fixable.length > 0, 'a fix was expected');
      const fixed = linter().fixText(fileName, code, config, (f) => f.ruleId === id);
      assert.strictEqual(fixed.output, c.output);
      const problem = gofmtProblem(fixed.output);
      assert.strictEqual(problem, null, problem ?? '');
    });
  });
}
