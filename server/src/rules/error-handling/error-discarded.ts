import type { Node } from 'web-tree-sitter';
import {
  declaredInScopeBefore, holdsUnreadValue, isDeclaredBefore, laterDeclarationClashes, mentionedLaterInScope,
} from '../../engine/declarations';
import { errorHandling, insertErrorCheck } from '../../engine/errorHandling';
import type { Fix, TextEdit } from '../../engine/fix';
import { enclosingFunction, packageCall, resultTypesOf } from '../../engine/goSyntax';
import { defineRule, RuleContext } from '../../engine/rule';

/**
 * Functions whose last result is, by convention, a boolean or a count rather than an
 * error (RULES.md's list and their close relatives), by import path.
 */
const NOT_AN_ERROR: Record<string, readonly string[]> = {
  'os': ['LookupEnv'],
  'syscall': ['Getenv'],
  'strings': ['Cut', 'CutPrefix', 'CutSuffix'],
  'bytes': ['Cut', 'CutPrefix', 'CutSuffix'],
  'unicode/utf8': ['DecodeRune', 'DecodeRuneInString', 'DecodeLastRune', 'DecodeLastRuneInString'],
  'math': ['Modf', 'Frexp', 'Lgamma', 'Sincos'],
  'math/bits': ['Add', 'Add32', 'Add64', 'Sub', 'Sub32', 'Sub64', 'Mul', 'Mul32', 'Mul64', 'Div', 'Div32', 'Div64'],
  'slices': ['BinarySearch', 'BinarySearchFunc'],
  'sort': ['Find'],
  'runtime': ['Caller'],
  'path': ['Split'],
  'path/filepath': ['Split'],
  'net/http': ['ParseHTTPVersion'],
  'net/netip': ['AddrFromSlice'],
  'go/constant': ['Float32Val', 'Float64Val', 'Int64Val', 'Uint64Val'],
  'encoding/pem': ['Decode'],
  'encoding/binary': ['Uvarint', 'Varint'],
  'unicode/utf16': ['EncodeRune'],
  'runtime/debug': ['ReadBuildInfo'],
  'crypto/elliptic': ['Unmarshal', 'UnmarshalCompressed'],
  'io': ['Pipe'],
  'net': ['Pipe'],
};

/**
 * Methods with such a last result. Without type information the receiver is unknown,
 * so the name decides: sync.Map's loads, big.Int/Float/Rat.SetString,
 * (*http.Request).BasicAuth, time.Time's calendar accessors, reflect.StructTag.Lookup,
 * url.Userinfo.Password, color.Color.RGBA, context.Context.Deadline,
 * reflect.Type.FieldByName/MethodByName, regexp.Regexp.LiteralPrefix, elliptic.Curve's
 * point arithmetic.
 */
const NOT_AN_ERROR_METHODS = new Set([
  'Load', 'LoadOrStore', 'LoadAndDelete', 'Swap', 'SetString', 'BasicAuth',
  'Date', 'Clock', 'ISOWeek', 'Zone', 'Lookup', 'Password', 'RGBA', 'Deadline',
  'FieldByName', 'MethodByName', 'LiteralPrefix', 'ScalarBaseMult', 'ScalarMult', 'Double',
]);

export default defineRule({
  meta: {
    id: 'error-discarded',
    category: 'error-handling',
    severity: 'warning',
    effortMinutes: 5,
    fixable: true,
    summary: 'A call\'s error result thrown away with _ while its other results are used',
    nolintAliases: ['errcheck'],
  },
  query: [
    '(short_var_declaration left: (expression_list (identifier) @blank .) right: (expression_list . (call_expression) @call .) (#eq? @blank "_")) @stmt',
    '(assignment_statement left: (expression_list (identifier) @blank .) right: (expression_list . (call_expression) @call .) (#eq? @blank "_")) @stmt',
    '(var_spec name: (identifier) @blank . value: (expression_list . (call_expression) @call .) (#eq? @blank "_")) @stmt',
  ].join('\n'),
  check(ctx, captures) {
    const stmt = captures.get('stmt')!;
    const blank = captures.get('blank')!;
    const call = captures.get('call')!;
    const names = leftNames(stmt);
    if (names.length < 2 || names.every((n) => n.text === '_')) return;
    if (stmt.type === 'assignment_statement' && stmt.childForFieldName('operator')?.text !== '=') return;
    if (lastResultIsNotAnError(call, names.length, ctx)) return;
    const callee = calleeName(call);
    ctx.report({
      node: blank,
      message: `The last result of ${callee} (by convention its error) is discarded with _: name it and handle it.`,
      fix: fixFor(ctx, stmt, blank, names),
    });
  },
});

/** The names (or, for `=`, expressions) on the left of the statement. */
function leftNames(stmt: Node): Node[] {
  const nodes = stmt.type === 'var_spec' ? stmt.childrenForFieldName('name') : stmt.childForFieldName('left')!.namedChildren;
  return nodes.filter((n): n is Node => n !== null);
}

