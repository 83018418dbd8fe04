// Lints open documents for the language server: one parse and one rule pass per
// document version, cached until the next edit or until the package index answers
// differently for the document. Nothing here throws at the protocol layer: a parse
// that fails or times out, an oversized file or a crashing rule each become a clear
// log line (once) and, where useful, a diagnostic.
//
// The package index (engine/packageIndex.ts) is built from what the server has seen:
// the summaries of the workspace scan's files, overridden by those of open documents
// (updated at each lint), since the editor's text wins over the file on disk.
import { fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GodebtConfig, nothingToCheck } from '../engine/config';
import { GoDocument } from '../engine/document';
import { collectFileFacts } from '../engine/fileFacts';
import type { Finding } from '../engine/finding';
import { IncrementalCache } from '../engine/incremental';
import { Language, ParserRestartingError, ParseTimeoutError } from '../engine/goParser';
import { importPathResolver } from '../engine/importPaths';
import { isGoMod } from '../engine/linter';
import { FileSummary, PackageIndex, summarizeFile } from '../engine/packageIndex';
import type { Rule } from '../engine/rule';
import { GoRuntime } from '../engine/runtime';
import { RecentDocuments } from './recentDocuments';

/**
 * Documents larger than this (UTF-16 units, ~bytes for Go) are not linted in the editor.
 * Measured (docs/performance.md): a full lint of real Go code takes ~0.6 s at 1 MB,
 * ~1 s at 2 MB and ~2.3 s at 4 MB; every hand-written file of the standard library is
 * under 400 KB, and all larger ones are generated.
 */
export const DEFAULT_MAX_DOCUMENT_SIZE = 2 * 1024 * 1024;

/**
 * How many of the documents edited (or opened) last keep their syntax tree and
 * incremental cache between lints (see RecentDocuments). The others are parsed and
 * linted whole when they are edited again: one slower keystroke, on a file the user
 * comes back to.
 */
export const DEFAULT_RECENT_DOCUMENTS = 10;

export interface DocumentLint {
  version: number;
  /** The configuration the findings were computed with. */
  config: GodebtConfig;
  findings: Finding[];
  /** Offset of the package clause (Go files), where file-wide directives go above. */
  packageStart?: number;
  /** A problem with the document as a whole (too large, unparseable in time). */
  notice?: string;
  /** The package index view's key the findings were computed with (Go files on disk only). */
  indexKey?: string;
  /** The index version at which indexKey was last found current. */
  indexVersion?: number;
}

type Logger = (message: string) => void;

interface OpenDocument {
  doc: GoDocument;
  lint?: DocumentLint;
  /** Results of unchanged declarations, reused by the next lint (engine/incremental.ts); empty unless the document is recent. */
  cache: IncrementalCache;
}

export class LintService {
  private readonly open = new Map<string, OpenDocument>();
  /** The open documents that keep their tree and cache; the capacity may be changed (tests). */
  readonly recent = new RecentDocuments(DEFAULT_RECENT_DOCUMENTS);
  private readonly reported = new Set<string>();
  /** Parser and rule engine; replaced as a whole after a WASM fault (see GoRuntime). */
  readonly runtime: GoRuntime;
  config: GodebtConfig = {};
  maxDocumentSize = DEFAULT_MAX_DOCUMENT_SIZE;
  /** Called when linting works again after a parser fault: results should be re-sent. */
  onRecovered?: () => void;
  readonly index = new PackageIndex(importPathResolver());
  /**
   * Called (once per burst) after the index changed: open documents whose answers it
   * changed (see stale()) should be linted again.
   */
  onIndexChanged?: () => void;
  /** The workspace scan's summaries, by file: what the index holds for files not open. */
  private readonly scanned = new Map<string, FileSummary>();
  /** Files of open documents (file: URIs), whose summaries come from the editor's text. */
  private readonly openFiles = new Set<string>();
  private indexTimer: NodeJS.Timeout | undefined;

  constructor(language: Language, rules: readonly Rule[], private readonly log: Logger) {
    this.runtime = new GoRuntime(language, rules);
  }

  get rules(): readonly Rule[] {
    return this.runtime.rules;
  }

