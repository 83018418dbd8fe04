import type { Node } from 'web-tree-sitter';
import { DeprecatedDeclaration, deprecatedDeclaration, DeprecationIndex, receiverTypeName } from '../../engine/deprecations';
import { enclosingDeclaration, enclosingFunction } from '../../engine/goSyntax';
import { defineRule, RuleContext } from '../../engine/rule';

/** The standard-library APIs RULES.md names, with their own deprecation notices. */
const STANDARD_LIBRARY: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['strings', new Map([
    ['Title', 'Deprecated: The rule Title uses for word boundaries does not handle Unicode punctuation properly. Use golang.org/x/text/cases instead.'],
  ])],
  ['math/rand', new Map([
    ['Seed', 'Deprecated: As of Go 1.20 there is no reason to call Seed with a random value. Programs that call Seed with a known value to get a specific sequence of results should use New(NewSource(seed)) to obtain a local random generator.'],
    ['Read', 'Deprecated: For almost all use cases, crypto/rand.Read is more appropriate.'],
  ])],
  ['reflect', new Map([
    ['SliceHeader', 'Deprecated: Use unsafe.Slice or unsafe.SliceData instead.'],
    ['StringHeader', 'Deprecated: Use unsafe.String or unsafe.StringData instead.'],
  ])],
]);
const STANDARD_INDEX: DeprecationIndex = { byImportPath: (path) => STANDARD_LIBRARY.get(path) };
/** Packages another rule covers with its own finding and fix: one finding per problem. */
const COVERED_ELSEWHERE = new Set(['io/ioutil']); // deprecated-ioutil
const NET_ERROR_TEMPORARY = 'Deprecated: Temporary errors are not well-defined. Most "temporary" errors are timeouts, and the few exceptions are surprising. Do not use this method.';

/** The indexes consulted besides the file itself: the standard-library list, and the workspace's when linted with one. */
function indexes(ctx: RuleContext): DeprecationIndex[] {
  return ctx.packageIndex ? [STANDARD_INDEX, ctx.packageIndex] : [STANDARD_INDEX];
}

export default defineRule({
  meta: {
    id: 'deprecated-api',
    category: 'maintainability',
    severity: 'warning',
    effortMinutes: 5,
    fixable: false,
    summary: 'Uses of deprecated declarations: of this file, of the workspace, and of the standard library',
  },
  finish(ctx) {
    const local = localDeprecations(ctx);
    const packageLevel = packageLevelDeprecations(ctx, local);
    const inside = insideDeprecatedCode(local, packageLevel);
    reportLocalUses(ctx, local, packageLevel, inside);
    reportPackageUses(ctx, inside);
    reportTemporary(ctx);
  },
});

const DEPRECATED = 'Deprecated:';

/**
 * This file's deprecated declarations: those whose doc comment says "Deprecated:",
 * found from the text. A query pattern matching the word turned every comment of every
 * file into a JS object for its predicate, to keep about one in four thousand.
 */
function localDeprecations(ctx: RuleContext): DeprecatedDeclaration[] {
  const found = new Map<number, DeprecatedDeclaration>(); // by declaration node id
  for (let at = ctx.source.indexOf(DEPRECATED); at >= 0; at = ctx.source.indexOf(DEPRECATED, at + DEPRECATED.length)) {
    const comment = ctx.facts.root.descendantForIndex(at, at + DEPRECATED.length);
    if (comment?.type !== 'comment') continue;
    const declaration = deprecatedDeclaration(comment);
    if (declaration) found.set(declaration.node.id, declaration);
  }
  return [...found.values()];
}

function report(ctx: RuleContext, node: Node, what: string, notice: string): void {
  ctx.report({ node, message: `${what} is deprecated: ${notice.replace(/^Deprecated:\s*/, '')}` });
}

/** Deprecated package-level names (name → notice): this file's, then (with an index) the package's other files'. */
function packageLevelDeprecations(ctx: RuleContext, declarations: DeprecatedDeclaration[]): Map<string, string> {
  const packageLevel = new Map<string, string>();
  for (const d of declarations) for (const n of d.names) if (n.kind === 'package-level') packageLevel.set(n.name, d.notice);
  for (const index of indexes(ctx)) {
    for (const [name, notice] of index.byPackageOf?.(ctx.facts.fileName) ?? []) if (!packageLevel.has(name)) packageLevel.set(name, notice);
  }
  return packageLevel;
}

/** Whether node is code that may use deprecated things (of this file, the package or another package); owner: of a member used. */
type InsideDeprecated = (node: Node, owner?: string) => boolean;

/**
 * Deprecated code may go on using deprecated code: it goes away with it. So may the
 * methods of a deprecated type, and the methods of the type a deprecated member
 * belongs to: they implement it, they do not use it.
 */
function insideDeprecatedCode(declarations: DeprecatedDeclaration[], packageLevel: ReadonlyMap<string, string>): InsideDeprecated {
  return (node, owner) => {
    if (declarations.some((d) => node.startIndex >= d.node.startIndex && node.endIndex <= d.node.endIndex)) return true;
    const method = enclosingDeclaration(node);
    if (method?.type !== 'method_declaration') return false;
    const receiver = receiverTypeName(method);
    return receiver === owner || packageLevel.has(receiver);
  };
}

