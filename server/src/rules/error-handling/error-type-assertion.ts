import { insideErrorChainFunction, isErrorName } from '../../engine/errorIdioms';
import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'error-type-assertion',
    category: 'error-handling',
    severity: 'warning',
    effortMinutes: 5,
    fixable: false,
    summary: 'Type assertions and type switches on errors miss wrapped errors; use errors.As',
    nolintAliases: ['errorlint'],
  },
  query: `
    (type_assertion_expression operand: (identifier) @error) @assertion
    (type_switch_statement value: (identifier) @error) @switch`,
  check(ctx, captures) {
    const error = captures.get('error')!;
    if (!isErrorName(error) || insideErrorChainFunction(error)) return;
    if (captures.pattern === 0) {
      const assertion = captures.get('assertion')!;
      ctx.report({
        node: assertion,
        message: `${assertion.text} misses wrapped errors: use errors.As(${error.text}, &target)`,
      });
      return;
    }
    // Underline `err.(type)`: from the operand to the parenthesis that closes `type`.
    const close = captures.get('switch')!.children.find((c) => c?.type === ')' && c.startIndex > error.endIndex);
    ctx.report({
      span: { start: error.startIndex, end: close?.endIndex ?? error.endIndex },
      message: `A type switch on ${error.text} misses wrapped errors: use errors.As for each type`,
    });
  },
});