  /** The URIs of the open documents. */
  openUris(): string[] {
    return [...this.open.keys()];
  }

  didOpen(uri: string, version: number, text: string): void {
    this.open.get(uri)?.doc.dispose();
    this.open.set(uri, { doc: GoDocument.create(uri, version, text), cache: new IncrementalCache() });
    this.edited(uri);
    const file = filePathOf(uri);
    if (file) this.openFiles.add(file);
  }

  didChange(uri: string, version: number, changes: Parameters<GoDocument['update']>[0]): void {
    const entry = this.open.get(uri);
    if (!entry) return;
    entry.doc.update(changes, version);
    entry.lint = undefined;
    this.edited(uri);
  }

  didClose(uri: string): void {
    this.open.get(uri)?.doc.dispose();
    this.open.delete(uri);
    this.recent.forget(uri);
    const file = filePathOf(uri);
    if (!file) return;
    this.openFiles.delete(file);
    this.updateIndex(file, this.scanned.get(file)); // back to the file on disk
  }

  /** A summary from the workspace scan (undefined: the file is gone); open documents keep their own. */
  setScanned(file: string, summary: FileSummary | undefined): void {
    if (summary) this.scanned.set(file, summary);
    else this.scanned.delete(file);
    if (!this.openFiles.has(file)) this.updateIndex(file, summary);
  }

  /** After a go.mod changed: import paths are read again. */
  goModChanged(): void {
    this.index.setResolver(importPathResolver());
    this.indexChanged();
  }

