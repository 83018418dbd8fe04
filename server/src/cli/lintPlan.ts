// What a run lints, in which order, and with what knowledge of the other files: shared
// by the CLI and the language server's workspace scan.
//
// 1. Every file is read once here: its hash (for the result cache), its size (for
//    ordering) and whether its text says "Deprecated:". A cached result counts only
//    while the file's bytes and its package index key (engine/packageIndex.ts) are
//    unchanged; the key is checked once every summary is known (step 4).
// 2. Files that say "Deprecated:" and have no cached summary are summarized first (a
//    parse each; 65 of the 4,093 files of the Go standard library), as soon as step 1
//    has read them, so that every package job knows the deprecations of every package
//    of the run.
// 3. The other files are linted by package: the files of one folder go to one job
//    (cli/lintPackage.ts), which parses each once and knows the package's other files
//    from their fresh or cached summaries. Largest packages first, so that two workers
//    finish together.
// 4. Cached files whose key changed (another file of their package changed its
//    signatures or deprecations, or a package they import changed its deprecations) are
//    linted again, by package.
import * as path from 'path';
import { isGoMod } from '../engine/linter';
import type { FileSummary, PackageIndex } from '../engine/packageIndex';
import { ResultCache, sha256 } from './cache';
import { readFileBytes } from './fileBytes';
import type { FileResult, FileTask } from './lintOne';
import type { LintContext, PackageJob, SummaryEntry } from './lintPackage';
import type { LintBackend } from './pool';

/** The longest the files are read without letting other work run (a language server's requests). */
const READ_SLICE_MS = 10;
const DEPRECATED = Buffer.from('Deprecated:');

/** A file whose result is known and whose bytes have not changed since. */
export interface KnownFile {
  task: FileTask;
  result: FileResult;
}

export interface PlanInput {
  /** The files to lint (read here: their bytes may have changed). */
  tasks: readonly FileTask[];
  /**
   * Other files of the run with their results, whose summaries the index holds: linted
   * again when their key changed. Only those that can be affected are checked: in a
   * folder of a file linted now or removed, or importing such a folder's package.
   */
  known?: readonly KnownFile[];
  /** Files gone since the known results were computed (already out of the index). */
  removed?: readonly string[];
  /** Check every known file (import paths changed: a go.mod did). */
  recheckAll?: boolean;
  /** The result cache of a task's file and the file's name in it; none: no caching. */
  cache?: (task: FileTask) => { cache: ResultCache; name: string } | undefined;
  backend: LintBackend;
  /** Updated with every summary the plan learns; a caller that keeps it passes it again next time. */
  index: PackageIndex;
  /**
   * The caller drops the index after the run (the CLI): then the summaries of the files
   * linted now are stored into it only if the plan reads it again, to check the keys of
   * files answered from the cache or known (2,635 summaries took 48 ms at the end of a
   * scan of the Go standard library).
   */
  dropsIndex?: boolean;
  /** Called with the number of tasks answered from the cache, then with each result linted for a task. */
  onCached?: (count: number) => void;
  onResult?: (result: FileResult) => void;
  cancelled?: () => boolean;
}

export interface PlanOutput {
  /** Per task, in order (undefined when cancelled). */
  results: (FileResult | undefined)[];
  /** Known files linted again, and tasks answered from the cache first and then linted again. */
  relinted: FileResult[];
}

interface Peek {
  task: FileTask;
  size: number;
  hash?: string;
  mentionsDeprecated: boolean;
}

