// What one Go file tells the other files of the workspace, and the index that puts
// those summaries together per package.
//
// Without type information a rule sees only its own file. Two questions need more:
// error-discarded asks whether a function of the same package declared in another file
// ends in `error`, and deprecated-api asks which names of the package, or of a package
// the file imports, are deprecated. summarizeFile() answers for one file from its top-level
// declarations (plain data: it crosses worker threads and goes into the result cache);
// PackageIndex holds the summaries of many files, and view() gives a rule the answers for
// one file, with a key that changes whenever one of those answers could change.
//
// The index is fed two ways: the CLI (and the language server's workspace scan) from
// the files it lints, and the language server from the documents it has open.
import { createHash } from 'crypto';
import * as path from 'path';
import type { Language, Node, Query } from 'web-tree-sitter';
import { deprecatedDeclaration, DeprecationIndex, receiverTypeName } from './deprecations';
import type { FileFacts } from './fileFacts';
import type { ImportPathResolver } from './importPaths';
import { treeSitter } from './goParser';
import { resultTypesOf } from './goSyntax';

/** A top-level function (receiver "") or method with two or more results. */
export interface FunctionSummary {
  name: string;
  /** The receiver's type name, without pointer or type arguments; "" for functions. */
  receiver: string;
  /** The result types as written, white space collapsed, one per result. */
  results: string[];
}

/** A package-level name whose doc comment has a Deprecated: paragraph. */
export interface DeprecatedSummary {
  name: string;
  /** The paragraph, starting with "Deprecated:". */
  notice: string;
}

export interface FileSummary {
  packageName: string;
  /** The import paths of the file (its view's key depends on those packages' deprecations). */
  imports: string[];
  /**
   * Functions and methods with two or more results: only those can stand on the right
   * of `x, _ := f()`, the one question error-discarded asks of other files.
   */
  functions: FunctionSummary[];
  /** Empty in files with build constraints (see summarizeFile). */
  deprecated: DeprecatedSummary[];
}

/**
 * A file's summary, from its top-level declarations and their doc comments only (never
 * a walk of the whole tree). Undefined for generated files: the CLI skips them before
 * parsing, and the editor must give the same answers as the CLI.
 *
 * Deprecations of files with build constraints are left out: such a name often has
 * build variants (syscall.Syscall is deprecated in dll_windows.go and not in
 * syscall_linux.go), and without evaluating constraints a use elsewhere cannot be told
 * to be of the deprecated one. A file without constraints cannot have a variant of its
 * names (both would be compiled together), so its deprecations hold everywhere.
 */
export function summarizeFile(facts: FileFacts): FileSummary | undefined {
  if (facts.isGenerated) return undefined;
  const summary: FileSummary = { packageName: facts.packageName, imports: [...new Set(facts.imports.map((i) => i.path))], functions: [], deprecated: [] };
  for (const match of signatureQuery(facts.root.tree.language).matches(facts.root, { maxStartDepth: 0 })) {
    const fn = match.captures.find((c) => c.name === 'fn')!.node;
    const results = resultTypesOf(fn);
    if (results.length < 2) continue;
    summary.functions.push({
      name: match.captures.find((c) => c.name === 'name')!.node.text,
      receiver: match.patternIndex === 1 ? receiverTypeName(fn) : '',
      results: results.map((r) => r.text.replace(/\s+/g, ' ')),
    });
  }
  if (!facts.source.includes('Deprecated:') || hasBuildConstraints(facts)) return summary;
  const seen = new Set<number>();
  for (const comment of packageLevelComments(facts, 'Deprecated:')) {
    const declaration = deprecatedDeclaration(comment);
    if (!declaration || seen.has(declaration.node.id)) continue; // a doc comment of several lines, each saying it
    seen.add(declaration.node.id);
    for (const name of declaration.names) if (name.kind === 'package-level') summary.deprecated.push({ name: name.name, notice: declaration.notice });
  }
  return summary;
}

/** Where a comment documents a package-level declaration: at the top level, or inside a var/const/type group. */
const PACKAGE_LEVEL_PARENTS = new Set(['source_file', 'var_declaration', 'var_spec_list', 'const_declaration', 'type_declaration']);

/**
 * The package-level comments that contain text, found from the text's offsets (one
 * lookup each) rather than by asking every top-level node and group member its type.
 */
function packageLevelComments(facts: FileFacts, text: string): Node[] {
  const comments: Node[] = [];
  for (let at = facts.source.indexOf(text); at >= 0; at = facts.source.indexOf(text, at + text.length)) {
    const node = facts.root.descendantForIndex(at, at + text.length);
    if (node?.type === 'comment' && node.parent && PACKAGE_LEVEL_PARENTS.has(node.parent.type)) comments.push(node);
  }
  return comments;
}

