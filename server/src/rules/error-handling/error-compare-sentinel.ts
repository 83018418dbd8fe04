import type { Node } from 'web-tree-sitter';
import type { FileFacts } from '../../engine/fileFacts';
import { insideErrorChainFunction, isErrorName } from '../../engine/errorIdioms';
import type { Fix, TextEdit } from '../../engine/fix';
import { packageMember } from '../../engine/goSyntax';
import { addImportEdit } from '../../engine/imports';
import { defineRule } from '../../engine/rule';

/** A sentinel's name: Err... (ErrNotFound) or err followed by a capital (errClosed). */
const SENTINEL_NAME = /^(Err|err[A-Z])/;

/** Sentinels of the standard library whose names do not say so. */
const WELL_KNOWN: Readonly<Record<string, readonly string[]>> = {
  io: ['EOF'],
  context: ['Canceled', 'DeadlineExceeded'],
};

/** Other packages named errors whose Is is errors.Is (pkg/errors forwards to it since v0.9). */
const ERRORS_COMPATIBLE = new Set(['github.com/pkg/errors']);

function isSentinel(node: Node, facts: FileFacts): boolean {
  if (node.type === 'identifier') return SENTINEL_NAME.test(node.text);
  if (node.type !== 'selector_expression') return false;
  const member = packageMember(node, facts);
  if (member && WELL_KNOWN[member.path]?.includes(member.name)) return true;
  return SENTINEL_NAME.test(node.childForFieldName('field')?.text ?? '');
}

/** The name under which errors.Is can be called (with the import to add), or null when unsure. */
function errorsPackage(facts: FileFacts, source: string): { name: string; edit: TextEdit | null } | null {
  const local = facts.localNameOf('errors');
  if (local) return { name: local, edit: null };
  // The name errors is taken by another package: use it only when its Is is errors.Is.
  const bound = facts.pathOf('errors');
  if (bound !== undefined) return ERRORS_COMPATIBLE.has(bound) ? { name: 'errors', edit: null } : null;
  // Package errors itself cannot import errors.
  if (facts.packageName === 'errors') return null;
  return { name: 'errors', edit: addImportEdit(facts, source, 'errors') };
}

function errorsIsFix(comparison: Node, error: Node, sentinel: Node, negated: boolean, facts: FileFacts, source: string): Fix | null {
  const errors = errorsPackage(facts, source);
  if (!errors) return null;
  const call = `${negated ? '!' : ''}${errors.name}.Is(${error.text}, ${sentinel.text})`;
  const edits: TextEdit[] = [{ start: comparison.startIndex, end: comparison.endIndex, text: call }];
  if (errors.edit) edits.push(errors.edit);
  return { title: `Use ${call}`, edits, preferred: true };
}

export default defineRule({
  meta: {
    id: 'error-compare-sentinel',
    category: 'error-handling',
    severity: 'warning',
    effortMinutes: 3,
    fixable: true,
    summary: 'err == ErrSentinel misses wrapped errors; errors.Is(err, ErrSentinel) does not',
    nolintAliases: ['errorlint'],
  },
  // Both sides a name or a selector (the error is a name, the sentinel either): most
  // comparisons are with nil or a literal, and each match costs a JS object per capture.
  query: `
    (binary_expression
      left: [(identifier) (selector_expression)] @left
      operator: ["==" "!="] @operator
      right: [(identifier) (selector_expression)] @right) @comparison
    (expression_switch_statement value: (identifier) @switched) @switch`,
  check(ctx, captures) {
    if (captures.pattern === 1) {
      const switched = captures.get('switched')!;
      if (!isErrorName(switched) || insideErrorChainFunction(switched)) return;
      const cases = captures.get('switch')!.namedChildren.filter((c) => c?.type === 'expression_case');
      const sentinel = cases.flatMap((c) => c!.childForFieldName('value')?.namedChildren ?? []).find((v) => v && isSentinel(v, ctx.facts));
      if (!sentinel) return;
      ctx.report({
        node: switched,
        message: `switch ${switched.text} matches its cases with ==, which misses wrapped errors: use switch { case errors.Is(${switched.text}, ${sentinel.text}): ... }`,
      });
      return;
    }
    const left = captures.get('left')!;
    const right = captures.get('right')!;
    // isErrorName walks up the tree (recover() bindings): asked only next to a sentinel.
    const [error, sentinel] = isSentinel(right, ctx.facts) && isErrorName(left) ? [left, right]
      : isSentinel(left, ctx.facts) && isErrorName(right) ? [right, left] : [null, null];
    if (!error || !sentinel || insideErrorChainFunction(error)) return;
    const comparison = captures.get('comparison')!;
    const negated = captures.get('operator')!.text === '!=';
    ctx.report({
      node: comparison,
      message: `${comparison.text} misses wrapped errors: use ${negated ? '!' : ''}errors.Is(${error.text}, ${sentinel.text})`,
      fix: errorsIsFix(comparison, error, sentinel, negated, ctx.facts, ctx.source),
    });
  },
});
