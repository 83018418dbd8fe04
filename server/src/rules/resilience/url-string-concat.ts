import type { Node } from 'web-tree-sitter';
import type { FileFacts } from '../../engine/fileFacts';
import { packageCall } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';

const STRING_TYPES = new Set(['interpreted_string_literal', 'raw_string_literal']);
const URL_START = /^https?:\/\//;
const SCHEME_ONLY = /^https?:\/\/$/;
/** "http://%s": a scheme in front of a whole address, as with "http://" + addr. */
const SCHEME_VERB_ONLY = /^https?:\/\/%[sv]$/;
/** Calls whose result is already escaped for a URL. */
const ESCAPING_METHODS = new Set(['Encode', 'EscapedPath', 'RequestURI']);
/** %s, %v, %d with optional flags, width, precision and argument index; %% is not a verb. */
const VERB = /%[-+# 0]*(?:\[\d+\])?(?:\d+|\*)?(?:\.(?:\d+|\*)?)?(?:\[\d+\])?[svd]/;

export default defineRule({
  meta: {
    id: 'url-string-concat',
    category: 'resilience',
    severity: 'warning',
    effortMinutes: 5,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'URL built by string concatenation or Sprintf: values go in unescaped',
  },
  query: '(binary_expression left: [(interpreted_string_literal) (raw_string_literal)] @first operator: "+") @concat',
  selectors: ['Sprintf'],
  check(ctx, captures) {
    if (captures.pattern === 0) {
      if (!URL_START.test(captures.get('first')!.text.slice(1))) return;
      let chain = captures.get('concat')!;
      while (chain.parent && isPlus(chain.parent) && chain.parent.childForFieldName('left')?.id === chain.id) chain = chain.parent;
      const operands = operandsOf(chain);
      // "https://" + addr only puts a scheme in front of a whole address or URL.
      if (operands.length === 2 && SCHEME_ONLY.test(operands[0].text.slice(1, -1))) return;
      if (!operands.some((o) => !STRING_TYPES.has(o.type) && !isEscaped(o, ctx.facts))) return;
      ctx.report({
        node: chain,
        message: 'URL built with +: the values go in unescaped; build it with net/url (url.URL, url.PathEscape, url.Values)',
      });
      return;
    }
    const call = captures.get('call');
    const literal = call?.childForFieldName('arguments')?.namedChild(0);
    if (!call || !literal || !STRING_TYPES.has(literal.type) || packageCall(call, ctx.facts)?.path !== 'fmt') return;
    const format = literal.text.slice(1, -1);
    if (!URL_START.test(format) || !VERB.test(format.replace(/%%/g, ''))) return;
    if (SCHEME_VERB_ONLY.test(format)) return;
    ctx.report({
      node: call,
      message: 'URL built with fmt.Sprintf: the values go in unescaped; build it with net/url (url.URL, url.PathEscape, url.Values)',
    });
  },
});

function isPlus(node: Node | null): boolean {
  return node?.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+';
}

/** The operands of a + chain, left to right, looking through parentheses. */
function operandsOf(node: Node): Node[] {
  if (node.type === 'parenthesized_expression' && node.namedChildCount === 1) return operandsOf(node.namedChildren[0]!);
  if (!isPlus(node)) return [node];
  return [node.childForFieldName('left'), node.childForFieldName('right')].flatMap((c) => (c ? operandsOf(c) : []));
}

/** url.QueryEscape(x), url.PathEscape(x), values.Encode(), u.EscapedPath(), u.RequestURI(). */
function isEscaped(operand: Node, facts: FileFacts): boolean {
  if (operand.type !== 'call_expression') return false;
  const pkg = packageCall(operand, facts);
  if (pkg) return pkg.path === 'net/url' && (pkg.name === 'QueryEscape' || pkg.name === 'PathEscape');
  const fn = operand.childForFieldName('function');
  return fn?.type === 'selector_expression' && ESCAPING_METHODS.has(fn.childForFieldName('field')?.text ?? '');
}
