import type { Node } from 'web-tree-sitter';
import type { FileFacts } from '../../engine/fileFacts';
import type { TextEdit } from '../../engine/fix';
import { contextOwner, runsLater } from '../../engine/contextScope';
import { contextInScope, enclosingDeclaration, functionName, packageCall } from '../../engine/goSyntax';
import { removeImportEdit } from '../../engine/imports';
import { defineRule } from '../../engine/rule';

interface Assessment {
  /** The context expression in scope, e.g. `ctx` or `r.Context()`. */
  context: string;
  /**
   * Whether replacing the call keeps the code's intent: not in a function literal that
   * may run after the context is done (a goroutine, a deferred call, a callback).
   */
  replaceable: boolean;
}

/** Decides whether a context.Background()/TODO() call is in a function that has a context. */
function assess(call: Node, facts: FileFacts): Assessment | null {
  const target = packageCall(call, facts);
  if (target?.path !== 'context' || (target.name !== 'Background' && target.name !== 'TODO')) return null;
  if (call.childForFieldName('arguments')?.namedChildCount !== 0) return null;
  const declaration = enclosingDeclaration(call);
  if (declaration?.type === 'function_declaration' && ['main', 'init'].includes(functionName(declaration))) return null;
  const context = contextInScope(call, facts);
  if (!context) return null;
  const owner = contextOwner(call, context);
  if (isComparison(call) || isNilGuard(call, context) || detachedOnPurpose(call, facts) || storedForLater(call, facts) ||
    afterDone(call, context, owner) || deferred(call, owner)) return null;
  return { context, replaceable: !runsLater(call, owner) };
}

/** `ctx != context.Background()` asks a question about ctx; it does not replace it. */
function isComparison(call: Node): boolean {
  const parent = call.parent;
  return parent?.type === 'binary_expression' && ['==', '!='].includes(parent.childForFieldName('operator')?.text ?? '');
}

/** The argument of context.WithoutCancel: whoever detaches decides what to detach from. */
function detachedOnPurpose(call: Node, facts: FileFacts): boolean {
  const wrapper = call.parent?.type === 'argument_list' ? call.parent.parent : null;
  const target = wrapper ? packageCall(wrapper, facts) : null;
  return target?.path === 'context' && target.name === 'WithoutCancel';
}

/** `ctx = context.Background()` re-assigning the context itself: the `if ctx == nil` guard. */
function isNilGuard(call: Node, context: string): boolean {
  const list = call.parent;
  const assignment = list?.parent;
  if (list?.type !== 'expression_list' || assignment?.type !== 'assignment_statement') return false;
  return assignment.childForFieldName('left')?.namedChildren.some((n) => n?.text === context) ?? false;
}

/**
 * A context kept in a field or a composite literal (possibly through context.WithCancel
 * and friends) belongs to an object that outlives the call: it is detached on purpose.
 */
function storedForLater(call: Node, facts: FileFacts): boolean {
  let value = call;
  while (value.parent?.type === 'argument_list' && value.parent.namedChildren[0]?.id === value.id) {
    const wrapper = value.parent.parent;
    if (!wrapper || packageCall(wrapper, facts)?.path !== 'context') break;
    value = wrapper;
  }
  const parent = value.parent;
  if (parent?.type === 'literal_element') return true;
  if (parent?.type !== 'expression_list' || parent.namedChildCount !== 1) return false;
  const assignment = parent.parent;
  if (assignment?.type !== 'assignment_statement' || assignment.childForFieldName('right')?.id !== parent.id) return false;
  return assignment.childForFieldName('left')?.namedChildren[0]?.type === 'selector_expression';
}

/**
 * Deferred clean-up (`defer teardown(context.Background())`, or inside a deferred
 * literal) runs when the function returns, when its context is often already done.
 */
function deferred(call: Node, owner: Node | null): boolean {
  for (let n = call.parent; n && n.id !== owner?.id; n = n.parent) if (n.type === 'defer_statement') return true;
  return false;
}

/**
 * After `<-ctx.Done()` (or in its select case) the context is over: cleanup needs a fresh
 * one. The channel may have a name of its own (`done := ctx.Done()`, then `case <-done:`,
 * as in lib/pq's query cancellation).
 */
