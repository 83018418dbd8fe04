// Edits that add or remove an import while keeping the file gofmt-clean: specs stay
// sorted within their group, standard-library paths go to the standard group.
import type { FileFacts, ImportSpec } from './fileFacts';
import type { TextEdit } from './fix';

export function isStandardLibrary(path: string): boolean {
  return !path.split('/')[0].includes('.');
}

/** The edit that imports path, or null when the file already imports it under its default name. */
export function addImportEdit(facts: FileFacts, source: string, path: string): TextEdit | null {
  if (facts.imports.some((spec) => spec.path === path && spec.alias === undefined)) return null;
  const declarations = facts.root.namedChildren.filter((n) => n?.type === 'import_declaration');
  const quoted = JSON.stringify(path);
  if (declarations.length === 0) {
    const at = facts.packageClause?.endIndex ?? 0;
    return { start: at, end: at, text: `\n\nimport ${quoted}` };
  }
  const block = declarations.find((d) => d?.namedChildren.some((c) => c?.type === 'import_spec_list'));
  if (!block) {
    if (declarations.length === 1 && facts.imports.length === 1) {
      // import "fmt"  ->  import (\n\t"fmt"\n\t"time"\n)
      const only = facts.imports[0];
      const specs = [only.node.text, quoted].sort((a, b) => comparePaths(a, b));
      const decl = declarations[0]!;
      return { start: decl.startIndex, end: decl.endIndex, text: `import (\n\t${specs.join('\n\t')}\n)` };
    }
    const last = declarations[declarations.length - 1]!;
    return { start: last.endIndex, end: last.endIndex, text: `\nimport ${quoted}` };
  }
  const specs = facts.imports.filter((s) => s.node.parent?.parent?.id === block.id);
  const groups = groupSpecs(specs, source);
  const standard = isStandardLibrary(path);
  const group = groups.find((g) => g.every((s) => isStandardLibrary(s.path) === standard));
  if (!group) {
    // No group of this kind yet: standard imports open the block, others close it.
    if (standard && specs.length > 0) {
      const first = specs[0].node;
      return { start: first.startIndex, end: first.startIndex, text: `${quoted}\n\n\t` };
    }
    const lastSpec = specs[specs.length - 1];
    const at = lastSpec ? lineEnd(source, lastSpec.node.endIndex) : block.endIndex - 1;
    return { start: at, end: at, text: lastSpec ? `\n\n\t${quoted}` : `\t${quoted}\n` };
  }
  const before = group.find((s) => s.path > path);
  if (before) return { start: before.node.startIndex, end: before.node.startIndex, text: `${quoted}\n\t` };
  const at = lineEnd(source, group[group.length - 1].node.endIndex);
  return { start: at, end: at, text: `\n\t${quoted}` };
}

/** The edit that removes the import of path, or null when it is not imported. */
export function removeImportEdit(facts: FileFacts, source: string, path: string): TextEdit | null {
  const spec = facts.imports.find((s) => s.path === path);
  if (!spec) return null;
  const decl = spec.node.parent?.type === 'import_declaration' ? spec.node.parent : spec.node.parent?.parent;
  if (!decl) return null;
  const siblings = facts.imports.filter((s) => (s.node.parent?.type === 'import_declaration' ? s.node.parent : s.node.parent?.parent)?.id === decl.id);
  if (siblings.length === 1) {
    // The whole declaration goes, with the blank line that separated it.
    let end = decl.endIndex;
    while (source[end] === '\n' && end < decl.endIndex + 2) end++;
    return { start: decl.startIndex, end, text: '' };
  }
  const start = lineStart(source, spec.node.startIndex);
  let end = lineEnd(source, spec.node.endIndex) + 1;
  // Removing the only spec of a group would leave two blank lines in a row.
  const aloneInGroup = source[start - 2] === '\n' && source[end] === '\n';
  if (aloneInGroup) end++;
  return { start, end, text: '' };
}

/** Consecutive specs not separated by a blank line form a group, which gofmt sorts. */
function groupSpecs(specs: ImportSpec[], source: string): ImportSpec[][] {
  const groups: ImportSpec[][] = [];
  let previous: ImportSpec | undefined;
  for (const spec of specs) {
    const between = previous ? source.slice(previous.node.endIndex, spec.node.startIndex) : '';
    if (!previous || /\n[ \t]*\n/.test(between)) groups.push([]);
    groups[groups.length - 1].push(spec);
    previous = spec;
  }
  return groups;
}

function comparePaths(a: string, b: string): number {
  const pa = a.slice(a.indexOf('"'));
  const pb = b.slice(b.indexOf('"'));
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

function lineEnd(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  return end < 0 ? source.length : end;
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}
