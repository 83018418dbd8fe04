// What happens to a local value that must be closed (sql.Rows, an http.Response's
// Body): is it closed in the function, or does it escape to code that may close it?
// Names are compared as text, without scopes: a shadowing variable of the same name
// can only make a rule quieter (a Close or an escape of the other variable counts).
import type { Node } from 'web-tree-sitter';

export interface ValueFate {
  /** NAME.<member...>.Close() is called somewhere in the scope (deferred, in a literal, anywhere). */
  closed: boolean;
  /**
   * The value leaves the function's hands: it is returned, passed as an argument, stored
   * (assigned to anything, put in a composite literal, field, map or slice), sent on a
   * channel, or its address is taken.
   */
  escapes: boolean;
}

/**
 * The fate of the value held by the variable `name` within `scope` (a function node).
 * `member` is the path from the variable to the closable value: [] for `rows.Close()`,
 * ['Body'] for `resp.Body.Close()`. Occurrences on the left of an assignment are neither.
 */
export function valueFate(scope: Node, name: string, member: readonly string[] = []): ValueFate {
  const fate: ValueFate = { closed: false, escapes: false };
  for (const ident of scope.descendantsOfType('identifier')) {
    if (!ident || ident.text !== name) continue;
    if (callsCloseOn(ident, member)) fate.closed = true;
    else if (escapesAt(ident)) fate.escapes = true;
    if (fate.closed && fate.escapes) break;
  }
  return fate;
}

/** ident.<member...>.Close() */
function callsCloseOn(ident: Node, member: readonly string[]): boolean {
  let node = ident;
  for (const field of [...member, 'Close']) {
    const sel = node.parent;
    if (sel?.type !== 'selector_expression' || sel.childForFieldName('operand')?.id !== node.id) return false;
    if (sel.childForFieldName('field')?.text !== field) return false;
    node = sel;
  }
  const call = node.parent;
  return call?.type === 'call_expression' && call.childForFieldName('function')?.id === node.id;
}

/** Whether this occurrence of the variable hands its value to somebody else. */
function escapesAt(ident: Node): boolean {
  let node = ident;
  while (node.parent?.type === 'parenthesized_expression') node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case 'argument_list': case 'literal_element': case 'return_statement':
      return true;
    case 'unary_expression':
      return parent.childForFieldName('operator')?.text === '&';
    case 'send_statement':
      return parent.childForFieldName('value')?.id === node.id;
    case 'var_spec': case 'const_spec':
      return false;
    case 'expression_list': {
      const holder = parent.parent;
      if (!holder) return false;
      if (holder.type === 'return_statement') return true;
      // On the right of =, := or var: the value is copied into something else.
      return holder.childForFieldName('right')?.id === parent.id || holder.childForFieldName('value')?.id === parent.id;
    }
    default:
      return false;
  }
}
