// Lints the files of one package (one folder) together, on a worker or in this thread.
// Each file is parsed once: the first pass summarizes every file (engine/packageIndex.ts)
// and keeps its tree, the second lints each tree with the index of its package, so a
// file knows the functions and deprecations of its package's other files without a
// second parse. What the package cannot see by itself, the deprecations of the other
// packages of the run, comes with the job's context.
import type { ImportPathResolver } from '../engine/importPaths';
import { GodebtConfig, nothingToCheck } from '../engine/config';
import { collectFileFacts } from '../engine/fileFacts';
import { isGoMod, KeptTree, Linter } from '../engine/linter';
import { FileSummary, PackageIndex, summarizeFile } from '../engine/packageIndex';
import type { Rule } from '../engine/rule';
import { ALL_RULES } from '../rules/index';
import { CLI_PARSE_TIMEOUT_MS, FileResult, FileTask, LintSettings, lintSource, readSource, Source } from './lintOne';
import type { LintBackend } from './pool';

export interface SummaryEntry {
  file: string;
  summary: FileSummary;
}

/** The files of one folder to lint, and the summaries of its files that are not linted now. */
export interface PackageJob {
  tasks: FileTask[];
  others: SummaryEntry[];
}

/** What all jobs of a run share: the summaries that declare deprecations, and their folders' import paths. */
export interface LintContext {
  deprecations: SummaryEntry[];
  importPaths: Record<string, string>;
}

/**
 * Trees are kept for the second pass up to this much source text (UTF-16 units) per
 * package; a tree takes about 30 times its text in WebAssembly memory, which never
 * shrinks, so this bounds a worker's memory at ~120 MB. Files past it are parsed again.
 * The largest package of the Go standard library (runtime, tests included) is 3.3 MB.
 */
const KEPT_SOURCE_BUDGET = 4 * 1024 * 1024;

/** The summary of one file (for the deprecations pre-pass); undefined when it is not a Go file that parses. */
export async function summarizeOne(linter: Linter, file: string, settings: LintSettings): Promise<FileSummary | undefined> {
  const { text } = readSource({ file, config: 0 }, settings);
  if (text === undefined || isGoMod(file)) return undefined;
  if (!linter.usable) await linter.recover();
  try {
    const kept = linter.parse(text);
    try {
      return summarizeFile(collectFileFacts(file, kept.tree, text));
    } finally {
      linter.free(kept);
    }
  } catch {
    return undefined; // the lint of the file reports why it cannot be parsed
  }
}

/**
 * Whether a package job parses (and summarizes) a file. Not when no rule looks at it
 * (engine/config.ts, nothingToCheck): lintSource finds nothing to check either, and only
 * files like it (test files) would read its summary. But a file that says "Deprecated:"
 * is: the pre-pass put its summary in the run's index, and a warm run must find the
 * same index (cli/lintPlan.ts).
 */
export function parsedInJob(rules: readonly Rule[], file: string, text: string, config: GodebtConfig): boolean {
  return text.includes('Deprecated:') || !nothingToCheck(rules, file, text, config);
}

export async function lintPackage(linter: Linter, job: PackageJob, settings: LintSettings, context: LintContext): Promise<FileResult[]> {
  const index = contextIndex(context);
  for (const { file, summary } of job.others) index.set(file, summary);
  const files: { task: FileTask; source: Source; tree?: KeptTree; failure?: unknown; summary?: FileSummary; nothingToCheck?: boolean }[] =
    job.tasks.map((task) => ({ task, source: readSource(task, settings) }));
  try {
    let keptSource = 0;
    for (const f of files) {
      const text = f.source.text;
      if (text === undefined || isGoMod(f.task.file)) continue;
      if (!parsedInJob(linter.engine.rules, f.task.file, text, settings.configs[f.task.config])) {
        f.nothingToCheck = true;
        continue;
      }
      if (!linter.usable) await linter.recover();
      try {
        const kept = linter.parse(text);
        f.summary = summarizeFile(collectFileFacts(f.task.file, kept.tree, text));
        index.set(f.task.file, f.summary);
        if (keptSource + text.length <= KEPT_SOURCE_BUDGET) {
          f.tree = kept;
          keptSource += text.length;
        } else {
          linter.free(kept);
        }
      } catch (err) {
        f.failure = err; // reported by the lint, without parsing again
      }
    }
    const results: FileResult[] = [];
    for (const f of files) {
      if (!linter.usable) await linter.recover();
      const view = f.summary ? index.view(f.task.file) : undefined;
      const tree = f.tree && linter.alive(f.tree) ? f.tree.tree : undefined;
      const result = lintSource(linter, f.task, settings, f.source, { tree, failure: f.failure, packageIndex: view, nothingToCheck: f.nothingToCheck });
      if (f.tree) linter.free(f.tree);
      f.tree = undefined;
      if (f.summary) {
        result.summary = f.summary;
        result.indexKey = view!.key;
      }
      results.push(result);
    }
    return results;
  } finally {
    for (const f of files) if (f.tree) linter.free(f.tree);
  }
}

/**
 * The index of a run's deprecations, built once per context and copied for each job: a
 * worker lints hundreds of packages with one context, and setting every summary of it
 * again for each (digests and a copy each) took 0.37 s of the standard library's scan.
 */
const contextIndexes = new WeakMap<LintContext, PackageIndex>();

function contextIndex(context: LintContext): PackageIndex {
  let base = contextIndexes.get(context);
  if (!base) {
    base = new PackageIndex(importPathsOf(context));
    for (const { file, summary } of context.deprecations) base.set(file, summary);
    contextIndexes.set(context, base);
  }
  return base.clone();
}

function importPathsOf(context: LintContext): ImportPathResolver {
  return (dir) => context.importPaths[dir];
}

/** Runs the jobs in this thread, one after the other (small runs: starting workers costs more). */
export class InThreadBackend implements LintBackend {
  private linter: Promise<Linter> | undefined;

  constructor(private readonly settings: LintSettings) {}

  async summarize(files: readonly string[], cancelled?: () => boolean): Promise<(FileSummary | undefined)[]> {
    const summaries: (FileSummary | undefined)[] = [];
    for (const file of files) summaries.push(cancelled?.() ? undefined : await summarizeOne(await this.ready(), file, this.settings));
    return summaries;
  }

  async lint(jobs: readonly PackageJob[], context: LintContext, onResult?: (result: FileResult) => void, cancelled?: () => boolean): Promise<(FileResult[] | undefined)[]> {
    const replies: (FileResult[] | undefined)[] = [];
    for (const job of jobs) {
      if (cancelled?.()) {
        replies.push(undefined);
        continue;
      }
      const results = await lintPackage(await this.ready(), job, this.settings, context);
      results.forEach((result) => onResult?.(result));
      replies.push(results);
    }
    return replies;
  }

  async dispose(): Promise<void> {
    (await this.linter)?.dispose();
  }

  private ready(): Promise<Linter> {
    this.linter ??= Linter.create(ALL_RULES, CLI_PARSE_TIMEOUT_MS);
    return this.linter;
  }
}
