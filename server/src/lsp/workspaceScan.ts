// The workspace scan: every .go and go.mod file of the workspace folders, not only the
// open ones, linted on worker threads (cli/pool.ts) so the main thread stays free for
// the document being edited: it only hashes files and merges results. Results come
// from the cache (cli/cache.ts) when a file is unchanged, so a re-opened workspace is
// ready after hashing its files. Files are found as the CLI finds them (cli/files.ts:
// no vendor/, testdata/, node_modules/, or . and _ folders; generated files yield no
// findings), and watched-file events update only what changed, in batches.
import * as os from 'os';
import * as path from 'path';
import * as fs from 'fs';
import type { ScanStatus } from '../../../protocol';
import type { GodebtConfig } from '../engine/config';
import { cacheKey, defaultCacheDir, lintCached, ResultCache, sha256 } from '../cli/cache';
import { collectInputs, isLintable, skipsFile, skipsFolder } from '../cli/files';
import type { FileResult, LintSettings } from '../cli/lintOne';
import { LintPool } from '../cli/pool';
import { DEFAULT_MAX_DOCUMENT_SIZE } from './lintService';

/** Watched-file events are gathered this long, so a branch switch is one batch. */
const BATCH_DELAY_MS = 100;
/** Workers are stopped after this long without work (each holds a parser and the rules). */
const POOL_IDLE_MS = 30_000;

export interface ScannedFile {
  /** Absolute path. */
  path: string;
  /** The workspace folder holding it (absolute). */
  folder: string;
  /** Relative to its folder, forward slashes (what fingerprints name). */
  relative: string;
  result: FileResult;
}

export interface ScanProgress {
  report(done: number, total: number): void;
  readonly cancelled: boolean;
}

export interface WorkspaceScanOptions {
  folders: readonly string[];
  /** Where caches go (one sub-folder per workspace folder); default: the OS temp folder. */
  storagePath?: string;
  version: string;
  ruleIds: readonly string[];
  log: (message: string) => void;
  /** Called whenever results changed (the caller debounces). */
  onChange: () => void;
  workers?: number;
}

export type FileChange = 'changed' | 'deleted';

