// One CLI run: options -> files -> findings (in this thread or on workers) -> output
// and an exit code. Kept apart from main.ts so nothing runs on import.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BaselineError, compareWithBaseline, loadBaseline, serializeBaseline } from '../engine/baseline';
import type { GodebtConfig } from '../engine/config';
import { ConfigFile, findConfigFile, isExcluded, lineColumn, loadConfigFile } from '../engine/configFile';
import { findPackageRoot, guidanceUri, packageVersion } from '../engine/guidance';
import { importPathResolver } from '../engine/importPaths';
import { PackageIndex } from '../engine/packageIndex';
import { ALL_RULES } from '../rules/index';
import { cacheKey, defaultCacheDir, ResultCache } from './cache';
import { collectInputs, describeFsError, Notice } from './files';
import { renderMarkdown } from './markdown';
import type { FileResult, FileTask, LintSettings } from './lintOne';
import { InThreadBackend } from './lintPackage';
import { lintPlan } from './lintPlan';
import { CliOptions, parseCliArgs, UsageError, USAGE } from './options';
import { LintBackend, LintPool } from './pool';
import { buildReport, compare, displayPath, fails, renderJson, renderText, summarize } from './report';
import { renderSarif } from './sarif';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

/** A worker loads the grammar and compiles the rules' query: worth it only for this many files. */
const FILES_PER_WORKER = 20;

export interface Io {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`godebt: ${err.message}\nRun 'godebt --help' for usage.\n`);
    return EXIT_TROUBLE;
  }
  const packageRoot = findPackageRoot(__dirname) ?? path.resolve(__dirname, '..');
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(`${packageVersion(packageRoot)}\n`);
    return EXIT_OK;
  }

  const inputs = planInputs(options, io.cwd);
  if (inputs.badConfigs.length > 0) {
    // Findings under a configuration other than the one written would mislead.
    for (const { file, text, problems } of inputs.badConfigs) {
      for (const problem of problems) {
        const { line, column } = lineColumn(text, problem.offset);
        io.stderr(`${displayPath(file, io.cwd)}:${line}:${column}: ${problem.message}\n`);
      }
    }
    return EXIT_TROUBLE;
  }
  const settings: LintSettings = {
    fix: options.fix, maxFileSize: options.maxFileSize, configs: inputs.configs,
    root: io.cwd, fixDetails: options.format === 'sarif',
  };
  const version = packageVersion(packageRoot);
  const results = await lintFiles(inputs.tasks, settings, options, io.cwd, version);
  const notices = [...inputs.notices, ...results.flatMap((r) => r.notices)]
    .map((n) => ({ ...n, shown: displayPath(n.file, io.cwd) }))
    .sort((a, b) => compare(a.shown, b.shown));
  for (const notice of notices) io.stderr(`godebt: ${notice.shown}: ${notice.message}\n`);

  let report = buildReport(results, io.cwd, new Map(ALL_RULES.map((r) => [r.meta.id, r.meta])));
  if (options.writeBaseline) {
    const target = path.resolve(io.cwd, options.writeBaseline);
    try {
      fs.writeFileSync(target, serializeBaseline(report.findings));
    } catch (err) {
      io.stderr(`godebt: ${displayPath(target, io.cwd)}: cannot write the baseline: ${describeFsError(err)}\n`);
      return EXIT_TROUBLE;
    }
    io.stderr(`godebt: baseline of ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} written to ${displayPath(target, io.cwd)}\n`);
    return notices.some((n) => n.level === 'error') ? EXIT_TROUBLE : EXIT_OK;
  }
  let baselined: { hidden: number; fixed: number } | undefined;
  if (options.baseline) {
    const file = path.resolve(io.cwd, options.baseline);
    try {
      const comparison = compareWithBaseline(report.findings, loadBaseline(file));
      const kept = new Set(comparison.added);
      const findings = report.findings.filter((f) => kept.has(f));
      report = { findings, summary: summarize(findings, results) };
      baselined = { hidden: comparison.unchanged.length, fixed: comparison.fixed.length };
    } catch (err) {
      if (!(err instanceof BaselineError)) throw err;
      io.stderr(`godebt: ${displayPath(file, io.cwd)}: ${err.message}\n`);
      return EXIT_TROUBLE;
    }
    io.stderr(`godebt: baseline: ${report.findings.length} new, ${baselined.hidden} known (hidden), ${baselined.fixed} fixed\n`);
  }
  const tool = { name: 'godebt', version };
  // Once per rule, not per finding (a file URL each: 20 ms for the standard library's).
  const guidanceByRule = new Map(ALL_RULES.map((r) => [r.meta.id, guidanceUri(r.meta.id, packageRoot)]));
  const guidance = (id: string) => guidanceByRule.get(id) ?? guidanceUri(id, packageRoot);
  if (options.format === 'json') {
    io.stdout(renderJson(report, tool, guidance));
  } else if (options.format === 'sarif') {
    io.stdout(renderSarif({ findings: report.findings, rules: ALL_RULES.map((r) => r.meta), tool, root: io.cwd, packageRoot, guidance, baseline: baselined !== undefined }));
  } else if (options.format === 'markdown') {
    const files = results.filter((r) => r.linted).map((r) => ({ file: displayPath(r.file, io.cwd), linesOfCode: r.linesOfCode }));
    io.stdout(renderMarkdown({ findings: report.findings, files, tool, guidance, baseline: baselined }));
  } else {
    io.stdout(renderText(report, options));
  }

  // An incomplete run says so first: a clean result over files that were not read
  // would be a false all-clear.
  if (notices.some((n) => n.level === 'error')) return EXIT_TROUBLE;
  return report.findings.some((f) => fails(f.severity, options.failOn)) ? EXIT_FINDINGS : EXIT_OK;
}

