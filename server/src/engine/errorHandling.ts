// The "error handling block" that error fixes insert after a call whose error was
// dropped (RULES.md, error-discarded and error-unchecked): what to do with `err` at
// that point depends only on the enclosing function.
//
//   - its last result is `error`          -> return <zero values>, err (when every
//                                            zero value is known from this file)
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
    const zeros: string[] = [];
    for (const type of results.slice(0, -1)) {
      const zero = zeroOf(type, typeParams, facts, source);
      if (zero === null) return null;
      zeros.push(zero);
    }
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

/** Zero values of standard-library named types, by import path and name: `T{}` is wrong for most. */
const STD_ZEROS: Readonly<Record<string, string>> = {
  'time.Duration': '0', 'time.Month': '0', 'time.Weekday': '0', 'io/fs.FileMode': '0', 'os.FileMode': '0',
  'net/http.ConnState': '0', 'reflect.Kind': '0', 'time.Time': '{}', 'math/big.Int': '{}', 'sync.Mutex': '{}',
};

/**
 * The zero value of a result type, or null when it cannot be known from this file:
 * `T{}` is only written for struct and array types and for named types declared in
 * this file (a type declared in another file of the package may be an interface or a
 * number, and `Repo{}` of an interface does not compile).
 */
function zeroOf(type: Node, typeParams: Set<string>, facts: FileFacts, source: string): string | null {
  const text = source.slice(type.startIndex, type.endIndex);
  // The zero value of a type parameter has no literal form; *new(T) is one.
  if (typeParams.has(text)) return `*new(${text})`;
  const path = type.type === 'qualified_type' ? facts.pathOf(type.childForFieldName('package')?.text ?? '') : undefined;
  const stdZero = path !== undefined ? STD_ZEROS[`${path}.${type.childForFieldName('name')?.text}`] : undefined;
  if (stdZero) return stdZero === '{}' ? `${text}{}` : stdZero;
  const zero = zeroValue(type, facts.root);
  if (!zero.endsWith('{}') || type.type === 'struct_type' || type.type === 'array_type') return zero;
  if (type.type === 'qualified_type') return null;
  const named = type.type === 'generic_type' ? type.childForFieldName('type') : type;
  return named?.type === 'type_identifier' && declaredInFile(facts.root, named.text) ? zero : null;
}

/** True when the file declares a top-level defined type named name (aliases may stand for anything). */
function declaredInFile(root: Node, name: string): boolean {
  return root.namedChildren.some((decl) => decl?.type === 'type_declaration' &&
    decl.namedChildren.some((spec) => spec?.type === 'type_spec' && spec.childForFieldName('name')?.text === name));
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
