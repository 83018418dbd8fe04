// Facts about one Go file that many rules need: package, imports, whether it is a
// test or generated file. Computed once per parse from the top-level nodes only.
import type { Node, Tree } from 'web-tree-sitter';
import { codeOnly } from './codeText';

export interface ImportSpec {
  /** The import path without quotes, e.g. "net/http". */
  path: string;
  /** The explicit name (alias, "_" or "."), if any. */
  alias?: string;
  /** The name the file refers to the package by ("" for blank or dot imports). */
  localName: string;
  /** The import_spec node. */
  node: Node;
}

export interface FileFacts {
  /** Path or URI of the file, as given by the caller (used for _test.go and reporting). */
  readonly fileName: string;
  /** The text the tree was parsed from. */
  readonly source: string;
  /**
   * The same text, for searches across the whole file (is this import still used
   * elsewhere?). Reading it this way tells the editor's incremental linting that the
   * finding depends on every declaration, not just its own: it is then recomputed on
   * every change instead of being reused while its declaration is unchanged.
   */
  wholeText(): string;
  /**
   * How many times the regular expression (source text, flags 'gu') matches the file's
   * code with comments and literals blanked out: e.g. whether an import is still used.
   * Answers are computed once per lint; the editor's incremental linting records the
   * answers a finding depended on and reuses the finding only while they stay the same.
   */
  codeMatches(pattern: string): number;
  /**
   * The syntax tree's root. Reading other declarations through it (or through topLevel
   * or declarationsNamed) tells the editor's incremental linting that the finding
   * depends on the file's outline: it is then recomputed when any signature or type changes.
   */
  readonly root: Node;
  /** The root's named children (package clause, imports, declarations, comments), read once. */
  readonly topLevel: readonly Node[];
  readonly packageName: string;
  readonly packageClause: Node | undefined;
  readonly imports: readonly ImportSpec[];
  readonly isTest: boolean;
  readonly isGenerated: boolean;
  /** The local name under which path is imported, or undefined when it is not. */
  localNameOf(path: string): string | undefined;
  /** Top-level function or method declarations (of any receiver) named name; indexed on first use. */
  declarationsNamed(type: 'function_declaration' | 'method_declaration', name: string): readonly Node[];
  /** The import path a local package name refers to, if it is an import of this file. */
  pathOf(localName: string): string | undefined;
}

/** gofmt's marker for generated files, which must appear before the package clause (CRLF files too). */
export const GENERATED_MARKER = /^\/\/ Code generated .* DO NOT EDIT\.\r?$/m;

/** Whether a file is a Go test file, by its name (as go build decides). */
export function isTestFile(fileName: string): boolean {
  return fileName.endsWith('_test.go');
}

/** Told when a rule reads beyond its own declaration (see FileFacts.root, wholeText and codeMatches). */
export interface FactReads {
  outline(): void;
  wholeText(): void;
  codeMatches(pattern: string, count: number): void;
}

/** Facts by tree: the package index summarizes a file just before the engine lints the same tree. */
const factsOfTree = new WeakMap<Tree, FileFacts>();

/** The file's facts; with reads, a view of them that reports what is read beyond a declaration. */
export function collectFileFacts(fileName: string, tree: Tree, source: string, reads?: FactReads): FileFacts {
  let facts = factsOfTree.get(tree);
  if (facts?.fileName !== fileName || facts.source !== source) {
    facts = computeFileFacts(fileName, tree, source);
    factsOfTree.set(tree, facts);
  }
  return reads ? tracked(facts, reads) : facts;
}

function tracked(facts: FileFacts, reads: FactReads): FileFacts {
  return {
    ...facts,
    wholeText: () => {
      reads.wholeText();
      return facts.source;
    },
    codeMatches: (pattern) => {
      const count = facts.codeMatches(pattern);
      reads.codeMatches(pattern, count);
      return count;
    },
    get root() {
      reads.outline();
      return facts.root;
    },
    get topLevel() {
      reads.outline();
      return facts.topLevel;
    },
    declarationsNamed: (type, name) => {
      reads.outline();
      return facts.declarationsNamed(type, name);
    },
  };
}

function computeFileFacts(fileName: string, tree: Tree, source: string): FileFacts {
  const root = tree.rootNode;
  let packageClause: Node | undefined;
  const imports: ImportSpec[] = [];
  const topLevel = root.namedChildren.filter((n): n is Node => n !== null);
  for (const child of topLevel) {
    if (child.type === 'package_clause') packageClause = child;
    else if (child.type === 'import_declaration') {
      for (const spec of child.descendantsOfType('import_spec')) if (spec) imports.push(importSpec(spec));
    }
  }
  const packageName = packageClause?.namedChildren[0]?.text ?? '';
  let declarations: Map<string, Node[]> | undefined;
  const answers = new Map<string, number>();
  let code: string | undefined;
  const header = source.slice(0, packageClause?.startIndex ?? Math.min(source.length, 4096));
  const byPath = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const spec of imports) {
    if (!spec.localName) continue;
    if (!byPath.has(spec.path)) byPath.set(spec.path, spec.localName);
    byName.set(spec.localName, spec.path);
  }
  return {
    fileName,
    source,
    wholeText: () => source,
    codeMatches: (pattern) => {
      let count = answers.get(pattern);
      code ??= codeOnly(source, topLevel);
      if (count === undefined) answers.set(pattern, (count = [...code.matchAll(new RegExp(pattern, 'gu'))].length));
      return count;
    },
    root,
    topLevel,
    packageName,
    packageClause,
    imports,
    isTest: isTestFile(fileName),
    isGenerated: GENERATED_MARKER.test(header),
    localNameOf: (path) => byPath.get(path),
    pathOf: (name) => byName.get(name),
    declarationsNamed: (type, name) => {
      declarations ??= indexDeclarations(topLevel);
      return declarations.get(`${type}\0${name}`) ?? [];
    },
  };
}

/** Function and method declarations by type and name, so rules need not walk the top level per lookup. */
function indexDeclarations(topLevel: readonly Node[]): Map<string, Node[]> {
  const index = new Map<string, Node[]>();
  for (const node of topLevel) {
    if (node.type !== 'function_declaration' && node.type !== 'method_declaration') continue;
    const key = `${node.type}\0${node.childForFieldName('name')?.text ?? ''}`;
    index.set(key, [...(index.get(key) ?? []), node]);
  }
  return index;
}

function importSpec(spec: Node): ImportSpec {
  const pathNode = spec.childForFieldName('path');
  const nameNode = spec.childForFieldName('name');
  const path = unquote(pathNode?.text ?? '');
  const alias = nameNode?.text;
  const localName = alias === undefined ? defaultPackageName(path) : alias === '_' || alias === '.' ? '' : alias;
  return { path, alias, localName, node: spec };
}

export function unquote(literal: string): string {
  if (literal.length >= 2 && (literal[0] === '"' || literal[0] === '`')) return literal.slice(1, -1);
  return literal;
}

/**
 * The name a package is referred to by when imported without an alias. Without type
 * information this follows the conventions: the last path element, minus a major
 * version suffix ("/v2") or a gopkg.in ".v3" suffix, minus a "go-" prefix.
 */
export function defaultPackageName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1];
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2];
  last = last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/-go$/, '');
  return last.replace(/[^A-Za-z0-9_]/g, '_');
}
