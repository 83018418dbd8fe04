import type { Node } from 'web-tree-sitter';
import { contextOwner, runsLater } from '../../engine/contextScope';
import type { FileFacts } from '../../engine/fileFacts';
import type { Fix } from '../../engine/fix';
import { contextInScope, enclosingDeclaration, enclosingFunction, functionName, isQualifiedType, packageCall, parametersOf } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';
import { SQL_PATH, SqlCall, sqlMethodCall, SQLX_PATH } from '../../engine/sqlCalls';

const GORM_SHARED = new Set(['Exec', 'Begin']);

export default defineRule({
  meta: {
    id: 'db-call-without-context',
    category: 'lifecycle',
    severity: 'warning',
    effortMinutes: 5,
    fixable: true,
    onlyBuiltFiles: true,
    summary: 'database/sql or sqlx call without a context where one is in scope: queries outlive the request',
    nolintAliases: ['noctx'],
  },
  selectors: ['Query', 'QueryRow', 'Exec', 'Prepare', 'Begin', 'Ping', 'Get', 'Select', 'NamedExec'],
  check(ctx, captures) {
    const called = captures.get('call');
    const call = called && sqlMethodCall(called, ctx.facts);
    if (!call?.method.contextForm) return;
    // In a GORM file, Exec and Begin are most likely *gorm.DB's (orm-call-without-context covers them)
    // unless the receiver is a parameter declared with a database/sql or sqlx type.
    if (GORM_SHARED.has(call.name) && ctx.facts.imports.some((i) => i.path === 'gorm.io/gorm') &&
      declaredSqlType(call.receiver, ctx.facts) !== true) return;
    // Inside a method named for the …Context form (a driver's ExecContext calling its Exec), the call is the adapter.
    const declaration = enclosingDeclaration(call.selector);
    if (declaration && functionName(declaration) === call.method.contextForm) return;
    const context = contextInScope(call.selector, ctx.facts);
    if (!context) return;
    if (call.args.length > 0 && isContext(call.args[0], context, ctx.facts)) return;
    ctx.report({
      node: call.selector,
      message: `${call.name} ignores the ${context} in scope, so the query is neither cancelled nor bounded by its deadline: call ${call.method.contextForm}(${context}, ...)`,
      fix: contextFix(call, context, ctx.facts),
    });
  },
});

/** Names that hold a context by convention: ctx, reqCtx, dbctx, parentContext. */
const CONTEXT_NAME = /^context$|[cC]tx$|Context$/;

/**
 * The first argument already is a context: the in-scope one, a context.Context
 * parameter, a ctx-named value or field, X.Context() or context.F(...).
 */
function isContext(arg: Node, context: string, facts: FileFacts): boolean {
  if (arg.text === context) return true;
  if (arg.type === 'identifier') return CONTEXT_NAME.test(arg.text) || isContextParameter(arg, facts);
  if (arg.type === 'selector_expression') return CONTEXT_NAME.test(arg.childForFieldName('field')?.text ?? '');
  if (arg.type !== 'call_expression') return false;
  if (packageCall(arg, facts)?.path === 'context') return true;
  const fn = arg.childForFieldName('function');
  return fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'Context';
}

function contextFix(call: SqlCall, context: string, facts: FileFacts): Fix | null {
  const form = call.method.contextForm!;
  // A method of that name declared in this file may belong to a type without the …Context form.
  if (declaresMethod(facts, call.name)) return null;
  // A receiver declared with a type of another package (an interface with just Begin()) may lack the …Context form.
  if (declaredSqlType(call.receiver, facts) === false) return null;
  // In a goroutine, deferred call or callback the query may run after the context is done.
  if (runsLater(call.selector, contextOwner(call.selector, context))) return null;
  const rename = { start: call.nameNode.startIndex, end: call.nameNode.endIndex, text: form };
  const leading = [context, call.method.contextExtra].filter(Boolean).join(', ');
  const list = call.argumentList;
  const insert = call.args.length > 0
    ? { start: call.args[0].startIndex, end: call.args[0].startIndex, text: `${leading}, ` }
    : { start: list.startIndex, end: list.endIndex, text: `(${leading})` };
  return { title: `Use ${form}(${context}, ...)`, edits: [rename, insert], preferred: true };
}

function isContextParameter(ident: Node, facts: FileFacts): boolean {
  for (let fn = enclosingFunction(ident); fn; fn = enclosingFunction(fn)) {
    if (parametersOf(fn).some((p) => p.name === ident.text && isQualifiedType(p.type, facts, 'context', 'Context'))) return true;
  }
  return false;
}

/**
 * What the receiver's declaration says: true for a parameter declared as a database/sql
 * or sqlx type, false for a parameter of another type, undefined when the receiver is
 * not a parameter (a field or variable, judged by the rule's name-based match alone).
 */
function declaredSqlType(receiver: Node, facts: FileFacts): boolean | undefined {
  if (receiver.type !== 'identifier') return undefined;
  for (let fn = enclosingFunction(receiver); fn; fn = enclosingFunction(fn)) {
    const param = parametersOf(fn).find((p) => p.name === receiver.text);
    if (!param) continue;
    const type = param.type.type === 'pointer_type' ? param.type.namedChildren[0] : param.type;
    const pkg = type?.type === 'qualified_type' ? facts.pathOf(type.childForFieldName('package')?.text ?? '') : undefined;
    return pkg === SQL_PATH || pkg === SQLX_PATH;
  }
  return undefined;
}

function declaresMethod(facts: FileFacts, name: string): boolean {
  return facts.root.namedChildren.some((d) => d?.type === 'method_declaration' && d.childForFieldName('name')?.text === name);
}
