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
import type { Tree } from 'web-tree-sitter';
import { moveFindings, OffsetEdit } from '../engine/carriedFindings';
import { GodebtConfig, nothingToCheck } from '../engine/config';
import { GoDocument } from '../engine/document';
import type { EditedRegion } from '../engine/editedRegion';
import { collectFileFacts } from '../engine/fileFacts';
import { compareFindings, Finding } from '../engine/finding';
import { IncrementalCache } from '../engine/incremental';
import { Language, ParserRestartingError, ParseTimeoutError } from '../engine/goParser';
import { importPathResolver } from '../engine/importPaths';
import { isGoMod } from '../engine/linter';
import { FileSummary, PackageIndex, PackageIndexView, summarizeFile } from '../engine/packageIndex';
import type { Rule } from '../engine/rule';
import type { LintResult } from '../engine/runner';
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
  /**
   * Set when only this stretch of the text was checked: the declaration being edited,
   * whose brackets do not balance (engine/editedRegion.ts), parsed with the header
   * [0, headerEnd) alone. The findings elsewhere are the previous lint's, moved
   * through the edits since.
   */
  isolated?: { start: number; end: number; headerEnd: number };
}

/**
 * The last lint's findings with the edits made since, and what they were computed
 * with. They are moved through the edits (engine/carriedFindings.ts) only when an
 * isolated lint needs them: most lints parse the whole document and never do.
 */
interface CarriedLint {
  findings: readonly Finding[];
  edits: OffsetEdit[];
  config: GodebtConfig;
  indexKey?: string;
}

/** Edits a carried lint keeps before it is dropped (a document edited for long without being linted). */
const MAX_CARRIED_EDITS = 1000;

type Logger = (message: string) => void;

interface OpenDocument {
  doc: GoDocument;
  lint?: DocumentLint;
  /** Results of unchanged declarations, reused by the next lint (engine/incremental.ts); empty unless the document is recent. */
  cache: IncrementalCache;
  /** Once edited: the last lint's findings, kept for the rest of the file while an unbalanced declaration is checked alone. */
  carried?: CarriedLint;
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
    const edits = entry.doc.update(changes, version);
    // What is shown moves with the text (a lint that skipped the file showed nothing to keep).
    const { lint, carried } = entry;
    if (lint) entry.carried = lint.notice ? undefined : { findings: lint.findings, edits, config: lint.config, indexKey: lint.indexKey };
    else if (carried) {
      carried.edits.push(...edits);
      if (carried.edits.length > MAX_CARRIED_EDITS) entry.carried = undefined;
    }
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
    const result = this.compute(doc, config, recent ? entry : undefined);
    if (!recent) doc.releaseTree();
    // While the parser restarts, results are not kept: they are recomputed after it.
    if (this.runtime.usable) {
      entry.lint = result;
      entry.carried = undefined; // the next change carries this lint; holding the last one too raised the soak's peak
    }
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
      if (entry) entry.carried = undefined; // without a tree, its next lint parses the whole text
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

  /** Lints doc; with its entry (a recent document), reusing the cache and, while a declaration does not balance, the carried findings. */
  private compute(doc: GoDocument, config: GodebtConfig, recent: OpenDocument | undefined): DocumentLint {
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
      const carried = recent?.carried;
      const isolated = carried?.config === config ? doc.isolatedTree(parser) : null;
      if (isolated && carried) {
        // Asked only here: most keystrokes leave the region balanced, and the whole lint asks below.
        const packageIndex = file ? this.index.view(file) : undefined;
        if (carried.indexKey === packageIndex?.key) return this.lintIsolated(doc, config, isolated, carried, packageIndex);
        isolated.tree.delete(); // the index changed since: lint the whole text with it
      }
      const tree = doc.syntaxTree(parser);
      if (file) this.updateIndex(file, summarizeFile(collectFileFacts(fileName, tree, text)));
      const packageIndex = file ? this.index.view(file) : undefined;
      const result = engine.lint({ fileName, source: text, tree, lines: doc.lines, packageIndex }, config, recent?.cache);
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
   * The findings of a document whose edited declaration does not balance: that region
   * checked alone (with the header: rules need the imports), the carried findings
   * elsewhere. A finding belongs to the region when it starts in it; its fix is kept
   * only if it stays in the region (one that edits the imports may depend on the other
   * declarations, which this lint does not see). The package index is left as it was:
   * the region's declarations are half-typed.
   */
  private lintIsolated(doc: GoDocument, config: GodebtConfig, { tree, region, source }: { tree: Tree; region: EditedRegion; source: string },
    carried: CarriedLint, packageIndex: PackageIndexView | undefined): DocumentLint {
    const { engine, parser } = this.runtime;
    let result: LintResult;
    try {
      result = engine.lint({ fileName: fileNameOf(doc.uri), source, tree, lines: doc.lines, packageIndex }, config);
    } catch (err) {
      if (this.runtime.isFault(err)) parser.faulted = true;
      throw err;
    } finally {
      if (!parser.faulted) tree.delete(); // a tree of a poisoned module is dropped, not freed
    }
    this.reportFailures(result.failures);
    const { start, end, headerEnd } = region;
    const findings: Finding[] = [];
    for (const f of result.findings) {
      if (f.span.start < start || f.span.start >= end || f.span.end > end) continue;
      findings.push(f.fix?.edits.every((e) => e.start >= start && e.end <= end) === false ? { ...f, fix: undefined } : f);
    }
    for (const f of moveFindings(carried.findings, carried.edits)) {
      const outside = f.span.start < start ? f.span.end <= start || f.span.end >= end : f.span.start >= end;
      if (outside) findings.push({ ...f, range: { start: doc.lines.positionAt(f.span.start), end: doc.lines.positionAt(f.span.end) } });
    }
    return {
      version: doc.version, config, findings: findings.sort(compareFindings), packageStart: result.facts.packageClause?.startIndex,
      indexKey: packageIndex?.key, indexVersion: this.index.version, isolated: { start, end, headerEnd },
    };
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