/**
 * Top-level functions and methods with a parenthesized result list (candidates for two
 * or more results). One query from the root: a loop over the top level asking each
 * node for its type and result costs three times as much (WebAssembly calls per node),
 * and this runs at every lint of an open document.
 */
const SIGNATURES = `
(source_file (function_declaration name: (identifier) @name result: (parameter_list)) @fn)
(source_file (method_declaration name: (field_identifier) @name result: (parameter_list)) @fn)`;
/** Compiled once per language, that is per WebAssembly generation; a dead generation's is dropped with it. */
const signatureQueries = new WeakMap<Language, Query>();

function signatureQuery(language: Language): Query {
  let query = signatureQueries.get(language);
  if (!query) {
    query = new (treeSitter().Query)(language, SIGNATURES);
    signatureQueries.set(language, query);
  }
  return query;
}

const GOOS = 'aix|android|darwin|dragonfly|freebsd|hurd|illumos|ios|js|linux|nacl|netbsd|openbsd|plan9|solaris|wasip1|windows|zos';
const GOARCH = '386|amd64|amd64p32|arm|armbe|arm64|arm64be|loong64|mips|mipsle|mips64|mips64le|mips64p32|mips64p32le|ppc|ppc64|ppc64le|riscv|riscv64|s390|s390x|sparc|sparc64|wasm';
/** go/build's file name constraints: name_GOOS.go, name_GOARCH.go, name_GOOS_GOARCH.go (and _test before .go). */
const CONSTRAINED_NAME = new RegExp(`_(${GOOS}|${GOARCH})(_(${GOARCH}))?(_test)?\\.go$`);
const CONSTRAINT_LINE = /^\/\/(go:build\s|\s*\+build\s)/m;

/** Whether the file is compiled only for some platforms or tags: a constraint in its name, or a //go:build (// +build) line above the package clause. */
function hasBuildConstraints(facts: FileFacts): boolean {
  return CONSTRAINED_NAME.test(path.basename(facts.fileName)) || CONSTRAINT_LINE.test(facts.source.slice(0, facts.packageClause?.startIndex ?? 0));
}

/** What a rule may ask about the rest of the workspace while linting one file. */
export interface PackageIndexView extends DeprecationIndex {
  /**
   * Changes whenever an answer of this view could change (the summaries of the other
   * files of the package, the deprecations of the imported packages); equal keys give
   * equal answers. For caches of findings.
   */
  readonly key: string;
  /** Functions (method false) or methods of any receiver (method true) named name, declared in the package's other files. */
  functions(name: string, method: boolean): readonly FunctionSummary[];
  /** Deprecated package-level names of the package's other files. */
  byPackageOf(fileName: string): ReadonlyMap<string, string> | undefined;
}

interface Entry {
  file: string;
  base: string;
  isTest: boolean;
  summary: FileSummary;
  /** A digest of the summary as JSON: a changed summary is a changed digest (the JSON itself doubled the index's memory). */
  digest: string;
  /** Hash of the file's functions, which other files of the package may call. */
  functionsStamp: string;
  /** Digest of the file's name and functions stamp, what the keys of the package's other files depend on. */
  keyPart: Buffer;
}

/**
 * One package's files (a folder's files with one package name; test files only for test
 * files), as every view of it needs them: made once per revision and shared by the views
 * of its files. Each view made its own (sorted the others, hashed them, gathered their
 * functions), which cost the square of the package's size: 500 files in runtime.
 */
interface PackageTable {
  /** In file name order. */
  entries: Entry[];
  /** By functionKey, in file name order, with the file each is declared in. */
  functions: Map<string, { file: string; fn: FunctionSummary }[]>;
  /** The XOR of the entries' keyParts: a view's others are this without its own part. */
  keyParts: Buffer;
  /** Whether any entry declares a deprecated name. */
  deprecates: boolean;
}

/** Changed whenever the meaning of a key changes, so old keys never match new ones. */
const KEY_FORMAT = 'godebt-package-index-2';

export class PackageIndex {
  private readonly dirs = new Map<string, Map<string, Entry>>();
  private readonly importPaths = new Map<string, string | undefined>();
  private revision = 0;
  /** Answers by import path, and package tables by folder, package name and test-ness, valid for one revision. */
  private memo: { revision: number; dirsByPath?: Map<string, string[]>; byPath: Map<string, Deprecations>; tables: Map<string, PackageTable> } =
    { revision: -1, byPath: new Map(), tables: new Map() };

