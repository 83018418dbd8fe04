import type { Node } from 'web-tree-sitter';
import { isErrorName } from '../../engine/errorIdioms';
import type { FileFacts } from '../../engine/fileFacts';
import { packageCall } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';

/** strings functions that test an error's text when it is their first argument. */
const STRING_TESTS = new Set(['Contains', 'HasPrefix', 'HasSuffix', 'EqualFold']);

/** How the text of X.Error() is inspected by its parent, or null when it is only logged or formatted. */
function inspection(text: Node, facts: FileFacts): string | null {
  const parent = text.parent;
  if (!parent) return null;
  if (parent.type === 'binary_expression') {
    const op = parent.childForFieldName('operator')?.text;
    return op === '==' || op === '!=' ? `compared with ${op}` : null;
  }
  if (parent.type === 'expression_switch_statement' && parent.childForFieldName('value')?.id === text.id) return 'switched on';
  if (parent.type === 'argument_list' && parent.namedChildren[0]?.id === text.id && parent.parent) {
    const callee = packageCall(parent.parent, facts);
    if (callee?.path === 'strings' && STRING_TESTS.has(callee.name)) return `passed to strings.${callee.name}`;
  }
  return null;
}

export default defineRule({
  meta: {
    id: 'error-string-compare',
    category: 'error-handling',
    severity: 'warning',
    effortMinutes: 10,
    fixable: false,
    summary: "Errors told apart by their message text (err.Error() == ...): breaks when the text changes or the error is wrapped",
    nolintAliases: ['errorlint'],
  },
  selectors: ['Error'],
  check(ctx, captures) {
    const error = captures.get('operand')!;
    if (error.type !== 'identifier' || !isErrorName(error)) return;
    // err.Error(), the text of the error
    const text = captures.get('call');
    if (!text || (text.childForFieldName('arguments')?.namedChildCount ?? 1) > 0) return;
    const how = inspection(text, ctx.facts);
    if (!how) return;
    ctx.report({
      node: text,
      message: `The message of ${error.text} is ${how}: match the error with errors.Is or errors.As, not its text`,
    });
  },
});
