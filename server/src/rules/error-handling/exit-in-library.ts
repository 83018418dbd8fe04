import type { Node } from 'web-tree-sitter';
import { enclosingDeclaration, FUNCTION_TYPES, functionName, packageCall } from '../../engine/goSyntax';
import { isLibraryCode, statesInvariant } from '../../engine/libraryCode';
import { defineRule } from '../../engine/rule';

/** Calls that end the process (or panic) without the caller's say, by import path. */
const EXITS: Readonly<Record<string, readonly string[]>> = {
  os: ['Exit'],
  log: ['Fatal', 'Fatalf', 'Fatalln', 'Panic', 'Panicf', 'Panicln'],
};

/**
 * Functions whose name says they end the process: a logger's Fatal, Exit, Die,
 * ExitWithError, PrintHelpAndExit, FatalHandler. Their callers asked for it.
 */
const EXITING_FUNCTION = /Exit|Fatal|Die|^(exit|fatal|die)/;

/**
 * The caller chose to exit: the call sits under a condition or case that names such a
 * choice, as in flag's `case ExitOnError: os.Exit(2)` or `if cfg.exitOnErr { ... }`.
 */
function exitChosenByCaller(call: Node): boolean {
  for (let n = call.parent; n && !FUNCTION_TYPES.has(n.type); n = n.parent) {
    const test = n.type === 'if_statement' ? n.childForFieldName('condition') : n.type === 'expression_case' ? n.childForFieldName('value') : null;
    if (test && /exit/i.test(test.text)) return true;
  }
  return false;
}

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
  selectors: Object.values(EXITS).flat(),
  check(ctx, captures) {
    if (!isLibraryCode(ctx.facts)) return;
    const call = captures.get('call');
    if (!call) return;
    const callee = packageCall(call, ctx.facts);
    if (!callee || !EXITS[callee.path]?.includes(callee.name)) return;
    const decl = enclosingDeclaration(call);
    if (decl && EXITING_FUNCTION.test(functionName(decl))) return;
    if (exitChosenByCaller(call)) return;
    const panics = callee.name.startsWith('Panic');
    if (panics && statesInvariant(call)) return;
    const fn = call.childForFieldName('function')!.text;
    // A panic unwinds the stack and runs deferred calls; Exit and Fatal skip them.
    const consequence = panics
      ? 'panics behind its caller\'s back: unless every caller recovers, the process dies without a graceful shutdown'
      : `${callee.path === 'os' ? 'ends' : 'exits'} the process behind its caller's back, skipping deferred calls and graceful shutdown`;
    ctx.report({
      node: call,
      message: `${fn} in package ${ctx.facts.packageName} ${consequence}: return an error instead`,
    });
  },
});
