// Loads web-tree-sitter and the tree-sitter-go grammar once, and parses Go text.
//
// The runtime and the grammar are pinned together in package.json: a grammar built
// for an ABI the runtime does not know fails with an empty error, so load() checks
// the ABI itself and says what is wrong.
import * as fs from 'fs';
import * as path from 'path';
import type { Language, Parser, Range, Tree } from 'web-tree-sitter';

type TreeSitter = typeof import('web-tree-sitter');

/**
 * The web-tree-sitter module in use. Its WASM instance is module state, created once
 * per copy of the module: after a WASM fault (abort, out of memory) the instance is
 * poisoned, and reloadGoLanguage() loads a fresh copy of the module (and so a fresh
 * instance). Objects of the old copy must then be dropped without delete().
 */
let binding: TreeSitter = loadBinding(false);
let generation = 0;

function loadBinding(fresh: boolean): TreeSitter {
  if (fresh) {
    // The bundle loads web-tree-sitter from dist/tree-sitter.cjs, the tests from
    // node_modules: drop either from the require cache so require() runs it anew.
    for (const key of Object.keys(require.cache)) {
      if (/[\\/]tree-sitter\.cjs$/.test(key)) delete require.cache[key];
    }
  }
  return require('web-tree-sitter') as TreeSitter;
}

/** The classes of the current web-tree-sitter copy (Query, Parser, Language). */
export function treeSitter(): TreeSitter {
  return binding;
}

/** Increases each time the WASM module is replaced; objects of older generations are dead. */
export function wasmGeneration(): number {
  return generation;
}

/** True for errors that leave the WASM module unusable (emscripten abort, traps, OOM). */
export function isWasmFault(err: unknown): boolean {
  if (err instanceof Error && err.constructor.name === 'RuntimeError') return true; // WebAssembly.RuntimeError
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  return /\bAborted\(|RuntimeError|out of memory|memory access out of bounds|unreachable/i.test(text);
}

/** Test hook: when set, GoParser.parse calls it first (to inject a WASM fault). */
export const faultInjection: { beforeParse?: (text: string) => void } = {};

/** Protocol tests: the first parse of a text containing this marker faults, as an abort would. */
const FAULT_MARKER = process.env.GODEBT_TEST_WASM_FAULT;
if (FAULT_MARKER) {
  faultInjection.beforeParse = (text) => {
    if (!text.includes(FAULT_MARKER)) return;
    faultInjection.beforeParse = undefined;
    const { RuntimeError } = (globalThis as unknown as { WebAssembly: { RuntimeError: new (m: string) => Error } }).WebAssembly;
    throw new RuntimeError('Aborted(injected by GODEBT_TEST_WASM_FAULT)');
  };
}

/** ABI range this web-tree-sitter build understands (LANGUAGE_VERSION / MIN_COMPATIBLE_LANGUAGE_VERSION). */
export const MIN_ABI = 13;
export const MAX_ABI = 15;

/** A parse that takes longer than this is abandoned (the progress callback cancels it). */
export const DEFAULT_PARSE_TIMEOUT_MS = 2000;

export class ParseTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`parsing took longer than ${ms} ms and was abandoned`);
  }
}

/** Thrown by a parser whose WASM module faulted or was replaced: its owner must recycle. */
export class ParserRestartingError extends Error {
  constructor() {
    super('the Go parser is restarting after a WebAssembly fault');
  }
}

/** Finds a bundled wasm file: next to the bundle (dist/) or in node_modules (tests). */
function locate(fileName: string, packageSpecifier: string): string {
  const candidates = [path.join(__dirname, fileName), path.join(__dirname, 'wasm', fileName)];
  for (const candidate of candidates) if (fs.existsSync(candidate)) return candidate;
  return require.resolve(packageSpecifier);
}

let loading: Promise<Language> | undefined;
let loaded: { generation: number; language: Language } | undefined;

/** The Go language of the current WASM generation, if it has finished loading. */
export function loadedGoLanguage(): Language | undefined {
  return loaded?.generation === generation ? loaded.language : undefined;
}

