// Suppression directives in comments (RULES.md, "Suppression"):
//   //godebt:ignore RULE[,RULE...] -- reason    this line and the next
//   //godebt:file-ignore RULE[,RULE...] -- reason   the whole file (before the first declaration)
//   //nolint, //nolint:godebt, //nolint:NAME[,NAME]   golangci-lint's form, same lines;
//     before a declaration it covers the whole declaration, as in golangci-lint.
import type { Node } from 'web-tree-sitter';
import type { RuleMeta } from './rule';

export interface Directive {
  kind: 'ignore' | 'file-ignore' | 'nolint';
  /** Rule ids (godebt directives) or linter names (nolint); empty = every rule. */
  names: string[];
  reason: string;
  /** First and last 0-based line covered. */
  fromLine: number;
  toLine: number;
  /** The comment node's offsets, for fixes that edit or remove the directive. */
  start: number;
  end: number;
  used: boolean;
}

const GODEBT = /^\/\/\s?godebt:(ignore|file-ignore)\b(.*)$/;
const NOLINT = /^\/\/\s?nolint(?::([\w,-]+))?\b/;

/** Parses one comment; comment is the node, nextSibling the node after it (for nolint on declarations). */
export function parseDirective(comment: Node): Directive | null {
  const text = comment.text;
  const line = comment.startPosition.row;
  const base = { fromLine: line, toLine: line + 1, start: comment.startIndex, end: comment.endIndex, used: false };
  const godebt = GODEBT.exec(text);
  if (godebt) {
    const [ids, reason = ''] = splitReason(godebt[2]);
    const names = ids.split(',').map((s) => s.trim()).filter(Boolean);
    if (godebt[1] === 'file-ignore') return { ...base, kind: 'file-ignore', names, reason, fromLine: 0, toLine: Infinity };
    return { ...base, kind: 'ignore', names, reason };
  }
  const nolint = NOLINT.exec(text);
  if (nolint) {
    const names = (nolint[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    let toLine = line + 1;
    const next = comment.nextNamedSibling;
    if (next && next.startPosition.row === line + 1 && /_declaration$/.test(next.type)) toLine = next.endPosition.row;
    return { ...base, kind: 'nolint', names, reason: splitReason(text)[1] ?? '', toLine };
  }
  return null;
}

function splitReason(rest: string): [string, string | undefined] {
  const at = rest.indexOf('--');
  if (at < 0) return [rest.trim(), undefined];
  return [rest.slice(0, at).trim(), rest.slice(at + 2).trim()];
}

export function covers(directive: Directive, meta: RuleMeta, line: number): boolean {
  if (line < directive.fromLine || line > directive.toLine) return false;
  if (directive.kind === 'nolint') {
    if (directive.names.length === 0) return true;
    return directive.names.some((n) => n === 'godebt' || n === meta.id || (meta.nolintAliases ?? []).includes(n));
  }
  return directive.names.includes(meta.id);
}

/** The directive text the "Suppress RULE on this line" action writes. */
export function ignoreDirective(ruleId: string, reason = '<reason>'): string {
  return `//godebt:ignore ${ruleId} -- ${reason}`;
}
