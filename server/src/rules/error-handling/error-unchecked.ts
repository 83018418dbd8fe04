import type { Node } from 'web-tree-sitter';
import { errorHandling } from '../../engine/errorHandling';
import type { FileFacts } from '../../engine/fileFacts';
import type { Fix, TextEdit } from '../../engine/fix';
import { commentsAround, indentationAt, packageCall } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';

/** Package functions whose only result is an error, by import path. */
const PACKAGE_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  'encoding/json': ['Unmarshal'],
  'encoding/xml': ['Unmarshal'],
  'gopkg.in/yaml.v2': ['Unmarshal'],
  'gopkg.in/yaml.v3': ['Unmarshal'],
  'sigs.k8s.io/yaml': ['Unmarshal'],
  'net/http': ['ListenAndServe', 'ListenAndServeTLS'],
  os: ['Remove', 'RemoveAll', 'Mkdir', 'MkdirAll', 'WriteFile', 'Rename', 'Setenv', 'Chdir'],
};

/** json.NewDecoder(...).Decode(...) and json.NewEncoder(...).Encode(...). */
const JSON_STREAMS: Readonly<Record<string, string>> = { NewDecoder: 'Decode', NewEncoder: 'Encode' };

/** First words of SQL statements, for Exec calls whose receiver's name says nothing. */
const SQL_STATEMENT = /^["`]\s*(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|TRUNCATE|REPLACE|MERGE|GRANT|REVOKE|SET|BEGIN|COMMIT|ROLLBACK|VACUUM|ANALYZE|PRAGMA|LOCK|CALL|EXEC|DO|WITH|SELECT|UPSERT)\b/i;

/** ORMs whose Exec and Commit return something other than an error: a file importing them is left alone. */
const ORMS = ['gorm.io/gorm', 'github.com/jinzhu/gorm'];

interface Dropped {
  /** What to call it in the message, e.g. "json.Unmarshal" or "tx.Commit". */
  name: string;
  /** Left side of the `if ... := CALL` that keeps the error: "err", or "_, err" for Exec. */
  binding: string;
}

/**
 * Which listed call this is, or null. Method calls have no type information, so they
 * are recognised by shape and kept to the shapes that are nearly always the listed
 * types (silence beats a false alarm):
 *   X.Exec(q, ...)    the file imports database/sql and no ORM whose Exec returns
 *                     something else, and X's last name is db/tx (or ends in DB/Db/Tx)
 *                     or q is a string literal starting with an SQL keyword
 *   X.Commit()        X's last name is tx or ends in Tx; the file imports database/sql
 *                     (or sqlx) and no ORM whose Commit returns something else
 *   rows.Scan(...)    the receiver is named exactly rows or row, with arguments
 *   X.Run(), X.Start()  the file imports os/exec and X is cmd or ends in Cmd, or X
 *                     is exec.Command(...) itself
 *   X.Sync()          the file imports os and X is f, fd, fh, file or ends in File
 */
function droppedCall(call: Node, facts: FileFacts): Dropped | null {
  const single = (name: string): Dropped => ({ name, binding: 'err' });
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'selector_expression') return null;
  const method = fn.childForFieldName('field')?.text ?? '';
  // Most calls are settled by their name, before the calls into the tree below.
  if (!LISTED_NAMES.has(method)) return null;
  const direct = packageCall(call, facts);
  if (direct) {
    return PACKAGE_FUNCTIONS[direct.path]?.includes(direct.name) ? single(`${fn.childForFieldName('operand')!.text}.${direct.name}`) : null;
  }
  const receiver = fn.childForFieldName('operand');
  if (!receiver) return null;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const receiverName = lastName(receiver);
  const imports = (path: string) => facts.localNameOf(path) !== undefined;

  const constructor = receiver.type === 'call_expression' ? packageCall(receiver, facts) : null;
  if (constructor) {
    if (constructor.path === 'encoding/json' && JSON_STREAMS[constructor.name] === method) return single(`json.${constructor.name}(...).${method}`);
    if (constructor.path === 'os/exec' && (constructor.name === 'Command' || constructor.name === 'CommandContext') && args.length === 0 &&
      (method === 'Run' || method === 'Start')) return single(`exec.${constructor.name}(...).${method}`);
    return null;
  }
  if (receiverName === null) return null;
  switch (method) {
    case 'Exec': {
      if (!imports('database/sql') || args.length === 0 || ORMS.some(imports)) return null;
      const named = /^(db|tx)$|(DB|Db|Tx)$/.test(receiverName);
      return named || SQL_STATEMENT.test(args[0]!.text) ? { name: `${receiverName}.Exec`, binding: '_, err' } : null;
    }
    case 'Commit':
      if (args.length > 0 || !/^tx$|Tx$/.test(receiverName)) return null;
      if (!imports('database/sql') && !imports('github.com/jmoiron/sqlx')) return null;
      return ORMS.some(imports) ? null : single(`${receiverName}.Commit`);
    case 'Scan':
      return args.length > 0 && (receiverName === 'rows' || receiverName === 'row') ? single(`${receiverName}.Scan`) : null;
    case 'Run': case 'Start':
      return args.length === 0 && imports('os/exec') && /^cmd$|Cmd$/.test(receiverName) ? single(`${receiverName}.${method}`) : null;
    case 'Sync':
      return args.length === 0 && imports('os') && /^(f|fd|fh|file)$|File$/.test(receiverName) ? single(`${receiverName}.Sync`) : null;
    default:
      return null;
  }
}

