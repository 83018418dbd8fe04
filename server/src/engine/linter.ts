// One-shot linting of whole texts (CLI, tests, workspace scans): parse, run the
// rules, free the tree. The language server keeps trees alive instead (GoDocument).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { GodebtConfig } from './config';
import type { Finding } from './finding';
import { applyEdits, selectCompatibleFixes } from './fix';
import { GoParser, loadGoLanguage } from './goParser';
import type { Rule } from './rule';
import { LintResult, RuleEngine } from './runner';

export interface FixResult {
  output: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  /** Findings left after the last pass. */
  remaining: Finding[];
}

/** ESLint's bound: fixes may enable further fixes, but never loop for ever. */
const MAX_FIX_PASSES = 10;

export class Linter {
  private constructor(private readonly parser: GoParser, readonly engine: RuleEngine) {}

  static async create(rules: readonly Rule[], parseTimeoutMs?: number): Promise<Linter> {
    const language = await loadGoLanguage();
    const parser = new GoParser(language, parseTimeoutMs);
    return new Linter(parser, new RuleEngine(language, rules, (source) => parsesCleanly(parser, source)));
  }

  /** Lints a Go file or a go.mod file, by name. */
  lintFile(fileName: string, text: string, config?: GodebtConfig): Pick<LintResult, 'findings' | 'failures'> & Partial<LintResult> {
    if (isGoMod(fileName)) {
      return this.engine.lintGoMod({ fileName, source: text, lines: TextDocument.create(fileName, 'go.mod', 0, text) }, config);
    }
    return this.lintText(fileName, text, config);
  }

  lintText(fileName: string, text: string, config?: GodebtConfig): LintResult {
    const tree = this.parser.parse(text);
    try {
      const lines = TextDocument.create(fileName, 'go', 0, text);
      return this.engine.lint({ fileName, source: text, tree, lines }, config);
    } finally {
      tree.delete();
    }
  }

  /** Applies every available fix, re-linting between passes so fixes compose. */
  fixText(fileName: string, text: string, config?: GodebtConfig, only?: (f: Finding) => boolean): FixResult {
    let output = text;
    let applied = 0;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const { findings } = this.lintText(fileName, output, config);
      const fixes = selectCompatibleFixes(findings.filter((f) => f.fix && (!only || only(f))).map((f) => f.fix!));
      if (fixes.length === 0) break;
      output = applyEdits(output, fixes.flatMap((f) => f.edits));
      applied += fixes.length;
    }
    const remaining = this.lintText(fileName, output, config).findings;
    return { output, applied, remaining };
  }

  dispose(): void {
    this.engine.dispose();
    this.parser.delete();
  }
}

export function isGoMod(fileName: string): boolean {
  return /(^|[\\/])go\.mod$/.test(fileName);
}

/** True when source parses without ERROR or MISSING nodes. */
export function parsesCleanly(parser: GoParser, source: string): boolean {
  const tree = parser.parse(source);
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}