  /** resolve gives a folder's import path (engine/importPaths.ts); without it, packages are found by folder only. */
  constructor(private resolve: ImportPathResolver = () => undefined) {}

  /** Increases whenever a summary is added, replaced by a different one, or removed. */
  get version(): number {
    return this.revision;
  }

  /** Sets (or with undefined, removes) a file's summary; true when the index changed. */
  set(file: string, summary: FileSummary | undefined): boolean {
    const dir = path.dirname(file);
    const entries = this.dirs.get(dir);
    const old = entries?.get(file);
    if (!summary) {
      if (!old) return false;
      entries!.delete(file);
      if (entries!.size === 0) this.dirs.delete(dir);
      this.revision++;
      return true;
    }
    const json = JSON.stringify(summary);
    const digest = hash(json);
    if (old?.digest === digest) return false;
    const base = path.basename(file);
    // A copy of its own: an open document's summary quotes its text (names, import
    // paths, notices), and a quote keeps that whole version of the text alive.
    const copy = JSON.parse(json) as FileSummary;
    const functionsStamp = hash(JSON.stringify(copy.functions));
    const keyPart = createHash('sha1').update(`${base}\0${functionsStamp}`).digest();
    const entry: Entry = { file, base, isTest: base.endsWith('_test.go'), summary: copy, digest, functionsStamp, keyPart };
    if (entries) entries.set(file, entry);
    else this.dirs.set(dir, new Map([[file, entry]]));
    this.revision++;
    return true;
  }

  /**
   * A new index with this one's summaries (entries are never changed, only replaced, so
   * the two share them) and import paths: a CLI worker builds the index of a run's
   * deprecations once and lints each package with a copy of it.
   */
  clone(): PackageIndex {
    const copy = new PackageIndex(this.resolve);
    for (const [dir, entries] of this.dirs) copy.dirs.set(dir, new Map(entries));
    for (const [dir, importPath] of this.importPaths) copy.importPaths.set(dir, importPath);
    copy.revision = this.revision;
    return copy;
  }

  get(file: string): FileSummary | undefined {
    return this.dirs.get(path.dirname(file))?.get(file)?.summary;
  }

  /** The summaries of one folder's files, or of every file. */
  entries(dir?: string): { file: string; summary: FileSummary }[] {
    const folders = dir === undefined ? [...this.dirs.values()] : [this.dirs.get(dir) ?? new Map<string, Entry>()];
    return folders.flatMap((entries) => [...entries.values()].map(({ file, summary }) => ({ file, summary })));
  }

  /** Takes a new resolver (after a go.mod changed) and forgets the folders' import paths. */
  setResolver(resolve: ImportPathResolver): void {
    this.resolve = resolve;
    this.importPaths.clear();
    this.revision++;
  }

  /**
   * The answers for file, from the other files' summaries: its package is the files of
   * its folder with its package name (test files only for test files), its imports are
   * those of its own summary (or imports, when it has none in the index yet).
   */
  view(file: string, imports?: readonly string[]): PackageIndexView {
    const dir = path.dirname(file);
    const own = this.dirs.get(dir)?.get(file);
    const isTest = file.endsWith('_test.go');
    const packageName = own?.summary.packageName ?? this.packageNameOf(dir);
    return new IndexView(this, file, packageName, isTest, this.table(dir, packageName, isTest), [...new Set(imports ?? own?.summary.imports ?? [])].sort());
  }

  /** The memo of the current revision (a new one after any change). */
  private current(): PackageIndex['memo'] {
    if (this.memo.revision !== this.revision) this.memo = { revision: this.revision, byPath: new Map(), tables: new Map() };
    return this.memo;
  }

  private table(dir: string, packageName: string, isTest: boolean): PackageTable {
    const tables = this.current().tables;
    const name = `${dir}\0${packageName}\0${isTest}`;
    let table = tables.get(name);
    if (table) return table;
    const entries = [...this.dirs.get(dir)?.values() ?? []]
      .filter((e) => e.summary.packageName === packageName && (isTest || !e.isTest))
      .sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
    const functions = new Map<string, { file: string; fn: FunctionSummary }[]>();
    const keyParts = Buffer.alloc(20);
    for (const e of entries) {
      for (const fn of e.summary.functions) {
        const k = functionKey(fn.name, fn.receiver !== '');
        let list = functions.get(k);
        if (!list) functions.set(k, (list = []));
        list.push({ file: e.file, fn });
      }
      xorInto(keyParts, e.keyPart);
    }
    table = { entries, functions, keyParts, deprecates: entries.some((e) => e.summary.deprecated.length > 0) };
    tables.set(name, table);
    return table;
  }