interface PlannedInputs {
  tasks: FileTask[];
  configs: GodebtConfig[];
  notices: Notice[];
  badConfigs: ConfigFile[];
}

/**
 * The files to lint, each with its configuration: --config, or else the nearest
 * .godebt.json above the path argument it came from (the defaults when there is none).
 * Files the configuration excludes are left out; a named one with a message.
 */
function planInputs(options: CliOptions, cwd: string): PlannedInputs {
  const planned: PlannedInputs = { tasks: [], configs: [], notices: [], badConfigs: [] };
  const loaded = new Map<string, { file: ConfigFile | undefined; index: number }>();
  const configFor = (given: string) => {
    const file = options.config ? path.resolve(cwd, options.config) : findConfigFile(path.resolve(cwd, given));
    const key = file ?? '';
    let entry = loaded.get(key);
    if (!entry) {
      const configFile = file ? loadConfigFile(file, ALL_RULES) : undefined;
      if (configFile?.problems.length) planned.badConfigs.push(configFile);
      const config = configFile?.config ?? {};
      planned.configs.push(options.tests ? { ...config, tests: true } : config);
      entry = { file: configFile, index: planned.configs.length - 1 };
      loaded.set(key, entry);
    }
    return entry;
  };
  const seen = new Set<string>();
  for (const given of options.paths) {
    const inputs = collectInputs([given], cwd);
    planned.notices.push(...inputs.notices);
    if (inputs.files.length === 0) continue;
    const { file: configFile, index } = configFor(given);
    const named = inputs.files.length === 1 && path.resolve(cwd, given) === inputs.files[0];
    for (const file of inputs.files) {
      if (seen.has(file)) continue;
      seen.add(file);
      if (configFile?.config && isExcluded(configFile.config, configFile.dir, file)) {
        if (named) planned.notices.push({ level: 'warning', file, message: `skipped: excluded by ${displayPath(configFile.file, cwd)}` });
        continue;
      }
      planned.tasks.push({ file, config: index });
    }
  }
  return planned;
}

/**
 * Lints the files (cli/lintPlan.ts), on workers when there are enough of them, through
 * the result cache unless --no-cache or --fix (which writes files). A file's results
 * depend on its configuration, so each configuration of the run has a cache of its own
 * (keyed by it); the package index spans all files of the run.
 */
async function lintFiles(tasks: readonly FileTask[], settings: LintSettings, options: CliOptions, cwd: string, version: string): Promise<FileResult[]> {
  const folder = options.cacheDir ? path.resolve(cwd, options.cacheDir) : defaultCacheDir(cwd);
  const caches = options.cache && !options.fix ? settings.configs.map((config, index) => ResultCache.load(
    settings.configs.length > 1 ? path.join(folder, `config-${index}`) : folder,
    cacheKey({ config, version, ruleIds: ALL_RULES.map((r) => r.meta.id), extra: [settings.maxFileSize, settings.fixDetails, cwd] }),
  )) : undefined;
  const workers = options.jobs ?? Math.min(os.availableParallelism(), Math.floor(tasks.length / FILES_PER_WORKER));
  let backend: LintBackend = new InThreadBackend(settings);
  if (workers > 1) {
    const pool = new LintPool(settings, workers);
    pool.warmUp();
    backend = pool;
  }
  try {
    const { results } = await lintPlan({
      tasks,
      cache: caches && ((task) => ({ cache: caches[task.config], name: displayPath(task.file, cwd) })),
      backend,
      index: new PackageIndex(importPathResolver()),
      dropsIndex: true,
    });
    for (const cache of caches ?? []) cache.save();
    return results as FileResult[];
  } finally {
    // Not awaited: the workers wind down (unmapping their memory took 50 ms) while the
    // report is written, and the process waits for them before it exits. The results
    // are complete, so a failure to stop one changes nothing.
    backend.dispose().catch(() => undefined);
  }
}
