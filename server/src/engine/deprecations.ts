// Deprecated declarations: reading `Deprecated:` paragraphs from doc comments, and the
// index through which a rule learns about deprecated names of other packages.
//
// Go's convention (go.dev/wiki/Deprecated): a paragraph of a declaration's doc comment
// that starts with "Deprecated: " marks the declaration as deprecated, and the rest
// of the paragraph says what to use instead.
import type { Node } from 'web-tree-sitter';

/**
 * Deprecated names of packages other than the file being linted. The standard-library
 * list of deprecated-api is one; the package index (engine/packageIndex.ts) another.
 */
export interface DeprecationIndex {
  /** Deprecated exported names (name → notice) of the package with this import path, if any. */
  byImportPath(importPath: string): ReadonlyMap<string, string> | undefined;
  /**
   * Deprecated package-level names (name → notice) declared in the package that
   * fileName belongs to, its other files included. Optional: only a workspace knows.
   */
  byPackageOf?(fileName: string): ReadonlyMap<string, string> | undefined;
}

/** A name declared by a deprecated declaration. */
export interface DeprecatedName {
  name: string;
  /** The declaring identifier. */
  node: Node;
  /** Package-level names are used bare (`Old()`); members after a dot (`x.Old()`). */
  kind: 'package-level' | 'member';
  /** For members: the name of the type they belong to ("" when unknown). */
  owner?: string;
}

export interface DeprecatedDeclaration {
  /** The paragraph, starting with "Deprecated:", its lines joined by spaces. */
  notice: string;
  /** The declaration node, e.g. function_declaration, type_spec, field_declaration. */
  node: Node;
  names: DeprecatedName[];
}

/**
 * The "Deprecated:" paragraph of a doc comment's text (comment markers included), or
 * null. Paragraphs are separated by blank comment lines.
 */
export function deprecationNotice(docComment: string): string | null {
  const lines = docComment.split('\n').map((line) => line.replace(/^\s*(\/\/|\/\*+|\*+\/?)?/, '').replace(/\*\/\s*$/, '').trim());
  const start = lines.findIndex((line, i) => line.startsWith('Deprecated:') && (i === 0 || lines[i - 1] === ''));
  if (start < 0) return null;
  const paragraph: string[] = [];
  for (let i = start; i < lines.length && lines[i] !== ''; i++) paragraph.push(lines[i]);
  return paragraph.join(' ');
}

/** Declarations that a doc comment can deprecate, with how to find their names. */
const DECLARATIONS = new Set([
  'function_declaration', 'method_declaration', 'type_declaration', 'type_spec', 'type_alias',
  'var_declaration', 'var_spec', 'const_declaration', 'const_spec', 'field_declaration', 'method_elem',
]);
const MEMBERS = new Set(['method_declaration', 'field_declaration', 'method_elem']);

/**
 * The declaration documented by the comment run that contains comment, when that doc
 * comment has a "Deprecated:" paragraph; null otherwise. Only siblings are visited.
 */
export function deprecatedDeclaration(comment: Node): DeprecatedDeclaration | null {
  let first = comment;
  for (let p = first.previousSibling; p?.type === 'comment' && p.endPosition.row === first.startPosition.row - 1; p = p.previousSibling) first = p;
  let last = comment;
  for (let n = last.nextSibling; n?.type === 'comment' && n.startPosition.row === last.endPosition.row + 1; n = n.nextSibling) last = n;
  const node = last.nextSibling;
  if (!node || !DECLARATIONS.has(node.type) || node.startPosition.row !== last.endPosition.row + 1) return null;
  const texts: string[] = [];
  for (let c: Node | null = first; c; c = c.id === last.id ? null : c.nextSibling) texts.push(c.text);
  const notice = deprecationNotice(texts.join('\n'));
  if (!notice) return null;
  // The blank identifier declares nothing anyone could use.
  return { notice, node, names: declaredNames(node).filter((n) => n.name !== '_') };
}

function declaredNames(node: Node): DeprecatedName[] {
  const own = node.childrenForFieldName('name').filter((n): n is Node => n !== null);
  if (own.length > 0) {
    if (!MEMBERS.has(node.type)) return own.map((n) => ({ name: n.text, node: n, kind: 'package-level' }));
    const owner = node.type === 'method_declaration' ? receiverTypeName(node) : enclosingTypeName(node);
    return own.map((n) => ({ name: n.text, node: n, kind: 'member', owner }));
  }
  // A grouped declaration: every spec in it (var ( ... ), const ( ... ), type ( ... )).
  const specs = node.namedChildren.flatMap((c) => (c?.type.endsWith('_spec_list') ? c.namedChildren : [c]));
  return specs.filter((s): s is Node => s !== null && DECLARATIONS.has(s.type)).flatMap(declaredNames);
}

/** The receiver's type name of a method declaration, without pointer or type arguments. */
export function receiverTypeName(method: Node): string {
  const receiver = method.childForFieldName('receiver')?.namedChildren.find((c) => c?.type === 'parameter_declaration');
  const type = receiver?.childForFieldName('type')?.text ?? '';
  return type.replace(/^\*/, '').replace(/\[.*$/s, '').trim();
}

/** The name of the type_spec a struct field or interface method sits in ("" if none). */
function enclosingTypeName(member: Node): string {
  for (let n = member.parent; n; n = n.parent) {
    if (n.type === 'type_spec') return n.childForFieldName('name')?.text ?? '';
    if (n.type === 'source_file' || n.type === 'block') return '';
  }
  return '';
}
