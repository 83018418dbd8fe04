// Size and shape of a function body, for the size rules (function-too-long,
// cyclomatic-complexity, deep-nesting). One TreeCursor walk over the body counts
// everything; the result is memoised per file, so the three rules share the walk.
import type { Node, Tree } from 'web-tree-sitter';
import type { FileFacts } from './fileFacts';
import type { Span } from './rule';
import { enclosingFunction } from './goSyntax';

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

/** The function of a MEASURED_FUNCTIONS_QUERY match, or null for a literal nested in a function. */
export function measuredFunction(fn: Node, body: Node): MeasuredFunction | null {
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

export interface FunctionMetrics {
  /** Lines strictly between the body's braces. */
  lines: number;
  /** Statements at any depth, function literals included. */
  statements: number;
  /** 1 + if, for, non-default case, && and ||, function literals included. */
  complexity: number;
  /**
   * firstAtDepth[d]: the first statement (in source order) nested inside exactly d
   * levels of if/for/switch/select bodies (else-if chains are one level).
   */
  firstAtDepth: Span[];
}

/** Node types that add one to the cyclomatic complexity. */
const DECISIONS = new Set(['if_statement', 'for_statement', 'expression_case', 'type_case', 'communication_case', '&&', '||']);
/** Case clauses: their statements are the bodies of a switch or select, one level in. */
const CASES = new Set(['expression_case', 'type_case', 'default_case', 'communication_case']);
/** Leaves and literals with nothing inside worth counting. */
const OPAQUE = new Set(['comment', 'interpreted_string_literal', 'raw_string_literal', 'rune_literal', 'identifier', 'field_identifier', 'type_identifier']);

const cache = new WeakMap<FileFacts, Map<number, FunctionMetrics>>();

/**
 * Metrics of error-free bodies by a hash of their text, with statement spans relative
 * to the body: on a keystroke, every function but the edited one is unchanged, and its
 * walk (the size rules' main cost) is skipped. Two generations of at most
 * BY_TEXT_LIMIT entries each: entries not used for a generation are forgotten.
 */
let byText = new Map<string, FunctionMetrics>();
let byTextBefore = new Map<string, FunctionMetrics>();
const BY_TEXT_LIMIT = 4_000;

/** Metrics of a function body, computed once per file and body (and once per body text). */
export function functionMetrics(body: Node, facts: FileFacts): FunctionMetrics {
  let perFile = cache.get(facts);
  if (!perFile) cache.set(facts, (perFile = new Map()));
  let metrics = perFile.get(body.id);
  if (!metrics) perFile.set(body.id, (metrics = measureOrRecall(body, facts.source)));
  return metrics;
}

function measureOrRecall(body: Node, source: string): FunctionMetrics {
  // A body with syntax errors may parse differently in another context: always walked.
  if (body.hasError) return measure(body);
  const start = body.startIndex;
  const key = textKey(source, start, body.endIndex);
  const known = byText.get(key) ?? byTextBefore.get(key);
  const metrics = known ? shifted(known, start) : measure(body);
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

/** Length and two 32-bit FNV-1a hashes of source[start, end): a key that keeps no slice of the text alive. */
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

function measure(body: Node): FunctionMetrics {
  const metrics: FunctionMetrics = {
    lines: Math.max(0, body.endPosition.row - body.startPosition.row - 1),
    statements: 0,
    complexity: 1,
    firstAtDepth: [],
  };
  // types[i] and levels[i] describe the ancestor at cursor depth i (0 = the body):
  // levels[i] is the nesting level of statements inside that ancestor.
  const types: string[] = ['block'];
  const levels: number[] = [0];
  const cursor = body.walk();
  try {
    if (!cursor.gotoFirstChild()) return metrics;
    for (;;) {
      const type = cursor.nodeType;
      const parentType = types[types.length - 1];
      const parentLevel = levels[levels.length - 1];
      if (DECISIONS.has(type)) metrics.complexity++;
      if (parentType === 'statement_list' && type !== 'comment') {
        metrics.statements++;
        if (metrics.firstAtDepth[parentLevel] === undefined) {
          metrics.firstAtDepth[parentLevel] = { start: cursor.startIndex, end: cursor.endIndex };
        }
      }
      const opensLevel = CASES.has(type) || (type === 'block' && (parentType === 'if_statement' || parentType === 'for_statement'));
      if (!OPAQUE.has(type) && cursor.gotoFirstChild()) {
        types.push(type);
        levels.push(parentLevel + (opensLevel ? 1 : 0));
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (types.length === 1 || !cursor.gotoParent()) return metrics;
        types.pop();
        levels.pop();
      }
    }
  } finally {
    cursor.delete();
  }
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
