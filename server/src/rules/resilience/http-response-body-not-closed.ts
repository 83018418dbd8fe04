import type { Node } from 'web-tree-sitter';
import { closesIn, escapes } from '../../engine/escape';
import type { Fix } from '../../engine/fix';
import { enclosingDeclaration, enclosingFunction, indentationAt, packageCall, packageMember } from '../../engine/goSyntax';
import type { FileFacts } from '../../engine/fileFacts';
import { defineRule } from '../../engine/rule';
import { isTerminating, nextStatement } from '../../engine/statements';

const REQUEST_FUNCS = new Set(['Get', 'Head', 'Post', 'PostForm']);

/** Fields and methods of *http.Response: a variable used with anything else is not one. */
const RESPONSE_MEMBERS = new Set([
  'Status', 'StatusCode', 'Proto', 'ProtoMajor', 'ProtoMinor', 'Header', 'Body', 'ContentLength',
  'TransferEncoding', 'Close', 'Uncompressed', 'Trailer', 'Request', 'TLS',
  'Cookies', 'Location', 'ProtoAtLeast', 'Write',
]);

const ASSIGNMENT = (kind: string) =>
  `(${kind} left: (expression_list . (identifier) @resp . (_) @err .) right: (expression_list . (call_expression) @call .)) @assign`;

export default defineRule({
  meta: {
    id: 'http-response-body-not-closed',
    category: 'resilience',
    severity: 'warning',
    effortMinutes: 5,
    fixable: true,
    onlyBuiltFiles: true,
    summary: 'HTTP response whose Body is never closed: the connection leaks',
    nolintAliases: ['bodyclose'],
  },
  query: `[${ASSIGNMENT('short_var_declaration')} ${ASSIGNMENT('assignment_statement')}]`,
  check(ctx, captures) {
    const assign = captures.get('assign')!;
    const resp = captures.get('resp')!.text;
    const call = captures.get('call')!;
    if (resp === '_') return;
    const kind = requestKind(call, ctx.facts);
    if (!kind) return;
    const fn = enclosingFunction(assign);
    const body = fn?.childForFieldName('body');
    if (!fn || !body) return;
    // Inside a function literal (a retry callback, say) the response may be a variable
    // of the enclosing function, closed there: look at both.
    const scopes = [fn, enclosingDeclaration(assign)].filter((f): f is Node => f !== null);
    if (scopes.some((scope) => closesIn(scope, `${resp}.Body`))) return;
    if (scopes.some((scope) => escapes(scope, resp) || escapes(scope, `${resp}.Body`, { viaArguments: false }))) return;
    // Without types, a client's Do or Get may return something else; an http.Response
    // is only ever used through its own fields and methods.
    if (kind === 'client' && usesForeignMembers(body, resp)) return;
    ctx.report({
      node: call,
      message: `${resp}.Body is never closed, which leaks the connection: add defer ${resp}.Body.Close() after the error check`,
      fix: deferCloseFix(ctx.source, assign, resp, captures.get('err')!),
    });
  },
});

/** 'package' for http.Get and friends, 'client' for X.Do(req) and client.Get(...), else null. */
function requestKind(call: Node, facts: FileFacts): 'package' | 'client' | null {
  const pkg = packageCall(call, facts);
  if (pkg) return pkg.path === 'net/http' && REQUEST_FUNCS.has(pkg.name) ? 'package' : null;
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'selector_expression') return null;
  const method = fn.childForFieldName('field')?.text ?? '';
  const receiver = fn.childForFieldName('operand');
  if (method === 'Do') return call.childForFieldName('arguments')?.namedChildCount === 1 ? 'client' : null;
  if (!REQUEST_FUNCS.has(method) || !receiver) return null;
  const member = packageMember(receiver, facts);
  if (member) return member.path === 'net/http' && member.name === 'DefaultClient' ? 'client' : null;
  const name = receiver.type === 'selector_expression' ? receiver.childForFieldName('field')?.text : receiver.type === 'identifier' ? receiver.text : '';
  return name && /client/i.test(name) ? 'client' : null;
}

function usesForeignMembers(body: Node, resp: string): boolean {
  return body.descendantsOfType('selector_expression').some((sel) =>
    sel?.childForFieldName('operand')?.text === resp && !RESPONSE_MEMBERS.has(sel.childForFieldName('field')?.text ?? ''));
}

/**
 * `defer RESP.Body.Close()` after the `if err != nil { ... }` that follows the call, or
 * right after the call when the error is discarded. Not offered when the deferred call
 * could run on a nil response (the error check does not leave the function, or comes
 * later), inside a loop (the defer would pile up until the function returns), when
 * the response is declared in an if or switch header (it is out of scope after it), or
 * when a function literal assigns a variable it may share with its enclosing function.
 */
function deferCloseFix(source: string, assign: Node, resp: string, err: Node): Fix | null {
  const parentType = assign.parent?.type;
  if (parentType !== 'statement_list' && parentType !== 'block') return null;
  // `resp, err = ...` in a function literal may fill a variable of the enclosing
  // function: a defer in the literal would close the body before that function reads it.
  if (assign.type === 'assignment_statement' && enclosingFunction(assign)?.type === 'func_literal') return null;
  for (let n = assign.parent; n && !['function_declaration', 'method_declaration', 'func_literal'].includes(n.type); n = n.parent) {
    if (n.type === 'for_statement') return null;
  }
  let after = assign;
  const next = nextStatement(assign);
  if (err.text !== '_') {
    if (!next || !isErrorCheck(next, err.text)) return null;
    after = next;
  }
  const lineEnd = source.indexOf('\n', after.endIndex);
  const rest = source.slice(after.endIndex, lineEnd < 0 ? source.length : lineEnd);
  if (!/^\s*(\/\/.*)?$/.test(rest)) return null;
  const at = lineEnd < 0 ? source.length : lineEnd;
  const indent = indentationAt(source, assign.startIndex);
  return {
    title: `Add defer ${resp}.Body.Close()`,
    edits: [{ start: at, end: at, text: `\n${indent}defer ${resp}.Body.Close()` }],
    preferred: true,
  };
}

/** `if ERR != nil { ...; return }`: after it the response is known to be non-nil. */
function isErrorCheck(stmt: Node, err: string): boolean {
  if (stmt.type !== 'if_statement' || stmt.childForFieldName('initializer')) return false;
  const condition = stmt.childForFieldName('condition')?.text.replace(/\s+/g, '');
  return condition === `${err}!=nil` && isTerminating(stmt.childForFieldName('consequence'));
}
