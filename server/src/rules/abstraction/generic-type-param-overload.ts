import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'generic-type-param-overload',
    category: 'abstraction',
    severity: 'info',
    effortMinutes: 10,
    fixable: false,
    summary: 'A function or type with more type parameters than a reader can hold in mind',
    options: {
      max: { type: 'integer', default: 3, minimum: 1, description: 'Most type parameters a declaration may have.' },
    },
  },
  query: `
    (function_declaration name: (identifier) @name type_parameters: (type_parameter_list) @tparams)
    (type_spec name: (type_identifier) @name type_parameters: (type_parameter_list) @tparams)`,
  check(ctx, captures) {
    const max = Number(ctx.options.max);
    let count = 0;
    for (const decl of captures.get('tparams')!.namedChildren) {
      if (decl?.type === 'type_parameter_declaration') count += decl.childrenForFieldName('name').length;
    }
    if (count <= max) return;
    const name = captures.get('name')!;
    ctx.report({
      node: name,
      message: `${name.text} has ${count} type parameters (more than ${max}): every caller and reader must track them all; split it, or group related types behind one interface or struct`,
    });
  },
});
