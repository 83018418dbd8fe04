// Idioms around error values that the error-handling rules share: which names hold
// an error, where a value came from recover(), and where comparing errors directly
// is the point (an error type's own Is, As and Unwrap).
import type { Node } from 'web-tree-sitter';
import { enclosingDeclaration, FUNCTION_TYPES, functionName, isErrorLikeName } from './goSyntax';

const CHAIN_FUNCTIONS = new Set(['Is', 'As', 'Unwrap']);

/**
 * True when node is inside a method or function declaration named Is, As or Unwrap
 * (an error type's own methods, or a chain-walking helper such as package errors' Is):
 * errors.Is calls Is, not the other way round.
 */
export function insideErrorChainFunction(node: Node): boolean {
  const decl = enclosingDeclaration(node);
  return decl !== null && CHAIN_FUNCTIONS.has(functionName(decl));
}

/** Names that end in "err" but hold a stream or its output: stderr, cmdStderr. */
const STREAM_NAME = /(^|[a-z0-9_])[sS]tderr$/;

/**
 * RULES.md's error-like name, minus what a reader would not call an error: standard
 * error streams (stderr), and names bound to recover(), whose value is `any` (often not
 * an error at all), as in `if err := recover(); err != nil`.
 */
export function isErrorName(ident: Node | null | undefined): boolean {
  return isErrorLikeName(ident) && !STREAM_NAME.test(ident!.text) && !boundToRecover(ident!);
}

/** True when node is `recover()`. */
export function isRecoverCall(node: Node | null | undefined): boolean {
  return node?.type === 'call_expression' && node.childForFieldName('function')?.text === 'recover' &&
    node.childForFieldName('arguments')?.namedChildCount === 0;
}

/**
 * True when the identifier's name was bound to recover() within its function: by an
 * enclosing `if NAME := recover(); ...`, or by an earlier statement of an enclosing
 * block (`NAME := recover()`, `NAME = recover()`, `var NAME = recover()`).
 */
export function boundToRecover(ident: Node): boolean {
  const name = ident.text;
  for (let child: Node = ident, n = ident.parent; n && !FUNCTION_TYPES.has(n.type); child = n, n = n.parent) {
    if (n.type === 'if_statement') {
      const init = n.childForFieldName('initializer');
      if (init && init.id !== child.id && bindsRecover(init, name)) return true;
    }
    if (n.type === 'statement_list') {
      for (const statement of n.namedChildren) {
        if (!statement || statement.startIndex >= child.startIndex) break;
        if (bindsRecover(statement, name)) return true;
      }
    }
  }
  return false;
}

function bindsRecover(statement: Node, name: string): boolean {
  if (statement.type === 'var_declaration') {
    return statement.namedChildren.some((spec) => spec?.type === 'var_spec' &&
      spec.childrenForFieldName('name')[0]?.text === name && isRecoverCall(spec.childForFieldName('value')?.namedChildren[0]));
  }
  if (statement.type !== 'short_var_declaration' && statement.type !== 'assignment_statement') return false;
  const left = statement.childForFieldName('left')?.namedChildren ?? [];
  const right = statement.childForFieldName('right')?.namedChildren ?? [];
  return left.length === 1 && left[0]?.text === name && isRecoverCall(right[0]);
}
