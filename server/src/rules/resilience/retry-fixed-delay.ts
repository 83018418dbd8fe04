import type { Node } from 'web-tree-sitter';
import { packageCall } from '../../engine/goSyntax';
import type { FileFacts } from '../../engine/fileFacts';
import { defineRule } from '../../engine/rule';
import { namesChangedIn, retryLoop } from '../../engine/retryLoops';

/** Packages whose calls wait on this machine (a file lock, a directory still in use), not on a shared dependency. */
const LOCAL_PACKAGES = new Set(['os', 'syscall', 'golang.org/x/sys/unix', 'golang.org/x/sys/windows', 'path/filepath', 'io/ioutil']);

export default defineRule({
  meta: {
    id: 'retry-fixed-delay',
    category: 'resilience',
    severity: 'info',
    effortMinutes: 10,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'Retry loop that sleeps the same fixed time between attempts: clients retry in lock-step',
  },
  query: '(for_statement) @loop',
  check(ctx, captures) {
    const loop = captures.get('loop')!;
    const retry = retryLoop(loop, ctx.facts);
    if (!retry || retry.delays.length === 0 || retry.delays.some((d) => d.kind !== 'sleep')) return;
    // Lock-step retries hurt a dependency many clients share; polling a local file lock does not.
    const callee = packageCall(retry.attempt, ctx.facts);
    if (callee && LOCAL_PACKAGES.has(callee.path)) return;
    const changing = namesChangedIn(loop);
    const durations = retry.delays.map((d) => d.node.childForFieldName('arguments')?.namedChildren[0]);
    if (durations.some((d) => !d || !isFixed(d, changing, ctx.facts))) return;
    ctx.report({
      span: retry.keyword,
      message: `This retry loop always waits ${durations[0]!.text}, so every client retries in lock-step and a short outage becomes a retry storm: use exponential backoff with jitter`,
    });
  },
});

/**
 * A duration that is the same on every round: no variable that the loop changes, no
 * random source, and no call but a time.Duration conversion (a call may return a new
 * value each time, so it is given the benefit of the doubt).
 */
function isFixed(duration: Node, changing: Set<string>, facts: FileFacts): boolean {
  if (/\brand\./.test(duration.text)) return false;
  const calls = duration.type === 'call_expression' ? [duration, ...duration.descendantsOfType('call_expression')] : duration.descendantsOfType('call_expression');
  for (const call of calls) {
    const pkg = call && packageCall(call, facts);
    if (!(pkg?.path === 'time' && pkg.name === 'Duration')) return false;
  }
  const identifiers = duration.type === 'identifier' ? [duration] : duration.descendantsOfType('identifier');
  return !identifiers.some((id) => id !== null && changing.has(id.text));
}
