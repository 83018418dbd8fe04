// The parsing runtime of one linter (the language server's LintService, a CLI Linter):
// the Go language, a parser and the compiled rule engine, all of one WASM generation.
//
// A WASM fault (emscripten abort, out of memory, a trap) poisons the whole module. The
// runtime then recycles: a fresh copy of web-tree-sitter is loaded (a new generation),
// and a new language, parser and engine are built on it. The old objects are dropped
// without delete(): freeing them would call into the poisoned (or the new) module.
import { GoParser, isWasmFault, Language, loadedGoLanguage, loadGoLanguage, reloadGoLanguage, wasmGeneration } from './goParser';
import type { Rule } from './rule';
import { RuleEngine } from './runner';

export { isWasmFault } from './goParser';

export class GoRuntime {
  parser!: GoParser;
  engine!: RuleEngine;
  /** The WASM generation of parser and engine. */
  generation = -1;
  /** Number of times this runtime was rebuilt after a fault. */
  recycles = 0;
  private recycling: Promise<void> | undefined;

  constructor(private language: Language, readonly rules: readonly Rule[], private readonly parseTimeoutMs?: number) {
    this.build();
  }

  static async create(rules: readonly Rule[], parseTimeoutMs?: number): Promise<GoRuntime> {
    return new GoRuntime(await loadGoLanguage(), rules, parseTimeoutMs);
  }

  /** False after a fault, until recycle() is done: nothing may parse meanwhile. */
  get usable(): boolean {
    return !this.parser.faulted && this.generation === wasmGeneration() && this.recycling === undefined;
  }

  /** True when err is a WASM fault; the caller should then await recycle(). */
  isFault(err: unknown): boolean {
    return this.parser.faulted || isWasmFault(err);
  }

  /**
   * Replaces the WASM module (unless another runtime already did since this one was
   * built) and rebuilds parser and engine on it. Concurrent calls share one recycle.
   */
  recycle(): Promise<void> {
    this.recycling ??= (async () => {
      try {
        this.language = this.generation === wasmGeneration() ? await reloadGoLanguage() : await loadGoLanguage();
        this.build();
        this.recycles++;
      } finally {
        this.recycling = undefined;
      }
    })();
    return this.recycling;
  }

  /**
   * When another runtime in this thread replaced the WASM module (and the new one is
   * loaded), rebuilds parser and engine on it at once; true when usable afterwards.
   */
  catchUp(): boolean {
    if (this.generation !== wasmGeneration() && this.recycling === undefined && !this.parser.faulted) {
      const language = loadedGoLanguage();
      if (language) {
        this.language = language;
        this.build();
      }
    }
    return this.usable;
  }

  dispose(): void {
    if (this.generation !== wasmGeneration() || this.parser.faulted) return; // dropped, not freed
    this.engine.dispose();
    this.parser.delete();
  }

  private build(): void {
    const parser = new GoParser(this.language, this.parseTimeoutMs);
    this.parser = parser;
    this.engine = new RuleEngine(this.language, this.rules, (source) => parsesCleanly(parser, source));
    this.generation = wasmGeneration();
  }
}

/** True when source parses without ERROR or MISSING nodes (RuleContext.isValidGo). */
function parsesCleanly(parser: GoParser, source: string): boolean {
  const tree = parser.parse(source);
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}
