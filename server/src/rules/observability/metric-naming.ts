import type { Node } from 'web-tree-sitter';
import { unquote } from '../../engine/fileFacts';
import { defineRule } from '../../engine/rule';

export const PROMETHEUS = 'github.com/prometheus/client_golang/prometheus';

const SNAKE_CASE = /^[a-z_:][a-z0-9_:]*$/;
/** Units Prometheus does not use, and the base unit to use instead. */
const NON_BASE_UNITS: Readonly<Record<string, string>> = {
  milliseconds: 'seconds', ms: 'seconds', microseconds: 'seconds', minutes: 'seconds', hours: 'seconds',
  kilobytes: 'bytes', megabytes: 'bytes', percent: 'ratio',
};

export default defineRule({
  meta: {
    id: 'metric-naming',
    category: 'observability',
    severity: 'warning',
    effortMinutes: 10,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'Prometheus metric name not snake_case, counter without _total, or a non-base unit',
    nolintAliases: ['promlinter'],
  },
  query: `(composite_literal
    type: (qualified_type package: (package_identifier) @pkg name: (type_identifier) @type
      (#match? @type "^(Counter|Gauge|Histogram|Summary)Opts$"))
    body: (literal_value) @body)`,
  check(ctx, captures) {
    if (ctx.facts.pathOf(captures.get('pkg')!.text) !== PROMETHEUS) return;
    const fields = new Map<string, Node>();
    for (const element of captures.get('body')!.namedChildren) {
      if (element?.type !== 'keyed_element') continue;
      const key = element.childForFieldName('key')?.text;
      const value = element.childForFieldName('value')?.namedChildren[0];
      if (key && value) fields.set(key, value);
    }
    const nameNode = fields.get('Name');
    if (!nameNode || !isStringLiteral(nameNode)) return;
    // BuildFQName joins the non-empty parts with "_"; a part that is not a literal is
    // unknown, and only the literal parts are judged.
    const parts = ['Namespace', 'Subsystem', 'Name']
      .map((key) => fields.get(key))
      .map((node) => (node === undefined ? '' : isStringLiteral(node) ? unquote(node.text) : null))
      .filter((part) => part !== '');
    const known = parts.filter((p): p is string => p !== null);
    const name = unquote(nameNode.text);
    const problems: string[] = [];
    if (!known.every((p) => SNAKE_CASE.test(p))) problems.push('is not snake_case');
    const counter = captures.get('type')!.text === 'CounterOpts';
    if (counter && !name.endsWith('_total')) problems.push('is a counter without the _total suffix');
    const units = snakeCase(name).split('_').filter((w) => NON_BASE_UNITS[w]);
    for (const unit of new Set(units)) problems.push(`uses _${unit} where Prometheus uses _${NON_BASE_UNITS[unit]}`);
    if (problems.length === 0) return;
    const shown = parts.map((p) => p ?? '…').join('_');
    const suggestion = suggest(parts, counter);
    ctx.report({
      node: nameNode,
      message: `Metric name "${shown}" ${join(problems)}: rename it${suggestion ? ` (e.g. "${suggestion}")` : ''}, and the queries and dashboards that use it`,
    });
  },
});

function isStringLiteral(node: Node): boolean {
  return node.type === 'interpreted_string_literal' || node.type === 'raw_string_literal';
}

/** A conventional name for the same metric, when every part is known. */
function suggest(parts: (string | null)[], counter: boolean): string | null {
  if (parts.some((p) => p === null)) return null;
  let words = parts.map((p) => snakeCase(p!)).join('_').split('_').filter(Boolean);
  words = words.map((w) => NON_BASE_UNITS[w] ?? w);
  if (counter && words[words.length - 1] !== 'total') words.push('total');
  return words.join('_');
}

function snakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_:]+/g, '_')
    .toLowerCase();
}

function join(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
