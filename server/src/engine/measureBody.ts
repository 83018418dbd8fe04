// One walk over a function body that counts what the size rules need: statements,
// decisions (cyclomatic complexity), and the first statement at each nesting level.
//
// Each node the walk visits costs calls into WebAssembly (its children, its type),
// which cost far more than any work in JS: visiting every node of the standard
// library's bodies took seconds. A well-formed body is therefore pruned by its text:
// a child is entered only when its text may hold something counted. Its text is
// bounded by the next child's start (white space lies between: no call needed), and
// only named children are listed, except where tokens count. A body with syntax
// errors is walked in full: error recovery makes shapes the pruning does not foresee.
import type { Node } from 'web-tree-sitter';
import { SLASH } from './charCodes';
import type { Span } from './rule';
import { SourceMarks } from './sourceMarks';

export interface FunctionMetrics {
  /** Lines strictly between the body's braces. */
  lines: number;
  /** Statements at any depth, function literals included (not the `;` between two on one line). */
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
const OPAQUE = new Set(['comment', 'interpreted_string_literal', 'raw_string_literal', 'rune_literal', 'identifier', 'field_identifier', 'type_identifier', '&&', '||']);

/** Nodes with tokens that count among their children: a binary expression's && and ||. */
const COUNTING_TOKENS = new Set(['binary_expression']);
/** What holds statements without a `{` of its own: statement lists and case clauses. */
const CLAUSES = new Set(['statement_list', ...CASES]);
/** The parents of CLAUSES (a case clause's statements are in a statement list). */
const CLAUSE_HOLDERS = new Set(['block', 'expression_switch_statement', 'type_switch_statement', 'select_statement', ...CASES]);
/**
 * Nodes whose children may be statements or blocks. Under any other node (an
 * expression, a simple statement, a declaration) statements occur only in function
 * literals, so a `{` there is worth a look only along with a `func`.
 */
const STATEMENT_HOLDERS = new Set([...CLAUSE_HOLDERS, 'statement_list', 'labeled_statement', 'if_statement', 'for_statement', 'func_literal']);
/** The text the pruning looks for (see mayHoldCounted and isPlainList). */
const MARKS = ['{', '&&', '||', 'func', '/'];


/** A node being walked: its children, the next one to visit, and what they sit in. */
interface Frame {
  children: (Node | null)[];
  next: number;
  type: string;
  /** The nesting level of statements directly inside this node. */
  level: number;
  /** Where the text that may belong to the last child ends. */
  end: number;
}

/**
 * Measures body (a block) of a file whose text is source. Pruning must stay off for a
 * body with syntax errors (by default the tree is asked); tests turn it off to compare.
 */
export function measureBody(body: Node, source: string, prune = !body.hasError): FunctionMetrics {
  const metrics: FunctionMetrics = {
    lines: Math.max(0, body.endPosition.row - body.startPosition.row - 1),
    statements: 0,
    complexity: 1,
    firstAtDepth: [],
  };
  const marks = prune ? new SourceMarks(source, body.startIndex, body.endIndex, MARKS) : null;
  const childrenOf = (node: Node, type: string): (Node | null)[] => {
    if (!marks || COUNTING_TOKENS.has(type)) return node.children;
    if (type === 'block') {
      // A block's statement list is its first named child unless a comment comes
      // first: asking for that child costs half as much as listing the children.
      const first = node.namedChild(0);
      if (!first) return [];
      if (source.charCodeAt(first.startIndex) !== SLASH) return [first];
    }
    return node.namedChildren;
  };
  const frames: Frame[] = [{ children: childrenOf(body, 'block'), next: 0, type: 'block', level: 0, end: body.endIndex }];
  while (frames.length > 0) {
    const parent = frames[frames.length - 1];
    if (parent.next >= parent.children.length) {
      frames.pop();
      continue;
    }
    const index = parent.next++;
    const child = parent.children[index];
    if (!child) continue;
    const start = child.startIndex;
    // In a well-formed body only comments and the `/` operator start with a slash.
    const slash = source.charCodeAt(start) === SLASH;
    const comment = slash && (marks !== null || child.type === 'comment');
    // Unpruned, the `;` tokens between statements are listed too: not statements.
    if (parent.type === 'statement_list' && !comment && (marks !== null || child.isNamed)) {
      metrics.statements++;
      if (metrics.firstAtDepth[parent.level] === undefined) metrics.firstAtDepth[parent.level] = { start, end: child.endIndex };
    }
    const end = parent.children[index + 1]?.startIndex ?? parent.end;
    let type: string;
    if (marks) {
      if (slash) continue;
      const mayHold = mayHoldCounted(marks, parent.type, start, end);
      if (!mayHold && !CLAUSE_HOLDERS.has(parent.type)) continue;
      // A block's only named child besides comments is its statement list.
      type = parent.type === 'block' ? 'statement_list' : child.type;
      if (!mayHold && !CLAUSES.has(type)) continue;
    } else {
      type = child.type;
    }
    if (DECISIONS.has(type)) metrics.complexity++;
    if (OPAQUE.has(type)) continue;
    if (marks && type === 'statement_list' && isPlainList(marks, start, end)) {
      // Listing the children costs more than counting them (a statement list is a
      // tree of hidden nodes), and there is nothing in them to look at.
      metrics.statements += child.namedChildCount;
      if (metrics.firstAtDepth[parent.level] === undefined) {
        const first = child.firstNamedChild!;
        metrics.firstAtDepth[parent.level] = { start: first.startIndex, end: first.endIndex };
      }
      continue;
    }
    const opensLevel = CASES.has(type) || (type === 'block' && (parent.type === 'if_statement' || parent.type === 'for_statement'));
    const children = childrenOf(child, type);
    if (children.length > 0) frames.push({ children, next: 0, type, level: parent.level + (opensLevel ? 1 : 0), end });
  }
  return metrics;
}

/** A statement list with no block, && or ||, and no comment: every child is a statement with nothing inside to count. */
function isPlainList(marks: SourceMarks, start: number, end: number): boolean {
  return !marks.has('{', start, end) && !marks.has('&&', start, end) && !marks.has('||', start, end) && !marks.has('/', start, end);
}

/**
 * Whether a child of a parentType node, whose text lies in source[start, end), may
 * hold a decision or a statement, judged by its text: decisions and statement lists
 * sit in blocks (a `{`) or in case clauses (entered from their switch's `{`).
 */
function mayHoldCounted(marks: SourceMarks, parentType: string, start: number, end: number): boolean {
  if (marks.has('&&', start, end) || marks.has('||', start, end)) return true;
  return marks.has('{', start, end) && (STATEMENT_HOLDERS.has(parentType) || marks.has('func', start, end));
}
