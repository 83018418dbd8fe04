// Method calls of database/sql and sqlx as rules see them without types: by method
// name and argument count, in files that import one of the two packages.
import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './fileFacts';

export const SQL_PATH = 'database/sql';
export const SQLX_PATH = 'github.com/jmoiron/sqlx';

export interface SqlMethod {
  /** Index of the query string argument, or -1 when the method takes none. */
  queryArg: number;
  /** The …Context form, for methods that lack a context. */
  contextForm?: string;
  /** Arguments the …Context form needs after the context (BeginTx's options). */
  contextExtra?: string;
  /** Fewest arguments a call of the database method has (tells it apart from e.g. url.Values' Query()). */
  minArgs: number;
  /** Whether the method is sqlx's (only meaningful in files importing sqlx). */
  sqlx?: boolean;
}

export const SQL_METHODS: Readonly<Record<string, SqlMethod>> = {
  Query: { queryArg: 0, contextForm: 'QueryContext', minArgs: 1 },
  QueryRow: { queryArg: 0, contextForm: 'QueryRowContext', minArgs: 1 },
  Exec: { queryArg: 0, contextForm: 'ExecContext', minArgs: 1 },
  Prepare: { queryArg: 0, contextForm: 'PrepareContext', minArgs: 1 },
  Begin: { queryArg: -1, contextForm: 'BeginTx', contextExtra: 'nil', minArgs: 0 },
  Ping: { queryArg: -1, contextForm: 'PingContext', minArgs: 0 },
  QueryContext: { queryArg: 1, minArgs: 2 },
  QueryRowContext: { queryArg: 1, minArgs: 2 },
  ExecContext: { queryArg: 1, minArgs: 2 },
  PrepareContext: { queryArg: 1, minArgs: 2 },
  Get: { queryArg: 1, contextForm: 'GetContext', minArgs: 2, sqlx: true },
  Select: { queryArg: 1, contextForm: 'SelectContext', minArgs: 2, sqlx: true },
  NamedExec: { queryArg: 0, contextForm: 'NamedExecContext', minArgs: 2, sqlx: true },
  GetContext: { queryArg: 2, minArgs: 3, sqlx: true },
  SelectContext: { queryArg: 2, minArgs: 3, sqlx: true },
  NamedExecContext: { queryArg: 1, minArgs: 3, sqlx: true },
};


export function importsSql(facts: FileFacts): boolean {
  return facts.imports.some((i) => i.path === SQL_PATH || i.path === SQLX_PATH);
}

export interface SqlCall {
  name: string;
  method: SqlMethod;
  /** The selector X.Name that is called. */
  selector: Node;
  receiver: Node;
  /** The field_identifier node of the method name. */
  nameNode: Node;
  argumentList: Node;
  args: Node[];
}

/**
 * A call X.M(...) of a database/sql or sqlx method, judged by name and arity, in a file
 * importing either package; null for anything else, including package functions
 * (X an import of the file) and sqlx's methods in files without sqlx.
 */
export function sqlMethodCall(call: Node, facts: FileFacts): SqlCall | null {
  if (call.type !== 'call_expression' || !importsSql(facts)) return null;
  const selector = call.childForFieldName('function');
  if (selector?.type !== 'selector_expression') return null;
  const receiver = selector.childForFieldName('operand');
  const nameNode = selector.childForFieldName('field');
  const argumentList = call.childForFieldName('arguments');
  if (!receiver || !nameNode || argumentList?.type !== 'argument_list') return null;
  if (receiver.type === 'identifier' && facts.pathOf(receiver.text) !== undefined) return null;
  const name = nameNode.text;
  const method = Object.prototype.hasOwnProperty.call(SQL_METHODS, name) ? SQL_METHODS[name] : undefined;
  if (!method) return null;
  if (method.sqlx && !facts.imports.some((i) => i.path === SQLX_PATH)) return null;
  const args = argumentList.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
  if (args.length < method.minArgs) return null;
  if (method.queryArg < 0 && args.length > 0) return null;
  return { name, method, selector, receiver, nameNode, argumentList, args };
}
