// Suppression directives in comments (RULES.md, "Suppression"):
//   //godebt:ignore RULE[,RULE...] -- reason       this line and the next
//   //godebt:file-ignore RULE[,RULE...] -- reason  the whole file; only before the first
//                                                  declaration (imports do not count)
//   //nolint, //nolint:all, //nolint:godebt, //nolint:NAME[,NAME] // reason
//     golangci-lint's form, with its scope: the comment's own lines, and when a syntax
//     node starts on the line after the comment (or after the comment block holding
//     it, such as a doc comment) in the same column, that whole node, as golangci-lint
//     does. NAME is `godebt`, a rule id, or one of a rule's peer linters.
import type { Node } from 'web-tree-sitter';
import type { RuleMeta } from './rule';
import { SourceMarks } from './sourceMarks';

export interface Directive {
  kind: 'ignore' | 'file-ignore' | 'nolint';
  /** Rule ids (godebt directives) or linter names (nolint, lower case); empty = every rule (nolint). */
  names: string[];
  /** The text after ` -- ` (godebt) or after `//` (nolint); '' when there is none. */
  reason: string;
  /** First and last 0-based line covered. */
  fromLine: number;
  toLine: number;
  /** The comment node's offsets, for fixes that edit or remove the directive. */
  start: number;
  end: number;
  /** Why the directive cannot take effect (it then covers nothing), e.g. a misplaced file-ignore. */
  problem?: string;
  /** Set by the runner when the directive silenced at least one finding. */
  used: boolean;
}

/** What rules about directives see: every directive of the file, and which rules ran. */
export interface DirectiveState {
  readonly directives: readonly Directive[];
  /**
   * 'active': the rule ran on this file; 'inactive': it exists but is off, does not
   * look at this file, or failed; 'unknown': no godebt rule has this id.
   */
  ruleState(id: string): 'active' | 'inactive' | 'unknown';
}

/** Text that may hold a directive comment: `//godebt:...`, or `//nolint` in any case (GODEBT and NOLINT need these). */
export const MAY_HOLD_DIRECTIVE = /godebt:|nolint/i;

/**
 * Whether the comment starting at source[start] may be a directive, from two characters:
 * GODEBT and NOLINT need a g, n or N right after the `//` or one space after it. Most
 * comments are not; reading their text from the tree costs a call into WebAssembly.
 */
export function mayBeDirective(source: string, start: number): boolean {
  const startsName = (c: number) => c === 0x67 || c === 0x6e || c === 0x4e; // g, n, N
  return startsName(source.charCodeAt(start + 2)) || startsName(source.charCodeAt(start + 3));
}

const GODEBT = /^\/\/\s?godebt:(ignore|file-ignore)(?=\s|$)(.*)$/;
const NOLINT = /^\/\/\s?nolint(?::([^\s/]*))?(?=\s|\/\/|$)(.*)$/i;
const ID_LIST = /^([\w.-]+(?:\s*,\s*[\w.-]+)*)?/;

/** Parses one comment node; null when it is not a directive. */
export function parseDirective(comment: Node): Directive | null {
  const text = comment.text;
  const line = comment.startPosition.row;
  const base = { fromLine: line, toLine: line + 1, start: comment.startIndex, end: comment.endIndex, used: false };
  const godebt = GODEBT.exec(text);
  if (godebt) {
    const rest = godebt[2].trim();
    const dashes = rest.indexOf('--');
    const ids = (dashes < 0 ? rest : rest.slice(0, dashes)).trim();
    const names = splitNames(ID_LIST.exec(ids)?.[1] ?? '');
    const reason = dashes < 0 ? '' : rest.slice(dashes + 2).trim();
    const problem = names.length === 0 ? 'names no rule' : undefined;
    if (godebt[1] === 'file-ignore') return { ...base, kind: 'file-ignore', names, reason, fromLine: 0, toLine: Infinity, problem };
    return { ...base, kind: 'ignore', names, reason, problem };
  }
  const nolint = NOLINT.exec(text);
  if (nolint) {
    const names = splitNames(nolint[1] ?? '').map((n) => n.toLowerCase());
    const reason = /^\s*\/\/(.*)$/.exec(nolint[2])?.[1].trim() ?? '';
    return { ...base, kind: 'nolint', names, reason, ...nolintLines(comment) };
  }
  return null;
}

