import type { Node } from 'web-tree-sitter';
import { defineRule, RuleContext } from '../../engine/rule';

/** What one file of package main shows, gathered over its selectors. */
interface FileState {
  starts: Node[];
  stops: boolean;
}

const files = new WeakMap<RuleContext, FileState>();

function stateOf(ctx: RuleContext): FileState {
  let state = files.get(ctx);
  if (!state) files.set(ctx, (state = { starts: [], stops: false }));
  return state;
}

function argumentCount(call: Node): number {
  return call.childForFieldName('arguments')?.namedChildren.filter((n) => n?.type !== 'comment').length ?? 0;
}

export default defineRule({
  meta: {
    id: 'missing-graceful-shutdown',
    category: 'lifecycle',
    severity: 'info',
    effortMinutes: 30,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'main starts an HTTP server but never calls Shutdown or listens for signals: deploys cut requests off',
  },
  selectors: ['ListenAndServe', 'ListenAndServeTLS', 'Serve', 'ServeTLS', 'Shutdown', 'GracefulStop', 'Notify', 'NotifyContext'],
  check(ctx, captures) {
    if (ctx.facts.packageName !== 'main') return;
    const state = stateOf(ctx);
    const call = captures.get('call');
    if (!call) return;
    const name = captures.get('name')!.text;
    const operand = captures.get('operand');
    // A package-level function: only net/http's start a server, only os/signal's listen for signals.
    const path = operand?.type === 'identifier' ? ctx.facts.pathOf(operand.text) : undefined;
    if (name === 'Notify' || name === 'NotifyContext') {
      if (path === 'os/signal') state.stops = true;
    } else if (name === 'Shutdown' || name === 'GracefulStop') {
      if (path === undefined) state.stops = true;
    } else if (path === undefined || path === 'net/http') {
      // Serve() without a listener is not a server start (a router's Serve() returning a handler).
      if (!name.startsWith('Serve') || argumentCount(call) > 0) state.starts.push(call);
    }
  },
  finish(ctx) {
    const state = files.get(ctx);
    if (!state || state.stops || state.starts.length === 0) return;
    // Asked of the outline only here: a pattern for func main met every function of every file.
    if (ctx.facts.declarationsNamed('function_declaration', 'main').length === 0) return;
    for (const call of state.starts) {
      ctx.report({
        node: call,
        message: 'this server is never shut down gracefully: on SIGTERM in-flight requests are cut off; catch the signal with signal.NotifyContext and call srv.Shutdown with a timeout',
      });
    }
  },
});
