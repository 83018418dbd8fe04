// Statements of a block, as rules that reason about control flow read them.
import type { Node } from 'web-tree-sitter';

/** The statements of a block (or statement list), comments left out. */
export function statementsOf(block: Node | null | undefined): Node[] {
  if (!block) return [];
  const list = block.type === 'block' ? block.namedChildren.find((c) => c?.type === 'statement_list') : block;
  return (list?.namedChildren ?? []).filter((s): s is Node => s !== null && s.type !== 'comment');
}

/** The statement after stmt in its block, comments skipped; null at the end. */
export function nextStatement(stmt: Node): Node | null {
  for (let n = stmt.nextNamedSibling; n; n = n.nextNamedSibling) if (n.type !== 'comment') return n;
  return null;
}

/** Calls that never return: panic, os.Exit, log.Fatal and the like (t.Fatal too). */
const NO_RETURN_CALL = /^(panic|(\w+\.)?(Fatal\w*|Exit|Panic\w*))$/;

/**
 * Whether control never runs past stmt: return, break, continue, goto, a call that
 * does not return, or a block or if/else whose every branch ends so.
 */
export function isTerminating(stmt: Node | null | undefined): boolean {
  if (!stmt) return false;
  switch (stmt.type) {
    case 'return_statement': case 'break_statement': case 'continue_statement': case 'goto_statement':
      return true;
    case 'expression_statement': {
      const call = stmt.namedChildren[0];
      const fn = call?.type === 'call_expression' ? call.childForFieldName('function') : null;
      return fn !== null && fn !== undefined && NO_RETURN_CALL.test(fn.text);
    }
    case 'block': {
      const body = statementsOf(stmt);
      return isTerminating(body[body.length - 1]);
    }
    case 'if_statement': {
      const alternative = stmt.childForFieldName('alternative');
      return alternative !== null && isTerminating(stmt.childForFieldName('consequence')) && isTerminating(alternative);
    }
    default:
      return false;
  }
}
