// Build constraints (go.dev/cmd/go#hdr-Build_constraints): which builds include a file.
// A file whose constraint needs the tag `ignore` (`//go:build ignore`, `// +build ignore`)
// is left out of every build by convention: generators run with `go run gen.go`,
// examples, inputs to `go tool cgo -godefs`. The tags of generator and example programs
// (`generate`, `codegen`, `example`, ...) mean the same. Rules about what a built
// package or program does (meta.onlyBuiltFiles) skip such files. A file that needs a
// tag of the user's own (`//go:build icu`, `boringcrypto`, `race`) is built only on
// request.
import type { FileFacts } from './fileFacts';

type Expr = { tag: string } | { not: Expr } | { and: [Expr, Expr] } | { or: [Expr, Expr] };

/** Values of GOOS and GOARCH (go tool dist list) and the other tags the go tool sets itself. */
const TOOL_TAGS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd',
  'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos', 'unix',
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le',
  'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
  'cgo', 'gc', 'gccgo',
]);

/** True for a tag that only a user's -tags (or -race, -msan, -asan) sets: not GOOS, GOARCH, cgo, a compiler or go1.N. */
export function isUserTag(tag: string): boolean {
  return !TOOL_TAGS.has(tag) && !/^go1\.\d+$/.test(tag);
}

const constraints = new WeakMap<FileFacts, Expr | null>();

/** The file's build constraint, parsed once per lint (null: none, or one that does not parse). */
function constraintOf(facts: FileFacts): Expr | null {
  let constraint = constraints.get(facts);
  if (constraint === undefined) {
    const header = facts.source.slice(0, facts.packageClause?.startIndex ?? 0);
    constraint = header.includes('build') ? fileConstraint(header) : null;
    constraints.set(facts, constraint);
  }
  return constraint;
}

/**
 * True when no build includes the file unless it sets one of the tags that `off` picks
 * out: with those tags unset, no choice of the others satisfies its constraint.
 */
export function needsTag(facts: FileFacts, off: (tag: string) => boolean): boolean {
  const constraint = constraintOf(facts);
  return constraint !== null && !satisfiable(constraint, off);
}

/** Tags that by convention mark files outside the package: ignore, and those of generators, examples and tool lists. */
const OUTSIDE_TAGS = new Set(['ignore', 'gen', 'generate', 'codegen', 'example', 'examples', 'tools']);

/** True when the file is in no build of the package: its constraint needs `ignore` (or a generator's or example's tag). */
export function neverBuilt(facts: FileFacts): boolean {
  return needsTag(facts, (tag) => OUTSIDE_TAGS.has(tag));
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

/** More steps than this: give up and assume some build satisfies the constraint. */
const MAX_STEPS = 10_000;

/** Whether some choice of the tags not picked by off (those are unset) satisfies expr. */
function satisfiable(expr: Expr, off: (tag: string) => boolean): boolean {
  const set = new Map<string, boolean>();
  for (const tag of tagsOf(expr)) set.set(tag, false);
  const free = [...set.keys()].filter((t) => !off(t));
  for (const tag of free) set.delete(tag);
  let steps = 0;
  // Assign the free tags one at a time; a branch ends when the value is known.
  const search = (next: number): boolean => {
    if (++steps > MAX_STEPS) return true;
    const value = evaluate(expr, set);
    if (value !== undefined) return value;
    const tag = free[next];
    for (const choice of [true, false]) {
      set.set(tag, choice);
      if (search(next + 1)) return true;
    }
    set.delete(tag);
    return false;
  };
  return search(0);
}

function tagsOf(expr: Expr): string[] {
  if ('tag' in expr) return [expr.tag];
  if ('not' in expr) return tagsOf(expr.not);
  return 'and' in expr ? [...tagsOf(expr.and[0]), ...tagsOf(expr.and[1])] : [...tagsOf(expr.or[0]), ...tagsOf(expr.or[1])];
}

/** The value of expr under a partial assignment: undefined while it depends on unassigned tags. */
function evaluate(expr: Expr, set: ReadonlyMap<string, boolean>): boolean | undefined {
  if ('tag' in expr) return set.get(expr.tag);
  if ('not' in expr) {
    const value = evaluate(expr.not, set);
    return value === undefined ? undefined : !value;
  }
  const [a, b] = 'and' in expr ? expr.and : expr.or;
  const unit = 'or' in expr; // the value that decides: true for ||, false for &&
  const left = evaluate(a, set);
  if (left === unit) return unit;
  const right = evaluate(b, set);
  if (right === unit) return unit;
  return left === undefined || right === undefined ? undefined : !unit;
}
