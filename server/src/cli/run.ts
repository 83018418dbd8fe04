// One CLI run: options -> files -> findings (in this thread or on workers) -> output
// and an exit code. Kept apart from main.ts so nothing runs on import.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findPackageRoot, guidanceUri } from '../engine/guidance';
import { Linter } from '../engine/linter';
import { ALL_RULES } from '../rules/index';
import { collectInputs } from './files';
import { CLI_PARSE_TIMEOUT_MS, FileResult, LintSettings, lintOne } from './lintOne';
import { CliOptions, parseCliArgs, UsageError, USAGE } from './options';
import { lintInWorkers } from './pool';
import { buildReport, compare, displayPath, fails, renderJson, renderText } from './report';

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

  const inputs = collectInputs(options.paths, io.cwd);
  const settings: LintSettings = { fix: options.fix, maxFileSize: options.maxFileSize, config: { tests: options.tests } };
  const results = await lintFiles(inputs.files, settings, options.jobs);
  const notices = [...inputs.notices, ...results.flatMap((r) => r.notices)]
    .map((n) => ({ ...n, shown: displayPath(n.file, io.cwd) }))
    .sort((a, b) => compare(a.shown, b.shown));
  for (const notice of notices) io.stderr(`godebt: ${notice.shown}: ${notice.message}\n`);

  const report = buildReport(results, io.cwd, new Map(ALL_RULES.map((r) => [r.meta.id, r.meta])));
  if (options.format === 'json') {
    const tool = { name: 'godebt', version: packageVersion(packageRoot) };
    io.stdout(renderJson(report, tool, (id) => guidanceUri(id, packageRoot)));
  } else {
    io.stdout(renderText(report, options));
  }

  // An incomplete run says so first: a clean result over files that were not read
  // would be a false all-clear.
  if (notices.some((n) => n.level === 'error')) return EXIT_TROUBLE;
  return report.findings.some((f) => fails(f.severity, options.failOn)) ? EXIT_FINDINGS : EXIT_OK;
}

async function lintFiles(files: readonly string[], settings: LintSettings, jobs: number | undefined): Promise<FileResult[]> {
  const workers = jobs ?? Math.min(os.availableParallelism(), Math.floor(files.length / FILES_PER_WORKER));
  if (workers > 1) return lintInWorkers(files, settings, workers);
  if (files.length === 0) return [];
  const linter = await Linter.create(ALL_RULES, CLI_PARSE_TIMEOUT_MS);
  try {
    const results: FileResult[] = [];
    for (const file of files) {
      if (!linter.usable) await linter.recover(); // the parser faulted on an earlier file
      results.push(lintOne(linter, file, settings));
    }
    return results;
  } finally {
    linter.dispose();
  }
}

function packageVersion(packageRoot: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
