import type { Node } from 'web-tree-sitter';
import type { FileFacts } from '../../engine/fileFacts';
import { enclosingFunction } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';
import { isTerminatingCall } from '../../engine/termination';

/** Statements an unlabelled `break` leaves. */
const BREAKABLE = new Set(['for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement']);

export default defineRule({
  meta: {
    id: 'goroutine-leak',
    category: 'lifecycle',
    severity: 'warning',
    effortMinutes: 20,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'goroutine with an endless for loop that nothing can stop: it leaks on shutdown and in every test',
  },
  query: '(go_statement (call_expression function: (func_literal body: (block) @body) @literal)) @go',
  check(ctx, captures) {
    const literal = captures.get('literal')!;
    const body = captures.get('body')!;
    const endless = body.descendantsOfType('for_statement').find((loop) =>
      loop !== null && isEndless(loop) && enclosingFunction(loop)?.id === literal.id && !hasWayOut(loop, literal, ctx.facts));
    if (!endless) return;
    const go = captures.get('go')!;
    const keyword = go.child(0)!;
    ctx.report({
      node: keyword,
      message: 'this goroutine runs a `for {}` loop with no way out: add a `case <-ctx.Done(): return` to its select so it stops when its context is cancelled',
    });
  },
});

/** `for { ... }`: no condition, no for clause, no range clause. */
function isEndless(loop: Node): boolean {
  return loop.namedChildren.every((c) => c === null || c.type === 'block' || c.type === 'comment');
}

/** Whether anything in the loop's body, in the goroutine's own function, can end the loop. */
function hasWayOut(loop: Node, literal: Node, facts: FileFacts): boolean {
  const body = loop.childForFieldName('body');
  if (!body) return true;
  const exits = body.descendantsOfType(['return_statement', 'goto_statement', 'break_statement', 'call_expression']);
  return exits.some((node) => {
    if (!node || enclosingFunction(node)?.id !== literal.id) return false;
    switch (node.type) {
      case 'return_statement': case 'goto_statement':
        return true;
      case 'break_statement':
        return breakLeaves(node, loop);
      default:
        return isTerminatingCall(node, facts);
    }
  });
}

/** Whether a break inside loop ends loop: unlabelled, its nearest breakable is loop; labelled, its target encloses loop. */
function breakLeaves(brk: Node, loop: Node): boolean {
  const label = brk.namedChildren.find((c) => c?.type === 'label_name')?.text;
  for (let n = brk.parent; n; n = n.parent) {
    if (label === undefined && BREAKABLE.has(n.type)) return n.id === loop.id;
    if (label !== undefined && n.type === 'labeled_statement' && n.childForFieldName('label')?.text === label) {
      return n.startIndex <= loop.startIndex;
    }
  }
  return false;
}
