// Retry loops, as RULES.md defines them for retry-without-backoff and
// retry-fixed-delay: a `for` loop whose body calls something and then either leaves
// the loop on success (`if err == nil { break | return ... }`) or goes round again on
// failure (`if err != nil { ...; continue }`, or a failure branch that is the body's
// last statement and falls through). A retry repeats the same call, so loops that
// walk something are left out even when they look alike: range over a collection,
// `for rows.Next()`, a call that consumes a stream (Read, Next, Scan, Recv, Accept,
// Decode, Parse, Pop), and a call whose inputs the loop changes (`dial(addrs[i])`,
// `parse(line)` with line read in the same round). Trying the next item needs no delay.
import type { Node } from 'web-tree-sitter';
import { calleeName } from './escape';
import type { FileFacts } from './fileFacts';
import { isErrorLikeName, packageCall } from './goSyntax';
import type { Span } from './rule';
import { isTerminating, statementsOf } from './statements';

export interface Delay {
  /** The call or receive that waits. */
  node: Node;
  /**
   * 'sleep': time.Sleep(D) (node is the call); 'receive': a receive from time.After,
   * time.Tick, a timer's or ticker's C, or X.Done(); 'call': a call whose name says it
   * waits (backoff, wait, sleep).
   */
  kind: 'sleep' | 'receive' | 'call';
}

export interface RetryLoop {
  loop: Node;
  /** The `for` keyword, where retry findings are reported. */
  keyword: Span;
  /** The call the loop attempts again. */
  attempt: Node;
  /** Every way the loop waits between attempts (its header, nested loops and literals included). */
  delays: Delay[];
}

/** Answers per file, by loop: the two retry rules ask about every loop. */
const answers = new WeakMap<FileFacts, Map<number, RetryLoop | null>>();

/** The retry loop that loop is, or null when it is not one. */
export function retryLoop(loop: Node, facts: FileFacts): RetryLoop | null {
  let known = answers.get(facts);
  if (!known) answers.set(facts, (known = new Map()));
  let answer = known.get(loop.id);
  if (answer === undefined) known.set(loop.id, (answer = findRetryLoop(loop, facts)));
  return answer;
}

/**
 * What a retry loop's text holds: it tests an error-like name (`err`, `…err`, `…Err`,
 * `e`: isErrorLikeName) against `nil`. Nine loops in ten of the standard library hold
 * no such pair and are settled without asking the tree, which the two retry rules'
 * checks of every loop spent most of their time on.
 */
const NIL = /\bnil\b/;
const ERROR_LIKE_NAME = /err\b|Err\b|\be\b/;

function findRetryLoop(loop: Node, facts: FileFacts): RetryLoop | null {
  if (loop.type !== 'for_statement') return null;
  const text = loop.text;
  if (!NIL.test(text) || !ERROR_LIKE_NAME.test(text) || walksCollection(loop)) return null;
  // Retrying a system call interrupted by a signal is immediate by design.
  if (text.includes('EINTR')) return null;
  // `for err == nil { ... }` stops at the first failure it does not remedy (etcdctl's
  // auth enable: create the missing root role, then try once more): no blind retry.
  if (stopsOnFailure(loop)) return null;
  const body = loop.childForFieldName('body');
  const statements = statementsOf(body);
  const label = loop.parent?.type === 'labeled_statement' ? loop.parent.childForFieldName('label')?.text : undefined;
  let changing: Set<string> | undefined;
  let attempt: Node | undefined;
  const found = statements.some((stmt, index) => {
    if (stmt.type !== 'if_statement') return false;
    const check = errorCheck(stmt);
    if (!check) return false;
    const call = attemptCall(stmt, statements.slice(0, index), check.name);
    if (!call || !isRepeatedAttempt(call, (changing ??= inputsChangedIn(loop)))) return false;
    attempt = call;
    const consequence = stmt.childForFieldName('consequence');
    const alternative = stmt.childForFieldName('alternative');
    const success = check.isNil ? consequence : alternative?.type === 'block' ? alternative : null;
    if (success && leavesLoop(lastOf(success), label)) return true;
    if (check.isNil) return false;
    const failureEnd = lastOf(consequence);
    if (isContinue(failureEnd, label)) return true;
    return index === statements.length - 1 && !alternative && !isTerminating(consequence) && !mayLeave(consequence) &&
      !countsRoundsRegardless(loop, check.name);
  });
  if (!found || !attempt) return null;
  const keyword = loop.child(0)!;
  return { loop, keyword: { start: keyword.startIndex, end: keyword.endIndex }, attempt, delays: delaysIn(loop, facts) };
}

