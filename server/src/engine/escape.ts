// Questions about a resource held in a local variable (an *http.Response, *sql.Rows):
// does the function close it, and does the value escape to somebody else who might?
// Both answers are read from the syntax of one function, without types, and are
// deliberately generous (anything that might close or hand the value on counts), so
// that the rules built on them stay silent when unsure.
import type { Node } from 'web-tree-sitter';

/** Text of an expression without white space, so `resp . Body` compares as `resp.Body`. */
function compact(node: Node): string {
  return node.text.replace(/\s+/g, '');
}

/** The callee's own name: `Close` for `resp.Body.Close()`, `closeBody` for `closeBody(b)`. */
export function calleeName(call: Node): string {
  const fn = call.childForFieldName('function');
  if (fn?.type === 'selector_expression') return fn.childForFieldName('field')?.text ?? '';
  return fn?.type === 'identifier' ? fn.text : '';
}

/**
 * Whether the function fn (its body, nested function literals and defers included)
 * closes expr: calls `expr.Close()`, or hands expr to a deferred call or to a function
 * whose name contains "close" (`defer drain(resp.Body)`, `closeQuietly(rows)`).
 *
 * @param expr a variable or field path as written, e.g. `rows` or `resp.Body`
 */
export function closesIn(fn: Node, expr: string): boolean {
  const body = fn.childForFieldName('body');
  for (const call of body?.descendantsOfType('call_expression') ?? []) {
    if (!call) continue;
    const callee = call.childForFieldName('function');
    if (callee && compact(callee) === `${expr}.Close`) return true;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    if (!args.some((a) => a !== null && compact(a) === expr)) continue;
    if (call.parent?.type === 'defer_statement' || /close/i.test(calleeName(call))) return true;
  }
  return false;
}

export interface EscapeOptions {
  /**
   * Whether passing expr as a call argument counts as escaping (default true). Reading
   * calls such as `json.NewDecoder(resp.Body)` take a body without taking ownership,
   * so a rule asking about `resp.Body` turns this off.
   */
  viaArguments?: boolean;
}

/**
 * Whether the value of expr leaves the function fn, so that closing it may be somebody
 * else's job: it is a named result, or it is returned, passed as an argument, stored
 * in a field, map, slice, composite literal or another variable, sent on a channel, or
 * its address is taken. `expr.Field` reads and method calls do not count.
 *
 * @param expr a variable or field path as written, e.g. `resp` or `resp.Body`
 */
export function escapes(fn: Node, expr: string, options: EscapeOptions = {}): boolean {
  const viaArguments = options.viaArguments ?? true;
  if (resultNames(fn).includes(expr)) return true;
  const body = fn.childForFieldName('body');
  if (!body) return false;
  const last = expr.slice(expr.lastIndexOf('.') + 1);
  const candidates = expr.includes('.')
    ? body.descendantsOfType('selector_expression').filter((s) => s?.childForFieldName('field')?.text === last)
    : body.descendantsOfType('identifier').filter((i) => i?.text === last);
  for (const node of candidates) {
    if (!node || compact(node) !== expr) continue;
    if (escapingUse(node, viaArguments)) return true;
  }
  return false;
}

/** Names of fn's named results (a bare `return` hands them to the caller). */
function resultNames(fn: Node): string[] {
  const result = fn.childForFieldName('result');
  if (result?.type !== 'parameter_list') return [];
  return result.namedChildren.flatMap((decl) => decl?.childrenForFieldName('name').map((n) => n?.text ?? '') ?? []);
}

/** Whether this occurrence of the value hands it on (see escapes). */
function escapingUse(occurrence: Node, viaArguments: boolean): boolean {
  let node = occurrence;
  let parent = node.parent;
  while (parent?.type === 'parenthesized_expression') {
    node = parent;
    parent = node.parent;
  }
  if (!parent) return false;
  switch (parent.type) {
    case 'selector_expression':
      // resp.StatusCode, rows.Next(): a use of the value, not a copy of it.
      return false;
    case 'unary_expression':
      return parent.childForFieldName('operator')?.text === '&';
    case 'argument_list':
      return viaArguments;
    case 'literal_element':
    case 'return_statement':
      return true;
    case 'send_statement':
      return parent.childForFieldName('value')?.id === node.id;
    case 'expression_list': {
      const owner = parent.parent;
      if (!owner) return false;
      if (owner.type === 'return_statement') return true;
      // x = resp, s.f = resp, m[k] = resp, other := resp: the value now lives elsewhere too.
      const isRight = owner.childForFieldName('right')?.id === parent.id || owner.childForFieldName('value')?.id === parent.id;
      return isRight && ['assignment_statement', 'short_var_declaration', 'var_spec'].includes(owner.type);
    }
    default:
      return false;
  }
}
