// Where a local name is declared, for fixes that introduce a variable (`err`,
// `cancel`): whether `:=` would still declare something new, whether a new variable
// would shadow one that later code reads, and whether assigning an existing one
// would throw away a value nobody has looked at yet. Only the statement lists on the
// path from a statement up to its function are read, never the whole file.
import type { Node } from 'web-tree-sitter';
import { FUNCTION_TYPES, parametersOf } from './goSyntax';

/** The names a statement declares in the scope that contains it. */
export function declaredBy(stmt: Node): string[] {
  switch (stmt.type) {
    case 'short_var_declaration':
      return identifiers(stmt.childForFieldName('left'));
    case 'var_declaration':
    case 'const_declaration':
      return specs(stmt).flatMap((spec) => spec.childrenForFieldName('name').map((n) => n?.text ?? ''))
        .filter((name) => name !== '' && name !== '_');
    case 'type_declaration':
      return stmt.namedChildren.map((spec) => spec?.childForFieldName('name')?.text ?? '').filter(Boolean);
    case 'labeled_statement': {
      const inner = stmt.namedChildren[1];
      return inner ? declaredBy(inner) : [];
    }
    default:
      return [];
  }
}

/** The value specs of a var or const declaration, with or without parentheses. */
export function specs(decl: Node): Node[] {
  const out: Node[] = [];
  for (const child of decl.namedChildren) {
    if (!child) continue;
    if (child.type === 'var_spec' || child.type === 'const_spec') out.push(child);
    else if (child.type === 'var_spec_list' || child.type === 'const_spec_list') {
      for (const spec of child.namedChildren) if (spec && (spec.type === 'var_spec' || spec.type === 'const_spec')) out.push(spec);
    }
  }
  return out;
}

/** Names declared by a function's receiver, parameters and named results: its body's outermost scope. */
export function signatureNames(fn: Node): string[] {
  const names = parametersOf(fn).map((p) => p.name);
  for (const field of ['receiver', 'result']) {
    const list = fn.childForFieldName(field);
    if (list?.type !== 'parameter_list') continue;
    for (const decl of list.namedChildren) for (const name of decl?.childrenForFieldName('name') ?? []) if (name) names.push(name.text);
  }
  return names.filter((n) => n !== '_');
}

/**
 * The names already declared in stmt's own scope before stmt: earlier statements of
 * its statement list and, at the top of a function body, the function's signature.
 */
export function declaredInScopeBefore(stmt: Node): Set<string> {
  const names = new Set<string>();
  const list = stmt.parent;
  if (list?.type !== 'statement_list') return names;
  for (let s = list.firstNamedChild; s && s.id !== stmt.id; s = s.nextNamedSibling) for (const n of declaredBy(s)) names.add(n);
  const block = list.parent;
  const fn = block?.parent;
  if (block?.type === 'block' && fn && FUNCTION_TYPES.has(fn.type) && fn.childForFieldName('body')?.id === block.id) {
    for (const n of signatureNames(fn)) names.add(n);
  }
  return names;
}

/**
 * Whether name is visible at stmt because something declared it earlier: an enclosing
 * statement list, an if/for/switch initializer, a range clause, or a function
 * signature. With withinFunction, the search stops at the innermost function;
 * otherwise it continues through enclosing function literals.
 */
export function isDeclaredBefore(stmt: Node, name: string, withinFunction: boolean): boolean {
  let child: Node = stmt;
  for (let n = stmt.parent; n; child = n, n = n.parent) {
    if (n.type === 'statement_list') {
      for (let s = n.firstNamedChild; s && s.id !== child.id; s = s.nextNamedSibling) if (declaredBy(s).includes(name)) return true;
    } else if (FUNCTION_TYPES.has(n.type)) {
      if (signatureNames(n).includes(name)) return true;
      if (withinFunction || n.type !== 'func_literal') return false;
    } else {
      const clause = n.type === 'for_statement' ? n.namedChildren.find((c) => c?.type === 'for_clause' || c?.type === 'range_clause') : null;
      const init = (clause ?? n).childForFieldName('initializer');
      if (init && init.id !== child.id && declaredBy(init).includes(name)) return true;
      if (clause?.type === 'range_clause' && clause.text.includes(':=') && identifiers(clause.childForFieldName('left')).includes(name)) return true;
    }
  }
  return false;
}

/** Whether `name` appears as a word in the statements after stmt in its statement list. */
export function mentionedLaterInScope(source: string, stmt: Node, name: string): boolean {
  const list = stmt.parent;
  if (!list) return false;
  return new RegExp(`\\b${name}\\b`).test(source.slice(stmt.endIndex, list.endIndex));
}

/**
 * Whether a later statement of stmt's list declares name such that, once stmt has
 * declared it, that statement no longer compiles: `var name ...`, or `:=` whose only
 * new name was name.
 */
export function laterDeclarationClashes(stmt: Node, name: string): boolean {
  const declared = declaredInScopeBefore(stmt);
  for (const n of declaredBy(stmt)) declared.add(n);
  declared.add(name);
  for (let s = stmt.nextNamedSibling; s; s = s.nextNamedSibling) {
    const names = declaredBy(s);
    if (names.includes(name)) {
      if (s.type !== 'short_var_declaration') return true;
      if (names.every((n) => declared.has(n))) return true;
    }
    for (const n of names) declared.add(n);
  }
  return false;
}

/**
 * Whether the value that name holds just before stmt may still be unread: the last
 * mention of name in the function before stmt writes it (`x, name := ...`,
 * `name = ...`, `var name = ...`). Assigning name at stmt would then lose that value.
 */
export function holdsUnreadValue(source: string, stmt: Node, fn: Node, name: string): boolean {
  const text = source.slice(fn.startIndex, stmt.startIndex);
  const offsets = [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => fn.startIndex + m.index!);
  // The last mention that is the identifier itself (not a word in a comment or string).
  for (let i = offsets.length - 1; i >= 0; i--) {
    const node = fn.descendantForIndex(offsets[i], offsets[i] + name.length);
    if (node?.type === 'identifier' && node.text === name) return isWritten(node);
  }
  return false;
}

/** Whether an identifier is the target of an assignment or an initialised declaration. */
function isWritten(ident: Node): boolean {
  const parent = ident.parent;
  if (!parent) return false;
  if (parent.type === 'var_spec') return parent.childForFieldName('value') !== null;
  if (parent.type !== 'expression_list') return false;
  const stmt = parent.parent;
  if (!stmt || !['short_var_declaration', 'assignment_statement', 'range_clause'].includes(stmt.type)) return false;
  return stmt.childForFieldName('left')?.id === parent.id;
}

function identifiers(list: Node | null): string[] {
  return (list?.namedChildren ?? []).filter((n) => n?.type === 'identifier' && n.text !== '_').map((n) => n!.text);
}
