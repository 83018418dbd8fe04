// The workspace scan: every .go and go.mod file of the workspace folders, not only the
// open ones, linted on worker threads (cli/pool.ts) so the main thread stays free for
// the document being edited: it only hashes files and merges results. Results come
// from the cache (cli/cache.ts) when a file is unchanged, so a re-opened workspace is
// ready after hashing its files. Files are found as the CLI finds them (cli/files.ts:
// no vendor/, testdata/, node_modules/, or . and _ folders; generated files yield no
// findings), and watched-file events update only what changed, in batches: the changed
// files, and the files whose package index key they changed (cli/lintPlan.ts). Each
// file's summary (engine/packageIndex.ts) is passed on, for the open documents' index.
import * as os from 'os';
import * as path from 'path';
import * as fs from 'fs';
import type { ScanStatus } from '../../../protocol';
import type { GodebtConfig } from '../engine/config';
import { cacheKey, defaultCacheDir, ResultCache, sha256 } from '../cli/cache';
import { collectInputs, isLintable, skipsFile, skipsFolder } from '../cli/files';
import type { FileResult, FileTask, LintSettings } from '../cli/lintOne';
import { KnownFile, lintPlan, PlanInput } from '../cli/lintPlan';
import { LintPool } from '../cli/pool';
import { importPathResolver } from '../engine/importPaths';
import { isGoMod } from '../engine/linter';
import { FileSummary, PackageIndex } from '../engine/packageIndex';
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
  /** Called with each file's summary as it is linted or read from the cache, and undefined when it is gone. */
  onSummary?: (file: string, summary: FileSummary | undefined) => void;
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
  /** The summaries of the scanned files, kept from one plan to the next (a save re-lints what it affects). */
  private readonly index = new PackageIndex(importPathResolver());

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
    const tasks = this.options.folders.flatMap((folder) => collectInputs([folder], folder).files.sort().map((file): FileTask => ({ file, config: 0, root: folder })));
    const found = new Set(tasks.map((t) => t.file));
    for (const file of [...this.files.keys()]) if (!found.has(file)) this.forget(file);
    Object.assign(this.status, { state: 'scanning', files: tasks.length, done: 0, cached: 0 });
    progress?.report(0, tasks.length);
    const done = (count: number) => {
      this.status.done += count;
      progress?.report(this.status.done, tasks.length);
    };
    await this.lint({ tasks, cancelled }, (count) => {
      this.status.cached += count;
      done(count);
    }, () => done(1));
    if (!cancelled()) this.status.finishedAt = Date.now();
  }

  /**
   * Lints tasks, one plan over every folder (so each sees the others' deprecations),
   * through the folders' caches; known files are linted again when their key changed.
   */
  private async lint(
    plan: Pick<PlanInput, 'tasks' | 'known' | 'removed' | 'recheckAll' | 'cancelled'>, onCached?: (count: number) => void, onResult?: () => void,
  ): Promise<void> {
    const pool = this.lintPool();
    try {
      const { results, relinted } = await lintPlan({
        ...plan, backend: pool, index: this.index, onCached,
        cache: (task) => ({ cache: this.cacheFor(task.root!), name: toSlashes(path.relative(task.root!, task.file)) }),
        onResult: (result) => {
          this.store(result);
          onResult?.();
        },
      });
      for (const result of [...results, ...relinted]) if (result) this.store(result);
    } finally {
      this.scheduleIdle();
      for (const cache of this.caches.values()) cache.save();
    }
    this.options.onChange();
  }

  private store(result: FileResult): void {
    const folder = this.folderOf(result.file);
    if (!folder) return;
    this.files.set(result.file, { path: result.file, folder, relative: toSlashes(path.relative(folder, result.file)), result });
    this.index.set(result.file, result.summary);
    this.options.onSummary?.(result.file, result.summary);
  }

  private forget(file: string): void {
    const entry = this.files.get(file);
    if (!entry) return;
    this.files.delete(file);
    this.caches.get(entry.folder)?.delete(entry.relative);
    this.index.set(file, undefined);
    this.options.onSummary?.(file, undefined);
  }

  private async flush(): Promise<void> {
    this.batchTimer = undefined;
    const changes = [...this.pending];
    this.pending.clear();
    if (changes.length === 0 || this.disposed) return;
    const toLint = new Map<string, FileTask>();
    const removed: string[] = [];
    let recheckAll = false;
    for (const [file, change] of changes) {
      if (isGoMod(file)) {
        this.index.setResolver(importPathResolver()); // a module path may have changed
        recheckAll = true;
      }
      // A deleted folder comes as one event for the folder: drop everything under it.
      if (change === 'deleted' || !fs.existsSync(file)) {
        for (const known of [...this.files.keys()]) {
          if (known === file || known.startsWith(file + path.sep)) {
            this.forget(known);
            removed.push(known);
          }
        }
        continue;
      }
      const folder = this.folderOf(file);
      if (!folder || !isLintable(path.basename(file))) continue;
      toLint.set(file, { file, config: 0, root: folder });
    }
    if (removed.length === 0 && toLint.size === 0) return;
    const generation = this.generation;
    const known = [...this.files.values()].filter((f) => !toLint.has(f.path)).map((f): KnownFile => ({ task: { file: f.path, config: 0, root: f.folder }, result: f.result }));
    await this.lint({ tasks: [...toLint.values()], known, removed, recheckAll, cancelled: () => this.disposed || generation !== this.generation });
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

function toSlashes(file: string): string {
  return file.split(path.sep).join('/');
}
