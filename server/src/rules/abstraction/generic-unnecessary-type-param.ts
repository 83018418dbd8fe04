import type { Node } from 'web-tree-sitter';
import type { FileFacts } from '../../engine/fileFacts';
import { defineRule } from '../../engine/rule';

/** Constraints that are type sets, not interfaces a value can have. */
const TYPE_SET_PACKAGES = /(^|\/)(constraints|cmp)$/;
const TYPE_SET_NAMES = /^(Ordered|Integer|Float|Number|Numeric|Signed|Unsigned|Complex|Real|Scalar)s?$/;

export default defineRule({
  meta: {
    id: 'generic-unnecessary-type-param',
    category: 'abstraction',
    severity: 'info',
    effortMinutes: 5,
    fixable: false,
    summary: 'A type parameter that is unused, or only stands for one parameter\'s interface type',
  },
  query: '(function_declaration name: (identifier) @name type_parameters: (type_parameter_list) @tparams) @fn',
  check(ctx, captures) {
    const fn = captures.get('fn')!;
    const fnName = captures.get('name')!.text;
    const declarations = captures.get('tparams')!.namedChildren.filter((n): n is Node => n?.type === 'type_parameter_declaration');
    const declared = new Map<string, { name: Node; constraint: Node | null }>();
    for (const decl of declarations) {
      const constraint = decl.childForFieldName('type')?.namedChildren[0] ?? null;
      // A blank type parameter is unused on purpose, like a blank parameter.
      for (const name of decl.childrenForFieldName('name')) if (name && name.text !== '_') declared.set(name.text, { name, constraint });
    }
    const uses = new Map<string, Node[]>();
    for (const node of fn.descendantsOfType(['type_identifier', 'identifier'])) {
      if (!node || !declared.has(node.text) || declared.get(node.text)!.name.id === node.id) continue;
      uses.set(node.text, [...(uses.get(node.text) ?? []), node]);
    }
    const parameters = fn.childForFieldName('parameters');
    for (const [typeName, { name, constraint }] of declared) {
      const found = uses.get(typeName) ?? [];
      if (found.length === 0) {
        ctx.report({ node: name, message: `Type parameter ${typeName} of ${fnName} is never used: remove it, so callers need not spell it out` });
        continue;
      }
      if (found.length !== 1 || !constraint || !isNamedInterface(constraint, ctx.facts)) continue;
      const use = found[0];
      const param = use.parent;
      if (param?.type !== 'parameter_declaration' || param.parent?.id !== parameters?.id || param.childForFieldName('type')?.id !== use.id) continue;
      const paramNames = param.childrenForFieldName('name').map((n) => n?.text).filter(Boolean);
      if (paramNames.length !== 1) continue;
      ctx.report({
        node: name,
        message: `Type parameter ${typeName} of ${fnName} only types parameter ${paramNames[0]}: take ${paramNames[0]} ${constraint.text} and drop the type parameter`,
      });
    }
  },
});

/**
 * A named interface other than any and comparable that a value can have: a qualified
 * name outside the constraints packages, or an interface of this file with methods only.
 */
function isNamedInterface(constraint: Node, facts: FileFacts): boolean {
  if (constraint.type === 'qualified_type') {
    const path = facts.pathOf(constraint.childForFieldName('package')?.text ?? '');
    const name = constraint.childForFieldName('name')?.text ?? '';
    return path !== undefined && !TYPE_SET_PACKAGES.test(path) && !TYPE_SET_NAMES.test(name);
  }
  if (constraint.type !== 'type_identifier' || constraint.text === 'any' || constraint.text === 'comparable') return false;
  for (const decl of facts.root.namedChildren) {
    if (decl?.type !== 'type_declaration') continue;
    for (const spec of decl.namedChildren) {
      if (spec?.type !== 'type_spec' || spec.childForFieldName('name')?.text !== constraint.text) continue;
      const type = spec.childForFieldName('type');
      return type?.type === 'interface_type' && type.namedChildren.length > 0 &&
        type.namedChildren.every((n) => n?.type === 'method_elem' || n?.type === 'comment');
    }
  }
  // Declared in another file of the package: it may be a type set; stay silent.
  return false;
}
