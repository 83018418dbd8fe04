import type { Node } from 'web-tree-sitter';
import { unquote } from '../../engine/fileFacts';
import { packageMember } from '../../engine/goSyntax';
import type { FileFacts } from '../../engine/fileFacts';
import { defineRule, RuleContext } from '../../engine/rule';

/** Whole words (after splitting camelCase and snake_case) that name a secret or personal data. */
const SENSITIVE_WORDS = new Set([
  'password', 'passwd', 'pwd', 'secret', 'token', 'authorization', 'cookie', 'cvv', 'ssn', 'email', 'phone',
  'passwords', 'secrets', 'cookies', 'emails', 'phones',
  'apikey', 'accesstoken', 'refreshtoken', 'apitoken', 'sessionid', 'creditcard', 'cardnumber', 'idcard',
]);
/** Two consecutive words that together name such data (apiKey, session_id, creditCard). */
const SENSITIVE_PAIRS = new Set(['api key', 'session id', 'credit card', 'card number', 'id card']);
/**
 * A first word that makes the name a question about the data (hasPassword, isSecret,
 * maxTokens) or a last word that makes it data about the data (passwordLen, tokenType,
 * secretName, cookiePath): neither holds the secret itself.
 */
const QUALIFIER_PREFIXES = new Set(['has', 'is', 'num', 'max', 'min', 'use', 'require', 'requires', 'need', 'needs', 'allow', 'no', 'skip', 'enable', 'disable', 'with', 'without']);
const QUALIFIER_SUFFIXES = new Set([
  'len', 'length', 'count', 'size', 'valid', 'verified', 'enabled', 'required', 'set', 'exists', 'ok', 'present',
  'hash', 'hashed', 'masked', 'redacted', 'type', 'kind', 'name', 'names', 'file', 'path', 'url', 'uri', 'expiry',
  'expires', 'expiration', 'ttl', 'header', 'field', 'prefix', 'format', 'env', 'source', 'policy', 'mode',
]);
/** Calls that hide their argument: redactX, maskX, hashX, sanitizeX, and len. */
const HIDING_CALL = /^(redact|mask|hash|sanitize)/i;
/** Accessors whose result is the operand's content: token.String(), cookie.Value. */
const CONTENT_ACCESSORS = new Set(['String', 'Value', 'Raw', 'Bytes']);
/** Lookups whose string argument names what they return: r.Header.Get("Authorization"). */
const LOOKUPS = new Set(['Get', 'GetHeader', 'FormValue', 'PostFormValue', 'Cookie', 'Getenv', 'LookupEnv', 'Param', 'QueryParam']);

/** Packages whose package-level functions are loggers (beyond log, log/slog and fmt). */
const LOGGING_PACKAGES = new Set([
  'github.com/sirupsen/logrus', 'go.uber.org/zap', 'github.com/golang/glog', 'k8s.io/klog', 'k8s.io/klog/v2',
  'github.com/rs/zerolog/log', 'github.com/apex/log',
]);
const ZAP = 'go.uber.org/zap';
const ZAP_FIELDS = new Set(['String', 'Any', 'Reflect']);
/** Methods that log (Infof, Errorw...) or add fields to a logger (WithField). */
const LOGGING_CALL = /^(Print|Info|Warn|Error|Debug|Fatal|Panic)|^(With|WithField|WithFields)$/;

type Mode = 'values' | 'message-then-pairs' | 'pairs';

export default defineRule({
  meta: {
    id: 'log-sensitive-data',
    category: 'observability',
    severity: 'warning',
    effortMinutes: 10,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'A log call whose arguments name a password, token, key or personal data',
    nolintAliases: ['gosec'],
  },
  // Logging calls (Infof, Errorw, WithField...), and zap's field constructors (zap.String).
  selectors: new RegExp(`${LOGGING_CALL.source}|^(${[...ZAP_FIELDS].join('|')})$`),
  check(ctx, captures) {
    const call = captures.get('call');
    const args = call?.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment') ?? [];
    if (!call || args.length === 0) return;
    const name = captures.get('name')!.text;
    const member = packageMember(captures.get('selector'), ctx.facts);
    if (ZAP_FIELDS.has(name)) {
      if (member?.path === ZAP && ZAP_FIELDS.has(member.name) && args.length >= 2) reportPair(ctx, judgeFor(ctx, null), args[0], args[1]);
      return;
    }
    const mode = modeOf(name, member);
    if (mode) judgeArguments(ctx, judgeFor(ctx, mode === 'values' && isString(args[0]) ? args[0] : null), args, mode);
  },
});

