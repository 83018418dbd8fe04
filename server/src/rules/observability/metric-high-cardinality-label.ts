import type { Node } from 'web-tree-sitter';
import { FileFacts, unquote } from '../../engine/fileFacts';
import { packageCall } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';
import { PROMETHEUS } from './metric-naming';

const PROMAUTO = `${PROMETHEUS}/promauto`;

/** Label names whose values are unbounded, compared without case, "_" or "-". */
const UNBOUNDED = new Set([
  'user_id', 'userid', 'uid', 'user', 'email', 'ip', 'client_ip', 'remote_addr', 'url', 'uri', 'path', 'query',
  'request_id', 'trace_id', 'span_id', 'session_id', 'token', 'uuid', 'id', 'order_id',
].map(normalize));

export default defineRule({
  meta: {
    id: 'metric-high-cardinality-label',
    category: 'observability',
    severity: 'warning',
    effortMinutes: 15,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'A Prometheus label for an unbounded value (user ID, IP, URL, request ID): one series per value',
    nolintAliases: ['promlinter'],
  },
  query: `(call_expression
    function: (selector_expression field: (field_identifier) @name (#match? @name "^New(Counter|Gauge|Histogram|Summary)Vec$")) @callee
    arguments: (argument_list . (_) . (composite_literal type: (slice_type) body: (literal_value) @labels)))`,
  check(ctx, captures) {
    if (!isPrometheusConstructor(captures.get('callee')!, ctx.facts)) return;
    for (const element of captures.get('labels')!.namedChildren) {
      const literal = element?.namedChildren[0];
      if (!literal || (literal.type !== 'interpreted_string_literal' && literal.type !== 'raw_string_literal')) continue;
      const label = unquote(literal.text);
      if (!UNBOUNDED.has(normalize(label))) continue;
      ctx.report({
        node: literal,
        message: `Label "${label}" takes one value per ${describe(label)}: every value is a new time series that Prometheus keeps in memory; drop the label, or use a bounded one (route template, status class) and put the detail in logs or traces`,
      });
    }
  },
});

/**
 * prometheus.NewXVec, promauto.NewXVec, or the same method on a promauto factory
 * (promauto.With(reg).NewXVec, factory.NewXVec) in a file that imports promauto.
 */
function isPrometheusConstructor(callee: Node, facts: FileFacts): boolean {
  const operand = callee.childForFieldName('operand');
  if (operand?.type === 'identifier' && facts.pathOf(operand.text) !== undefined) {
    const path = facts.pathOf(operand.text);
    return path === PROMETHEUS || path === PROMAUTO;
  }
  if (operand?.type === 'call_expression') return packageCall(operand, facts)?.path === PROMAUTO;
  return facts.localNameOf(PROMAUTO) !== undefined;
}

function normalize(label: string): string {
  return label.toLowerCase().replace(/[-_]/g, '');
}

function describe(label: string): string {
  const n = normalize(label);
  if (/user|uid|email/.test(n)) return 'user';
  if (/ip|addr/.test(n)) return 'client address';
  if (/url|uri|path|query/.test(n)) return 'distinct URL';
  if (/trace|span/.test(n)) return 'trace';
  if (/session|token/.test(n)) return 'session';
  return 'request or object';
}
