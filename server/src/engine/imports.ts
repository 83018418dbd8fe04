// Edits that add or remove an import while keeping the file gofmt-clean: specs stay
// sorted within their group, standard-library paths go to the standard group, and
// `import "C"` (whose cgo preamble must stay attached) is never merged into a block.
// New spec lines are inserted at line starts, so an addition composes with the removal
// of a neighbouring spec (see replaceImportEdits).
import type { FileFacts, ImportSpec } from './fileFacts';
import type { TextEdit } from './fix';

export function isStandardLibrary(path: string): boolean {
  return !path.split('/')[0].includes('.');
}

/** The edit that imports path, or null when the file already imports it under its default name. */
export function addImportEdit(facts: FileFacts, source: string, path: string): TextEdit | null {
  if (facts.imports.some((spec) => spec.path === path && spec.alias === undefined)) return null;
  const quoted = JSON.stringify(path);
  const declarations = facts.root.namedChildren.filter((n) => n?.type === 'import_declaration' && !isCgoImport(n.text));
  if (declarations.length === 0) {
    // After the last import "C" if there is one, else after the package clause.
    const cgo = facts.root.namedChildren.filter((n) => n?.type === 'import_declaration');
    const at = cgo.length > 0 ? cgo[cgo.length - 1]!.endIndex : facts.packageClause?.endIndex ?? 0;
    return { start: at, end: at, text: `\n\nimport ${quoted}` };
  }
  const specsOf = (decl: { id: number }) => facts.imports.filter((s) => declarationOf(s)?.id === decl.id);
  const block = declarations.find((d) => d?.namedChildren.some((c) => c?.type === 'import_spec_list'));
  if (!block) {
    const specs = specsOf(declarations[0]!);
    if (declarations.length === 1 && specs.length === 1) {
      // import "fmt"  ->  import (\n\t"fmt"\n\t"time"\n), in two groups when their kinds differ.
      const only = specs[0];
      const both = [{ text: only.node.text, path: only.path }, { text: quoted, path }].sort((a, b) => comparePaths(a.path, b.path));
      const separator = isStandardLibrary(only.path) === isStandardLibrary(path) ? '\n\t' : '\n\n\t';
      const ordered = isStandardLibrary(both[0].path) || !isStandardLibrary(both[1].path) ? both : [both[1], both[0]];
      const decl = declarations[0]!;
      return { start: decl.startIndex, end: decl.endIndex, text: `import (\n\t${ordered.map((s) => s.text).join(separator)}\n)` };
    }
    const last = declarations[declarations.length - 1]!;
    return { start: last.endIndex, end: last.endIndex, text: `\nimport ${quoted}` };
  }
  const specs = specsOf(block);
  if (specs.length === 0) return { start: block.startIndex, end: block.endIndex, text: `import ${quoted}` };
  const line = `\t${quoted}\n`;
  const groups = groupSpecs(specs, source);
  const standard = isStandardLibrary(path);
  const group = groups.find((g) => g.every((s) => isStandardLibrary(s.path) === standard)) ??
    groups.find((g) => g.some((s) => isStandardLibrary(s.path) === standard));
  if (!group) {
    // No group of this kind yet: standard imports open the block, others close it.
    if (standard) return { start: lineStart(source, specs[0].node.startIndex), end: lineStart(source, specs[0].node.startIndex), text: `${line}\n` };
    const at = lineEnd(source, specs[specs.length - 1].node.endIndex) + 1;
    return { start: at, end: at, text: `\n${line}` };
  }
  const before = group.find((s) => comparePaths(s.path, path) > 0);
  const at = before ? lineStart(source, before.node.startIndex) : lineEnd(source, group[group.length - 1].node.endIndex) + 1;
  return { start: at, end: at, text: line };
}