export async function lintPlan(input: PlanInput): Promise<PlanOutput> {
  const { backend, cancelled } = input;
  const results: (FileResult | undefined)[] = new Array(input.tasks.length);
  const { index } = input;
  const fromCache = new Map<string, KnownFile & { position: number }>();
  const misses: number[] = [];
  // Step 2 starts while the files are read: a file that says "Deprecated:" goes to the
  // workers as soon as it is, and they summarize it while the others are read (the
  // workers are ready before the reading ends).
  const prepass: { position: number; summary: Promise<(FileSummary | undefined)[]> }[] = [];
  const peeks = await peekAll(input.tasks, input.cache !== undefined, (peek, i) => {
    const slot = peek.hash === undefined ? undefined : input.cache?.(peek.task);
    const cached = slot?.cache.get(slot.name, peek.hash!);
    if (!cached) {
      misses.push(i);
      if (peek.mentionsDeprecated && !isGoMod(peek.task.file)) {
        const summary = backend.summarize([peek.task.file], cancelled);
        summary.catch(() => undefined); // awaited below: a failure is thrown there, not left unhandled while reading
        prepass.push({ position: i, summary });
      }
      return;
    }
    results[i] = { ...cached, file: peek.task.file };
    fromCache.set(peek.task.file, { task: peek.task, result: results[i]!, position: i });
    index.set(peek.task.file, cached.summary);
  });
  input.onCached?.(fromCache.size);
  for (const { position, summary } of prepass) index.set(peeks[position].task.file, (await summary)[0]);

  const indexReadAgain = !input.dropsIndex || fromCache.size > 0 || (input.known?.length ?? 0) > 0;
  const store = (task: FileTask, hash: string | undefined, result: FileResult) => {
    if (indexReadAgain) index.set(task.file, result.summary);
    const slot = hash === undefined ? undefined : input.cache?.(task);
    slot?.cache.set(slot.name, hash!, result);
  };
  const firstRound = await lintByPackage(misses.map((i) => peeks[i]), index, input, input.onResult);
  misses.forEach((taskIndex, k) => {
    const result = firstRound[k];
    results[taskIndex] = result;
    if (result) store(peeks[taskIndex].task, peeks[taskIndex].hash, result);
  });

  // Every file answered from the cache is checked: a file it depends on may have been
  // removed since the cache was written, which this run cannot know.
  const affected = input.recheckAll ? undefined : affectedBy([...misses.map((i) => peeks[i].task.file), ...input.removed ?? []], index);
  const candidates = [...fromCache.values(), ...(input.known ?? []).filter((k) => !fromCache.has(k.task.file) && (!affected || affected(k)))];
  const stale = candidates.filter((k) => k.result.indexKey !== undefined && index.view(k.task.file).key !== k.result.indexKey);
  const relinted: FileResult[] = [];
  if (stale.length === 0 || cancelled?.()) return { results, relinted };
  // Known files that are not tasks were not read yet: their hash is needed for the cache.
  const stalePeeks = new Map(peeks.map((p) => [p.task.file, p]));
  for (const peek of await peekAll(stale.filter((k) => !stalePeeks.has(k.task.file)).map((k) => k.task), input.cache !== undefined)) stalePeeks.set(peek.task.file, peek);
  const secondRound = await lintByPackage(stale.map((k) => stalePeeks.get(k.task.file)!), index, input);
  stale.forEach((k, i) => {
    const result = secondRound[i];
    if (!result) return;
    const taskIndex = fromCache.get(k.task.file)?.position;
    if (taskIndex !== undefined) results[taskIndex] = result;
    store(k.task, stalePeeks.get(k.task.file)!.hash, result);
    relinted.push(result);
  });
  return { results, relinted };
}

/**
 * Lints files by folder, each folder one job with the summaries of its other files and
 * the deprecations of every package the index knows; results in the files' order.
 */
async function lintByPackage(files: readonly Peek[], index: PackageIndex, input: PlanInput, onResult?: (result: FileResult) => void): Promise<(FileResult | undefined)[]> {
  if (files.length === 0) return [];
  const byDir = new Map<string, { positions: number[]; size: number }>();
  files.forEach((peek, i) => {
    const dir = path.dirname(peek.task.file);
    const group = byDir.get(dir) ?? { positions: [], size: 0 };
    group.positions.push(i);
    group.size += peek.size;
    byDir.set(dir, group);
  });
  const linting = new Set(files.map((f) => f.task.file));
  const groups = [...byDir].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
  const jobs: PackageJob[] = groups.map(([dir, group]) => ({
    tasks: group.positions.map((i) => files[i].task),
    others: index.entries(dir).filter((e) => !linting.has(e.file)),
  }));
  const replies = await input.backend.lint(jobs, contextOf(index), onResult, input.cancelled);
  const results: (FileResult | undefined)[] = new Array(files.length);
  groups.forEach(([, group], g) => group.positions.forEach((position, k) => (results[position] = replies[g]?.[k])));
  return results;
}

/** Whether a known file's answers may depend on the files changed: same folder, or it imports their package. */
function affectedBy(changed: readonly string[], index: PackageIndex): (k: KnownFile) => boolean {
  const dirs = new Set(changed.map((file) => path.dirname(file)));
  const importPaths = new Set([...dirs].map((dir) => index.importPathOf(dir)).filter((p): p is string => p !== undefined));
  return (k) => dirs.has(path.dirname(k.task.file)) || (k.result.summary?.imports.some((p) => importPaths.has(p)) ?? false);
}

/** Every summary with deprecations, and the import paths of their folders. */
function contextOf(index: PackageIndex): LintContext {
  const deprecations: SummaryEntry[] = index.entries().filter((e) => e.summary.deprecated.length > 0);
  const importPaths: Record<string, string> = {};
  for (const { file } of deprecations) {
    const dir = path.dirname(file);
    const importPath = index.importPathOf(dir);
    if (importPath !== undefined) importPaths[dir] = importPath;
  }
  return { deprecations, importPaths };
}

/** Reads each task's file once: size, whether it says "Deprecated:", and (withHash) its hash; onPeek sees each as it is read. */
async function peekAll(tasks: readonly FileTask[], withHash: boolean, onPeek?: (peek: Peek, position: number) => void): Promise<Peek[]> {
  const peeks: Peek[] = [];
  let slice = performance.now();
  for (const task of tasks) {
    // Synchronous reads, in slices: 64 promise reads at a time took 3 to 4 times as
    // long (0.33 s for the 4,092 files of the Go standard library, on the CLI's path to
    // its first job), and a slice keeps the language server answering during a scan.
    if (performance.now() - slice > READ_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    let peek: Peek;
    try {
      const { bytes } = readFileBytes(task.file);
      peek = { task, size: bytes.length, hash: withHash ? sha256(bytes) : undefined, mentionsDeprecated: bytes.includes(DEPRECATED) };
    } catch {
      peek = { task, size: 0, mentionsDeprecated: false }; // unreadable: the lint says why
    }
    peeks.push(peek);
    onPeek?.(peek, peeks.length - 1);
  }
  return peeks;
}
