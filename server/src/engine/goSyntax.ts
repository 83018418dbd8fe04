// Small questions about Go syntax trees that several rules ask.
import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './fileFacts';

export const FUNCTION_TYPES = new Set(['function_declaration', 'method_declaration', 'func_literal']);

/** The nearest enclosing function declaration, method or function literal. */
export function enclosingFunction(node: Node): Node | null {
  for (let n = node.parent; n; n = n.parent) if (FUNCTION_TYPES.has(n.type)) return n;
  return null;
}

const DECLARATION_TYPES = new Set(['function_declaration', 'method_declaration']);

/** The nearest enclosing named function or method declaration (skipping literals). */
export function enclosingDeclaration(node: Node): Node | null {
  // Declarations sit at the top level, and one without syntax errors holds no other:
  // one step down from the root finds it (Node.parent walks down from the root at
  // every step). Error recovery can nest them, so code with errors is walked.
  const top = node.tree.rootNode.childWithDescendant(node);
  if (top && !top.hasError) return top.id !== node.id && DECLARATION_TYPES.has(top.type) ? top : null;
  for (let n = node.parent; n; n = n.parent) {
    if (DECLARATION_TYPES.has(n.type)) return n;
  }
  return null;
}

/** The text of the doc comment right above a declaration (the comment lines ending on the line before it), or "". */
export function docComment(decl: Node): string {
  const texts: string[] = [];
  let row = decl.startPosition.row;
  for (let c = decl.previousSibling; c?.type === 'comment' && c.endPosition.row === row - 1; c = c.previousSibling) {
    texts.unshift(c.text);
    row = c.startPosition.row;
  }
  return texts.join('\n');
}

/**
 * True when node only runs under a switch that flag names: inside an `if` of its own
 * function whose condition is such a name (`if debug`, `if e.debugAsserts`), starts with
 * one (`if sanity && ...`) or compares one (`if f.pass.debug > 2`). For a selector, any
 * name in it counts (`base.Debug.Checkptr`). `if !debug` is the opposite, and does not.
 * `if false` counts too: that code is switched off for good.
 */
export function underFlag(node: Node, flag: RegExp): boolean {
  for (let n = node.parent; n && !FUNCTION_TYPES.has(n.type); n = n.parent) {
    if (n.type !== 'if_statement') continue;
    let condition = n.childForFieldName('condition');
    while (condition?.type === 'binary_expression' && /^(&&|[<>=!]=|[<>])$/.test(condition.childForFieldName('operator')?.type ?? '')) {
      condition = condition.childForFieldName('left');
    }
    while (condition?.type === 'selector_expression') {
      if (flag.test(condition.childForFieldName('field')?.text ?? '')) return true;
      condition = condition.childForFieldName('operand');
    }
    if (condition?.type === 'false' || (condition?.type === 'identifier' && flag.test(condition.text))) return true;
  }
  return false;
}

/** The declared name of a function or method declaration ("" for literals). */
export function functionName(fn: Node): string {
  return fn.type === 'func_literal' ? '' : fn.childForFieldName('name')?.text ?? '';
}

export interface Parameter {
  name: string;
  type: Node;
}

/** Named parameters of a function node, each with its type node. */
export function parametersOf(fn: Node): Parameter[] {
  const list = fn.childForFieldName('parameters');
  const params: Parameter[] = [];
  for (const decl of list?.namedChildren ?? []) {
    if (decl?.type !== 'parameter_declaration') continue;
    const type = decl.childForFieldName('type');
    if (!type) continue;
    for (const name of decl.childrenForFieldName('name')) if (name) params.push({ name: name.text, type });
  }
  return params;
}

/** The result type nodes of a function, in order (a named result list repeats types per name). */
export function resultTypesOf(fn: Node): Node[] {
  const result = fn.childForFieldName('result');
  if (!result) return [];
  if (result.type !== 'parameter_list') return [result];
  const types: Node[] = [];
  for (const decl of result.namedChildren) {
    if (decl?.type !== 'parameter_declaration') continue;
    const type = decl.childForFieldName('type');
    if (!type) continue;
    const names = decl.childrenForFieldName('name').length;
    for (let i = 0; i < Math.max(1, names); i++) types.push(type);
  }
  return types;
}

