// Runs every rule over Go code nobody here wrote, to measure how often each rule
// fires and to sample findings for a person to judge (false positives become rule
// test cases). Corpora: the Go standard library and the Debian golang-*-dev sources
// under /usr/share/gocode/src (install the set in scripts/realworld-packages.txt).
//
//   npm run realworld -- [--corpus stdlib|gocode|all|DIR] [--sample RULE[,RULE...]|all]
//                        [--count N] [--seed S] [--json FILE] [--parse-timeout MS] [--check-fixes]
//
// --sample prints --count random findings of each named rule (file:line: message and
// the source line), drawn again identically with the same --seed.
// --check-fixes applies each rule's fixes to every file where it offers some (one rule
// at a time) and reports fixes that throw, leave syntax errors, or leave a file that
// was gofmt-clean no longer gofmt-clean (needs gofmt on PATH).
//
// A file that makes the engine throw (or a rule fail) is a crash: it is reported
// with its path, the run goes on, and the exit code is 1 (as for a broken fix).
// Files whose tree has ERROR or MISSING nodes are counted, not failures:
// tree-sitter-go lags the language in places, and rules must cope with such trees.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node } from 'web-tree-sitter';
import { skipsFile, skipsFolder } from '../server/src/cli/files';
import type { Finding } from '../server/src/engine/finding';
import { GoParser } from '../server/src/engine/goParser';
import { collectFileFacts } from '../server/src/engine/fileFacts';
import { importPathResolver } from '../server/src/engine/importPaths';
import { isGoMod, Linter } from '../server/src/engine/linter';
import { PackageIndex, PackageIndexView, summarizeFile } from '../server/src/engine/packageIndex';
import type { Rule } from '../server/src/engine/rule';
import { ALL_RULES } from '../server/src/rules/index';

const GOCODE = '/usr/share/gocode/src';

/** Where Debian (golang-src) and the official tarball put the standard library. */
function stdlibRoot(): string | undefined {
  const fromEnv = process.env.GOROOT && path.join(process.env.GOROOT, 'src');
  const candidates = [fromEnv, '/usr/lib/go/src', '/usr/share/go/src', '/usr/local/go/src'];
  for (const dir of ['/usr/lib', '/usr/share']) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((n) => /^go-\d/.test(n)).sort().reverse()) candidates.push(path.join(dir, name, 'src'));
  }
  return candidates.find((c): c is string => !!c && fs.existsSync(path.join(c, 'net', 'http')));
}