/** The names of every call droppedCall may answer for: its tables' and its switch's. */
const LISTED_NAMES = new Set([...Object.values(PACKAGE_FUNCTIONS).flat(), ...Object.values(JSON_STREAMS), 'Exec', 'Commit', 'Scan', 'Run', 'Start', 'Sync']);

/** Calls that clean up after a failure: removing what was half made, closing what was opened. */
const CLEANUP = /^(Remove|RemoveAll|Close)$/;

/**
 * os.Remove/os.RemoveAll of something half made, on the way out of a failure: the next
 * statement (past other clean-up calls) returns a non-nil error or panics. The failure
 * being reported matters; the clean-up is best effort, and its error would hide it.
 */
function cleanupOnFailure(statement: Node, dropped: Dropped): boolean {
  if (!/^\w+\.(Remove|RemoveAll)$/.test(dropped.name)) return false;
  let next = statement.nextNamedSibling;
  while (next && (next.type === 'comment' || (next.type === 'expression_statement' && isCleanupCall(next.namedChildren[0])))) {
    next = next.nextNamedSibling;
  }
  if (next?.type === 'expression_statement') return next.namedChildren[0]?.childForFieldName('function')?.text === 'panic';
  if (next?.type !== 'return_statement') return false;
  const results = next.namedChildren[0]?.namedChildren ?? [];
  const last = results[results.length - 1];
  return !!last && last.type !== 'nil';
}

function isCleanupCall(node: Node | null | undefined): boolean {
  const fn = node?.type === 'call_expression' ? node.childForFieldName('function') : null;
  return fn?.type === 'selector_expression' && CLEANUP.test(fn.childForFieldName('field')?.text ?? '');
}

/** A comment at the end of the line or right above it that says the error is left unchecked on purpose. */
const IGNORED_ON_PURPOSE = /\bignor|best[- ]effort|don'?t care|doesn'?t matter|not important|\bno[- ]?op\b|(may|can|might) fail|\b(ok|okay|fine) if\b/i;


/** The last name of an identifier or selector receiver (s.db -> "db"); null for other shapes. */
function lastName(node: Node): string | null {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'selector_expression') return node.childForFieldName('field')?.text ?? null;
  return null;
}

/** `if err := CALL; err != nil { <handling> }` in place of the statement, or null. */
function checkErrorFix(statement: Node, dropped: Dropped, source: string, facts: FileFacts): Fix | null {
  const lineStart = source.lastIndexOf('\n', statement.startIndex - 1) + 1;
  // Only a statement that opens its own line can become a block without reflowing its neighbours.
  if (source.slice(lineStart, statement.startIndex).trim() !== '') return null;
  const handling = errorHandling(statement, facts, source);
  if (!handling) return null;
  const indent = indentationAt(source, statement.startIndex);
  const body = handling.statements.map((line) => `${indent}\t${line}\n`).join('');
  // A trailing comment stays after the closing brace; the padding that aligned it with
  // its neighbours' comments goes, since gofmt does not align across the new block.
  const padding = /^[ \t]+(?=\/[/*])/.exec(source.slice(statement.endIndex, statement.endIndex + 200))?.[0] ?? '';
  const edits: TextEdit[] = [{
    start: statement.startIndex,
    end: statement.endIndex + padding.length,
    text: `if ${dropped.binding} := ${statement.text}; err != nil {\n${body}${indent}}${padding ? ' ' : ''}`,
  }];
  if (handling.importEdit) edits.push(handling.importEdit);
  return { title: `Check the error of ${dropped.name}`, edits, preferred: true };
}

export default defineRule({
  meta: {
    id: 'error-unchecked',
    category: 'error-handling',
    severity: 'warning',
    effortMinutes: 5,
    fixable: true,
    summary: 'A call that returns an error (json.Unmarshal, os.Remove, tx.Commit...) used as a statement: the error is silently dropped',
    nolintAliases: ['errcheck'],
  },
  // Only expression statements: deferred calls, go statements and used results never match.
  query: '(expression_statement (call_expression function: (selector_expression)) @call) @statement',
  check(ctx, captures) {
    const call = captures.get('call')!;
    const dropped = droppedCall(call, ctx.facts);
    if (!dropped) return;
    const statement = captures.get('statement')!;
    if (cleanupOnFailure(statement, dropped) || commentsAround(statement).some((c) => IGNORED_ON_PURPOSE.test(c))) return;
    ctx.report({
      node: call,
      message: `The error returned by ${dropped.name} is dropped: check it and handle or return it`,
      fix: checkErrorFix(statement, dropped, ctx.source, ctx.facts),
    });
  },
});
