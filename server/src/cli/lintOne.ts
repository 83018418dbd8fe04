// Lints (and with --fix, fixes) one file on disk. The same functions run in this
// thread for small inputs and in the worker threads for large ones, so both paths
// give the same results; everything they return is plain data a worker can post.
// cli/lintPackage.ts lints the files of one package together, with their index.
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Tree } from 'web-tree-sitter';
import { GodebtConfig, nothingToCheck } from '../engine/config';
import { countLinesOfCode } from '../engine/debt';
import type { Finding, Range } from '../engine/finding';
import { fingerprints } from '../engine/fingerprint';
import { ParseTimeoutError } from '../engine/goParser';
import { GENERATED_MARKER } from '../engine/fileFacts';
import { isGoMod, Linter } from '../engine/linter';
import type { FileSummary, PackageIndexView } from '../engine/packageIndex';
import type { LintResult } from '../engine/runner';
import { readFileBytes, type FileBytes } from './fileBytes';
import { describeFsError, Notice } from './files';

export interface LintSettings {
  fix: boolean;
  /** Bytes; 0 means no limit. */
  maxFileSize: number;
  /** The configurations of the run; each file says which one applies to it. */
  configs: GodebtConfig[];
  /** Fingerprints name files relative to this folder (the workspace or the CLI's cwd). */
  root?: string;
  /** Keep each fix's edits (as ranges) in the results, for SARIF fix objects. */
  fixDetails?: boolean;
}

/** A file to lint, the index of its configuration in LintSettings.configs, and its root. */
export interface FileTask {
  file: string;
  config: number;
  /** Overrides LintSettings.root for this file (a workspace with several folders). */
  root?: string;
}

/** A fix as plain data: LSP ranges (0-based, UTF-16) and replacement text. */
export interface FixDetails {
  title: string;
  edits: { range: Range; text: string }[];
}

/** A finding as the CLI reports it (no fix edits: they stay where they are applied). */
export type FileFinding = Omit<Finding, 'span' | 'fix'> & {
  fixable: boolean;
  /** Stable across unrelated edits (engine/fingerprint.ts), for baselines and SARIF. */
  fingerprint: string;
  /** Only with LintSettings.fixDetails. */
  fixDetails?: FixDetails;
};

export interface FileResult {
  file: string;
  /** False when the file was skipped or could not be read. */
  linted: boolean;
  findings: FileFinding[];
  fixesApplied: number;
  notices: Notice[];
  /** Lines holding code (engine/debt.ts), for the debt ratio. */
  linesOfCode: number;
  /** What the file tells the rest of its package and its importers (Go files that were parsed). */
  summary?: FileSummary;
  /** The key of the package index view the findings were computed with: they hold while it does. */
  indexKey?: string;
}

/** A CLI batch gives a parse more time than the editor does per keystroke. */
export const CLI_PARSE_TIMEOUT_MS = 10_000;

/** A file read for linting: its text, or (text undefined) a result that is already final. */
export interface Source {
  result: FileResult;
  text?: string;
  /** False when bad UTF-8 was replaced: such text is linted but never written back. */
  valid: boolean;
}

/** Reads a file for linting; too large, unreadable and generated files come back with their final result. */
export function readSource(task: FileTask, settings: LintSettings): Source {
  const { file } = task;
  const result: FileResult = { file, linted: false, findings: [], fixesApplied: 0, notices: [], linesOfCode: 0 };
  let read: FileBytes;
  try {
    read = readFileBytes(file, settings.maxFileSize);
  } catch (err) {
    notice(result, 'error', `cannot read: ${describeFsError(err)}`);
    return { result, valid: true };
  }
  if (!read.bytes) {
    notice(result, 'warning', `skipped: ${formatSize(read.size)} is over the ${formatSize(settings.maxFileSize)} limit (--max-file-size)`);
    return { result, valid: true };
  }
  const { text, valid } = decodeUtf8(read.bytes);
  if (!valid) {
    // Go source must be UTF-8; lint what can be read, but never write back text whose
    // bad bytes were replaced.
    notice(result, 'warning', `not valid UTF-8: linted with U+FFFD in place of the bad bytes${settings.fix ? ', and not fixed' : ''}`);
  }
  result.linted = true;
  if (isGeneratedGo(file, text)) return { result, valid };
  return { result, text, valid };
}