interface Options {
  corpora: string[];
  /** Rule ids to draw samples of (empty: none). */
  sample: string[];
  count: number;
  seed: number;
  json?: string;
  parseTimeoutMs: number;
  checkFixes: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { corpora: ['stdlib', 'gocode'], sample: [], count: 20, seed: Date.now() % 100000, parseTimeoutMs: 20000, checkFixes: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${flag} needs a value`);
      return v;
    };
    const number = (): number => {
      const text = value();
      const n = Number(text);
      if (!Number.isInteger(n) || n < 0) usage(`${flag} needs a whole number, not ${text}`);
      return n;
    };
    switch (flag) {
      case '--corpus': {
        const c = value();
        options.corpora = c === 'all' ? ['stdlib', 'gocode'] : [c];
        break;
      }
      case '--sample': {
        const v = value();
        options.sample = v === 'all' ? ALL_RULES.map((r) => r.meta.id) : v.split(',').filter(Boolean);
        break;
      }
      case '--count': options.count = number(); break;
      case '--seed': options.seed = number(); break;
      case '--json': options.json = value(); break;
      case '--parse-timeout': options.parseTimeoutMs = number(); break;
      case '--check-fixes': options.checkFixes = true; break;
      case '--help': case '-h': usage(); break;
      default: usage(`unknown argument ${flag}`);
    }
  }
  return options;
}

function usage(problem?: string): never {
  if (problem) console.error(problem);
  console.error('usage: node out/scripts/realworld.js [--corpus stdlib|gocode|all|DIR] [--sample RULE[,RULE...]|all] [--count N] ' +
    '[--seed S] [--json FILE] [--parse-timeout MS] [--check-fixes]');
  process.exit(problem ? 2 : 0);
}

function corpusRoot(name: string): string {
  if (name === 'stdlib') {
    const root = stdlibRoot();
    if (!root) throw new Error('no Go standard library found: apt-get install golang-src (or set GOROOT)');
    return root;
  }
  const root = name === 'gocode' ? GOCODE : path.resolve(name);
  if (!fs.existsSync(root)) {
    throw new Error(name === 'gocode' ? `${GOCODE} is missing: apt-get install $(cat scripts/realworld-packages.txt)` : `no such folder: ${root}`);
  }
  return root;
}

/**
 * The Go files and go.mod files under root, in path order, as a folder scan sees
 * them: vendor/, testdata/, and folders and files named .x or _x skipped (cli/files.ts),
 * _test.go files left out (the
 * default configuration runs no rule on them). Debian links packages into the tree,
 * so each real file is visited once and symlink cycles are cut.
 */
function walk(root: string): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (dir: string): void => {
    const real = fs.realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch {
        continue; // a dangling link
      }
      if (stat.isDirectory()) {
        if (!skipsFolder(entry)) visit(full);
      } else if (stat.isFile() && !skipsFile(entry) && (entry === 'go.mod' || (entry.endsWith('.go') && !entry.endsWith('_test.go')))) {
        const realFile = fs.realpathSync(full);
        if (!seen.has(realFile)) {
          seen.add(realFile);
          files.push(full);
        }
      }
    }
  };
  visit(root);
  return files;
}

interface Crash {
  file: string;
  /** The rule that failed, or undefined when the engine itself threw. */
  ruleId?: string;
  error: string;
}

interface Located extends Finding {
  file: string;
}

interface CorpusReport {
  corpus: string;
  root: string;
  files: number;
  goModFiles: number;
  generatedFiles: number;
  /** Lines of the files rules run on (generated files and go.mod files excluded). */
  lines: number;
  generatedLines: number;
  seconds: number;
  parseErrors: string[];
  crashes: Crash[];
  findings: Located[];
  /** With --check-fixes: fixes applied per rule, and the fixes that went wrong. */
  fixesApplied: Record<string, number>;
  fixProblems: FixProblem[];
}

interface FixProblem {
  file: string;
  ruleId: string;
  kind: 'throws' | 'syntax' | 'gofmt';
  detail: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join('\n    ') : String(error);
}

function lintCorpus(linter: Linter, parser: GoParser, rules: readonly Rule[], corpus: string, checkFixes: boolean): CorpusReport {
  const root = corpusRoot(corpus);
  const report: CorpusReport = {
    corpus, root, files: 0, goModFiles: 0, generatedFiles: 0, lines: 0, generatedLines: 0, seconds: 0, parseErrors: [], crashes: [], findings: [],
    fixesApplied: {}, fixProblems: [],
  };
  const started = Date.now();
  const oncePerPackage = new Set(rules.filter((r) => r.meta.oncePerPackage).map((r) => r.meta.id));
  const packagesSeen = new Set<string>();
  const files = walk(root);
  const index = indexOf(parser, files);
  for (const file of files) {
    const relative = path.relative(root, file);
    const text = fs.readFileSync(file, 'utf8');
    try {
      if (isGoMod(file)) {
        report.goModFiles++;
        const result = linter.lintFile(file, text);
        report.crashes.push(...result.failures.map((f) => ({ file: relative, ruleId: f.ruleId, error: describe(f.error) })));
        report.findings.push(...result.findings.map((f) => ({ ...f, file: relative })));
        continue;
      }
      report.files++;
      const tree = parser.parse(text);
      try {
        if (tree.rootNode.hasError) report.parseErrors.push(relative);
        const packageIndex = index.view(file);
        const result = linter.engine.lint({ fileName: file, source: text, tree, lines: TextDocument.create(file, 'go', 0, text), packageIndex });
        if (result.facts.isGenerated) {
          report.generatedFiles++;
          report.generatedLines += countLines(text);
        } else {
          report.lines += countLines(text);
        }
        report.crashes.push(...result.failures.map((f) => ({ file: relative, ruleId: f.ruleId, error: describe(f.error) })));
        // A folder scan keeps a package-level finding on the package's first file only.
        const packageKey = `${path.dirname(file)}\0${result.facts.packageName}`;
        const firstOfPackage = !packagesSeen.has(packageKey);
        packagesSeen.add(packageKey);
        for (const finding of result.findings) {
          if (oncePerPackage.has(finding.ruleId) && !firstOfPackage) continue;
          report.findings.push({ ...finding, file: relative });
        }
        if (checkFixes) checkFileFixes(linter, parser, report, file, text, result.findings, packageIndex);
      } finally {
        tree.delete();
      }
    } catch (error) {
      report.crashes.push({ file: relative, error: describe(error) });
      // A WASM fault can leave the parser unusable; start the next file on a fresh one.
      parser.recycle();
    }
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/**
 * The package index of the corpus, as a folder scan builds it (cli/lintPlan.ts), so
 * the rules that read it are measured as users run them. Every file is parsed once
 * more for it: simpler than the CLI's one parse per file, and this is a measurement.
 */
function indexOf(parser: GoParser, files: readonly string[]): PackageIndex {
  const index = new PackageIndex(importPathResolver());
  for (const file of files) {
    if (isGoMod(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    try {
      const tree = parser.parse(text);
      try {
        index.set(file, summarizeFile(collectFileFacts(file, tree, text)));
      } finally {
        tree.delete();
      }
    } catch {
      parser.recycle(); // the lint of the file reports the problem
    }
  }
  return index;
}

/** The gofmt-formatted text, or null when gofmt rejects it (or is not installed). */
function gofmt(text: string): string | null {
  const run = spawnSync('gofmt', [], { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return run.status === 0 ? run.stdout : null;
}

/** Applies each rule's fixes to the file on its own and records what went wrong. */
function checkFileFixes(linter: Linter, parser: GoParser, report: CorpusReport, file: string, text: string, findings: Finding[], packageIndex: PackageIndexView): void {
  const ruleIds = [...new Set(findings.filter((f) => f.fix).map((f) => f.ruleId))];
  if (ruleIds.length === 0) return;
  const relative = path.relative(report.root, file);
  const wasFormatted = gofmt(text) === text;
  for (const ruleId of ruleIds) {
    const problem = (kind: FixProblem['kind'], detail: string) => report.fixProblems.push({ file: relative, ruleId, kind, detail });
    let output: string;
    try {
      const fixed = linter.fixText(file, text, undefined, (f) => f.ruleId === ruleId, packageIndex);
      report.fixesApplied[ruleId] = (report.fixesApplied[ruleId] ?? 0) + fixed.applied;
      output = fixed.output;
    } catch (error) {
      problem('throws', describe(error));
      continue;
    }
    const tree = parser.parse(output);
    try {
      if (tree.rootNode.hasError && !report.parseErrors.includes(relative)) {
        problem('syntax', `first error at line ${firstErrorLine(tree.rootNode) + 1}`);
        continue;
      }
    } finally {
      tree.delete();
    }
    if (wasFormatted) {
      const formatted = gofmt(output);
      if (formatted === null) problem('syntax', 'gofmt rejects the fixed file');
      else if (formatted !== output) problem('gofmt', `first difference at line ${firstDifferentLine(output, formatted) + 1}`);
    }
  }
}

function firstErrorLine(node: Node): number {
  for (const child of node.children) {
    if (child && child.hasError) return child.isError || child.isMissing ? child.startPosition.row : firstErrorLine(child);
  }
  return node.startPosition.row;
}

function firstDifferentLine(a: string, b: string): number {
  const as = a.split('\n');
  const bs = b.split('\n');
  let i = 0;
  while (i < as.length && as[i] === bs[i]) i++;
  return i;
}

function countLines(text: string): number {
  let lines = text.length > 0 && !text.endsWith('\n') ? 1 : 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Findings per rule, every rule listed (a rule that never fires is worth seeing too). */
function perRule(rules: readonly Rule[], report: CorpusReport): { ruleId: string; findings: number; perKloc: number; withFix: number }[] {
  return rules.map((rule) => {
    const mine = report.findings.filter((f) => f.ruleId === rule.meta.id);
    return {
      ruleId: rule.meta.id,
      findings: mine.length,
      perKloc: report.lines ? (mine.length * 1000) / report.lines : 0,
      withFix: mine.filter((f) => f.fix).length,
    };
  });
}

function printReport(rules: readonly Rule[], report: CorpusReport): void {
  const rate = report.seconds ? Math.round((report.lines + report.generatedLines) / report.seconds) : 0;
  console.log(`\n== ${report.corpus} (${report.root})`);
  console.log(`files: ${report.files} Go + ${report.goModFiles} go.mod; lines: ${report.lines} ` +
    `(not counted: ${report.generatedFiles} generated files, ${report.generatedLines} lines); ${report.seconds.toFixed(1)} s (${rate} lines/s)`);
  console.log(`parse errors: ${report.parseErrors.length} file(s) with ERROR/MISSING nodes`);
  for (const file of report.parseErrors.slice(0, 10)) console.log(`  ${file}`);
  if (report.parseErrors.length > 10) console.log(`  ... and ${report.parseErrors.length - 10} more (see --json)`);
  console.log(`crashes: ${report.crashes.length}`);
  for (const crash of report.crashes) console.log(`  ${crash.file}${crash.ruleId ? ` [rule ${crash.ruleId}]` : ' [engine]'}: ${crash.error}`);
  if (Object.keys(report.fixesApplied).length > 0 || report.fixProblems.length > 0) {
    const applied = Object.entries(report.fixesApplied).map(([id, n]) => `${id} ${n}`).join(', ');
    console.log(`fixes applied (each rule alone): ${applied || 'none'}`);
    console.log(`fix problems: ${report.fixProblems.length}`);
    for (const p of report.fixProblems.slice(0, 30)) console.log(`  ${p.file} [${p.ruleId}] ${p.kind}: ${p.detail}`);
    if (report.fixProblems.length > 30) console.log(`  ... and ${report.fixProblems.length - 30} more (see --json)`);
  }
  console.log('findings per rule:');
  const rows = perRule(rules, report);
  const width = Math.max(...rows.map((r) => r.ruleId.length), 4);
  console.log(`  ${'rule'.padEnd(width)}  ${'count'.padStart(7)}  ${'/kLOC'.padStart(7)}  ${'fixable'.padStart(7)}`);
  for (const row of rows) {
    console.log(`  ${row.ruleId.padEnd(width)}  ${String(row.findings).padStart(7)}  ${row.perKloc.toFixed(3).padStart(7)}  ${String(row.withFix).padStart(7)}`);
  }
  console.log(`  ${'total'.padEnd(width)}  ${String(report.findings.length).padStart(7)}  ` +
    `${(report.lines ? (report.findings.length * 1000) / report.lines : 0).toFixed(3).padStart(7)}`);
}

/** A small seeded generator (mulberry32), so a sample can be drawn again with --seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function drawSample(findings: Located[], count: number, seed: number): Located[] {
  const next = random(seed);
  const pool = findings.slice();
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count).sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line);
}

function printSample(report: CorpusReport, ruleId: string, sample: Located[], seed: number): void {
  const total = report.findings.filter((f) => f.ruleId === ruleId).length;
  console.log(`\n-- sample of ${ruleId} in ${report.corpus}: ${sample.length} of ${total} (--seed ${seed})`);
  const cache = new Map<string, string[]>();
  for (const f of sample) {
    const full = path.join(report.root, f.file);
    if (!cache.has(full)) cache.set(full, fs.readFileSync(full, 'utf8').split('\n'));
    const line = cache.get(full)![f.range.start.line] ?? '';
    console.log(`${full}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.message}`);
    console.log(`    ${line.trim()}`);
  }
}

function jsonReport(rules: readonly Rule[], report: CorpusReport, sample: Located[]) {
  const strip = (f: Located) => ({
    file: f.file, line: f.range.start.line + 1, column: f.range.start.character + 1, ruleId: f.ruleId, message: f.message, fix: !!f.fix,
  });
  const { findings, ...rest } = report;
  return { ...rest, perRule: perRule(rules, report), sample: sample.map(strip), findings: findings.map(strip) };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const unknown = options.sample.filter((id) => !ALL_RULES.some((r) => r.meta.id === id));
  if (unknown.length) usage(`--sample: no rule ${unknown.join(', ')} (rules: ${ALL_RULES.map((r) => r.meta.id).join(', ')})`);
  const linter = await Linter.create(ALL_RULES, options.parseTimeoutMs);
  const parser = await GoParser.create(options.parseTimeoutMs);
  console.log(`rules: ${ALL_RULES.length} (${ALL_RULES.map((r) => r.meta.id).join(', ')})`);
  const reports: ReturnType<typeof jsonReport>[] = [];
  let failures = 0;
  try {
    for (const corpus of options.corpora) {
      const report = lintCorpus(linter, parser, ALL_RULES, corpus, options.checkFixes);
      printReport(ALL_RULES, report);
      const sample: Located[] = [];
      for (const ruleId of options.sample) {
        const drawn = drawSample(report.findings.filter((f) => f.ruleId === ruleId), options.count, options.seed);
        printSample(report, ruleId, drawn, options.seed);
        sample.push(...drawn);
      }
      failures += report.crashes.length + report.fixProblems.length;
      reports.push(jsonReport(ALL_RULES, report, sample));
    }
  } finally {
    parser.delete();
    linter.dispose();
  }
  if (options.json) {
    fs.writeFileSync(options.json, JSON.stringify({ rules: ALL_RULES.map((r) => r.meta.id), seed: options.seed, corpora: reports }, null, 1));
    console.log(`\nwrote ${options.json}`);
  }
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(describe(error));
  process.exit(2);
});