function splitNames(list: string): string[] {
  return list.split(',').map((s) => s.trim()).filter(Boolean);
}

/** golangci-lint's range: the comment block holding the directive, extended over the node right below it. */
function nolintLines(comment: Node): { fromLine: number; toLine: number } {
  let first = comment;
  let last = comment;
  const adjacent = (a: Node, b: Node) => a.type === 'comment' && b.type === 'comment' && b.startPosition.row === a.endPosition.row + 1;
  for (let prev = first.previousNamedSibling; prev && adjacent(prev, first) && ownLine(prev); prev = prev.previousNamedSibling) first = prev;
  for (let next = last.nextNamedSibling; next && adjacent(last, next); next = next.nextNamedSibling) last = next;
  let fromLine = first.startPosition.row;
  let toLine = last.endPosition.row;
  if (!ownLine(first)) fromLine = toLine = comment.startPosition.row;
  let below = last.nextNamedSibling;
  // A comment before a block's first statement precedes the statement list, not the statement.
  if (below?.type === 'statement_list') below = below.firstNamedChild;
  if (below && below.startPosition.row === toLine + 1 && below.startPosition.column === first.startPosition.column && ownLine(first)) {
    toLine = below.endPosition.row;
  }
  return { fromLine, toLine };
}

/** Whether nothing but indentation precedes the comment on its line. */
function ownLine(comment: Node): boolean {
  const prev = comment.previousSibling;
  return !prev || prev.endPosition.row < comment.startPosition.row;
}

/** Whether names of a //nolint belong to godebt alone (so golangci-lint has no use for it). */
export function isGodebtOnlyNolint(directive: Directive, isRuleId: (name: string) => boolean): boolean {
  return directive.kind === 'nolint' && directive.names.length > 0 && directive.names.every((n) => n === 'godebt' || isRuleId(n));
}

/**
 * The Go line (tree-sitter's row, 0-based) of an offset of source, given its LSP line.
 * Directives hold Go lines; a finding's range holds LSP lines, which also end at a lone
 * \r (Go and tree-sitter end a line at \n only, so `// a\rb` is one comment to them).
 */
export function goLines(source: string): (offset: number, lspLine: number) => number {
  if (source.indexOf('\r') < 0 || !/\r(?!\n)/.test(source)) return (_offset, lspLine) => lspLine;
  const newlines = new SourceMarks(source, 0, source.length, ['\n']);
  return (offset) => newlines.countBefore('\n', offset);
}

/** Whether directive silences a finding of meta's rule on Go line `line` (goLines). */
export function covers(directive: Directive, meta: RuleMeta, line: number): boolean {
  if (directive.problem || line < directive.fromLine || line > directive.toLine) return false;
  if (directive.kind === 'nolint') {
    if (directive.names.length === 0 || directive.names.includes('all')) return true;
    return directive.names.some((n) => n === 'godebt' || n === meta.id || (meta.nolintAliases ?? []).includes(n));
  }
  return directive.names.includes(meta.id);
}

/** The placeholder the suppress actions write; it is not a reason (suppression-without-reason says so). */
export const REASON_PLACEHOLDER = '<reason>';

/** The directive text the "Suppress RULE on this line" action writes. */
export function ignoreDirective(ruleId: string, reason = REASON_PLACEHOLDER): string {
  return `//godebt:ignore ${ruleId} -- ${reason}`;
}

/** The directive text the "Suppress RULE in this file" action writes. */
export function fileIgnoreDirective(ruleId: string, reason = REASON_PLACEHOLDER): string {
  return `//godebt:file-ignore ${ruleId} -- ${reason}`;
}
