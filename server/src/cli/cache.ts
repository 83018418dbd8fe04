// A cache of lint results, shared by the CLI and the language server's workspace scan.
// An entry is found by the file's relative path and the sha256 of its bytes; the whole
// cache is valid for one rule configuration only (hash of the effective config, the
// godebt version, the rule ids and the limits), so any of those changing starts afresh.
// An entry also holds the file's summary and the package index key its findings were
// computed with: cli/lintPlan.ts lints a file again when another file changed that key.
// A re-opened workspace reads this one file and hashes its sources: no parsing.
// The file is versioned; a missing, corrupt or foreign cache is ignored, never fatal.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FileResult } from './lintOne';

/** Bumped whenever the shape of an entry or of FileResult changes (2: summary and indexKey). */
export const CACHE_FORMAT = 2;
const CACHE_FILE = 'results.json';

export interface CacheKeyInput {
  /** The effective configuration, as given to the linter. */
  config: unknown;
  version: string;
  ruleIds: readonly string[];
  /** Anything else that changes results (limits, fix details). */
  extra?: unknown;
}

/** One hash for everything that decides results besides the file itself. */
export function cacheKey(input: CacheKeyInput): string {
  return sha256(JSON.stringify([CACHE_FORMAT, stableJson(input.config), input.version, [...input.ruleIds].sort(), stableJson(input.extra ?? null)]));
}

/** The default cache folder for a root (workspace or CLI folder): under the OS temp folder. */
export function defaultCacheDir(root: string): string {
  return path.join(os.tmpdir(), 'godebt-cache', sha256(path.resolve(root)).slice(0, 16));
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

type CachedResult = Omit<FileResult, 'file'>;

interface Entry {
  hash: string;
  result: CachedResult;
}

interface CacheFile {
  format: number;
  key: string;
  entries: Record<string, Entry>;
}

export class ResultCache {
  private dirty = false;

  private constructor(readonly folder: string, private readonly key: string, private readonly entries: Map<string, Entry>) {}

  /** The cache in folder for key: empty when absent, unreadable, corrupt, or for another key. */
  static load(folder: string, key: string): ResultCache {
    const entries = new Map<string, Entry>();
    try {
      const data = JSON.parse(fs.readFileSync(path.join(folder, CACHE_FILE), 'utf8')) as Partial<CacheFile> | null;
      if (data && data.format === CACHE_FORMAT && data.key === key && data.entries && typeof data.entries === 'object') {
        for (const [file, entry] of Object.entries(data.entries)) {
          if (isEntry(entry)) entries.set(file, entry);
        }
      }
    } catch {
      // No cache yet, or one we cannot read: lint everything.
    }
    return new ResultCache(folder, key, entries);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached result for the file (relative path) with these bytes' hash. */
  get(file: string, hash: string): CachedResult | undefined {
    const entry = this.entries.get(file);
    return entry?.hash === hash ? entry.result : undefined;
  }

  set(file: string, hash: string, result: FileResult): void {
    // A result that says the file could not be read or linted is not worth keeping.
    if (!result.linted || result.notices.some((n) => n.level === 'error')) {
      this.delete(file);
      return;
    }
    const stored: Partial<FileResult> = { ...result };
    delete stored.file;
    this.entries.set(file, { hash, result: stored as CachedResult });
    this.dirty = true;
  }

  delete(file: string): void {
    if (this.entries.delete(file)) this.dirty = true;
  }

  /** Writes the cache if it changed (atomically: a reader never sees half a file). Never throws. */
  save(): void {
    if (!this.dirty) return;
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      const data: CacheFile = { format: CACHE_FORMAT, key: this.key, entries: Object.fromEntries(this.entries) };
      const target = path.join(this.folder, CACHE_FILE);
      const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify(data));
      fs.renameSync(temporary, target);
      this.dirty = false;
    } catch {
      // A read-only or full disk costs speed next time, nothing else.
    }
  }
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null;
  return !!entry && typeof entry.hash === 'string' && !!entry.result && Array.isArray(entry.result.findings) &&
    Array.isArray(entry.result.notices) && typeof entry.result.linesOfCode === 'number';
}

/** JSON with object keys sorted, so equal configurations hash alike. */
function stableJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stableJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, stableJson((value as Record<string, unknown>)[k])]));
  }
  return value;
}
