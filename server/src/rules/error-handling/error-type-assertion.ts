import type { Node } from 'web-tree-sitter';
import { insideErrorChainFunction, isErrorName } from '../../engine/errorIdioms';
import { FUNCTION_TYPES, parametersOf } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';

/** True when the name is a parameter of an enclosing function declared with a type other than error (`err any`). */
function declaredNotError(ident: Node): boolean {
  for (let n = ident.parent; n; n = n.parent) {
    if (!FUNCTION_TYPES.has(n.type)) continue;
    const param = parametersOf(n).find((p) => p.name === ident.text);
    if (param) return param.type.text !== 'error';
  }
  return false;
}

/** Types no error value can have: basic types and composite type literals (`err.(string)`). */
const NOT_ERROR_TYPES = new Set(['slice_type', 'map_type', 'array_type', 'channel_type', 'function_type', 'struct_type']);
const BASIC_TYPE = /^(string|bool|byte|rune|u?int(8|16|32|64)?|uintptr|float(32|64)|complex(64|128))$/;

function notAnErrorType(type: Node | null): boolean {
  return !!type && (NOT_ERROR_TYPES.has(type.type) || (type.type === 'type_identifier' && BASIC_TYPE.test(type.text)));
}

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
    if (!isErrorName(error) || insideErrorChainFunction(error) || declaredNotError(error)) return;
    if (captures.pattern === 0) {
      const assertion = captures.get('assertion')!;
      if (notAnErrorType(assertion.childForFieldName('type'))) return;
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
