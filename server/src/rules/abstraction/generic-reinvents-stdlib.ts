import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/rule';

/** Lower-case base name -> the standard replacement, for slices and for maps. */
const REPLACEMENTS: Readonly<Record<string, { slice: string; map?: string; value?: string }>> = {
  contains: { slice: 'slices.Contains', map: 'a map index (`_, ok := m[k]`)' },
  index: { slice: 'slices.Index' },
  indexof: { slice: 'slices.Index' },
  keys: { slice: 'maps.Keys', map: 'maps.Keys' },
  values: { slice: 'maps.Values', map: 'maps.Values' },
  max: { slice: 'slices.Max', value: 'the builtin max' },
  min: { slice: 'slices.Min', value: 'the builtin min' },
  reverse: { slice: 'slices.Reverse' },
  sort: { slice: 'slices.Sort (slices.SortFunc with a comparison)' },
  clone: { slice: 'slices.Clone', map: 'maps.Clone' },
  equal: { slice: 'slices.Equal', map: 'maps.Equal' },
  compact: { slice: 'slices.Compact' },
  insert: { slice: 'slices.Insert' },
};

export default defineRule({
  meta: {
    id: 'generic-reinvents-stdlib',
    category: 'abstraction',
    severity: 'info',
    effortMinutes: 10,
    fixable: false,
    summary: 'A generic Contains/Keys/Max/Sort/... that the slices and maps packages or builtins already provide',
  },
  query: '(function_declaration name: (identifier) @name type_parameters: (type_parameter_list)) @fn',
  check(ctx, captures) {
    // A package named slices or maps is the standard API itself, or its backport for
    // code that cannot require Go 1.21 yet (golang.org/x/exp/slices): not a reinvention.
    if (ctx.facts.packageName === 'slices' || ctx.facts.packageName === 'maps') return;
    const name = captures.get('name')!;
    const lower = name.text.toLowerCase();
    const prefix = /^(map|slice)/.exec(lower)?.[1];
    const base = REPLACEMENTS[lower] ? lower : prefix ? lower.slice(prefix.length) : '';
    const entry = REPLACEMENTS[base];
    if (!entry) return;
    const fn = captures.get('fn')!;
    const kind = prefix ?? firstParameterKind(fn);
    const replacement = kind === 'map' && entry.map ? entry.map : kind !== 'slice' && entry.value ? entry.value : entry.slice;
    ctx.report({
      node: name,
      message: `Generic ${name.text} reimplements the standard library: use ${replacement} instead of maintaining your own`,
    });
  },
});

/**
 * What the first parameter is: a map or a slice, directly or through a type parameter
 * constrained by ~map[K]V or ~[]E; "value" otherwise.
 */
function firstParameterKind(fn: Node): 'map' | 'slice' | 'value' {
  const first = fn.childForFieldName('parameters')?.namedChildren.find((n) => n?.type === 'parameter_declaration');
  let type = first?.childForFieldName('type');
  if (type?.type === 'type_identifier') {
    for (const decl of fn.childForFieldName('type_parameters')?.namedChildren ?? []) {
      if (decl?.type !== 'type_parameter_declaration' || !decl.childrenForFieldName('name').some((n) => n?.text === type!.text)) continue;
      const constraint = decl.childForFieldName('type')?.namedChildren[0];
      type = constraint?.type === 'negated_type' ? constraint.namedChildren[0] : constraint;
    }
  }
  return type?.type === 'map_type' ? 'map' : type?.type === 'slice_type' ? 'slice' : 'value';
}