/** True when typeNode is PKG.Name for the given import path (e.g. context.Context). */
export function isQualifiedType(typeNode: Node | null | undefined, facts: FileFacts, path: string, name: string): boolean {
  if (!typeNode || typeNode.type !== 'qualified_type') return false;
  const pkg = typeNode.childForFieldName('package')?.text;
  return typeNode.childForFieldName('name')?.text === name && pkg !== undefined && facts.pathOf(pkg) === path;
}

/**
 * The expression that yields the request context in scope at node, per RULES.md: a
 * context.Context parameter of the enclosing function, an enclosing literal or its
 * declaration (nearest first); failing that, NAME.Context() of an *http.Request
 * parameter. Null when no context is in scope.
 */
export function contextInScope(node: Node, facts: FileFacts): string | null {
  const functions: Node[] = [];
  for (let n = node.parent; n; n = n.parent) {
    if (FUNCTION_TYPES.has(n.type)) functions.push(n);
    if (n.type !== 'func_literal' && FUNCTION_TYPES.has(n.type)) break;
  }
  for (const fn of functions) {
    const ctx = parametersOf(fn).find((p) => p.name !== '_' && isQualifiedType(p.type, facts, 'context', 'Context'));
    if (ctx) return ctx.name;
  }
  for (const fn of functions) {
    const req = parametersOf(fn).find((p) => p.name !== '_' && p.type.type === 'pointer_type' &&
      isQualifiedType(p.type.namedChildren[0], facts, 'net/http', 'Request'));
    if (req) return `${req.name}.Context()`;
  }
  return null;
}

/** A call PKG.Name(...) of an imported package, or null. */
export function packageCall(call: Node, facts: FileFacts): { path: string; name: string } | null {
  if (call.type !== 'call_expression') return null;
  return packageMember(call.childForFieldName('function'), facts);
}

/** A selector PKG.Name where PKG is an import of this file, or null. */
export function packageMember(sel: Node | null | undefined, facts: FileFacts): { path: string; name: string } | null {
  if (!sel || sel.type !== 'selector_expression') return null;
  const operand = sel.childForFieldName('operand');
  if (operand?.type !== 'identifier') return null;
  const path = facts.pathOf(operand.text);
  if (path === undefined) return null;
  return { path, name: sel.childForFieldName('field')?.text ?? '' };
}

/** The leading white space of the line containing offset. */
export function indentationAt(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart, lineStart + 200))![0];
}

/** Interfaces of the standard library that fixes commonly meet as result types. */
const STD_INTERFACES = new Set([
  'context.Context', 'io.Reader', 'io.Writer', 'io.Closer', 'io.ReadCloser', 'io.WriteCloser',
  'io.ReadWriter', 'io.ReadWriteCloser', 'fmt.Stringer', 'http.Handler', 'http.RoundTripper',
  'net.Conn', 'net.Listener', 'net.Addr', 'driver.Value', 'sql.Result', 'fs.FS', 'fs.File',
  'fs.FileInfo', 'os.FileInfo', 'reflect.Type', 'sort.Interface', 'hash.Hash', 'error',
]);

/**
 * The zero value of a Go type, written as source, for a `return` statement. Named types
 * declared in the same file are looked through; others follow RULES.md (`T{}`).
 */
export function zeroValue(type: Node, root?: Node): string {
  switch (type.type) {
    case 'pointer_type': case 'slice_type': case 'map_type': case 'channel_type':
    case 'function_type': case 'interface_type':
      return 'nil';
    case 'struct_type': case 'array_type':
      return `${type.text}{}`;
    case 'type_identifier': {
      const name = type.text;
      if (name === 'error' || name === 'any') return 'nil';
      if (name === 'string') return '""';
      if (name === 'bool') return 'false';
      if (/^(u?int(8|16|32|64)?|uintptr|float(32|64)|complex(64|128)|byte|rune)$/.test(name)) return '0';
      const underlying = root ? localTypeDefinition(root, name) : null;
      if (underlying && underlying.type !== 'struct_type' && underlying.type !== 'array_type') {
        return underlying.type === 'type_identifier' && underlying.text === name ? `${name}{}` : zeroValue(underlying);
      }
      return `${name}{}`;
    }
    case 'qualified_type':
      return STD_INTERFACES.has(type.text) ? 'nil' : `${type.text}{}`;
    case 'generic_type':
      return `${type.text}{}`;
    case 'parenthesized_type':
      return type.namedChildren[0] ? zeroValue(type.namedChildren[0], root) : 'nil';
    default:
      return 'nil';
  }
}

