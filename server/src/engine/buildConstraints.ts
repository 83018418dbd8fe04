// Build constraints (go.dev/cmd/go#hdr-Build_constraints): whether the go tool ever
// builds a file. A file whose constraint needs the tag `ignore` (`//go:build ignore`,
// `// +build ignore`) is left out of every build by convention: generators run with
// `go run gen.go`, examples, inputs to `go tool cgo -godefs`. Rules about what a built
// package or program does (meta.onlyBuiltFiles) skip such files.
import type { FileFacts } from './fileFacts';

/** The tag that no build sets, by convention. */
const NEVER_SET = 'ignore';

/** More distinct tags than this in one constraint: assume some build satisfies it. */
const MAX_TAGS = 12;

type Expr = { tag: string } | { not: Expr } | { and: [Expr, Expr] } | { or: [Expr, Expr] };

const memo = new WeakMap<FileFacts, boolean>();

/** True when the file's build constraint holds in no build: it needs the tag `ignore`. */
export function neverBuilt(facts: FileFacts): boolean {
  let result = memo.get(facts);
  if (result === undefined) {
    const header = facts.source.slice(0, facts.packageClause?.startIndex ?? 0);
    const constraint = header.includes('build') ? fileConstraint(header) : null;
    result = constraint !== null && !satisfiable(constraint);
    memo.set(facts, result);
  }
  return result;
}

/**
 * The constraint of a file header: its `//go:build` line, or failing that the `+build`
 * lines (ANDed), or null when there is none or it does not parse (then the file counts
 * as built, as the go tool would report the error instead of skipping the file).
 */
function fileConstraint(header: string): Expr | null {
  const goBuild = /^\/\/go:build\s+(.*?)\s*$/m.exec(header);
  if (goBuild) return parseExpression(goBuild[1]);
  let all: Expr | null = null;
  for (const line of header.matchAll(/^\/\/\s*\+build\s+(.*?)\s*$/gm)) {
    const expr = parsePlusBuild(line[1]);
    if (!expr) return null;
    all = all ? { and: [all, expr] } : expr;
  }
  return all;
}

/** `// +build A,B !C` means (A && B) || !C. */
function parsePlusBuild(line: string): Expr | null {
  let any: Expr | null = null;
  for (const option of line.split(/\s+/).filter(Boolean)) {
    let every: Expr | null = null;
    for (const term of option.split(',')) {
      const negated = term.startsWith('!');
      const tag = negated ? term.slice(1) : term;
      if (!/^[\w.]+$/.test(tag)) return null;
      const expr: Expr = negated ? { not: { tag } } : { tag };
      every = every ? { and: [every, expr] } : expr;
    }
    if (!every) return null;
    any = any ? { or: [any, every] } : every;
  }
  return any;
}

/** A `//go:build` expression: tags, `!`, `&&`, `||` and parentheses. */
function parseExpression(text: string): Expr | null {
  const tokens = text.match(/&&|\|\||[!()]|[\w.]+|\S/g) ?? [];
  let at = 0;
  const or = (): Expr | null => {
    let left = and();
    while (left && tokens[at] === '||') {
      at++;
      const right = and();
      left = right && { or: [left, right] };
    }
    return left;
  };
  const and = (): Expr | null => {
    let left = unary();
    while (left && tokens[at] === '&&') {
      at++;
      const right = unary();
      left = right && { and: [left, right] };
    }
    return left;
  };
  const unary = (): Expr | null => {
    const token = tokens[at++];
    if (token === '!') {
      const operand = unary();
      return operand && { not: operand };
    }
    if (token === '(') {
      const inner = or();
      return tokens[at++] === ')' ? inner : null;
    }
    return token !== undefined && /^[\w.]+$/.test(token) ? { tag: token } : null;
  };
  const expr = or();
  return at === tokens.length ? expr : null;
}

/** Whether some build (any tags set, except `ignore`) satisfies expr. */
function satisfiable(expr: Expr): boolean {
  const tags = [...new Set(tagsOf(expr))].filter((t) => t !== NEVER_SET);
  if (tags.length > MAX_TAGS) return true;
  for (let bits = 0; bits < 1 << tags.length; bits++) {
    const set = new Set(tags.filter((_, i) => bits & (1 << i)));
    if (evaluate(expr, set)) return true;
  }
  return false;
}

function tagsOf(expr: Expr): string[] {
  if ('tag' in expr) return [expr.tag];
  if ('not' in expr) return tagsOf(expr.not);
  return 'and' in expr ? [...tagsOf(expr.and[0]), ...tagsOf(expr.and[1])] : [...tagsOf(expr.or[0]), ...tagsOf(expr.or[1])];
}

function evaluate(expr: Expr, set: ReadonlySet<string>): boolean {
  if ('tag' in expr) return set.has(expr.tag);
  if ('not' in expr) return !evaluate(expr.not, set);
  if ('and' in expr) return evaluate(expr.and[0], set) && evaluate(expr.and[1], set);
  return evaluate(expr.or[0], set) || evaluate(expr.or[1], set);
}