export class WorkspaceScan {
  readonly files = new Map<string, ScannedFile>();
  readonly status: ScanStatus = { state: 'idle', files: 0, done: 0, cached: 0, finishedAt: 0 };
  private config: GodebtConfig = {};
  private configJson = '{}';
  private key: string;
  private readonly caches = new Map<string, ResultCache>();
  private pool: LintPool | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  private running: Promise<void> | undefined;
  private readonly pending = new Map<string, FileChange>();
  private batchTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: WorkspaceScanOptions) {
    this.key = this.computeKey();
  }

  get folders(): readonly string[] {
    return this.options.folders;
  }

  /** Takes a new configuration; true when it differs (results are then stale: rescan). */
  setConfig(config: GodebtConfig): boolean {
    const json = JSON.stringify(config ?? {});
    if (json === this.configJson) return false;
    this.config = config ?? {};
    this.configJson = json;
    this.key = this.computeKey();
    this.caches.clear();
    const pool = this.pool;
    this.pool = undefined;
    void pool?.dispose();
    return true;
  }

  /** The cache folder of a workspace folder. */
  cacheDir(folder: string): string {
    return this.options.storagePath
      ? path.join(this.options.storagePath, 'godebt-cache', sha256(path.resolve(folder)).slice(0, 16))
      : defaultCacheDir(folder);
  }

  /** Scans every folder; a newer scan cancels this one. Resolves when it ended. */
  scan(progress?: ScanProgress): Promise<void> {
    const generation = ++this.generation;
    const run = this.runScan(generation, progress).catch((err: unknown) => {
      this.options.log(`godebt: the workspace scan failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }).finally(() => {
      if (generation === this.generation) this.status.state = 'idle';
      this.options.onChange();
    });
    this.running = run;
    return run;
  }

  /** The scan in progress, if any. */
  get current(): Promise<void> | undefined {
    return this.running;
  }

  /** Queues a watched-file event; events within BATCH_DELAY_MS are handled as one batch. */
  changed(file: string, change: FileChange): void {
    this.pending.set(path.resolve(file), change);
    clearTimeout(this.batchTimer);
    this.batchTimer = setTimeout(() => {
      this.flushing = this.flushing.then(() => this.flush()).catch((err: unknown) => {
        this.options.log(`godebt: could not update scan results: ${err instanceof Error ? err.message : String(err)}`);
      });
    }, BATCH_DELAY_MS);
  }

  /** Resolves once every queued change is handled (tests, and requests that want fresh data). */
  async settled(): Promise<void> {
    while (this.batchTimer && this.pending.size > 0) await new Promise((resolve) => setTimeout(resolve, BATCH_DELAY_MS));
    await this.flushing;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.generation++;
    clearTimeout(this.batchTimer);
    clearTimeout(this.idleTimer);
    for (const cache of this.caches.values()) cache.save();
    await this.pool?.dispose();
    this.pool = undefined;
  }

  /** The workspace folder holding file, if it is one the scan covers (not excluded). */
  folderOf(file: string): string | undefined {
    for (const folder of this.options.folders) {
      const relative = path.relative(folder, file);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const parts = relative.split(path.sep);
      if (parts.slice(0, -1).some(skipsFolder) || skipsFile(parts[parts.length - 1])) return undefined;
      return folder;
    }
    return undefined;
  }

  private async runScan(generation: number, progress?: ScanProgress): Promise<void> {
    const cancelled = () => this.disposed || generation !== this.generation || (progress?.cancelled ?? false);
    const byFolder = this.options.folders.map((folder) => ({ folder, files: collectInputs([folder], folder).files.sort() }));
    const total = byFolder.reduce((sum, f) => sum + f.files.length, 0);
    const found = new Set(byFolder.flatMap((f) => f.files));
    for (const file of [...this.files.keys()]) if (!found.has(file)) this.files.delete(file);
    Object.assign(this.status, { state: 'scanning', files: total, done: 0, cached: 0 });
    progress?.report(0, total);
    for (const { folder, files } of byFolder) {
      if (cancelled()) return;
      await this.lintFolder(folder, files, cancelled, () => {
        this.status.done++;
        progress?.report(this.status.done, total);
      });
      this.options.onChange();
    }
    if (!cancelled()) this.status.finishedAt = Date.now();
  }

  /** Lints files of one folder through its cache; results replace earlier ones. */
  private async lintFolder(folder: string, files: readonly string[], cancelled: () => boolean, onDone?: () => void): Promise<void> {
    const cache = this.cacheFor(folder);
    const relative = (file: string) => path.relative(folder, file).split(path.sep).join('/');
    const tasks = files.map((file) => ({ file, config: 0, root: folder }));
    const results = await lintCached(tasks, cache, relative, (misses) => {
      const hits = files.length - misses.length;
      this.status.cached += hits;
      for (let i = 0; i < hits; i++) onDone?.();
      if (misses.length === 0) return Promise.resolve([]);
      return this.lintPool().lint(misses, (result) => {
        this.store(folder, result);
        onDone?.();
      }, cancelled).finally(() => this.scheduleIdle());
    });
    results.forEach((result) => {
      if (result) this.store(folder, result);
    });
    cache.save();
  }

  private store(folder: string, result: FileResult): void {
    this.files.set(result.file, { path: result.file, folder, relative: path.relative(folder, result.file).split(path.sep).join('/'), result });
  }

  private async flush(): Promise<void> {
    this.batchTimer = undefined;
    const changes = [...this.pending];
    this.pending.clear();
    if (changes.length === 0 || this.disposed) return;
    const toLint = new Map<string, string[]>();
    let removed = false;
    for (const [file, change] of changes) {
      // A deleted folder comes as one event for the folder: drop everything under it.
      if (change === 'deleted' || !fs.existsSync(file)) {
        for (const known of [...this.files.keys()]) {
          if (known === file || known.startsWith(file + path.sep)) {
            const entry = this.files.get(known)!;
            this.files.delete(known);
            this.caches.get(entry.folder)?.delete(entry.relative);
            removed = true;
          }
        }
        continue;
      }
      const folder = this.folderOf(file);
      if (!folder || !isLintable(path.basename(file))) continue;
      toLint.set(folder, [...toLint.get(folder) ?? [], file]);
    }
    const generation = this.generation;
    for (const [folder, files] of toLint) {
      await this.lintFolder(folder, files, () => this.disposed || generation !== this.generation);
    }
    if (removed) for (const cache of this.caches.values()) cache.save();
    if (removed || toLint.size > 0) this.options.onChange();
  }

  private cacheFor(folder: string): ResultCache {
    let cache = this.caches.get(folder);
    if (!cache) {
      cache = ResultCache.load(this.cacheDir(folder), this.key);
      this.caches.set(folder, cache);
    }
    return cache;
  }

  private lintPool(): LintPool {
    clearTimeout(this.idleTimer);
    if (!this.pool) {
      const settings: LintSettings = { fix: false, maxFileSize: DEFAULT_MAX_DOCUMENT_SIZE, configs: [this.config] };
      this.pool = new LintPool(settings, this.options.workers ?? Math.max(1, os.availableParallelism()));
    }
    return this.pool;
  }

  private scheduleIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (!this.pool?.idle) return;
      const pool = this.pool;
      this.pool = undefined;
      void pool.dispose();
    }, POOL_IDLE_MS);
    this.idleTimer.unref();
  }

  private computeKey(): string {
    return cacheKey({ config: this.config, version: this.options.version, ruleIds: this.options.ruleIds, extra: ['workspace', DEFAULT_MAX_DOCUMENT_SIZE] });
  }
}
