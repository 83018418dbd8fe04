// A small reader for go.mod files, enough for the go.mod rules: the module path, the
// go version, and every requirement with its offsets and `// indirect` mark. Other
// directives (replace, exclude, retract, toolchain, godebug, tool, ...) are kept as
// plain directives, so their blocks are never read as requirements.
//
// The syntax (go.dev/ref/mod#go-mod-file-grammar) is line based: a directive is a verb
// and arguments on one line, or a verb and a block `verb (` ... `)` whose lines each
// hold one set of arguments. Comments start with `//` and run to the end of the line;
// arguments may be quoted with "..." or `...`.
import type { Span } from './rule';

export interface GoModToken {
  /** The token's value, unquoted. */
  value: string;
  span: Span;
}

export interface GoModLine {
  /** The arguments on the line (without the verb for a single-line directive). */
  args: GoModToken[];
  /** The comment at the end of the line, without `//`, trimmed; "" when none. */
  comment: string;
  /** The line, from its first token to its end, comment included. */
  span: Span;
}

export interface GoModDirective {
  verb: string;
  /** From the verb to the end of the line, or to the closing `)` of a block. */
  span: Span;
  /** Whether the directive is a `verb ( ... )` block. */
  block: boolean;
  lines: GoModLine[];
}

export interface GoModRequirement {
  path: string;
  version: string;
  /** Marked `// indirect`: needed only by other dependencies. */
  indirect: boolean;
  pathSpan: Span;
  line: GoModLine;
  directive: GoModDirective;
}

export interface GoModFile {
  module?: GoModToken;
  go?: GoModToken;
  directives: GoModDirective[];
  requirements: GoModRequirement[];
}

export function parseGoMod(source: string): GoModFile {
  const directives: GoModDirective[] = [];
  let open: GoModDirective | null = null;
  for (const { tokens, comment, start, end } of lines(source)) {
    if (open) {
      if (tokens[0]?.value === ')' && !tokens[0].quoted) {
        open.span.end = tokens[0].span.end;
        open = null;
      } else if (tokens.length > 0) {
        open.lines.push({ args: tokens.map(plain), comment, span: { start: tokens[0].span.start, end } });
      }
      continue;
    }
    if (tokens.length === 0) continue;
    const [verb, ...args] = tokens;
    const span = { start: verb.span.start, end };
    if (args.length >= 1 && args[0].value === '(' && !args[0].quoted) {
      const closed = args.length === 2 && args[1].value === ')' && !args[1].quoted;
      const directive = { verb: verb.value, span, block: true, lines: [] };
      directives.push(directive);
      if (!closed) open = directive;
      continue;
    }
    directives.push({ verb: verb.value, span, block: false, lines: [{ args: args.map(plain), comment, span: { start, end } }] });
  }
  const requirements: GoModRequirement[] = [];
  for (const directive of directives) {
    if (directive.verb !== 'require') continue;
    for (const line of directive.lines) {
      const [path, version] = line.args;
      if (!path) continue;
      requirements.push({
        path: path.value,
        version: version?.value ?? '',
        indirect: /^indirect(;|$)/.test(line.comment),
        pathSpan: path.span,
        line,
        directive,
      });
    }
  }
  const first = (verb: string) => directives.find((d) => d.verb === verb && !d.block)?.lines[0]?.args[0];
  return { module: first('module'), go: first('go'), directives, requirements };
}

interface RawToken extends GoModToken {
  quoted: boolean;
}

function plain(token: RawToken): GoModToken {
  return { value: token.value, span: token.span };
}

/** The tokens and end-of-line comment of each line. */
function* lines(source: string): Generator<{ tokens: RawToken[]; comment: string; start: number; end: number }> {
  for (let start = 0; start <= source.length;) {
    const newline = source.indexOf('\n', start);
    const end = newline < 0 ? source.length : newline;
    const lineEnd = source[end - 1] === '\r' ? end - 1 : end;
    yield { ...tokenize(source, start, lineEnd), start, end: lineEnd };
    if (newline < 0) break;
    start = newline + 1;
  }
}

function tokenize(source: string, from: number, to: number): { tokens: RawToken[]; comment: string } {
  const tokens: RawToken[] = [];
  let i = from;
  while (i < to) {
    const ch = source[i];
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (source.startsWith('//', i)) {
      return { tokens, comment: source.slice(i + 2, to).trim() };
    } else if (ch === '(' || ch === ')') {
      tokens.push({ value: ch, span: { start: i, end: i + 1 }, quoted: false });
      i++;
    } else if (ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < to && source[j] !== ch) j += ch === '"' && source[j] === '\\' ? 2 : 1;
      const raw = source.slice(i, Math.min(j + 1, to));
      tokens.push({ value: unquote(raw), span: { start: i, end: Math.min(j + 1, to) }, quoted: true });
      i = j + 1;
    } else {
      let j = i;
      while (j < to && !/[\s()"`]/.test(source[j]) && !source.startsWith('//', j)) j++;
      tokens.push({ value: source.slice(i, j), span: { start: i, end: j }, quoted: false });
      i = j;
    }
  }
  return { tokens, comment: '' };
}

function unquote(raw: string): string {
  if (raw.startsWith('`')) return raw.slice(1, raw.endsWith('`') && raw.length > 1 ? -1 : undefined);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined);
  }
}