/**
 * Names that take a new value as the loop goes round: its clause's variables, and
 * every variable assigned, incremented or declared inside it.
 */
export function namesChangedIn(loop: Node): Set<string> {
  const names = new Set(clauseVariables(loop));
  const root = (expr: Node | null): string | undefined => {
    let n = expr;
    while (n && (n.type === 'selector_expression' || n.type === 'index_expression' || n.type === 'parenthesized_expression')) {
      n = n.type === 'parenthesized_expression' ? n.namedChildren[0] : n.childForFieldName('operand');
    }
    return n?.type === 'identifier' ? n.text : undefined;
  };
  const changes = loop.descendantsOfType(['assignment_statement', 'short_var_declaration', 'inc_statement', 'dec_statement', 'var_spec']);
  for (const stmt of changes) {
    if (!stmt) continue;
    const targets = stmt.type === 'var_spec' ? stmt.childrenForFieldName('name')
      : stmt.type === 'inc_statement' || stmt.type === 'dec_statement' ? [stmt.namedChildren[0]]
        : stmt.childForFieldName('left')?.namedChildren ?? [];
    for (const target of targets) {
      const name = root(target);
      if (name) names.add(name);
    }
  }
  return names;
}

/** A loop whose own condition is `ERR == nil`. */
function stopsOnFailure(loop: Node): boolean {
  const condition = loop.namedChildren.find((c) => c?.type === 'binary_expression');
  return !!condition && errorTest(condition)?.isNil === true;
}

/** `ERR == nil` or `ERR != nil` (either way round) on an error-like name. */
function errorCheck(ifStmt: Node): { name: string; isNil: boolean } | null {
  return errorTest(ifStmt.childForFieldName('condition'));
}

function errorTest(condition: Node | null): { name: string; isNil: boolean } | null {
  if (condition?.type !== 'binary_expression') return null;
  const operator = condition.childForFieldName('operator')?.text;
  if (operator !== '==' && operator !== '!=') return null;
  const left = condition.childForFieldName('left');
  const right = condition.childForFieldName('right');
  const subject = right?.type === 'nil' ? left : left?.type === 'nil' ? right : null;
  if (!subject || !isErrorLikeName(subject)) return null;
  return { name: subject.text, isNil: operator === '==' };
}

/** The call whose error the check tests: in the if's own header, or in an earlier statement of the body. */
function attemptCall(ifStmt: Node, before: Node[], errName: string): Node | null {
  const candidates = [ifStmt.childForFieldName('initializer'), ...before.reverse()];
  for (const stmt of candidates) {
    if (stmt?.type !== 'short_var_declaration' && stmt?.type !== 'assignment_statement') continue;
    if (!stmt.childForFieldName('left')?.namedChildren.some((n) => n?.text === errName)) continue;
    const value = stmt.childForFieldName('right')?.namedChildren[0];
    return value?.type === 'call_expression' ? value : null;
  }
  return null;
}

function lastOf(block: Node | null | undefined): Node | undefined {
  const statements = statementsOf(block);
  return statements[statements.length - 1];
}

/** A break of this loop, or any return. */
function leavesLoop(stmt: Node | undefined, label: string | undefined): boolean {
  if (stmt?.type === 'return_statement') return true;
  if (stmt?.type !== 'break_statement') return false;
  const target = stmt.namedChildren[0]?.text;
  return target === undefined || target === label;
}

function isContinue(stmt: Node | undefined, label: string | undefined): boolean {
  if (stmt?.type !== 'continue_statement') return false;
  const target = stmt.namedChildren[0]?.text;
  return target === undefined || target === label;
}

/** Names declared by the loop's header: `i` of `for i := 0; ...`, `k, v` of a range clause. */
function clauseVariables(loop: Node): string[] {
  const clause = loop.namedChildren.find((c) => c?.type === 'for_clause' || c?.type === 'range_clause');
  if (!clause) return [];
  const declaration = clause.type === 'range_clause' ? clause : clause.childForFieldName('initializer');
  return (declaration?.childForFieldName('left')?.namedChildren ?? [])
    .filter((n): n is Node => n?.type === 'identifier' && n.text !== '_')
    .map((n) => n.text);
}

