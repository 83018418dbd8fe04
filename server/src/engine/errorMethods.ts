// Code inside an error type's own Is, As or Unwrap method (or a helper function of
// that name, such as package errors' own Is) is where comparing and asserting error
// values directly is the point: errors.Is calls Is, not the other way round. The
// errorlint-style rules leave it alone.
import type { Node } from 'web-tree-sitter';
import { enclosingDeclaration, functionName } from './goSyntax';

const CHAIN_FUNCTIONS = new Set(['Is', 'As', 'Unwrap']);

/** True when node is inside a method or function declaration named Is, As or Unwrap. */
export function insideErrorChainFunction(node: Node): boolean {
  const decl = enclosingDeclaration(node);
  return decl !== null && CHAIN_FUNCTIONS.has(functionName(decl));
}