  /** Open documents whose findings were computed with index answers that have changed since. */
  stale(): string[] {
    return [...this.open].filter(([uri, entry]) => entry.lint && !this.indexCurrent(uri, entry.lint)).map(([uri]) => uri);
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  document(uri: string): TextDocument | undefined {
    return this.open.get(uri)?.doc.lines;
  }

  version(uri: string): number | undefined {
    return this.open.get(uri)?.doc.version;
  }

  /** How the document's last lint went: its segments and how many were reused (for the bench and tests). */
  incrementalStats(uri: string): { segments: number; reused: number } | undefined {
    return this.open.get(uri)?.cache.lastLint;
  }

  /** What the document holds between lints besides its text and findings: a syntax tree, cached segment results (for tests). */
  retained(uri: string): { tree: boolean; cachedResults: number } | undefined {
    const entry = this.open.get(uri);
    return entry && { tree: entry.doc.hasTree, cachedResults: entry.cache.size };
  }

  /** Forgets cached results (after a configuration change). */
  invalidate(): void {
    for (const entry of this.open.values()) entry.lint = undefined;
  }

  /** The findings of the document's current version under config (computed once per version and config). */
  lint(uri: string, config: GodebtConfig = this.config): DocumentLint | undefined {
    const entry = this.open.get(uri);
    if (!entry) return undefined;
    const { doc } = entry;
    if (entry.lint?.version === doc.version && entry.lint.config === config && this.indexCurrent(uri, entry.lint)) return entry.lint;
    // A document not edited lately (linted again for a new configuration or index) is
    // linted whole, and keeps neither its tree nor its results.
    const recent = this.recent.has(uri);
    const result = this.compute(doc, config, recent ? entry.cache : undefined);
    if (!recent) doc.releaseTree();
    // While the parser restarts, results are not kept: they are recomputed after it.
    if (this.runtime.usable) entry.lint = result;
    return result;
  }

  dispose(): void {
    clearTimeout(this.indexTimer);
    for (const entry of this.open.values()) entry.doc.dispose();
    this.open.clear();
    this.runtime.dispose();
  }

  /** Whether lint's index answers still hold: the index did not change, or its key for the document is the same. */
  private indexCurrent(uri: string, lint: DocumentLint): boolean {
    if (lint.indexKey === undefined || lint.indexVersion === this.index.version) return true;
    const file = filePathOf(uri);
    if (!file || this.index.view(file).key !== lint.indexKey) return false;
    lint.indexVersion = this.index.version;
    return true;
  }

  /** uri was opened or edited: it becomes recent, and the documents that stop being recent free their tree and cache. */
  private edited(uri: string): void {
    for (const idle of this.recent.touch(uri)) {
      const entry = this.open.get(idle);
      entry?.doc.releaseTree();
      entry?.cache.clear();
    }
  }

  private updateIndex(file: string, summary: FileSummary | undefined): void {
    if (this.index.set(file, summary)) this.indexChanged();
  }

  /** One notification per burst (a scan stores thousands of summaries). */
  private indexChanged(): void {
    if (this.indexTimer || !this.onIndexChanged) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = undefined;
      this.onIndexChanged?.();
    }, 0);
  }

  private compute(doc: GoDocument, config: GodebtConfig, cache: IncrementalCache | undefined): DocumentLint {
    const version = doc.version;
    const fileName = fileNameOf(doc.uri);
    const text = doc.text;
    if (text.length > this.maxDocumentSize) {
      return { version, config, findings: [], notice: `godebt skipped this file: ${megabytes(text.length)} is over the ${megabytes(this.maxDocumentSize)} limit for open files.` };
    }
    this.runtime.catchUp();
    const { engine, parser } = this.runtime;
    try {
      if (isGoMod(fileName)) {
        const result = engine.lintGoMod({ fileName, source: text, lines: doc.lines }, config);
        this.reportFailures(result.failures);
        return { version, config, findings: result.findings };
      }
      const file = filePathOf(doc.uri);
      if (nothingToCheck(this.runtime.rules, fileName, text, config)) {
        // No rule looks at this file (a test file without directives, by default), as
        // in the CLI: no parse, no tree kept, and no summary (only rules that look at
        // test files would read it).
        if (file) this.updateIndex(file, undefined);
        doc.releaseTree();
        return { version, config, findings: [] };
      }
      const tree = doc.syntaxTree(parser);
      if (file) this.updateIndex(file, summarizeFile(collectFileFacts(fileName, tree, text)));
      const packageIndex = file ? this.index.view(file) : undefined;
      const result = engine.lint({ fileName, source: text, tree, lines: doc.lines, packageIndex }, config, cache);
      this.reportFailures(result.failures);
      return {
        version, config, findings: result.findings, packageStart: result.facts.packageClause?.startIndex,
        indexKey: packageIndex?.key, indexVersion: this.index.version,
      };
    } catch (err) {
      if (err instanceof ParseTimeoutError) {
        return { version, config, findings: [], notice: `godebt skipped this file: ${err.message}.` };
      }
      if (err instanceof ParserRestartingError || this.runtime.isFault(err)) {
        this.restart(err);
        return { version, config, findings: [] };
      }
      this.once(`lint:${describe(err)}`, `godebt could not lint ${doc.uri}: ${describe(err)}`);
      return { version, config, findings: [] };
    }
  }

  /**
   * Replaces the poisoned WASM module (recycle() drops every old tree at once, as its
   * generation ends), then forgets all results and says so (onRecovered).
   */
  private restart(err: unknown): void {
    if (err instanceof ParserRestartingError) return; // a restart is under way
    this.log(`godebt's Go parser failed (${describe(err)}); restarting it.`);
    this.runtime.recycle().then(() => {
      this.log('godebt restarted its Go parser; linting continues.');
      this.invalidate();
      this.onRecovered?.();
    }, (reason: unknown) => this.log(`godebt could not restart its Go parser: ${describe(reason)}`));
  }

  private reportFailures(failures: { ruleId: string; error: unknown }[]): void {
    for (const { ruleId, error } of failures) {
      this.once(`rule:${ruleId}:${describe(error)}`, `rule ${ruleId} failed and was skipped: ${describe(error, true)}`);
    }
  }

  /** Logs a message the first time it occurs, so a failing rule does not flood the log. */
  private once(key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.log(message);
  }
}

/** The file of a file: URI (undefined for other schemes, e.g. untitled documents, which have no package). */
export function filePathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The path part of a document URI, enough for _test.go and go.mod decisions. */
export function fileNameOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

function megabytes(size: number): string {
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

function describe(err: unknown, withStack = false): string {
  if (err instanceof Error) return withStack && err.stack ? err.stack : err.message;
  return String(err);
}
