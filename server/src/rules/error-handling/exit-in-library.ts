import { packageCall } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';

/** Calls that end the process (or panic) without the caller's say, by import path. */
const EXITS: Readonly<Record<string, readonly string[]>> = {
  os: ['Exit'],
  log: ['Fatal', 'Fatalf', 'Fatalln', 'Panic', 'Panicf', 'Panicln'],
};

export default defineRule({
  meta: {
    id: 'exit-in-library',
    category: 'error-handling',
    severity: 'warning',
    effortMinutes: 15,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'os.Exit or log.Fatal/log.Panic in a package other than main: ends the process with no deferred calls or graceful shutdown',
  },
  query: `(call_expression function: (selector_expression
    field: (field_identifier) @function (#match? @function "^(Exit|Fatal|Fatalf|Fatalln|Panic|Panicf|Panicln)$"))) @call`,
  check(ctx, captures) {
    if (ctx.facts.packageName === 'main') return;
    const call = captures.get('call')!;
    const callee = packageCall(call, ctx.facts);
    if (!callee || !EXITS[callee.path]?.includes(callee.name)) return;
    const fn = call.childForFieldName('function')!.text;
    // A panic unwinds the stack and runs deferred calls; Exit and Fatal skip them.
    const consequence = callee.name.startsWith('Panic')
      ? 'panics behind its caller\'s back: unless every caller recovers, the process dies without a graceful shutdown'
      : `${callee.path === 'os' ? 'ends' : 'exits'} the process behind its caller's back, skipping deferred calls and graceful shutdown`;
    ctx.report({
      node: call,
      message: `${fn} in package ${ctx.facts.packageName} ${consequence}: return an error instead`,
    });
  },
});
