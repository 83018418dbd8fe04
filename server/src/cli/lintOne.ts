// Lints (and with --fix, fixes) one file on disk. The same function runs in this
// thread for small inputs and in the worker threads for large ones, so both paths
// give the same results; everything it returns is plain data a worker can post.
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { GodebtConfig } from '../engine/config';
import { countLinesOfCode } from '../engine/debt';
import type { Finding, Range } from '../engine/finding';
import { fingerprints } from '../engine/fingerprint';
import { ParseTimeoutError } from '../engine/goParser';
import { GENERATED_MARKER } from '../engine/fileFacts';
import { isGoMod, Linter } from '../engine/linter';
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
}

/** A CLI batch gives a parse more time than the editor does per keystroke. */
export const CLI_PARSE_TIMEOUT_MS = 10_000;

export function lintOne(linter: Linter, task: FileTask, settings: LintSettings): FileResult {
  const { file } = task;
  const config = settings.configs[task.config];
  const root = task.root ?? settings.root;
  const result: FileResult = { file, linted: false, findings: [], fixesApplied: 0, notices: [], linesOfCode: 0 };
  const notice = (level: Notice['level'], message: string) => result.notices.push({ level, file, message });

  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (settings.maxFileSize > 0 && size > settings.maxFileSize) {
      notice('warning', `skipped: ${formatSize(size)} is over the ${formatSize(settings.maxFileSize)} limit (--max-file-size)`);
      return result;
    }
    bytes = fs.readFileSync(file);
  } catch (err) {
    notice('error', `cannot read: ${describeFsError(err)}`);
    return result;
  }
  const { text, valid } = decodeUtf8(bytes);
  if (!valid) {
    // Go source must be UTF-8; lint what can be read, but never write back text whose
    // bad bytes were replaced.
    notice('warning', `not valid UTF-8: linted with U+FFFD in place of the bad bytes${settings.fix ? ', and not fixed' : ''}`);
  }
  result.linted = true;
  if (isGeneratedGo(file, text)) return result;
  let linted = text;

  try {
    const lint = linter.lintFile(file, text, config);
    for (const failure of lint.failures) {
      notice('warning', `rule ${failure.ruleId} crashed (its findings for this file are missing; please report this): ${errorText(failure.error)}`);
    }
    let findings = lint.findings;
    if (settings.fix && valid && !isGoMod(file) && findings.some((f) => f.fix)) {
      const fixed = linter.fixText(file, text, config);
      if (fixed.output !== text) {
        try {
          fs.writeFileSync(file, fixed.output);
          result.fixesApplied = fixed.applied;
          findings = fixed.remaining;
          linted = fixed.output;
        } catch (err) {
          notice('error', `cannot write the fixed file: ${describeFsError(err)}`);
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
      notice('warning', `skipped: ${err.message}`);
    } else {
      notice('error', `could not be linted: ${errorText(err)}`);
    }
  }
  return result;
}

function decodeUtf8(bytes: Buffer): { text: string; valid: boolean } {
  // ignoreBOM keeps a byte order mark in the text, as fs.readFileSync(file, 'utf8') does,
  // so offsets and a fixed file's bytes match the original.
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), valid: true };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), valid: false };
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
