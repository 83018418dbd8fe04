// The "error handling block" that error fixes insert after a call whose error was
// dropped (RULES.md, error-discarded and error-unchecked): what to do with `err` at
// that point depends only on the enclosing function.
//
//   - its last result is `error`          -> return <zero values>, err
//   - it is an HTTP handler (w, r params) -> http.Error(w, err.Error(), 500) + return
//   - it is main or init of package main  -> log.Fatal(err)
//   - otherwise there is no safe handling, and no fix.
import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './fileFacts';
import { enclosingDeclaration, enclosingFunction, functionName, isQualifiedType, parametersOf, resultTypesOf, zeroValue } from './goSyntax';

export interface ErrorHandling {
  /** Statements of the `if err != nil { ... }` body, one per line, without indentation. */
  body: string[];
  /** Import paths the body needs that the file does not import yet. */
  imports: string[];
}

/**
 * How to handle an error named `err` at node, or null when no handling is known (then
 * a fix must not be offered). The block is meant for the function that directly
 * encloses node: inside a function literal, that literal's own signature counts.
 */
export function errorHandlingFor(node: Node, facts: FileFacts, source: string): ErrorHandling | null {
  const fn = enclosingFunction(node);
  if (!fn) return null;
  const results = resultTypesOf(fn);
  if (results.length > 0) {
    const last = results[results.length - 1];
    if (!(last.type === 'type_identifier' && last.text === 'error')) return null;
    const typeParams = typeParameterNames(fn);
    const zeros = results.slice(0, -1).map((type) => {
      const text = source.slice(type.startIndex, type.endIndex);
      // The zero value of a type parameter has no literal form; *new(T) is one.
      return typeParams.has(text) ? `*new(${text})` : zeroValue(type, facts.root);
    });
    return { body: [`return ${[...zeros, 'err'].join(', ')}`], imports: [] };
  }
  const handler = httpHandlerWriter(fn, facts);
  if (handler) {
    return { body: [`${handler.http}.Error(${handler.writer}, err.Error(), ${handler.http}.StatusInternalServerError)`, 'return'], imports: [] };
  }
  if (fn.type === 'function_declaration' && facts.packageName === 'main' && ['main', 'init'].includes(functionName(fn))) {
    const log = facts.localNameOf('log');
    if (log) return { body: [`${log}.Fatal(err)`], imports: [] };
    // Another import already answers to `log` (logrus, zap's sugar...): its Fatal is not ours to guess.
    if (facts.pathOf('log') !== undefined) return null;
    return { body: ['log.Fatal(err)'], imports: ['log'] };
  }
  return null;
}

/**
 * For func(w http.ResponseWriter, r *http.Request) with no results: the writer's name
 * and the local name of net/http. Null for anything else (including a blank writer).
 */
function httpHandlerWriter(fn: Node, facts: FileFacts): { writer: string; http: string } | null {
  const http = facts.localNameOf('net/http');
  if (!http) return null;
  const params = parametersOf(fn);
  const writer = params.find((p) => isQualifiedType(p.type, facts, 'net/http', 'ResponseWriter'));
  const request = params.find((p) => p.type.type === 'pointer_type' && isQualifiedType(p.type.namedChildren[0], facts, 'net/http', 'Request'));
  if (!writer || !request || writer.name === '_') return null;
  return { writer: writer.name, http };
}

/** Names of the type parameters in scope in fn: its declaration's, or its generic receiver's. */
function typeParameterNames(fn: Node): Set<string> {
  const names = new Set<string>();
  const decl = fn.type === 'func_literal' ? enclosingDeclaration(fn) : fn;
  if (!decl) return names;
  for (const param of decl.childForFieldName('type_parameters')?.namedChildren ?? []) {
    for (const name of param?.childrenForFieldName('name') ?? []) if (name) names.add(name.text);
  }
  const receiver = decl.type === 'method_declaration' ? decl.childForFieldName('receiver') : null;
  for (const args of receiver?.descendantsOfType('type_arguments') ?? []) {
    for (const ident of args?.descendantsOfType('type_identifier') ?? []) if (ident) names.add(ident.text);
  }
  return names;
}
