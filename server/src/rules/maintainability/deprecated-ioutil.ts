import type { Node } from 'web-tree-sitter';
import type { FileFacts, ImportSpec } from '../../engine/fileFacts';
import type { Fix, TextEdit } from '../../engine/fix';
import { removeImportEdit } from '../../engine/imports';
import { defineRule, RuleContext } from '../../engine/rule';

/** Where each io/ioutil name moved in Go 1.16. ReadDir has no drop-in successor. */
const SUCCESSORS: Record<string, { path: 'io' | 'os'; name: string }> = {
  ReadAll: { path: 'io', name: 'ReadAll' },
  ReadFile: { path: 'os', name: 'ReadFile' },
  WriteFile: { path: 'os', name: 'WriteFile' },
  NopCloser: { path: 'io', name: 'NopCloser' },
  Discard: { path: 'io', name: 'Discard' },
  TempFile: { path: 'os', name: 'CreateTemp' },
  TempDir: { path: 'os', name: 'MkdirTemp' },
};

/** Per file: the selectors PKG.Name that may be uses of io/ioutil. */
const usesByFile = new WeakMap<RuleContext, Node[]>();

export default defineRule({
  meta: {
    id: 'deprecated-ioutil',
    category: 'maintainability',
    severity: 'warning',
    effortMinutes: 2,
    fixable: true,
    summary: 'io/ioutil is deprecated since Go 1.16: its functions live in io and os',
    nolintAliases: ['staticcheck'],
  },
  // The import itself is read from facts in finish().
  selectors: [...Object.keys(SUCCESSORS), 'ReadDir'],
  check(ctx, captures) {
    const operand = captures.get('operand')!;
    if (operand.type !== 'identifier' || ctx.facts.pathOf(operand.text) !== 'io/ioutil') return;
    const uses = usesByFile.get(ctx) ?? [];
    uses.push(captures.get('selector')!);
    usesByFile.set(ctx, uses);
  },
  finish(ctx) {
    const specs = ctx.facts.imports.filter((s) => s.path === 'io/ioutil');
    if (specs.length === 0) return;
    const uses = usesByFile.get(ctx) ?? [];
    const names = [...new Set(uses.map((u) => u.childForFieldName('field')!.text))];
    const moves = names.filter((n) => SUCCESSORS[n]).map((n) => `ioutil.${n} → ${SUCCESSORS[n].path}.${SUCCESSORS[n].name}`);
    const advice = names.includes('ReadDir')
      ? 'ioutil.ReadDir becomes os.ReadDir, which returns []os.DirEntry instead of []os.FileInfo'
      : moves.length > 0 ? moves.join(', ') : 'use the io and os functions instead';
    const fix = specs.length === 1 ? replaceIoutil(ctx.facts, ctx.source, specs[0], uses) : null;
    for (const spec of specs) {
      ctx.report({
        node: spec.node.childForFieldName('path')!,
        message: `io/ioutil is deprecated since Go 1.16; its functions moved to io and os: ${advice}`,
        fix,
      });
    }
  },
});

/** Rewrites every use and the imports; null when that cannot be done safely. */
function replaceIoutil(facts: FileFacts, source: string, spec: ImportSpec, uses: Node[]): Fix | null {
  // A dot import hides the uses; ReadDir's successor returns a different type.
  if (spec.alias === '.' || uses.some((u) => u.childForFieldName('field')!.text === 'ReadDir')) return null;
  const edits: TextEdit[] = [];
  const added = new Set<string>();
  for (const use of uses) {
    const successor = SUCCESSORS[use.childForFieldName('field')!.text];
    let local = facts.localNameOf(successor.path);
    if (local === undefined) {
      // The new import's name must be free in this file.
      if (facts.pathOf(successor.path) !== undefined || nameInUse(facts.root, source, successor.path)) return null;
      local = successor.path;
      added.add(successor.path);
    }
    edits.push({ start: use.startIndex, end: use.endIndex, text: `${local}.${successor.name}` });
  }
  const importEdit = rewriteImport(facts, source, spec, [...added]);
  if (!importEdit) return null;
  return { title: 'Replace io/ioutil with io and os', edits: [...edits, importEdit], preferred: true };
}

/** True when name appears in the code as an identifier (a variable that a new import would clash with). */
function nameInUse(root: Node, source: string, name: string): boolean {
  for (const match of source.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
    const node = root.descendantForIndex(match.index!, match.index! + name.length);
    if (node && (node.type === 'identifier' || node.type === 'package_identifier')) return true;
  }
  return false;
}

/**
 * The edit that drops the io/ioutil import and adds paths (standard packages) in its
 * place: within its group when it sits in an import block (kept sorted, as gofmt
 * wants), or as a new declaration replacing `import "io/ioutil"`.
 */
function rewriteImport(facts: FileFacts, source: string, spec: ImportSpec, paths: string[]): TextEdit | null {
  if (paths.length === 0) return removeImportEdit(facts, source, spec.path);
  const sorted = [...paths].sort();
  const quoted = sorted.map((p) => JSON.stringify(p));
  if (spec.node.parent?.type === 'import_declaration') {
    const decl = spec.node.parent;
    const text = quoted.length === 1 ? `import ${quoted[0]}` : `import (\n\t${quoted.join('\n\t')}\n)`;
    return { start: decl.startIndex, end: decl.endIndex, text };
  }
  const group = groupOf(facts, source, spec);
  const first = group[0].node;
  const last = group[group.length - 1].node;
  // Comments inside the group would have to move with their specs: leave it to a person.
  if (/\/\/|\/\*/.test(source.slice(first.startIndex, last.endIndex))) return null;
  const entries = group.filter((s) => s !== spec).map((s) => ({ path: s.path, text: s.node.text }));
  sorted.forEach((path, i) => entries.push({ path, text: quoted[i] }));
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { start: first.startIndex, end: last.endIndex, text: entries.map((e) => e.text).join('\n\t') };
}

/** The specs of spec's import group: consecutive lines of its block with no blank line between. */
function groupOf(facts: FileFacts, source: string, spec: ImportSpec): ImportSpec[] {
  const block = facts.imports.filter((s) => s.node.parent?.id === spec.node.parent?.id);
  const at = block.indexOf(spec);
  const separated = (a: ImportSpec, b: ImportSpec) => /\n[ \t]*\n/.test(source.slice(a.node.endIndex, b.node.startIndex));
  let from = at;
  while (from > 0 && !separated(block[from - 1], block[from])) from--;
  let to = at;
  while (to < block.length - 1 && !separated(block[to], block[to + 1])) to++;
  return block.slice(from, to + 1);
}
