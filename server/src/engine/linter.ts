// One-shot linting of whole texts (CLI, tests, workspace scans): parse, run the
// rules, free the tree. The language server keeps trees alive instead (GoDocument).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { GodebtConfig } from './config';
import type { Finding } from './finding';
import { applyEdits, selectCompatibleFixes } from './fix';
import type { Tree } from 'web-tree-sitter';
import type { GoParser } from './goParser';
import type { PackageIndexView } from './packageIndex';
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

/** A tree a caller keeps, with the WASM generation it belongs to. */
export interface KeptTree {
  tree: Tree;
  generation: number;
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
  lintFile(fileName: string, text: string, config?: GodebtConfig, packageIndex?: PackageIndexView): Pick<LintResult, 'findings' | 'failures'> & Partial<LintResult> {
    if (isGoMod(fileName)) {
      return this.engine.lintGoMod({ fileName, source: text, lines: TextDocument.create(fileName, 'go.mod', 0, text) }, config);
    }
    return this.lintText(fileName, text, config, packageIndex);
  }

  lintText(fileName: string, text: string, config?: GodebtConfig, packageIndex?: PackageIndexView): LintResult {
    return this.guarded(() => {
      const tree = this.runtime.parser.parse(text);
      try {
        return this.lintTree(fileName, text, tree, config, packageIndex);
      } finally {
        // A tree of a poisoned module is dropped, not freed.
        if (!this.runtime.parser.faulted) tree.delete();
      }
    });
  }

  /** Parses text for a caller that keeps the tree a while: lint it with lintTree() while alive(), then free() it. */
  parse(text: string): KeptTree {
    return this.guarded(() => ({ tree: this.runtime.parser.parse(text), generation: this.runtime.generation }));
  }

  /** Whether a kept tree belongs to the live WASM module; after a fault it must be dropped, not used or freed. */
  alive(kept: KeptTree): boolean {
    return kept.generation === this.runtime.generation && this.runtime.usable;
  }

  free(kept: KeptTree): void {
    if (this.alive(kept)) kept.tree.delete();
  }

  /** Lints a tree of this runtime's generation (see parse()); the caller keeps it. */
  lintTree(fileName: string, text: string, tree: Tree, config?: GodebtConfig, packageIndex?: PackageIndexView): LintResult {
    try {
      const lines = TextDocument.create(fileName, 'go', 0, text);
      return this.runtime.engine.lint({ fileName, source: text, tree, lines, packageIndex }, config);
    } catch (err) {
      if (isWasmFault(err)) this.runtime.parser.faulted = true;
      throw err;
    }
  }

  /** Runs body (a parse, or a parse and lint) after catching up with a replaced module; a fault starts the recycle. */
  private guarded<T>(body: () => T): T {
    this.runtime.catchUp();
    try {
      return body();
    } catch (err) {
      // Start replacing the poisoned module now (this drops every old tree at once);
      // callers await recover() before the next file.
      if (this.runtime.isFault(err)) void this.runtime.recycle().catch(() => undefined);
      throw err;
    }
  }

  /** Applies every available fix, re-linting between passes so fixes compose. */
  fixText(fileName: string, text: string, config?: GodebtConfig, only?: (f: Finding) => boolean, packageIndex?: PackageIndexView): FixResult {
    let output = text;
    let applied = 0;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const { findings } = this.lintText(fileName, output, config, packageIndex);
      const fixes = selectCompatibleFixes(findings.filter((f) => f.fix && (!only || only(f))).map((f) => f.fix!));
      if (fixes.length === 0) break;
      output = applyEdits(output, fixes.flatMap((f) => f.edits));
      applied += fixes.length;
    }
    const remaining = this.lintText(fileName, output, config, packageIndex).findings;
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
