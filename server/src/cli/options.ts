// The command line: `godebt [options] [paths...]`, parsed with node's util.parseArgs.
import { parseArgs } from 'util';
import { SEVERITIES, Severity } from '../engine/rule';

export type Format = 'text' | 'json' | 'sarif' | 'markdown';
export type FailOn = Severity | 'never';

export interface CliOptions {
  paths: string[];
  format: Format;
  fix: boolean;
  failOn: FailOn;
  /** Bytes; 0 means no limit. */
  maxFileSize: number;
  /** Worker threads to use; undefined lets the size of the input decide. */
  jobs: number | undefined;
  tests: boolean;
  /** --config FILE: the .godebt.json to use instead of the one found above each path. */
  config: string | undefined;
  quiet: boolean;
  help: boolean;
  version: boolean;
  /** Report and fail only on findings not recorded in this baseline file. */
  baseline: string | undefined;
  /** Record today's findings in this file (and exit 0). */
  writeBaseline: string | undefined;
  /** Reuse results of unchanged files (default on). */
  cache: boolean;
  cacheDir: string | undefined;
}

export const USAGE = `Usage: godebt [options] [paths...]

Finds technical debt in Go code. Paths are folders (walked recursively, skipping
vendor/, testdata/, node_modules/, and folders and files whose name starts with . or
_, as the go tool does) or files (.go or go.mod, always linted). The default path is
the current folder.

Options:
  -f, --format FORMAT      text, json, sarif (SARIF 2.1.0) or markdown (a report
                           for a pull request) (default: text)
      --fix                apply every available quick fix in place, then report
                           what is left
      --fail-on LEVEL      exit 1 when a finding at or above LEVEL is reported:
                           error, warning, info, hint or never (default: warning)
      --max-file-size SIZE skip files larger than SIZE bytes; KB, MB and GB
                           suffixes are accepted, 0 means no limit (default: 10MB)
  -j, --jobs N             lint on N worker threads (1: in the main thread); by
                           default small inputs are linted in the main thread
                           and larger ones on every core
      --tests              also apply rules that skip _test.go files by default
  -c, --config FILE        use this configuration file instead of the nearest
                           .godebt.json above each path
  -q, --quiet              text format: print only the findings that fail the run
                           (see --fail-on), and no summary line
      --write-baseline FILE
                           record every finding in FILE (JSON) and exit 0
      --baseline FILE      report and fail only on findings not in FILE (new
                           debt); says how many known findings were hidden and
                           how many are fixed
      --no-cache           lint every file (by default results of unchanged
                           files are reused from a cache in the temp folder)
      --cache-dir DIR      keep the cache in DIR
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 nothing at or above --fail-on was found, 1 something was, 2 usage
error, an invalid configuration or a path that could not be read or written.
Details: docs/cli.md`;

export class UsageError extends Error {}

const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        fix: { type: 'boolean', default: false },
        'fail-on': { type: 'string', default: 'warning' },
        'max-file-size': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        tests: { type: 'boolean', default: false },
        config: { type: 'string', short: 'c' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        cache: { type: 'boolean', default: true },
        'no-cache': { type: 'boolean', default: false },
        'cache-dir': { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format: oneOf('--format', values.format!, ['text', 'json', 'sarif', 'markdown'] as const),
    fix: values.fix!,
    failOn: oneOf('--fail-on', values['fail-on']!, [...SEVERITIES, 'never'] as const),
    maxFileSize: values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : parseSize(values['max-file-size']),
    jobs: values.jobs === undefined ? undefined : parseJobs(values.jobs),
    tests: values.tests!,
    config: values.config,
    quiet: values.quiet!,
    help: values.help!,
    version: values.version!,
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
    cache: values.cache! && !values['no-cache'],
    cacheDir: values['cache-dir'],
  };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not '${value}'`);
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** "10MB", "512kb", "1048576" -> bytes (a KB is 1024 bytes). */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match ? SIZE_UNITS[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new UsageError(`--max-file-size must be a size such as 10MB, 512KB or 1048576, not '${text}'`);
  return Math.floor(Number(match[1]) * unit);
}

function parseJobs(text: string): number {
  if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`--jobs must be a whole number of at least 1, not '${text}'`);
  return Number(text);
}