/** The statement that directly contains node (the child of a block or statement list). */
export function enclosingStatement(node: Node): Node | null {
  for (let n: Node | null = node; n; n = n.parent) {
    const parentType = n.parent?.type;
    if (parentType === 'statement_list' || parentType === 'block') return n;
  }
  return null;
}

/** The type a top-level `type NAME ...` declaration of this file gives NAME, if any. */
function localTypeDefinition(root: Node, name: string): Node | null {
  for (const decl of root.namedChildren) {
    if (decl?.type !== 'type_declaration') continue;
    for (const spec of decl.namedChildren) {
      if (spec?.type === 'type_spec' && spec.childForFieldName('name')?.text === name) {
        return spec.childForFieldName('type');
      }
    }
  }
  return null;
}

/**
 * RULES.md's "error-like name": `err`, a name ending in `err`/`Err` (readErr), or `e`
 * when bound by `if e := ...; e != nil` (or `== nil`) around node.
 */
export function isErrorLikeName(ident: Node | null | undefined): boolean {
  if (!ident || ident.type !== 'identifier') return false;
  const name = ident.text;
  if (name === 'err' || /[a-z0-9_]err$|Err$/.test(name) || name === 'Err') return true;
  if (name !== 'e') return false;
  for (let n = ident.parent; n; n = n.parent) {
    if (n.type !== 'if_statement') continue;
    const init = n.childForFieldName('initializer');
    const left = init?.type === 'short_var_declaration' ? init.childForFieldName('left') : null;
    if (left?.namedChildren.some((c) => c?.text === 'e')) {
      const cond = n.childForFieldName('condition')?.text.replace(/\s+/g, '') ?? '';
      if (cond === 'e!=nil' || cond === 'e==nil') return true;
    }
  }
  return false;
}

/**
 * The comments that go with the statement holding node: the one at the end of its last
 * line, and the comment lines right above it.
 */
export function commentsAround(node: Node): string[] {
  let statement = node;
  while (statement.parent && statement.parent.type !== 'statement_list' && statement.parent.type !== 'block') statement = statement.parent;
  const texts: string[] = [];
  const next = sibling(statement, 'next');
  if (next?.type === 'comment' && next.startPosition.row === statement.endPosition.row) texts.push(next.text);
  let row = statement.startPosition.row;
  for (let c = sibling(statement, 'previous'); c?.type === 'comment' && c.endPosition.row === row - 1; c = sibling(c, 'previous')) {
    texts.push(c.text);
    row = c.startPosition.row;
  }
  return texts;
}

/**
 * The node's neighbour, looking past the edge of a statement list: tree-sitter-go puts
 * a comment before a block's first statement (or after its last) beside the list.
 */
function sibling(node: Node, side: 'previous' | 'next'): Node | null {
  const own = side === 'previous' ? node.previousSibling : node.nextSibling;
  if (own || node.parent?.type !== 'statement_list') return own;
  return side === 'previous' ? node.parent.previousSibling : node.parent.nextSibling;
}

/**
 * Where the comment that starts at start ends, read from the text (a call into the
 * tree costs more): a block comment at the first `*\/`, a `//` comment at the end of
 * its line, or at a NUL character, which tree-sitter's lexer takes for the end of the input.
 */
export function commentEnd(source: string, start: number): number {
  if (!source.startsWith('//', start)) {
    const close = source.indexOf('*/', start + 2);
    return close < 0 ? source.length : close + 2;
  }
  const lineEnd = source.indexOf('\n', start);
  const end = lineEnd < 0 ? source.length : lineEnd;
  const nul = source.slice(start, end).indexOf('\0');
  return nul < 0 ? end : start + nul;
}
