// What an inserted `if err != nil { ... }` block does, by RULES.md (error-discarded,
// error-unchecked): return the error when the enclosing function's last result is an
// error; answer 500 in an HTTP handler; log.Fatal in main or init of package main.
// Anywhere else the right handling is a guess, so no fix is offered.
import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './fileFacts';
import type { TextEdit } from './fix';
import { enclosingDeclaration, enclosingFunction, functionName, indentationAt, isQualifiedType, parametersOf, resultTypesOf, zeroValue } from './goSyntax';
import { addImportEdit } from './imports';

export interface ErrorHandling {
  /** Statements of the if body, unindented, one per line. */
  statements: string[];
  /** An import the statements need, if any. */
  importEdit: TextEdit | null;
}

/** How to handle errName at node (a statement inside a function), or null when unknown. */
export function errorHandling(node: Node, facts: FileFacts, source: string, errName = 'err'): ErrorHandling | null {
  const fn = enclosingFunction(node);
  if (!fn) return null;
  const results = resultTypesOf(fn);
  const last = results[results.length - 1];
  if (last?.type === 'type_identifier' && last.text === 'error') {
    const typeParams = typeParameterNames(fn);
    const zeros: string[] = [];
    for (const type of results.slice(0, -1)) {
      const zero = zeroOf(type, typeParams, facts, source);
      if (zero === null) return null;
      zeros.push(zero);
    }
    return { statements: [`return ${[...zeros, errName].join(', ')}`], importEdit: null };
  }
  if (results.length > 0) return null;
  const params = parametersOf(fn);
  const writer = params.find((p) => isQualifiedType(p.type, facts, 'net/http', 'ResponseWriter'));
  const request = params.find((p) => p.type.type === 'pointer_type' && isQualifiedType(p.type.namedChildren[0], facts, 'net/http', 'Request'));
  if (writer && writer.name !== '_' && request) {
    const http = facts.localNameOf('net/http')!;
    return {
      statements: [`${http}.Error(${writer.name}, ${errName}.Error(), ${http}.StatusInternalServerError)`, 'return'],
      importEdit: null,
    };
  }
  const name = functionName(fn);
  if (fn.type === 'function_declaration' && (name === 'main' || name === 'init') && facts.packageName === 'main') {
    const log = facts.localNameOf('log');
    if (log) return { statements: [`${log}.Fatal(${errName})`], importEdit: null };
    if (facts.pathOf('log') !== undefined) return null; // another package already answers to "log"
    return { statements: [`log.Fatal(${errName})`], importEdit: addImportEdit(facts, source, 'log') };
  }
  return null;
}

/**
 * The edit that inserts `if errName != nil { ... }` on the line after stmt, or null
 * when something other than a line comment follows stmt on its last line.
 */
export function insertErrorCheck(source: string, stmt: Node, handling: ErrorHandling, errName = 'err'): TextEdit | null {
  const at = lineEndAfter(source, stmt);
  if (at === null) return null;
  const indent = indentationAt(source, stmt.startIndex);
  const body = handling.statements.map((s) => `${indent}\t${s}\n`).join('');
  return { start: at, end: at, text: `\n${indent}if ${errName} != nil {\n${body}${indent}}` };
}

/** The end of stmt's last line, when only white space or a line comment follows stmt there. */
export function lineEndAfter(source: string, stmt: Node): number | null {
  const newline = source.indexOf('\n', stmt.endIndex);
  const end = newline < 0 ? source.length : newline;
  return /^[ \t]*(\/\/.*)?$/.test(source.slice(stmt.endIndex, end)) ? end : null;
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
