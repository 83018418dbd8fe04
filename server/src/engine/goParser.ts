// Loads web-tree-sitter and the tree-sitter-go grammar once, and parses Go text.
//
// The runtime and the grammar are pinned together in package.json: a grammar built
// for an ABI the runtime does not know fails with an empty error, so load() checks
// the ABI itself and says what is wrong.
import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser, Tree } from 'web-tree-sitter';

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

/** Finds a bundled wasm file: next to the bundle (dist/) or in node_modules (tests). */
function locate(fileName: string, packageSpecifier: string): string {
  const candidates = [path.join(__dirname, fileName), path.join(__dirname, 'wasm', fileName)];
  for (const candidate of candidates) if (fs.existsSync(candidate)) return candidate;
  return require.resolve(packageSpecifier);
}

let loading: Promise<Language> | undefined;

/** Initialises the WASM runtime and loads the Go grammar (once per process). */
export function loadGoLanguage(): Promise<Language> {
  loading ??= (async () => {
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
    return language;
  })();
  return loading;
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

  constructor(private readonly language: Language, private readonly timeoutMs = DEFAULT_PARSE_TIMEOUT_MS) {
    this.parser = this.fresh();
  }

  static async create(timeoutMs?: number): Promise<GoParser> {
    return new GoParser(await loadGoLanguage(), timeoutMs);
  }

  /**
   * Parses text, reusing oldTree (already edit()ed) when given. Throws
   * ParseTimeoutError when the time budget runs out; the parser is reset so the
   * next call starts clean.
   */
  parse(text: string, oldTree?: Tree | null): Tree {
    const deadline = Date.now() + this.timeoutMs;
    let tree: Tree | null;
    try {
      tree = this.parser.parse(text, oldTree ?? null, {
        // Returning true cancels the parse; setTimeoutMicros is deprecated.
        progressCallback: (() => Date.now() > deadline) as unknown as () => void,
      });
    } catch (err) {
      // A WASM trap leaves this parser in an unknown state: start a new one.
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
    this.parser.delete();
  }

  private fresh(): Parser {
    const parser = new Parser();
    parser.setLanguage(this.language);
    return parser;
  }
}
export type { Language } from 'web-tree-sitter';
