import type { Node } from 'web-tree-sitter';
import { isTestSupport } from '../../engine/libraryCode';
import { defineRule } from '../../engine/rule';

const URL = /^(?:https?|wss?|grpc|redis|postgres(?:ql)?|mysql|mongodb|amqp|nats|kafka):\/\/(?:[^/?#@\s]*@)?([^/?#:\s]+)(?::\d*)?(?:[/?#].*)?$/i;
const IPV4_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const SINGLE_LABEL = /^[A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/;
/** Names that are not a service: loopback, and the reserved names of RFC 2606/6761. */
const NOT_A_SERVICE = new Set(['localhost', 'example', 'test', 'invalid']);

export default defineRule({
  meta: {
    id: 'hardcoded-endpoint',
    category: 'resilience',
    severity: 'warning',
    effortMinutes: 15,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'URL or address of a service written into the code: an IP address or a bare service name',
  },
  query: '[(interpreted_string_literal) (raw_string_literal)] @lit',
  check(ctx, captures) {
    // Test support points fakes at fake hosts, as _test.go files do.
    if (isTestSupport(ctx.facts)) return;
    const lit = captures.get('lit')!;
    const text = lit.text.slice(1, -1);
    if (text.length < 9 || text.length > 2048) return;
    const url = URL.exec(text);
    const host = url ? url[1] : IPV4_PORT.exec(text)?.[1];
    // Asked of an address only: a node's parent costs a walk from the root in tree-sitter.
    if (!host || isTagOrImport(lit)) return;
    let what: string;
    if (IPV4.test(host)) {
      if (!isRoutableIPv4(host)) return;
      what = `the IP address ${host}`;
    } else if (url && SINGLE_LABEL.test(host) && !NOT_A_SERVICE.has(host.toLowerCase())) {
      what = `the service name "${host}"`;
    } else {
      return;
    }
    ctx.report({
      node: lit,
      message: `This address hard-codes ${what}: read the endpoint from configuration or service discovery instead`,
    });
  },
});

/** Struct tags and import paths are strings that no one dials. */
function isTagOrImport(lit: Node): boolean {
  const parent = lit.parent;
  return parent?.type === 'field_declaration' || parent?.type === 'import_spec';
}

/**
 * An address that names one particular server: not loopback, unspecified, a
 * documentation range (RFC 5737), link-local (169.254/16: the cloud metadata endpoints,
 * the same on every machine), multicast or broadcast.
 */
function isRoutableIPv4(ip: string): boolean {
  const octets = ip.split('.').map(Number);
  if (octets.some((o) => o > 255)) return false;
  const [a, b, c] = octets;
  if (a === 127 || a >= 224 || octets.every((o) => o === 0) || (a === 169 && b === 254)) return false;
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return false;
  return true;
}