/** Initialises the WASM runtime and loads the Go grammar (once per process, or per reload). */
export function loadGoLanguage(): Promise<Language> {
  loading ??= (async () => {
    const { Parser, Language } = binding;
    const runtimeWasm = locate('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtimeWasm });
    const grammarWasm = locate('tree-sitter-go.wasm', 'tree-sitter-go/tree-sitter-go.wasm');
    let language: Language;
    try {
      language = await Language.load(fs.readFileSync(grammarWasm));
    } catch (err) {
      throw new Error(`cannot load the Go grammar from ${grammarWasm}: ${describe(err)} ` +
        `(web-tree-sitter accepts grammar ABI ${MIN_ABI}..${MAX_ABI}; are web-tree-sitter and tree-sitter-go pinned together?)`);
    }
    checkAbi(language.abiVersion, grammarWasm);
    loaded = { generation: wasmGeneration(), language };
    return language;
  })();
  return loading;
}

/**
 * Replaces the WASM module after a fault: a fresh copy of web-tree-sitter, a fresh
 * instance, the grammar loaded again. Every Parser, Tree, Query and Language made
 * before belongs to the old instance and must be dropped without delete().
 */
export function reloadGoLanguage(): Promise<Language> {
  binding = loadBinding(true);
  generation++;
  loading = undefined;
  return loadGoLanguage();
}

export function checkAbi(abi: number, where: string): void {
  if (abi < MIN_ABI || abi > MAX_ABI) {
    throw new Error(`the Go grammar at ${where} has ABI ${abi}, but web-tree-sitter accepts ${MIN_ABI}..${MAX_ABI}`);
  }
}

function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.trim() === '' ? '(the runtime gave no message)' : text;
}

/**
 * A Go parser. Each instance owns one tree-sitter Parser; callers own the trees it
 * returns and must delete() them.
 */
export class GoParser {
  private parser: Parser;
  /** The WASM generation this parser belongs to. */
  readonly generation = generation;
  /** Set once a WASM fault was seen: the module is poisoned, the parser must not be used. */
  faulted = false;

  constructor(private readonly language: Language, private readonly timeoutMs = DEFAULT_PARSE_TIMEOUT_MS) {
    this.parser = this.fresh();
  }

  static async create(timeoutMs?: number): Promise<GoParser> {
    return new GoParser(await loadGoLanguage(), timeoutMs);
  }

  /**
   * Parses text, reusing oldTree (already edit()ed) when given, or only the
   * includedRanges of it (in order; nodes keep their places in text). Throws
   * ParseTimeoutError when the time budget runs out; the parser is reset so the
   * next call starts clean.
   */
  parse(text: string, oldTree?: Tree | null, includedRanges?: Range[]): Tree {
    if (this.faulted || this.generation !== generation) {
      throw new ParserRestartingError();
    }
    const deadline = Date.now() + this.timeoutMs;
    let tree: Tree | null;
    try {
      faultInjection.beforeParse?.(text);
      tree = this.parser.parse(text, oldTree ?? null, {
        includedRanges,
        // Returning true cancels the parse; setTimeoutMicros is deprecated.
        progressCallback: (() => Date.now() > deadline) as unknown as () => void,
      });
    } catch (err) {
      if (isWasmFault(err)) {
        // The whole WASM instance is poisoned: touch nothing of it again; the owner
        // (GoRuntime) replaces the module.
        this.faulted = true;
        throw err;
      }
      // Anything else leaves this parser in an unknown state: start a new one.
      this.recycle();
      throw err;
    }
    if (!tree) {
      this.parser.reset();
      throw new ParseTimeoutError(this.timeoutMs);
    }
    return tree;
  }

  /** Replaces the underlying parser, e.g. after a WASM fault. */
  recycle(): void {
    try {
      this.parser.delete();
    } catch {
      // The old parser may be unusable; nothing else to free.
    }
    this.parser = this.fresh();
  }

  delete(): void {
    // A parser of a replaced or poisoned module is dropped, not freed.
    if (this.faulted || this.generation !== generation) return;
    this.parser.delete();
  }

  private fresh(): Parser {
    const parser = new binding.Parser();
    parser.setLanguage(this.language);
    return parser;
  }
}
export type { Language } from 'web-tree-sitter';