/** How a logging call's arguments are read, or null when the call is not a logging call. */
function modeOf(name: string, member: { path: string; name: string } | null): Mode | null {
  if (member) {
    if (member.path === 'log') return /^(Print|Fatal|Panic)/.test(name) ? 'values' : null;
    if (member.path === 'fmt') return /^Print(f|ln)?$/.test(name) ? 'values' : null;
    if (member.path === 'log/slog') return name === 'With' ? 'pairs' : /^(Info|Warn|Error|Debug)(Context)?$/.test(name) ? 'message-then-pairs' : null;
    if (!LOGGING_PACKAGES.has(member.path)) return null;
  }
  if (name === 'With' || name === 'WithField' || name === 'WithFields') return 'pairs';
  if (/^(Print|Fatal|Panic)|(f|ln)$/.test(name)) return 'values';
  return 'message-then-pairs';
}

function judgeArguments(ctx: RuleContext, judge: Judge, args: Node[], mode: Mode): void {
  let i = 0;
  if (mode === 'message-then-pairs') {
    // A context first (slog's InfoContext), then the message; a literal message is prose.
    if (args[0].type === 'identifier' && /^ctx$|Context$|^c$/.test(args[0].text) && args.length > 1) i = 1;
    if (isString(args[i])) i++;
  }
  for (; i < args.length; i++) {
    const arg = args[i];
    if (mode !== 'values' && isString(arg) && i + 1 < args.length) {
      reportPair(ctx, judge, arg, args[i + 1]);
      i++;
      continue;
    }
    judgeValue(ctx, judge, arg);
  }
}

/** A key literal and its value: one finding when either names sensitive data. */
function reportPair(ctx: RuleContext, judge: Judge, key: Node, value: Node): void {
  if (isHidden(value)) return;
  if (isString(key) && judge.sensitive(unquote(key.text))) {
    ctx.report({ node: key, message: message(unquote(key.text)) });
    return;
  }
  const found = sensitiveNames(value, judge);
  if (found.length > 0) ctx.report({ node: found[0], message: message(found[0].text) });
}

function judgeValue(ctx: RuleContext, judge: Judge, value: Node): void {
  for (const node of sensitiveNames(value, judge)) ctx.report({ node, message: message(isString(node) ? unquote(node.text) : node.text) });
}

function message(name: string): string {
  return `"${name}" looks like a secret or personal data going into a log: drop it, or log it redacted, masked, hashed or as its length`;
}

/**
 * The nodes under value that name sensitive data: identifiers, a selector's last name,
 * key literals of composite literals and lookups, and the keys of fields built inside
 * the call (slog.String("token", t)). Hidden values (redactX(...), len(...)) are skipped.
 */
function sensitiveNames(value: Node, judge: Judge): Node[] {
  const found: Node[] = [];
  const visit = (node: Node): void => {
    switch (node.type) {
      case 'identifier':
      case 'field_identifier':
        if (judge.sensitive(node.text)) found.push(node);
        return;
      case 'interpreted_string_literal':
      case 'raw_string_literal':
      case 'func_literal':
        return;
      case 'selector_expression': {
        const field = node.childForFieldName('field')!;
        if (!CONTENT_ACCESSORS.has(field.text)) return visit(field);
        const operand = node.childForFieldName('operand');
        if (operand) visit(operand);
        return;
      }
      case 'call_expression': {
        if (isHidden(node)) return;
        const fn = node.childForFieldName('function');
        const args = node.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment') ?? [];
        const last = fn?.type === 'selector_expression' ? fn.childForFieldName('field')?.text : fn?.text;
        if (fn?.type === 'selector_expression' && fn.childForFieldName('operand')?.type === 'identifier' && args.length >= 2 && isString(args[0])) {
          // A field built inside the call (zap.Int("cvv", n), slog.String(...)): a pair.
          // zap.String/Any/Reflect are reported by their own match.
          const member = packageMember(fn, judge.facts);
          if (member?.path === ZAP && ZAP_FIELDS.has(member.name)) return;
          if (isHidden(args[1])) return;
          if (judge.sensitive(unquote(args[0].text))) found.push(args[0]);
          else visit(args[1]);
          return;
        }
        if (last && LOOKUPS.has(last) && args[0] && isString(args[0]) && judge.sensitive(unquote(args[0].text))) found.push(args[0]);
        if (fn) visit(fn);
        for (const arg of args) visit(arg);
        return;
      }
      case 'index_expression': {
        const index = node.childForFieldName('index');
        if (index && isString(index) && judge.sensitive(unquote(index.text))) found.push(index);
        break;
      }
      case 'keyed_element': {
        const [key, val] = node.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
        const keyNode = key?.namedChildren[0] ?? key;
        if (val && isHidden(val.namedChildren[0] ?? val)) return;
        if (keyNode && isString(keyNode) && judge.sensitive(unquote(keyNode.text))) {
          found.push(keyNode);
          return;
        }
        break;
      }
    }
    for (const child of node.namedChildren) if (child && child.type !== 'comment') visit(child);
  };
  visit(value);
  return found;
}