function afterDone(call: Node, context: string, owner: Node | null): boolean {
  const squeeze = (n: Node) => n.text.replace(/\s+/g, '');
  const done = `<-${context}.Done()`;
  const receives = [done, ...doneChannels(owner, context).map((name) => `<-${name}`)];
  for (let n: Node | null = call; n && n.id !== owner?.id; n = n.parent) {
    if (n.type === 'communication_case') {
      const communication = squeeze(n.childForFieldName('communication') ?? n);
      if (communication.startsWith(done) || receives.includes(communication)) return true;
    }
    if (n.parent?.type !== 'statement_list') continue;
    for (let s = n.previousNamedSibling; s; s = s.previousNamedSibling) if (receives.includes(squeeze(s))) return true;
  }
  return false;
}

/** Names bound to `CTX.Done()` in the owner of the context: `done := ctx.Done()`. */
function doneChannels(owner: Node | null, context: string): string[] {
  const names: string[] = [];
  for (const binding of owner?.descendantsOfType(['short_var_declaration', 'assignment_statement']) ?? []) {
    const left = binding?.childForFieldName('left')?.namedChildren ?? [];
    const right = binding?.childForFieldName('right')?.namedChildren ?? [];
    if (left.length === 1 && right.length === 1 && right[0]?.text.replace(/\s+/g, '') === `${context}.Done()`) names.push(left[0]!.text);
  }
  return names;
}

/**
 * Every other mention of the package name in code (not in comments or strings), found
 * by text and confirmed on the tree, so the fix can tell whether the import survives.
 */
function otherUses(facts: FileFacts, local: string, except: Node): Node[] {
  const uses: Node[] = [];
  const pattern = new RegExp(`(?<![\\w.])${local}\\s*\\.`, 'g');
  for (const match of facts.wholeText().matchAll(pattern)) {
    const node = facts.root.descendantForIndex(match.index!);
    if (!node || node.id === except.id || node.text !== local) continue;
    if (node.type === 'identifier' || node.type === 'package_identifier') uses.push(node);
  }
  return uses;
}

export default defineRule({
  meta: {
    id: 'context-background-in-request',
    category: 'lifecycle',
    severity: 'warning',
    effortMinutes: 5,
    fixable: true,
    onlyBuiltFiles: true,
    summary: 'context.Background() or context.TODO() where the caller\'s context is at hand: deadlines and cancellation are dropped',
    nolintAliases: ['contextcheck'],
  },
  selectors: ['Background', 'TODO'],
  check(ctx, captures) {
    const call = captures.get('call');
    const pkg = captures.get('operand')!;
    if (!call || pkg.type !== 'identifier') return;
    const finding = assess(call, ctx.facts);
    if (!finding) return;
    const name = captures.get('name')!.text;
    if (!finding.replaceable) {
      ctx.report({
        node: call,
        message: `context.${name}() where ${finding.context} is in scope, in a function literal that may run after it is done: pass ${finding.context}, or context.WithoutCancel(${finding.context}) if the work must outlive it`,
        fix: null,
      });
      return;
    }
    ctx.report({
      node: call,
      message: `context.${name}() drops the caller's deadline and cancellation: use ${finding.context}`,
      fix: { title: `Use ${finding.context}`, edits: fixEdits(ctx.facts, ctx.source, call, pkg, finding.context), preferred: true },
    });
  },
});

/**
 * Replaces the call. When the request's context comes from *http.Request and the
 * `context` import would be left unused, the fix replaces every such call in the file
 * at once and removes the import; fixing them one by one would leave the file broken
 * after the last one or the import unused.
 */
function fixEdits(facts: FileFacts, source: string, call: Node, pkg: Node, context: string): TextEdit[] {
  const edits: TextEdit[] = [{ start: call.startIndex, end: call.endIndex, text: context }];
  const others = otherUses(facts, pkg.text, pkg);
  const siblings: TextEdit[] = [];
  for (const use of others) {
    const other = use.parent?.parent;
    const finding = other?.type === 'call_expression' ? assess(other, facts) : null;
    if (!other || !finding?.replaceable) return edits;
    siblings.push({ start: other.startIndex, end: other.endIndex, text: finding.context });
  }
  const removal = removeImportEdit(facts, source, 'context');
  return removal ? [...edits, ...siblings, removal] : edits;
}