/**
 * Whether the call's last result is known not to be an error. The callee is looked up
 * by name, nearest first: declared in this file, else (with a package index) in the
 * package's other files; only declarations with as many results as the statement
 * names count, and all of them must agree. A callee found nowhere is flagged, as
 * RULES.md asks of every such call outside its "Does not flag" list.
 */
function lastResultIsNotAnError(call: Node, resultCount: number, ctx: RuleContext): boolean {
  const { facts, packageIndex } = ctx;
  const pkg = packageCall(call, facts);
  if (pkg) return (pkg.path === 'context' && pkg.name.startsWith('With')) || (NOT_AN_ERROR[pkg.path]?.includes(pkg.name) ?? false);
  const fn = call.childForFieldName('function');
  const method = fn?.type === 'selector_expression' ? fn.childForFieldName('field')?.text ?? '' : null;
  const name = fn?.type === 'identifier' ? fn.text : method;
  if (name !== null) {
    const inFile = facts.declarationsNamed(method === null ? 'function_declaration' : 'method_declaration', name)
      .map((decl) => resultTypesOf(decl).map((t) => t.text))
      .filter((results) => results.length === resultCount);
    if (inFile.length > 0) return inFile.every((results) => !endsInError(results));
    const inPackage = (packageIndex?.functions(name, method !== null) ?? []).filter((f) => f.results.length === resultCount);
    if (inPackage.length > 0) return inPackage.every((f) => !endsInError(f.results));
  }
  if (method === null) return false;
  // singleflight's Do returns (v, err, shared): three results end in a boolean.
  return NOT_AN_ERROR_METHODS.has(method) || (method === 'Do' && resultCount === 3);
}

function endsInError(results: readonly string[]): boolean {
  return results[results.length - 1] === 'error';
}

function calleeName(call: Node): string {
  const fn = call.childForFieldName('function')!;
  if (fn.text.length <= 40 && !fn.text.includes('\n')) return fn.text;
  return fn.type === 'selector_expression' ? `.${fn.childForFieldName('field')?.text}` : 'the call';
}

/**
 * Names the error `err` and checks it on the next line. Not offered where the new
 * name would not compile (`var err` twice, `:=` with nothing new), would shadow an
 * `err` that later code reads, or would overwrite an `err` not yet looked at.
 */
function fixFor(ctx: RuleContext, spec: Node, blank: Node, names: Node[]): Fix | null {
  const isVar = spec.type === 'var_spec';
  const stmt = isVar ? spec.parent! : spec;
  if (isVar && stmt.type !== 'var_declaration') return null; // a spec inside var ( ... )
  if (stmt.parent?.type !== 'statement_list') return null; // an if/for/switch initializer, or package level
  const fn = enclosingFunction(stmt);
  if (!fn) return null;
  const handling = errorHandling(stmt, ctx.facts, ctx.source);
  if (!handling) return null;
  if (stmt.type === 'assignment_statement') {
    if (!isDeclaredBefore(stmt, 'err', true) || holdsUnreadValue(ctx.source, stmt, fn, 'err')) return null;
  } else {
    const scope = declaredInScopeBefore(stmt);
    if (scope.has('err')) {
      if (isVar) return null;
      const others = names.filter((n) => n.text !== '_').map((n) => n.text);
      if (others.every((n) => scope.has(n))) return null;
      if (holdsUnreadValue(ctx.source, stmt, fn, 'err')) return null;
    } else if (isDeclaredBefore(stmt, 'err', false) && (mentionedLaterInScope(ctx.source, stmt, 'err') || bareReturnLater(ctx.source, stmt))) {
      return null; // the new err would shadow one that later code reads, or that a bare return returns
    }
    if (laterDeclarationClashes(stmt, 'err')) return null;
    // Two `var x, _ = f()` of one scope fixed in the same pass would both declare err.
    if (isVar && hasEarlierVarDiscard(stmt)) return null;
  }
  const check = insertErrorCheck(ctx.source, stmt, handling);
  if (!check) return null;
  const edits: TextEdit[] = [{ start: blank.startIndex, end: blank.endIndex, text: 'err' }, check];
  if (handling.importEdit) edits.push(handling.importEdit);
  return { title: 'Name the error err and check it', edits, preferred: true };
}

/** Whether a bare `return` follows stmt in its block (it returns named results, err among them). */
function bareReturnLater(source: string, stmt: Node): boolean {
  return /\breturn[ \t]*(\/\/[^\n]*)?(\n|;|\})/.test(source.slice(stmt.endIndex, stmt.parent!.endIndex));
}

function hasEarlierVarDiscard(decl: Node): boolean {
  for (let s = decl.previousNamedSibling; s; s = s.previousNamedSibling) {
    if (s.type === 'var_declaration' && /,\s*_\s*=/.test(s.text)) return true;
  }
  return false;
}