/** The edit that removes the import of path, or null when it is not imported. */
export function removeImportEdit(facts: FileFacts, source: string, path: string): TextEdit | null {
  const spec = facts.imports.find((s) => s.path === path);
  if (!spec) return null;
  const decl = declarationOf(spec);
  if (!decl) return null;
  const siblings = facts.imports.filter((s) => declarationOf(s)?.id === decl.id);
  if (siblings.length === 1) {
    // The whole declaration goes (with a trailing comment on its line), and one of
    // the blank lines around it.
    let start = lineStart(source, decl.startIndex);
    let end = lineEnd(source, decl.endIndex);
    if (end < source.length) end++;
    const blankBefore = start >= 2 && source[start - 2] === '\n';
    if (blankBefore && source[end] === '\n') end++;
    else if (blankBefore && end >= source.length) start--;
    return { start, end, text: '' };
  }
  let start = lineStart(source, spec.node.startIndex);
  let end = lineEnd(source, spec.node.endIndex) + 1;
  const blankBefore = source[start - 2] === '\n';
  const blankAfter = source[end] === '\n';
  const firstInBlock = /\(\s*$/.test(source.slice(lineStart(source, start - 1), start));
  const lastInBlock = /^\s*\)/.test(source.slice(end, lineEnd(source, end)));
  // Removing the only spec of a group must not leave two blank lines in a row, nor a
  // blank line right after "(" or right before ")".
  if (blankAfter && (blankBefore || firstInBlock)) end++;
  else if (blankBefore && lastInBlock) start--;
  return { start, end, text: '' };
}

/**
 * The edits that replace the import of oldPath by an import of newPath (when oldPath is
 * no longer used and newPath is needed), or null when they cannot be made cleanly.
 */
export function replaceImportEdits(facts: FileFacts, source: string, oldPath: string, newPath: string): TextEdit[] | null {
  const spec = facts.imports.find((s) => s.path === oldPath);
  if (!spec) return null;
  const removal = removeImportEdit(facts, source, oldPath);
  if (facts.imports.some((s) => s.path === newPath && s.alias === undefined)) return removal ? [removal] : null;
  const group = groupSpecs(facts.imports.filter((s) => declarationOf(s)?.id === declarationOf(spec)?.id), source).find((g) => g.includes(spec))!;
  const index = group.indexOf(spec);
  const fitsInPlace = isStandardLibrary(oldPath) === isStandardLibrary(newPath) &&
    (index === 0 || comparePaths(group[index - 1].path, newPath) < 0) &&
    (index === group.length - 1 || comparePaths(newPath, group[index + 1].path) < 0);
  if (fitsInPlace || group.length === 1 && facts.imports.length === 1) {
    return [{ start: spec.node.startIndex, end: spec.node.endIndex, text: JSON.stringify(newPath) }];
  }
  // Compute the addition as if the old spec were already gone; the two edits then meet
  // at line starts at most.
  const addition = addImportEdit({ ...facts, imports: facts.imports.filter((s) => s !== spec) }, source, newPath);
  if (!removal || !addition) return null;
  const [first, second] = [removal, addition].sort((a, b) => a.start - b.start || a.end - b.end);
  if (second.start < first.end) return null;
  return [removal, addition];
}

/**
 * How many times localName is used as a package qualifier (`NAME.X`) in the file,
 * outside comments and string literals. A local variable of that name is counted too,
 * which errs on the side of keeping an import.
 */
export function packageReferences(facts: FileFacts, localName: string): number {
  const escaped = localName.replace(/[$]/g, '\\$&');
  return facts.codeMatches(`(?<![\\w.$])${escaped}\\s*\\.\\s*[\\p{L}_]`);
}

/** Whether name occurs as a word in the file outside comments and string literals. */
export function identifierOccurs(facts: FileFacts, name: string): boolean {
  return facts.codeMatches(`(?<![\\w$])${name}(?![\\w$])`) > 0;
}

function declarationOf(spec: ImportSpec) {
  return spec.node.parent?.type === 'import_declaration' ? spec.node.parent : spec.node.parent?.parent;
}

function isCgoImport(declarationText: string): boolean {
  return /^import\s+"C"$/.test(declarationText.trim());
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

/** gofmt orders specs by import path. */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lineEnd(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  return end < 0 ? source.length : end;
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}
