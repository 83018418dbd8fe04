import type { Node } from 'web-tree-sitter';
import { contextOwner, runsLater } from '../../engine/contextScope';
import type { FileFacts } from '../../engine/fileFacts';
import type { Fix } from '../../engine/fix';
import { contextInScope, enclosingDeclaration, enclosingFunction, isQualifiedType, parametersOf } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';

const GORM_PATH = 'gorm.io/gorm';
const METHODS = /^(Transaction|Create|Save|First|Find|Take|Last|Where|Model|Updates|Update|Delete|Exec|Raw|Begin)$/;
const RECEIVER_NAMES = /^(db|DB|tx|orm|gormDB)$/;

/** One link of a method chain: the call and its method name. */
interface Link {
  call: Node;
  name: string;
}

export default defineRule({
  meta: {
    id: 'orm-call-without-context',
    category: 'lifecycle',
    severity: 'warning',
    effortMinutes: 5,
    fixable: true,
    onlyBuiltFiles: true,
    summary: 'GORM chain without WithContext(ctx) where a context is in scope: the query ignores the request\'s deadline',
    nolintAliases: ['contextcheck'],
  },
  selectors: ['Transaction', 'Create', 'Save', 'First', 'Find', 'Take', 'Last', 'Where', 'Model', 'Updates', 'Update', 'Delete', 'Exec', 'Raw', 'Begin'],
  check(ctx, captures) {
    if (!ctx.facts.imports.some((i) => i.path === GORM_PATH)) return;
    const call = captures.get('call');
    if (!call) return;
    const { root, links } = chainBelow(call);
    // The innermost listed call of a chain speaks for the whole chain.
    if (!root || links.some((l) => METHODS.test(l.name))) return;
    const chain = [...links, ...chainAbove(call)];
    if (chain.some((l) => l.name === 'WithContext' || (l.name === 'Session' && /\bContext\s*:/.test(l.call.text)))) return;
    if (!isGormReceiver(root, ctx.facts) || isTransactionParameter(root) || isDerivedLocal(root)) return;
    const context = contextInScope(call, ctx.facts);
    if (!context) return;
    const method = captures.get('name')!;
    ctx.report({
      span: { start: root.startIndex, end: method.endIndex },
      message: `${root.text}.${method.text} runs without the ${context} in scope: add .WithContext(${context}) so the request's deadline and cancellation reach the database`,
      fix: withContextFix(root, call, context),
    });
  },
});

/** The chain's receiver below call (`db` in db.Where(...).First(...)) and the calls in between, innermost first. */
function chainBelow(call: Node): { root: Node | null; links: Link[] } {
  const links: Link[] = [];
  let operand = call.childForFieldName('function')?.childForFieldName('operand') ?? null;
  while (operand?.type === 'call_expression') {
    const fn = operand.childForFieldName('function');
    if (fn?.type !== 'selector_expression') return { root: null, links };
    links.unshift({ call: operand, name: fn.childForFieldName('field')?.text ?? '' });
    operand = fn.childForFieldName('operand');
  }
  return { root: operand, links };
}

/** The calls chained onto call: `.First(&u)` in db.Where(...).First(&u). */
function chainAbove(call: Node): Link[] {
  const links: Link[] = [];
  for (let n = call; ;) {
    const sel = n.parent;
    const outer = sel?.parent;
    if (sel?.type !== 'selector_expression' || outer?.type !== 'call_expression' || outer.childForFieldName('function')?.id !== sel.id) break;
    links.push({ call: outer, name: sel.childForFieldName('field')?.text ?? '' });
    n = outer;
  }
  return links;
}

/**
 * `db`, `s.DB`, `tx`, ... or a parameter or struct field of this file declared as
 * *gorm.DB. A parameter or field this file declares with another type (`tx *sql.Tx`)
 * is not GORM's, whatever its name.
 */
function isGormReceiver(root: Node, facts: FileFacts): boolean {
  if (root.type === 'identifier') {
    for (let fn = enclosingFunction(root); fn; fn = enclosingFunction(fn)) {
      const param = parametersOf(fn).find((p) => p.name === root.text);
      if (param) return isGormPointer(param.type, facts);
    }
    return RECEIVER_NAMES.test(root.text);
  }
  if (root.type !== 'selector_expression') return false;
  const field = root.childForFieldName('field')?.text ?? '';
  const declared = structFields(facts).get(field);
  return declared ?? RECEIVER_NAMES.test(field);
}

function isGormPointer(type: Node, facts: FileFacts): boolean {
  return type.type === 'pointer_type' && isQualifiedType(type.namedChildren[0], facts, GORM_PATH, 'DB');
}

const fieldCache = new WeakMap<FileFacts, Map<string, boolean>>();

/** Struct fields declared in this file's top-level types: name -> declared as *gorm.DB (by any struct). */
function structFields(facts: FileFacts): Map<string, boolean> {
  let fields = fieldCache.get(facts);
  if (fields) return fields;
  fields = new Map();
  for (const decl of facts.root.namedChildren) {
    if (decl?.type !== 'type_declaration') continue;
    for (const field of decl.descendantsOfType('field_declaration')) {
      const type = field?.childForFieldName('type');
      if (!field || !type) continue;
      const gorm = isGormPointer(type, facts);
      for (const name of field.childrenForFieldName('name')) if (name) fields.set(name.text, gorm || fields.get(name.text) === true);
    }
  }
  fieldCache.set(facts, fields);
  return fields;
}

/** The parameter of `func(tx *gorm.DB) error { ... }` passed to Transaction: it inherits the outer chain's context. */
function isTransactionParameter(root: Node): boolean {
  if (root.type !== 'identifier') return false;
  for (let fn = enclosingFunction(root); fn; fn = enclosingFunction(fn)) {
    if (!parametersOf(fn).some((p) => p.name === root.text)) continue;
    const call = fn.parent?.type === 'argument_list' ? fn.parent.parent : null;
    const callee = call?.childForFieldName('function');
    return callee?.type === 'selector_expression' && callee.childForFieldName('field')?.text === 'Transaction';
  }
  return false;
}

/**
 * A local variable bound to the result of a call (`tx := db.WithContext(ctx).Begin()`):
 * its context is decided where it was made, and that call is the one to report.
 */
function isDerivedLocal(root: Node): boolean {
  if (root.type !== 'identifier') return false;
  const scope = enclosingDeclaration(root) ?? enclosingFunction(root);
  if (!scope) return false;
  if (parametersOf(scope).some((p) => p.name === root.text)) return false;
  for (const binding of scope.descendantsOfType(['short_var_declaration', 'assignment_statement', 'var_spec'])) {
    if (!binding) continue;
    const left = binding.type === 'var_spec' ? binding.childrenForFieldName('name') : binding.childForFieldName('left')?.namedChildren ?? [];
    const right = binding.childForFieldName(binding.type === 'var_spec' ? 'value' : 'right');
    if (left.some((n) => n?.text === root.text) && right?.namedChildren.some((n) => n?.type === 'call_expression')) return true;
  }
  return false;
}

function withContextFix(root: Node, call: Node, context: string): Fix | null {
  // In a goroutine, deferred call or callback the chain may run after the context is done.
  if (runsLater(call, contextOwner(call, context))) return null;
  return {
    title: `Add .WithContext(${context})`,
    edits: [{ start: root.endIndex, end: root.endIndex, text: `.WithContext(${context})` }],
    preferred: true,
  };
}
