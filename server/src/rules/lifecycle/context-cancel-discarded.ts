import type { Node } from 'web-tree-sitter';
import {
  declaredInScopeBefore, holdsUnreadValue, isDeclaredBefore, laterDeclarationClashes, mentionedLaterInScope,
} from '../../engine/declarations';
import { lineEndAfter } from '../../engine/errorHandling';
import type { Fix } from '../../engine/fix';
import { enclosingFunction, indentationAt, packageCall } from '../../engine/goSyntax';
import { defineRule, RuleContext } from '../../engine/rule';

/** The context constructors that return a cancel function as their second result. */
const CONSTRUCTORS = new Set([
  'WithCancel', 'WithTimeout', 'WithDeadline', 'WithCancelCause', 'WithTimeoutCause', 'WithDeadlineCause',
]);

export default defineRule({
  meta: {
    id: 'context-cancel-discarded',
    category: 'lifecycle',
    severity: 'error',
    effortMinutes: 2,
    fixable: true,
    onlyBuiltFiles: true,
    summary: 'The cancel function of context.WithCancel/WithTimeout/WithDeadline thrown away with _',
    nolintAliases: ['govet'],
  },
  query: [
    '(short_var_declaration left: (expression_list . (_) (identifier) @blank .) right: (expression_list . (call_expression) @call .) (#eq? @blank "_")) @stmt',
    '(assignment_statement left: (expression_list . (_) (identifier) @blank .) right: (expression_list . (call_expression) @call .) (#eq? @blank "_")) @stmt',
    '(var_spec name: (identifier) name: (identifier) @blank . value: (expression_list . (call_expression) @call .) (#eq? @blank "_")) @stmt',
  ].join('\n'),
  check(ctx, captures) {
    const stmt = captures.get('stmt')!;
    const call = captures.get('call')!;
    const pkg = packageCall(call, ctx.facts);
    if (pkg?.path !== 'context' || !CONSTRUCTORS.has(pkg.name)) return;
    if (stmt.type === 'var_spec' && stmt.childrenForFieldName('name').length !== 2) return;
    if (stmt.type === 'assignment_statement' && stmt.childForFieldName('operator')?.text !== '=') return;
    const blank = captures.get('blank')!;
    ctx.report({
      node: blank,
      message: `The cancel function of context.${pkg.name} is discarded, so the context's resources stay held until its parent ends: name it cancel and defer cancel().`,
      fix: fixFor(ctx, stmt, blank, pkg.name),
    });
  },
});

/**
 * Names the function `cancel` and defers it on the next line. Not offered where the
 * name would not compile or would change another variable's meaning: `=` with no
 * `cancel` declared in the function; reusing a `cancel` whose value was never called
 * (it would leak instead) or whose type differs (CancelFunc vs CancelCauseFunc); a new
 * `cancel` shadowing one that later code calls; `var cancel` twice in one scope.
 */
function fixFor(ctx: RuleContext, spec: Node, blank: Node, constructor: string): Fix | null {
  const isVar = spec.type === 'var_spec';
  const stmt = isVar ? spec.parent! : spec;
  if (isVar && stmt.type !== 'var_declaration') return null; // a spec inside var ( ... )
  if (stmt.parent?.type !== 'statement_list') return null; // an if/for/switch initializer, or package level
  const fn = enclosingFunction(stmt);
  if (!fn) return null;
  const first = isVar ? spec.childrenForFieldName('name')[0] : spec.childForFieldName('left')?.namedChildren[0];
  if (!first || first.text === '_') return null; // the context itself is unused: the call has no purpose to keep
  let reused = stmt.type === 'assignment_statement';
  if (reused) {
    if (!isDeclaredBefore(stmt, 'cancel', true)) return null;
  } else {
    // An earlier discard in this scope is fixed first; this one follows in the next pass.
    if (hasEarlierDiscard(stmt)) return null;
    reused = declaredInScopeBefore(stmt).has('cancel');
    if (reused && isVar) return null; // var cancel twice in one scope
    if (!reused && isDeclaredBefore(stmt, 'cancel', false) && mentionedLaterInScope(ctx.source, stmt, 'cancel')) return null;
    if (laterDeclarationClashes(stmt, 'cancel')) return null;
  }
  if (reused) {
    if (holdsUnreadValue(ctx.source, stmt, fn, 'cancel')) return null;
    // WithCancelCause returns a CancelCauseFunc, the others a CancelFunc: the existing variable must match.
    const before = ctx.source.slice(fn.startIndex, stmt.startIndex);
    if (/\bCancelCauseFunc\b|\bWithCancelCause\b/.test(before) !== (constructor === 'WithCancelCause')) return null;
  }
  const at = lineEndAfter(ctx.source, stmt);
  if (at === null) return null;
  const indent = indentationAt(ctx.source, stmt.startIndex);
  return {
    title: 'Name it cancel and defer cancel()',
    edits: [
      { start: blank.startIndex, end: blank.endIndex, text: 'cancel' },
      { start: at, end: at, text: `\n${indent}defer cancel()` },
    ],
    preferred: true,
  };
}

function hasEarlierDiscard(stmt: Node): boolean {
  for (let s = stmt.previousNamedSibling; s; s = s.previousNamedSibling) {
    if (/^(var\s+)?\w+\s*,\s*_\s*:?=\s*\w+\.With(Cancel|Timeout|Deadline)/.test(s.text)) return true;
  }
  return false;
}
