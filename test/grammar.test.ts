// The directive grammar (syntaxes/godebt-directives.tmLanguage.json), injected into the
// Go grammar's line comments, checked against test/grammar/*.test.go: files in the
// format of vscode-tmgrammar-test (`// ^^^ scope - excluded.scope` under a source
// line, `// <-- scope` for the columns that the comment marker hides). They run
// through vscode-textmate and vscode-oniguruma, the engine VS Code itself uses.
// The Go grammar is VS Code's (test/grammar/go.tmLanguage.json, from worlpaker/go-syntax).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR_DIR = path.join(ROOT, 'test', 'grammar');
const DIRECTIVES = path.join(ROOT, 'syntaxes', 'godebt-directives.tmLanguage.json');
const INJECTION_SCOPE = 'godebt.directives.injection';

interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown };
}
interface TextMate {
  INITIAL: unknown;
  Registry: new (options: unknown) => { loadGrammar(scope: string): Promise<Grammar | null> };
  parseRawGrammar(content: string, filePath: string): unknown;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

async function loadGoGrammar(): Promise<{ grammar: Grammar; initial: unknown }> {
  const textmate = require('vscode-textmate') as TextMate;
  const oniguruma = require('vscode-oniguruma') as Oniguruma;
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const files: Record<string, string> = { 'source.go': path.join(GRAMMAR_DIR, 'go.tmLanguage.json'), [INJECTION_SCOPE]: DIRECTIVES };
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scope: string) => (files[scope] ? textmate.parseRawGrammar(fs.readFileSync(files[scope], 'utf8'), files[scope]) : null),
    // As package.json's injectTo does in VS Code.
    getInjections: (scope: string) => (scope === 'source.go' ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar('source.go');
  if (!grammar) throw new Error('the Go grammar did not load');
  return { grammar, initial: textmate.INITIAL };
}

interface Assertion {
  /** 1-based line of the assertion, for messages. */
  line: number;
  source: number;
  from: number;
  to: number;
  scopes: string[];
  excluded: string[];
}

/** The source lines and the assertions of a vscode-tmgrammar-test file. */
export function parseTestFile(text: string): { lines: string[]; assertions: Assertion[] } {
  const lines = text.split('\n');
  const header = /^(\S+)\s+SYNTAX TEST\s+"([^"]+)"/.exec(lines[0]);
  if (!header) throw new Error('the first line must be: <comment> SYNTAX TEST "<scope>" "<description>"');
  const marker = header[1];
  const assertions: Assertion[] = [];
  let source = 0;
  lines.forEach((line, index) => {
    if (index === 0) return;
    const rest = line.startsWith(marker) ? line.slice(marker.length) : undefined;
    const carets = rest !== undefined ? /^(\s*)(\^+)\s+(.*)$/.exec(rest) : null;
    const arrow = rest !== undefined ? /^\s*<(-+)\s+(.*)$/.exec(rest) : null;
    if (!carets && !arrow) {
      source = index;
      return;
    }
    const from = carets ? marker.length + carets[1].length : 0;
    const to = carets ? from + carets[2].length : arrow![1].length;
    // "scope scope - excluded excluded": the token has the scopes in that order, and none of the excluded ones.
    const [wanted, ...unwanted] = (carets ? carets[3] : arrow![2]).split(/\s+-\s+/);
    const words = (list: string) => list.trim().split(/\s+/).filter(Boolean);
    assertions.push({ line: index + 1, source, from, to, scopes: words(wanted), excluded: unwanted.flatMap(words) });
  });
  return { lines, assertions };
}

describe('directive grammar', () => {
  it('is contributed as an injection into Go', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] } };
    const grammar = JSON.parse(fs.readFileSync(DIRECTIVES, 'utf8')) as { scopeName: string; injectionSelector: string };
    const contributed = pkg.contributes.grammars.find((g) => g.scopeName === INJECTION_SCOPE);
    assert.ok(contributed, 'package.json contributes.grammars lacks the directive grammar');
    assert.strictEqual(path.resolve(ROOT, contributed.path), DIRECTIVES);
    assert.deepStrictEqual(contributed.injectTo, ['source.go']);
    assert.strictEqual(grammar.scopeName, INJECTION_SCOPE);
    assert.strictEqual(grammar.injectionSelector, 'L:comment.line.double-slash.go');
  });

  for (const file of fs.readdirSync(GRAMMAR_DIR).filter((f) => f.endsWith('.test.go'))) {
    it(`highlights ${file} as its assertions say`, async () => {
      const { grammar, initial } = await loadGoGrammar();
      const { lines, assertions } = parseTestFile(fs.readFileSync(path.join(GRAMMAR_DIR, file), 'utf8'));
      assert.ok(assertions.length > 0, 'no assertions');
      const tokens: Token[][] = [];
      let state = initial;
      for (const line of lines) {
        const result = grammar.tokenizeLine(line, state);
        tokens.push(result.tokens);
        state = result.ruleStack;
      }
      const failures: string[] = [];
      for (const a of assertions) {
        const line = lines[a.source];
        if (a.to > line.length) failures.push(`${file}:${a.line}: the assertion reaches past the end of line ${a.source + 1}`);
        for (let column = a.from; column < Math.min(a.to, line.length); column++) {
          const token = tokens[a.source].find((t) => t.startIndex <= column && column < t.endIndex)!;
          let at = 0;
          const inOrder = a.scopes.every((scope) => (at = token.scopes.indexOf(scope, at) + 1) > 0);
          const unwanted = a.excluded.filter((scope) => token.scopes.includes(scope));
          if (!inOrder || unwanted.length) {
            failures.push(`${file}:${a.line}: column ${column + 1} of line ${a.source + 1} (${JSON.stringify(line.slice(token.startIndex, token.endIndex))}) has ${token.scopes.join(' ')}; wanted ${a.scopes.join(' ')}${a.excluded.length ? ` - ${a.excluded.join(' ')}` : ''}`);
            break;
          }
        }
      }
      assert.deepStrictEqual(failures, []);
    });
  }
});
