// Calls after which control does not come back: the goroutine, test or program ends.
import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './fileFacts';
import { packageCall } from './goSyntax';

/** Methods that end the goroutine or the program whatever their receiver: t.Fatal, logger.Fatalf, b.SkipNow. */
const ENDING_METHODS = /^(Fatal|Fatalf|Fatalln|Panic|Panicf|Panicln|FailNow|SkipNow|Skip|Skipf)$/;

/** `panic(...)`, `os.Exit`, `runtime.Goexit`, `log.Fatal*`/`log.Panic*`, or an ending method such as `t.Fatal`. */
export function isTerminatingCall(call: Node, facts: FileFacts): boolean {
  if (call.type !== 'call_expression') return false;
  const fn = call.childForFieldName('function');
  if (fn?.type === 'identifier') return fn.text === 'panic';
  const target = packageCall(call, facts);
  if (target) {
    return (target.path === 'os' && target.name === 'Exit') || (target.path === 'runtime' && target.name === 'Goexit') ||
      (target.path === 'log' && ENDING_METHODS.test(target.name));
  }
  return fn?.type === 'selector_expression' && ENDING_METHODS.test(fn.childForFieldName('field')?.text ?? '');
}

/** A statement after which control never reaches the next one in its block. */
export function endsBlock(statement: Node, facts: FileFacts): boolean {
  if (['return_statement', 'goto_statement', 'break_statement', 'continue_statement'].includes(statement.type)) return true;
  const call = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
  return call !== null && call !== undefined && isTerminatingCall(call, facts);
}
