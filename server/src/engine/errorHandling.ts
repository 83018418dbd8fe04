// What an inserted `if err != nil { ... }` block does, by RULES.md (error-discarded,
// error-unchecked): return the error when the enclosing function's last result is an
// error; answer 500 in an HTTP handler; log.Fatal in main or init of package main.
// Anywhere else the right handling is a guess, so no fix is offered.
import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './fileFacts';
import type { TextEdit } from './fix';
import { enclosingDeclaration, enclosingFunction, functionName, indentationAt, isQualifiedType, parametersOf, resultTypesOf, zeroValue } from './goSyntax';
import { addImportBesideCgo } from './cgoImports';

export interface ErrorHandling {
  /** Statements of the if body, unindented, one per line. */
  statements: string[];
  /** An import the statements need, if any. */
  importEdit: TextEdit | null;
}

/**
 * Standard named types that are not structs, whose zero value `T{}` would not compile,
 * keyed by their spelling under the default package name.
 */
const QUALIFIED_ZERO: Record<string, string> = {
  'time.Duration': '0', 'time.Month': '0', 'time.Weekday': '0', 'os.FileMode': '0', 'fs.FileMode': '0',
  'reflect.Kind': '0', 'http.Header': 'nil', 'http.HandlerFunc': 'nil', 'url.Values': 'nil',
  'json.RawMessage': 'nil', 'template.HTML': '""', 'slog.Level': '0', 'os.Signal': 'nil',
};

/** How to handle errName at node (a statement inside a function), or null when unknown. */
export function errorHandling(node: Node, facts: FileFacts, source: string, errName = 'err'): ErrorHandling | null {
  const fn = enclosingFunction(node);
  if (!fn) return null;
  const results = resultTypesOf(fn);
  const last = results[results.length - 1];
  if (last?.type === 'type_identifier' && last.text === 'error') {
    const zeros: string[] = [];
    for (const type of results.slice(0, -1)) {
      const zero = zeroOf(type, fn, facts.root);
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
    return { statements: [`log.Fatal(${errName})`], importEdit: addImportBesideCgo(facts, source, 'log') };
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

/** A zero value for a result type, or null when none can be written (a type parameter). */
function zeroOf(type: Node, fn: Node, root: Node): string | null {
  if (type.type === 'type_identifier' && typeParameterNames(fn).includes(type.text)) return null;
  if (type.type === 'qualified_type' && QUALIFIED_ZERO[type.text]) return QUALIFIED_ZERO[type.text];
  return zeroValue(type, root);
}

/** Type parameters in scope in fn: its declaration's own, and those of a generic receiver (`func (s *Set[T])`). */
function typeParameterNames(fn: Node): string[] {
  const decl = fn.type === 'func_literal' ? enclosingDeclaration(fn) : fn;
  if (!decl) return [];
  const names: string[] = [];
  for (const param of decl.childForFieldName('type_parameters')?.namedChildren ?? []) {
    for (const name of param?.childrenForFieldName('name') ?? []) if (name) names.push(name.text);
  }
  const receiver = decl.childForFieldName('receiver')?.text ?? '';
  const args = /\[([^\]]*)\]/.exec(receiver);
  if (args) names.push(...args[1].split(',').map((s) => s.trim()));
  return names;
}