/** A call of redactX/maskX/hashX/sanitizeX (any case) or len. */
function isHidden(node: Node): boolean {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  if (n.type !== 'call_expression') return false;
  const fn = n.childForFieldName('function');
  const name = fn?.type === 'selector_expression' ? fn.childForFieldName('field')?.text : fn?.text;
  return name !== undefined && (name === 'len' || HIDING_CALL.test(name));
}

function isString(node: Node | undefined): boolean {
  return node?.type === 'interpreted_string_literal' || node?.type === 'raw_string_literal';
}

type Sensitivity = 'none' | 'sensitive' | 'token';

/**
 * Whether a name (identifier or key) names a secret or personal data. A plain "token"
 * is ambiguous: lexers and parsers have tokens too, so it is told apart by context.
 */
export function sensitivity(name: string): Sensitivity {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 6) return 'none';
  if (words.length > 1 && (QUALIFIER_PREFIXES.has(words[0]) || QUALIFIER_SUFFIXES.has(words[words.length - 1]))) return 'none';
  let result: Sensitivity = 'none';
  words.forEach((w, i) => {
    const before = words[i - 1];
    if (SENSITIVE_PAIRS.has(`${before} ${w}`)) result = 'sensitive';
    else if (w !== 'token' && SENSITIVE_WORDS.has(w)) result = 'sensitive';
    else if (w === 'token' && result === 'none') {
      if (before && AUTH_WORDS.has(before)) result = 'sensitive';
      else if (!before || !NOT_SECRET_TOKENS.has(before)) result = 'token';
    }
  });
  return result;
}

/** Words that make a token a credential (authToken, bearer_token), and ones that do not. */
const AUTH_WORDS = new Set(['auth', 'access', 'refresh', 'api', 'bearer', 'jwt', 'oauth', 'oauth2', 'id', 'session', 'csrf', 'xsrf', 'secret', 'client', 'user', 'github', 'slack', 'bot', 'personal', 'service', 'account']);
const NOT_SECRET_TOKENS = new Set(['next', 'page', 'continuation', 'lex', 'lexer', 'xml', 'html', 'json', 'syntax', 'scan', 'parse', 'last', 'prev', 'previous', 'cur', 'current', 'start', 'end', 'sync', 'cancel', 'cancellation', 'balance', 'load', 'idempotency', 'pagination', 'resume', 'marker', 'cluster']);

/** Packages whose presence says that "token" means a lexical token. */
const LEXER_PACKAGES = new Set(['go/token', 'go/scanner', 'text/scanner', 'encoding/xml', 'golang.org/x/net/html', 'text/template/parse']);

interface Judge {
  facts: FileFacts;
  sensitive(name: string): boolean;
}

/**
 * How names are judged in one call. A plain token counts unless the file works with
 * lexical tokens (a lexer package, a type named token) or the call's format talks
 * about parsing ("unexpected token %q").
 */
function judgeFor(ctx: RuleContext, format: Node | null): Judge {
  let lexical: boolean | undefined;
  const isLexical = (): boolean => {
    lexical ??= ctx.facts.imports.some((s) => LEXER_PACKAGES.has(s.path)) ||
      (format !== null && /unexpected|unknown|expect|syntax|pars(e|ing)|scan/i.test(format.text)) ||
      declaresTokenType(ctx.facts.root);
    return lexical;
  };
  return {
    facts: ctx.facts,
    sensitive(name) {
      const s = sensitivity(name);
      return s === 'sensitive' || (s === 'token' && !isLexical());
    },
  };
}

function declaresTokenType(root: Node): boolean {
  for (const decl of root.namedChildren) {
    if (decl?.type !== 'type_declaration') continue;
    for (const spec of decl.namedChildren) if (/^(token|Token)$/.test(spec?.childForFieldName('name')?.text ?? '')) return true;
  }
  return false;
}
