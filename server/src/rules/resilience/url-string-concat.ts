import type { Node } from 'web-tree-sitter';
import { packageCall } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';

const STRING_TYPES = new Set(['interpreted_string_literal', 'raw_string_literal']);
const URL_START = /^https?:\/\//;
/** %s, %v, %d with optional flags, width, precision and argument index; %% is not a verb. */
const VERB = /%[-+# 0]*(?:\[\d+\])?(?:\d+|\*)?(?:\.(?:\d+|\*)?)?(?:\[\d+\])?[svd]/;

export default defineRule({
  meta: {
    id: 'url-string-concat',
    category: 'resilience',
    severity: 'warning',
    effortMinutes: 5,
    fixable: false,
    summary: 'URL built by string concatenation or Sprintf: values go in unescaped',
  },
  query: `
    (binary_expression left: [(interpreted_string_literal) (raw_string_literal)] @first operator: "+") @concat
    (call_expression
      function: (selector_expression operand: (identifier) field: (field_identifier) @name (#eq? @name "Sprintf"))
      arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal)] @format)) @call`,
  check(ctx, captures) {
    if (captures.pattern === 0) {
      if (!URL_START.test(captures.get('first')!.text.slice(1))) return;
      let chain = captures.get('concat')!;
      while (chain.parent && isPlus(chain.parent) && chain.parent.childForFieldName('left')?.id === chain.id) chain = chain.parent;
      if (!hasNonLiteralOperand(chain)) return;
      ctx.report({
        node: chain,
        message: 'URL built with +: the values go in unescaped; build it with net/url (url.URL, url.PathEscape, url.Values)',
      });
      return;
    }
    const call = captures.get('call')!;
    const pkg = packageCall(call, ctx.facts);
    if (pkg?.path !== 'fmt') return;
    const format = captures.get('format')!.text.slice(1, -1);
    if (!URL_START.test(format) || !VERB.test(format.replace(/%%/g, ''))) return;
    ctx.report({
      node: call,
      message: 'URL built with fmt.Sprintf: the values go in unescaped; build it with net/url (url.URL, url.PathEscape, url.Values)',
    });
  },
});

function isPlus(node: Node | null): boolean {
  return node?.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+';
}

/** Whether some operand of the + chain (looking through parentheses) is not a string literal. */
function hasNonLiteralOperand(node: Node): boolean {
  if (node.type === 'parenthesized_expression') return node.namedChildren.some((c) => c !== null && hasNonLiteralOperand(c));
  if (isPlus(node)) {
    return [node.childForFieldName('left'), node.childForFieldName('right')].some((c) => c !== null && hasNonLiteralOperand(c));
  }
  return !STRING_TYPES.has(node.type);
}