/** Uses of this file's deprecated declarations (and the package's, when a workspace index knows them). */
function reportLocalUses(ctx: RuleContext, declarations: DeprecatedDeclaration[], packageLevel: ReadonlyMap<string, string>, insideDeprecated: InsideDeprecated): void {
  const members = new Map<string, { notice: string; owner: string }>();
  const declaringNames = new Set<number>();
  for (const d of declarations) {
    for (const n of d.names) {
      if (n.kind === 'member') members.set(n.name, { notice: d.notice, owner: n.owner ?? '' });
      declaringNames.add(n.node.startIndex);
    }
  }
  for (const [name, node] of occurrences(ctx, [...packageLevel.keys()], '', true)) {
    if (node.type !== 'identifier' && node.type !== 'type_identifier') continue;
    if (declaringNames.has(node.startIndex) || insideDeprecated(node) || declares(node)) continue;
    report(ctx, node, name, packageLevel.get(name)!);
  }
  if (members.size === 0) return;
  const uses: [string, Node][] = [];
  const ambiguous = new Set<string>();
  for (const [name, node] of occurrences(ctx, [...members.keys()], '', false)) {
    if (node.type !== 'field_identifier') continue;
    const parent = node.parent;
    if (parent?.type === 'selector_expression') {
      const operand = parent.childForFieldName('operand');
      if (operand?.type === 'identifier' && ctx.facts.pathOf(operand.text) !== undefined) continue; // pkg.Name: another package
      if (!insideDeprecated(node, members.get(name)!.owner)) uses.push([name, parent]);
    } else if (!declaringNames.has(node.startIndex)) {
      ambiguous.add(name); // another field or method of this name, not deprecated: x.Name could be either
    }
  }
  for (const [name, selector] of uses) if (!ambiguous.has(name)) report(ctx, selector, selector.text, members.get(name)!.notice);
}

/** Uses PKG.Name of imported packages whose Name an index knows to be deprecated. */
function reportPackageUses(ctx: RuleContext, insideDeprecated: InsideDeprecated): void {
  for (const spec of ctx.facts.imports) {
    if (!spec.localName || COVERED_ELSEWHERE.has(spec.path)) continue;
    const deprecated = new Map<string, string>();
    for (const index of indexes(ctx)) for (const [name, notice] of index.byImportPath(spec.path) ?? []) deprecated.set(name, notice);
    if (deprecated.size === 0) continue;
    for (const [name, node] of occurrences(ctx, [...deprecated.keys()], `${spec.localName}.`, true)) {
      const selector = node.parent;
      if (node.type !== 'field_identifier' && node.type !== 'type_identifier') continue;
      if (selector?.type !== 'selector_expression' && selector?.type !== 'qualified_type') continue;
      const operand = selector.child(0);
      if (operand?.text !== spec.localName || insideDeprecated(selector)) continue;
      report(ctx, selector, `${spec.localName}.${name}${spec.path === spec.localName ? '' : ` (${spec.path})`}`, deprecated.get(name)!);
    }
  }
}

/** X.Temporary() where X is a net.Error of the enclosing function. */
function reportTemporary(ctx: RuleContext): void {
  const net = ctx.facts.localNameOf('net');
  if (!net) return;
  for (const [, node] of occurrences(ctx, ['Temporary'], '', false)) {
    const selector = node.parent;
    if (node.type !== 'field_identifier' || selector?.type !== 'selector_expression' || selector.parent?.type !== 'call_expression') continue;
    const operand = selector.childForFieldName('operand');
    if (operand?.type === 'identifier' && isNetError(operand, net)) report(ctx, selector, 'net.Error\'s Temporary method', NET_ERROR_TEMPORARY);
  }
}

/**
 * Whether the variable is a net.Error: bound by a type assertion to net.Error, declared
 * with that type in the enclosing function, or the operand of a type switch case net.Error.
 */
function isNetError(variable: Node, net: string): boolean {
  const name = variable.text;
  for (let n = variable.parent; n; n = n.parent) {
    if (n.type === 'type_case' && n.childrenForFieldName('type').some((t) => t?.text === `${net}.Error`)) return true;
  }
  const fn = enclosingDeclaration(variable) ?? enclosingFunction(variable);
  if (!fn) return false;
  const type = `${net}\\.Error\\b`;
  return new RegExp(`\\b${name}\\s*(,\\s*\\w+\\s*)?:?=\\s*[^\\n]*\\.\\(\\s*${type}\\s*\\)|\\b${name}\\s+${type}`).test(fn.text);
}

/**
 * Each occurrence in the code of prefix + name for the given names, as [name, the node
 * at the name]; bare: not right after a dot. A text search, then one tree lookup per
 * hit: no walk of the tree.
 */
function occurrences(ctx: RuleContext, names: string[], prefix: string, bare: boolean): [string, Node][] {
  if (names.length === 0) return [];
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${bare ? '(?<![\\w.])' : '(?<!\\w)'}${escaped}(${names.join('|')})\\b`, 'g');
  const found: [string, Node][] = [];
  for (const match of ctx.source.matchAll(pattern)) {
    const start = match.index! + match[0].length - match[1].length;
    const node = ctx.facts.root.descendantForIndex(start, start + match[1].length);
    if (node && node.startIndex === start && node.endIndex === start + match[1].length) found.push([match[1], node]);
  }
  return found;
}

/** An identifier that declares something new (a parameter, a variable, a key), not a use. */
function declares(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (['parameter_declaration', 'var_spec', 'const_spec', 'type_spec', 'function_declaration'].includes(parent.type)) {
    return parent.childrenForFieldName('name').some((n) => n?.startIndex === node.startIndex);
  }
  if (parent.type === 'literal_element') return parent.parent?.type === 'keyed_element' && parent.parent.child(0)?.id === parent.id;
  return parent.type === 'expression_list' && parent.parent?.type === 'short_var_declaration' && parent.parent.childForFieldName('left')?.id === parent.id;
}
