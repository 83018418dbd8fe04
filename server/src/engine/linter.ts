// One-shot linting of whole texts (CLI, tests, workspace scans): parse, run the
// rules, free the tree. The language server keeps trees alive instead (GoDocument).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { GodebtConfig } from './config';
import type { Finding } from './finding';
import { applyEdits, selectCompatibleFixes } from './fix';
import type { GoParser } from './goParser';
import type { Rule } from './rule';
import type { LintResult, RuleEngine } from './runner';
import { GoRuntime, isWasmFault } from './runtime';

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
  private constructor(readonly runtime: GoRuntime) {}

  static async create(rules: readonly Rule[], parseTimeoutMs?: number): Promise<Linter> {
    return new Linter(await GoRuntime.create(rules, parseTimeoutMs));
  }

  get engine(): RuleEngine {
    return this.runtime.engine;
  }

  /** False after a WASM fault: await recover() before linting again. */
  get usable(): boolean {
    return this.runtime.usable;
  }

  /** Replaces the poisoned WASM module after a fault (see GoRuntime). */
  recover(): Promise<void> {
    return this.runtime.recycle();
  }

  /** Lints a Go file or a go.mod file, by name. */
  lintFile(fileName: string, text: string, config?: GodebtConfig): Pick<LintResult, 'findings' | 'failures'> & Partial<LintResult> {
    if (isGoMod(fileName)) {
      return this.engine.lintGoMod({ fileName, source: text, lines: TextDocument.create(fileName, 'go.mod', 0, text) }, config);
    }
    return this.lintText(fileName, text, config);
  }

  lintText(fileName: string, text: string, config?: GodebtConfig): LintResult {
    this.runtime.catchUp();
    try {
      return this.lintOnce(fileName, text, config);
    } catch (err) {
      // Start replacing the poisoned module now (this drops every old tree at once);
      // callers await recover() before the next file.
      if (this.runtime.isFault(err)) void this.runtime.recycle().catch(() => undefined);
      throw err;
    }
  }

  private lintOnce(fileName: string, text: string, config?: GodebtConfig): LintResult {
    const { parser, engine } = this.runtime;
    const tree = parser.parse(text);
    try {
      const lines = TextDocument.create(fileName, 'go', 0, text);
      return engine.lint({ fileName, source: text, tree, lines }, config);
    } catch (err) {
      if (isWasmFault(err)) parser.faulted = true;
      throw err;
    } finally {
      // A tree of a poisoned module is dropped, not freed.
      if (!parser.faulted) tree.delete();
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
    this.runtime.dispose();
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
