// RuleTester, as in ESLint: a rule's cases are a table of valid code (no finding) and
// invalid code whose findings are marked inline with «…» around each expected range.
// A case may bring other files of its workspace, for rules that read the package index.
// An invalid case of a fixable rule states the exact output of applying its fixes;
// every output must also satisfy the real gofmt.
import * as assert from 'assert';
import * as path from 'path';
import type { GodebtConfig } from '../../server/src/engine/config';
import { collectFileFacts } from '../../server/src/engine/fileFacts';
import { importPathResolver } from '../../server/src/engine/importPaths';
import type { Linter } from '../../server/src/engine/linter';
import { PackageIndex, PackageIndexView, summarizeFile } from '../../server/src/engine/packageIndex';
import type { Rule } from '../../server/src/engine/rule';
import { gofmtProblem } from './gofmt';

export interface ValidCase {
  code: string;
  /** File name; decides _test.go handling, and "go.mod" lints the code as a go.mod file (lintFile dispatches by name). Default "x.go". */
  fileName?: string;
  /**
   * Other files of the workspace, by path relative to the case's folder (go.mod files
   * give import paths): the code is linted with their package index, as the CLI would.
   */
  files?: Record<string, string>;
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

/** Where a case's files are, so that folders and import paths mean what they say. */
const WORKSPACE = '/workspace';

/**
 * The package index of a case with other files: every Go file summarized (the case's
 * own too, for its imports), import paths from the case's go.mod files.
 */
export function caseIndex(linter: Linter, files: Record<string, string>, fileName: string, code: string): PackageIndex {
  const all: Record<string, string> = { ...files, [fileName]: code };
  const index = new PackageIndex(importPathResolver((file) => all[path.relative(WORKSPACE, file)] ?? null));
  for (const [name, text] of Object.entries(all)) {
    if (!name.endsWith('.go')) continue;
    const file = path.join(WORKSPACE, name);
    const kept = linter.parse(text);
    try {
      index.set(file, summarizeFile(collectFileFacts(file, kept.tree, text)));
    } finally {
      linter.free(kept);
    }
  }
  return index;
}

/** The file name to lint a case under, and the index view to lint it with. */
function setting(linter: Linter, c: ValidCase, code: string): { fileName: string; packageIndex?: PackageIndexView } {
  const fileName = c.fileName ?? 'x.go';
  if (!c.files) return { fileName };
  const file = path.join(WORKSPACE, fileName);
  return { fileName: file, packageIndex: caseIndex(linter, c.files, fileName, code).view(file) };
}

/** The rule's findings on code; a rule that throws fails the case instead of passing it silently. */
function findings(linter: Linter, rule: Rule, fileName: string, code: string, config: GodebtConfig, packageIndex?: PackageIndexView) {
  // lintFile dispatches by name: go.mod cases run the rule's checkGoMod.
  const result = linter.lintFile(fileName, code, config, packageIndex);
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
      const { fileName, packageIndex } = setting(linter(), c, c.code);
      const found = findings(linter(), rule, fileName, c.code, configFor(rule, c), packageIndex);
      assert.deepStrictEqual(found.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`), []);
    });
  });
  table.invalid.forEach((c, i) => {
    it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
      const { code, spans } = parseMarkers(c.code);
      const { fileName, packageIndex } = setting(linter(), c, code);
      const config = configFor(rule, c);
      const found = findings(linter(), rule, fileName, code, config, packageIndex);
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
      const fixed = linter().fixText(fileName, code, config, (f) => f.ruleId === id, packageIndex);
      assert.strictEqual(fixed.output, c.output);
      const problem = gofmtProblem(fixed.output);
      assert.strictEqual(problem, null, problem ?? '');
    });
  });
}