/**
 * Loops over the items of something: range over anything but a count, a condition that
 * is a call (`for rows.Next()`, `for scanner.Scan()`).
 */
function walksCollection(loop: Node): boolean {
  for (const child of loop.namedChildren) {
    if (!child || child.id === loop.childForFieldName('body')?.id) continue;
    if (child.type === 'range_clause') {
      const over = child.childForFieldName('right');
      return !(over?.type === 'int_literal' || (over?.type === 'identifier' && /retr|attempt|^(max)?tries$/i.test(over.text)));
    }
    if (child.type === 'call_expression') return true;
  }
  return false;
}

/** Calls that take the next item of a stream: looping over them is reading, not retrying. */
const CONSUMING = /^(read|next|scan|recv|receive|accept|decode|parse|pop)/i;
/** Values built afresh for each attempt (a new request, a per-attempt timeout context). */
const FRESH_VALUE = /^(New|With)/;

/** Whether call is the same attempt each round: not consuming a stream, and no input the loop changes. */
function isRepeatedAttempt(call: Node, changing: Set<string>): boolean {
  if (CONSUMING.test(calleeName(call))) return false;
  const inputs = [call.childForFieldName('function'), call.childForFieldName('arguments')];
  return !inputs.some((part) => part?.descendantsOfType('identifier').some((id) => id !== null && changing.has(id.text)));
}

/**
 * Names whose value can differ from one round to the next, as inputs of an attempt:
 * those of namesChangedIn, except variables the body declares from a constructor
 * (`req, _ := http.NewRequest(...)`, `ctx, cancel := context.WithTimeout(...)`).
 */
function inputsChangedIn(loop: Node): Set<string> {
  const names = namesChangedIn(loop);
  for (const decl of loop.childForFieldName('body')?.descendantsOfType('short_var_declaration') ?? []) {
    const value = decl?.childForFieldName('right')?.namedChildren[0];
    if (value?.type !== 'call_expression' || !FRESH_VALUE.test(calleeName(value))) continue;
    for (const name of decl!.childForFieldName('left')?.namedChildren ?? []) if (name) names.delete(name.text);
  }
  return names;
}

/**
 * `for j := 0; j < 100; j++ { ...; if err != nil { log } }` does its rounds whether the
 * call fails or not: a failure branch that falls through makes it no retry, unless the
 * loop's condition looks at the error.
 */
function countsRoundsRegardless(loop: Node, errName: string): boolean {
  const clause = loop.namedChildren.find((c) => c?.type === 'for_clause');
  const condition = clause?.childForFieldName('condition');
  return clause !== undefined && !condition?.descendantsOfType('identifier').some((id) => id?.text === errName);
}

/** Whether a failure branch may break out or return somewhere inside (it decides to stop, not to go round). */
function mayLeave(branch: Node | null): boolean {
  return (branch?.descendantsOfType(['return_statement', 'break_statement']).length ?? 0) > 0;
}

const WAITING_NAME = /backoff|wait|sleep/i;

function delaysIn(loop: Node, facts: FileFacts): Delay[] {
  const delays: Delay[] = [];
  for (const node of loop.descendantsOfType(['call_expression', 'unary_expression'])) {
    if (!node) continue;
    if (node.type === 'unary_expression') {
      if (node.childForFieldName('operator')?.text !== '<-') continue;
      if (isTimerChannel(node.childForFieldName('operand'), facts)) delays.push({ node, kind: 'receive' });
      continue;
    }
    const pkg = packageCall(node, facts);
    if (pkg?.path === 'time' && pkg.name === 'Sleep') {
      delays.push({ node, kind: 'sleep' });
      continue;
    }
    if (WAITING_NAME.test(calleeName(node))) delays.push({ node, kind: 'call' });
  }
  return delays;
}

/** time.After(d), time.Tick(d), X.C (a timer's or ticker's channel), X.Done(). */
function isTimerChannel(operand: Node | null, facts: FileFacts): boolean {
  if (!operand) return false;
  if (operand.type === 'selector_expression') return operand.childForFieldName('field')?.text === 'C';
  if (operand.type !== 'call_expression') return false;
  const pkg = packageCall(operand, facts);
  if (pkg) return pkg.path === 'time' && (pkg.name === 'After' || pkg.name === 'Tick');
  const fn = operand.childForFieldName('function');
  return fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'Done';
}
