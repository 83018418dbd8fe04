// Size and shape of a function body, for the size rules (function-too-long,
// cyclomatic-complexity, deep-nesting). Bounds read from the body's text settle most
// functions (bodyBounds.ts); the others get one walk over the body that counts
// everything (measureBody.ts). Both are memoised per file, so the three rules share them.
import type { Node, Tree } from 'web-tree-sitter';
import { type BodyBounds, bodyBounds, exactBounds } from './bodyBounds';
import type { FileFacts } from './fileFacts';
import { enclosingFunction } from './goSyntax';
import type { Captures, Span } from './rule';
import { type FunctionMetrics, measureBody } from './measureBody';

/**
 * The functions the size rules measure: declarations, methods, and function literals
 * outside any function (a literal inside a function counts towards that function).
 */
export const MEASURED_FUNCTIONS_QUERY = `
[
  (function_declaration body: (block) @body)
  (method_declaration body: (block) @body)
  (func_literal body: (block) @body)
] @function`;

export interface MeasuredFunction {
  fn: Node;
  body: Node;
  /** The name to report on (a literal's variable, or its `func` keyword). */
  nameNode: Node;
  /** "function Foo", "method Foo", "function literal handler", for messages. */
  label: string;
}

/**
 * For a size rule's MEASURED_FUNCTIONS_QUERY match: the function and its body's exact
 * metrics, or null when it is a literal nested in a function or when its bounds show
 * that it is within the rule's limits (mayExceed answers false).
 */
export function measureIfOver(captures: Captures, facts: FileFacts, mayExceed: (bounds: BodyBounds) => boolean): { measured: MeasuredFunction; metrics: FunctionMetrics } | null {
  const fn = captures.get('function')!;
  const body = captures.get('body')!;
  // A nested literal first: bounding each of a chain of nested literals would read its text again.
  // Asked once for the three rules: a node's type is a call into WebAssembly.
  const entry = memo(body, facts);
  entry.nested ??= fn.type === 'func_literal' && insideFunction(fn);
  if (entry.nested || !mayExceed(functionBounds(body, facts))) return null;
  return { measured: measuredFunction(fn, body)!, metrics: functionMetrics(body, facts) };
}

/** The function of a MEASURED_FUNCTIONS_QUERY match, or null for a literal nested in a function. */
function measuredFunction(fn: Node, body: Node): MeasuredFunction | null {
  if (fn.type === 'func_literal') {
    if (insideFunction(fn)) return null;
    // var handler = func(...) {...}: the variable names the function.
    const spec = fn.parent?.type === 'expression_list' ? fn.parent.parent : null;
    const names = spec?.type === 'var_spec' ? spec.childrenForFieldName('name') : [];
    const name = names.length === 1 ? names[0] : null;
    if (name) return { fn, body, nameNode: name, label: `function literal ${name.text}` };
    return { fn, body, nameNode: fn.child(0)!, label: 'function literal' };
  }
  const nameNode = fn.childForFieldName('name')!;
  return { fn, body, nameNode, label: `${fn.type === 'method_declaration' ? 'method' : 'function'} ${nameNode.text}` };
}

/** Per tree: the function literals found to be outside any function, and answers so far. */
const literalsOutside = new WeakMap<Tree, { outside: Node[]; answers: Map<number, boolean> }>();

/**
 * Whether a function literal is nested in a function. Node.parent costs a walk from
 * the root in tree-sitter, so asking enclosingFunction() of every literal in a chain of
 * N nested literals costs O(N^3); literals inside a literal already known to be
 * outside any function are answered from its span instead, and each answer is kept
 * (the three size rules ask about the same literals).
 */
function insideFunction(fn: Node): boolean {
  let memo = literalsOutside.get(fn.tree);
  if (!memo) literalsOutside.set(fn.tree, (memo = { outside: [], answers: new Map() }));
  const known = memo.answers.get(fn.id);
  if (known !== undefined) return known;
  const inside = memo.outside.some((o) => o.id !== fn.id && o.startIndex <= fn.startIndex && fn.endIndex <= o.endIndex) ||
    enclosingFunction(fn) !== null;
  if (!inside) memo.outside.push(fn);
  memo.answers.set(fn.id, inside);
  return inside;
}

/** What is known of one body: whether it is a literal nested in a function, its bounds, its walked metrics. */
interface Known {
  nested?: boolean;
  bounds?: BodyBounds;
  metrics?: FunctionMetrics;
}

/** Per file, by body node id, each answer once asked for. */
const cache = new WeakMap<FileFacts, Map<number, Known>>();

function memo(body: Node, facts: FileFacts): Known {
  let perFile = cache.get(facts);
  if (!perFile) cache.set(facts, (perFile = new Map()));
  let entry = perFile.get(body.id);
  if (!entry) perFile.set(body.id, (entry = {}));
  return entry;
}

/**
 * Metrics of error-free bodies by a hash of their text, with statement spans relative
 * to the body: on a keystroke, every function but the edited one is unchanged, and its
 * walk (the size rules' main cost) is skipped. Two generations of at most
 * BY_TEXT_LIMIT entries each: entries not used for a generation are forgotten.
 */
let byText = new Map<string, FunctionMetrics>();
let byTextBefore = new Map<string, FunctionMetrics>();
const BY_TEXT_LIMIT = 4_000;

export type { FunctionMetrics };

/** Metrics of a function body, computed once per file and body (and once per body text). */
export function functionMetrics(body: Node, facts: FileFacts): FunctionMetrics {
  const entry = memo(body, facts);
  return (entry.metrics ??= measureOrRecall(body, facts.source));
}

/**
 * Bounds on a function body's metrics, once per file and body: from its text, or the
 * walk's own figures for a body with syntax errors (error recovery makes trees that
 * the text does not bound).
 */
export function functionBounds(body: Node, facts: FileFacts): BodyBounds {
  const entry = memo(body, facts);
  if (!entry.bounds) {
    entry.bounds = body.hasError ? exactBounds(functionMetrics(body, facts)) : bodyBounds(facts.source, body.startIndex, body.endIndex);
  }
  return entry.bounds;
}

function measureOrRecall(body: Node, source: string): FunctionMetrics {
  // A body with syntax errors may parse differently in another context: always walked.
  if (body.hasError) return measureBody(body, source, false);
  const start = body.startIndex;
  const key = textKey(source, start, body.endIndex);
  const known = byText.get(key) ?? byTextBefore.get(key);
  const metrics = known ? shifted(known, start) : measureBody(body, source, true);
  if (byText.size >= BY_TEXT_LIMIT) {
    byTextBefore = byText;
    byText = new Map();
  }
  byText.set(key, known ?? shifted(metrics, -start));
  return metrics;
}

function shifted(metrics: FunctionMetrics, by: number): FunctionMetrics {
  const firstAtDepth: Span[] = [];
  metrics.firstAtDepth.forEach((span, depth) => (firstAtDepth[depth] = { start: span.start + by, end: span.end + by }));
  return { ...metrics, firstAtDepth };
}

/**
 * Length and two 32-bit FNV-1a hashes of source[start, end): a key that keeps no slice
 * of the text alive. (textKey.ts's SHA-1 costs more here: a digest object per body.)
 */
function textKey(source: string, start: number, end: number): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return `${end - start}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

/** The first statement nested deeper than max levels, or null. */
export function firstTooDeep(metrics: FunctionMetrics, max: number): Span | null {
  let found: Span | null = null;
  for (let depth = max + 1; depth < metrics.firstAtDepth.length; depth++) {
    const span = metrics.firstAtDepth[depth];
    if (span && (!found || span.start < found.start)) found = span;
  }
  return found;
}