  /** The exported deprecated names of the package with this import path. */
  deprecationsOf(importPath: string): Deprecations {
    const memo = this.current();
    let found = memo.byPath.get(importPath);
    if (found) return found;
    if (!memo.dirsByPath) {
      memo.dirsByPath = new Map();
      for (const dir of this.dirs.keys()) {
        const importPathOfDir = this.importPathOf(dir);
        if (importPathOfDir !== undefined) memo.dirsByPath.set(importPathOfDir, [...memo.dirsByPath.get(importPathOfDir) ?? [], dir]);
      }
    }
    const files = (memo.dirsByPath.get(importPath) ?? []).flatMap((dir) => {
      const packageName = this.packageNameOf(dir);
      return [...this.dirs.get(dir)!.values()].filter((e) => !e.isTest && e.summary.packageName === packageName);
    });
    found = deprecations(files, (name) => /^\p{Lu}/u.test(name));
    memo.byPath.set(importPath, found);
    return found;
  }

  /** The import path of a folder's package (remembered until setResolver). */
  importPathOf(dir: string): string | undefined {
    if (!this.importPaths.has(dir)) this.importPaths.set(dir, this.resolve(dir));
    return this.importPaths.get(dir);
  }

  /** The package a folder's import path names: the package name most of its non-test files have. */
  private packageNameOf(dir: string): string {
    const counts = new Map<string, number>();
    for (const e of this.dirs.get(dir)?.values() ?? []) if (!e.isTest) counts.set(e.summary.packageName, (counts.get(e.summary.packageName) ?? 0) + 1);
    let best = '';
    for (const [name, count] of counts) if (count > (counts.get(best) ?? 0) || (count === counts.get(best) && name < best)) best = name;
    return best;
  }
}

/** Deprecated names (name → notice), and a stamp of them ("" when none). */
export interface Deprecations {
  names: ReadonlyMap<string, string>;
  stamp: string;
}

/** a ^= b, for digests of equal length. */
function xorInto(a: Buffer, b: Buffer): void {
  for (let i = 0; i < a.length; i++) a[i] ^= b[i];
}

/** The deprecated names of files of one package. */
function deprecations(files: readonly Entry[], include: (name: string) => boolean = () => true): Deprecations {
  const names = new Map<string, string>();
  for (const e of files) for (const d of e.summary.deprecated) if (include(d.name)) names.set(d.name, d.notice);
  return { names, stamp: names.size === 0 ? '' : hash(JSON.stringify([...names].sort())) };
}

/** One file's answers; valid until the index changes (make a new view then). */
class IndexView implements PackageIndexView {
  private keyText: string | undefined;
  private packageDeprecations: Deprecations | undefined;

  constructor(
    private readonly index: PackageIndex, private readonly file: string, private readonly packageName: string,
    private readonly isTest: boolean, private readonly table: PackageTable, private readonly imports: readonly string[],
  ) {}

  /** Made of the answers, not of the summaries: a new name or import elsewhere changes it only when it changes an answer. */
  get key(): string {
    if (this.keyText === undefined) {
      const h = createHash('sha1').update(`${KEY_FORMAT}\0${this.packageName}\0${this.isTest}\n`);
      // The others' parts: the table's, less this file's own when it is one of the package's.
      const others = Buffer.from(this.table.keyParts);
      const own = this.table.entries.find((e) => e.file === this.file);
      if (own) xorInto(others, own.keyPart);
      h.update(others);
      h.update(`package ${this.ownDeprecations().stamp}\n`);
      for (const i of this.imports) h.update(`import ${i}\0${this.index.deprecationsOf(i).stamp}\n`);
      this.keyText = h.digest('hex');
    }
    return this.keyText;
  }

  functions(name: string, method: boolean): readonly FunctionSummary[] {
    const declared = this.table.functions.get(functionKey(name, method));
    return declared?.filter((d) => d.file !== this.file).map((d) => d.fn) ?? [];
  }

  byImportPath(importPath: string): ReadonlyMap<string, string> | undefined {
    const { names } = this.index.deprecationsOf(importPath);
    return names.size > 0 ? names : undefined;
  }

  byPackageOf(fileName: string): ReadonlyMap<string, string> | undefined {
    if (fileName !== this.file) return this.index.view(fileName).byPackageOf(fileName);
    return this.ownDeprecations().names;
  }

  private ownDeprecations(): Deprecations {
    this.packageDeprecations ??= this.table.deprecates ? deprecations(this.table.entries.filter((e) => e.file !== this.file)) : deprecations([]);
    return this.packageDeprecations;
  }
}

function functionKey(name: string, method: boolean): string {
  return `${method ? 'm' : 'f'}\0${name}`;
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
