import type { Node } from 'web-tree-sitter';
import { enclosingFunction, packageCall } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';
import { SQL_PATH, SQLX_PATH } from '../../engine/sqlCalls';

/** Constructors of a connection pool, by import path. */
const OPENERS: Readonly<Record<string, RegExp>> = {
  [SQL_PATH]: /^Open$/,
  [SQLX_PATH]: /^(Open|Connect|MustOpen|MustConnect)$/,
};

/** Calling any of these shows the pool was sized or aged on purpose. */
const SETTINGS = new Set(['SetMaxOpenConns', 'SetConnMaxLifetime', 'SetConnMaxIdleTime']);

export default defineRule({
  meta: {
    id: 'sql-pool-unconfigured',
    category: 'lifecycle',
    severity: 'info',
    effortMinutes: 10,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'sql.Open without SetMaxOpenConns or SetConnMaxLifetime: an unbounded pool of connections that live forever',
  },
  selectors: ['Open', 'Connect', 'MustOpen', 'MustConnect'],
  check(ctx, captures) {
    const call = captures.get('call');
    const target = call && packageCall(call, ctx.facts);
    if (!target || !OPENERS[target.path]?.test(target.name)) return;
    const name = assignedName(call);
    const scope = enclosingFunction(call);
    if (!name || !scope || configures(scope, name)) return;
    const pkg = ctx.facts.localNameOf(target.path) ?? target.path;
    ctx.report({
      node: call,
      message: `${name} from ${pkg}.${target.name} keeps the default pool (unlimited open connections, kept forever): call ${name}.SetMaxOpenConns and ${name}.SetConnMaxLifetime`,
    });
  },
});

/** The name (or field) the pool is assigned to: `db` in `db, err := sql.Open(...)`, `s.db` in `s.db, err = ...`. */
function assignedName(call: Node): string | null {
  const list = call.parent;
  if (list?.type !== 'expression_list' || list.namedChildCount !== 1) return null;
  const holder = list.parent;
  let target: Node | null | undefined;
  if (holder?.type === 'short_var_declaration' || holder?.type === 'assignment_statement') {
    if (holder.childForFieldName('right')?.id !== list.id) return null;
    target = holder.childForFieldName('left')?.namedChildren[0];
  } else if (holder?.type === 'var_spec') {
    target = holder.childForFieldName('name');
  }
  if (!target || target.text === '_' || (target.type !== 'identifier' && target.type !== 'selector_expression')) return null;
  return target.text;
}

/** Whether scope calls NAME.SetMaxOpenConns / SetConnMaxLifetime / SetConnMaxIdleTime (also via NAME.DB). */
function configures(scope: Node, name: string): boolean {
  return scope.descendantsOfType('call_expression').some((call) => {
    const fn = call?.childForFieldName('function');
    if (fn?.type !== 'selector_expression' || !SETTINGS.has(fn.childForFieldName('field')?.text ?? '')) return false;
    const receiver = fn.childForFieldName('operand')?.text.replace(/\s+/g, '') ?? '';
    return receiver === name || receiver.startsWith(`${name}.`);
  });
}