/** Lints one file alone (no package index). */
export function lintOne(linter: Linter, task: FileTask, settings: LintSettings): FileResult {
  return lintSource(linter, task, settings, readSource(task, settings), {});
}

/** How lintSource gets the file's findings: from a tree already parsed, or a parse that already failed, and with an index. */
export interface LintWith {
  tree?: Tree;
  failure?: unknown;
  packageIndex?: PackageIndexView;
  /** Whether no rule looks at the file (engine/config.ts nothingToCheck), when the caller already knows. */
  nothingToCheck?: boolean;
}

/** Lints (and fixes) a file read by readSource; fills in its result. */
export function lintSource(linter: Linter, task: FileTask, settings: LintSettings, source: Source, using: LintWith): FileResult {
  const { result, text, valid } = source;
  if (text === undefined) return result;
  const { file } = task;
  const config = settings.configs[task.config];
  const root = task.root ?? settings.root;
  let linted = text;
  try {
    if (using.failure !== undefined) throw using.failure;
    const lint: Pick<LintResult, 'findings' | 'failures'> = using.tree
      ? linter.lintTree(file, text, using.tree, config, using.packageIndex)
      : using.nothingToCheck ?? nothingToCheck(linter.engine.rules, file, text, config)
        ? { findings: [], failures: [] }
        : linter.lintFile(file, text, config, using.packageIndex);
    for (const failure of lint.failures) {
      notice(result, 'warning', `rule ${failure.ruleId} crashed (its findings for this file are missing; please report this): ${errorText(failure.error)}`);
    }
    let findings = lint.findings;
    if (settings.fix && valid && !isGoMod(file) && findings.some((f) => f.fix)) {
      const fixed = linter.fixText(file, text, config, undefined, using.packageIndex);
      if (fixed.output !== text) {
        try {
          fs.writeFileSync(file, fixed.output);
          result.fixesApplied = fixed.applied;
          findings = fixed.remaining;
          linted = fixed.output;
        } catch (err) {
          notice(result, 'error', `cannot write the fixed file: ${describeFsError(err)}`);
        }
      }
    }
    result.linesOfCode = isGoMod(file) ? 0 : countLinesOfCode(linted);
    const relative = root ? path.relative(root, file).split(path.sep).join('/') : file;
    const prints = fingerprints(relative, linted, findings);
    const lines = settings.fixDetails ? TextDocument.create(file, 'go', 0, linted) : undefined;
    result.findings = findings.map(({ span: _span, fix, ...rest }, i) => {
      const finding: FileFinding = { ...rest, fixable: fix !== undefined, fingerprint: prints[i] };
      if (fix && lines) {
        finding.fixDetails = {
          title: fix.title,
          edits: fix.edits.map((e) => ({ range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, text: e.text })),
        };
      }
      return finding;
    });
  } catch (err) {
    if (err instanceof ParseTimeoutError) {
      notice(result, 'warning', `skipped: ${err.message}`);
    } else {
      notice(result, 'error', `could not be linted: ${errorText(err)}`);
    }
  }
  return result;
}

function notice(result: FileResult, level: Notice['level'], message: string): void {
  result.notices.push({ level, file: result.file, message });
}

// ignoreBOM keeps a byte order mark in the text, as fs.readFileSync(file, 'utf8') does,
// so offsets and a fixed file's bytes match the original. A decode() without `stream`
// starts afresh, so one decoder of each kind serves every file.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

function decodeUtf8(bytes: Buffer): { text: string; valid: boolean } {
  try {
    return { text: STRICT_UTF8.decode(bytes), valid: true };
  } catch {
    return { text: LENIENT_UTF8.decode(bytes), valid: false };
  }
}

/**
 * A cheap, strict form of the engine's generated-file test, to skip the parse: the
 * marker line preceded only by blank lines and // comments (so it is certainly before
 * the package clause). Files it misses are still parsed, and the engine skips them.
 */
function isGeneratedGo(file: string, text: string): boolean {
  if (isGoMod(file)) return false;
  for (const line of text.slice(0, 4096).split('\n')) {
    if (GENERATED_MARKER.test(line)) return true;
    if (line.trim() !== '' && !line.startsWith('//')) return false;
  }
  return false;
}

/** 2400 -> "2.3 KB", 10485760 -> "10 MB" (units of 1024, as --max-file-size reads them). */
export function formatSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${shown} ${units[unit]}`;
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0];
}
