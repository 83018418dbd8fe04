// Runs the compiled CLI as a child process on temporary Go trees.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Summary } from '../../server/src/cli/report';

export const CLI = path.resolve(__dirname, '../../server/src/cli/main.js');
export const PACKAGE_ROOT = path.resolve(__dirname, '../../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** user: run as this uid and gid (root can read anything, so a permission test needs another user). */
export function runCli(args: string[], cwd: string, user?: number): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', uid: user, gid: user });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs with --format json and parses the output. */
export function runJson(args: string[], cwd: string): { run: CliRun; output: JsonOutput } {
  const run = runCli(['--format', 'json', ...args], cwd);
  try {
    return { run, output: JSON.parse(run.stdout) as JsonOutput };
  } catch {
    throw new Error(`not JSON (exit ${run.status}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

export interface JsonFinding {
  rule: string;
  category: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  effortMinutes: number;
  fixable: boolean;
  guidance: string;
}

export interface JsonOutput {
  version: number;
  tool: { name: string; version: string };
  findings: JsonFinding[];
  summary: Summary;
}

/** A fresh temporary folder holding files (relative path -> content). */
export function goTree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'godebt-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

export function removeTree(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** (file, line, rule) of each finding: what a walk or a filter test compares. */
export function where(output: JsonOutput): string[] {
  return output.findings.map((f) => `${f.file}:${f.line} ${f.rule}`);
}

/** A gofmt-formatted Go file with a debt-marker (info) finding on line 3. */
export const TODO_GO = 'package main\n\n// TODO: tidy up\nfunc main() {}\n';
/** A gofmt-formatted Go file with a cgo-import (warning) finding on line 3, column 8. */
export const CGO_GO = 'package main\n\nimport "C"\n\nfunc main() {}\n';

/** A goTree() for a suite: call inside describe(); its trees are removed after the suite. */
export function suiteTrees(): (files: Record<string, string | Buffer>) => string {
  const trees: string[] = [];
  after(() => trees.forEach(removeTree));
  return (files) => {
    const root = goTree(files);
    trees.push(root);
    return root;
  };
}
