// What a rule is. One rule = one module under server/src/rules/<category>/<id>.ts
// that default-exports defineRule({ meta, query, check }). Everything users see about
// a rule (diagnostic code and severity, guidance link, CLI output, docs index, config
// schema, debt category and effort) is derived from `meta`.
import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './fileFacts';
import type { Fix } from './fix';
import type { PackageIndexView } from './packageIndex';
import type { DirectiveState } from './suppression';

export const CATEGORIES = [
  'error-handling', 'resilience', 'lifecycle', 'observability',
  'security', 'abstraction', 'maintainability', 'dependencies',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A rule option, described once: it drives defaults, validation and the JSON schema. */
export interface RuleOption {
  type: 'integer' | 'number' | 'boolean' | 'string';
  default: number | boolean | string;
  description: string;
  minimum?: number;
}

export interface RuleMeta {
  /** Stable kebab-case id; the diagnostic code and the file name of the module and docs page. */
  id: string;
  category: Category;
  severity: Severity;
  /** Estimated minutes to remediate one finding (a finding may report its own figure). */
  effortMinutes: number;
  /** How the effort is reckoned, in words, when it is more than one fixed figure. */
  effortNote?: string;
  fixable: boolean;
  /** One line, shown in lists and the docs index. */
  summary: string;
  /** golangci-lint linter names whose //nolint:NAME also silences this rule. */
  nolintAliases?: readonly string[];
  options?: Readonly<Record<string, RuleOption>>;
  /** Which files the rule reads: Go sources (default) or go.mod files. */
  language?: 'go' | 'go.mod';
  /** Rules that also look at _test.go files; by default those are skipped. */
  includeTests?: boolean;
  /**
   * Rules about what a built package or program does (how it links, what it does at run
   * time, what its importers suffer): they skip files that no build includes
   * (`//go:build ignore`: generators, examples, cgo -godefs inputs). Rules about the
   * source itself (size, complexity, error idioms) read those files too.
   */
  onlyBuiltFiles?: boolean;
  /**
   * Package-level findings (e.g. a package's name): a folder scan keeps only the one
   * on the first file of the package in path order; the editor shows it on each file.
   */
  oncePerPackage?: boolean;
}

/** A half-open range of UTF-16 offsets into the source text. */
export interface Span {
  start: number;
  end: number;
}

export interface Report {
  /** Where to put the squiggle: a node, or an explicit span. */
  node?: Node;
  span?: Span;
  message: string;
  fix?: Fix | null;
  /** Overrides meta.effortMinutes for this finding (size rules scale with the excess). */
  effortMinutes?: number;
}

export type OptionValues = Readonly<Record<string, number | boolean | string>>;

/** What a rule's check() sees. Facts about the file are computed once and shared by all rules. */
export interface RuleContext {
  readonly source: string;
  readonly facts: FileFacts;
  readonly options: OptionValues;
  /**
   * What the other files of the workspace say (engine/packageIndex.ts): functions of the
   * package declared in other files, deprecated names of the package and of imported
   * packages. Absent when the file is linted alone; rules then answer from the file.
   */
  readonly packageIndex?: PackageIndexView;
  report(report: Report): void;
  /**
   * Whether text is Go without syntax errors when read as statements (inside a function
   * body) or as top-level declarations. For rules that judge text in comments.
   */
  isValidGo(text: string, as: 'statements' | 'declarations'): boolean;
}

/** What a go.mod rule's checkGoMod() sees: the file's text, nothing parsed for it. */
export interface GoModContext {
  readonly fileName: string;
  readonly source: string;
  readonly options: OptionValues;
  report(report: { span: Span; message: string; effortMinutes?: number }): void;
}

/** Captures of one query match, by capture name (without the rule prefix). */
export interface Captures {
  /** The first node captured under name, if any. */
  get(name: string): Node | undefined;
  /** Every node captured under name, in order. */
  all(name: string): Node[];
  /**
   * Index of the rule's pattern that matched (0 for the rule's first pattern), or
   * SELECTOR_PATTERN for a selector the rule asked for with Rule.selectors.
   */
  readonly pattern: number;
}

/** Captures.pattern of the selectors a rule asked for with Rule.selectors. */
export const SELECTOR_PATTERN = -1;

/**
 * Which selector expressions (`pkg.Name`, `x.Method(...)`) a rule looks at, by the name
 * after the dot: a list of names, or a pattern the name matches.
 */
export type SelectorNames = readonly string[] | RegExp;

export interface Rule {
  meta: RuleMeta;
  /**
   * A tree-sitter query selecting candidate nodes; all rules' queries are combined into
   * one Query so a file is matched in a single pass. Optional for rules that only
   * need finish().
   */
  query?: string;
  /**
   * Selector expressions the rule looks at, by name. One pattern of the engine finds
   * every selector and hands each to the rules that asked for its name: a pattern per
   * rule with a #match? on the name turned every selector of a file into JS objects
   * once per rule before its predicate rejected it, which was most of a lint's cost.
   * check() receives them with captures.pattern === SELECTOR_PATTERN and the captures
   * `selector`, `operand`, `name` and, when the selector is the function of a call,
   * `call` (looked up on first use).
   */
  selectors?: SelectorNames;
  /** Decides whether a candidate is really a problem and reports it. */
  check?(ctx: RuleContext, captures: Captures): void;
  /** Called once per file after all matches (for per-file aggregates). */
  finish?(ctx: RuleContext): void;
  /**
   * For rules about the suppression directives themselves: called once per file after
   * the other rules' findings were matched against the directives (so each directive
   * knows whether it was used). Its findings can be suppressed like any other.
   */
  checkDirectives?(ctx: RuleContext, state: DirectiveState): void;
  /** For rules with meta.language 'go.mod': checks one go.mod file. */
  checkGoMod?(ctx: GoModContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Option values with defaults filled in from meta. */
export function defaultOptions(meta: RuleMeta): Record<string, number | boolean | string> {
  const values: Record<string, number | boolean | string> = {};
  for (const [name, option] of Object.entries(meta.options ?? {})) values[name] = option.default;
  return values;
}
