// imports.ts merges a lone `import "x"` into a block with the new path. For
// `import "C"` that breaks cgo: its preamble comment must sit right above its own
// declaration. Until imports.ts knows this, fixes that add an import go through here.
import type { FileFacts } from './fileFacts';
import type { TextEdit } from './fix';
import { addImportEdit } from './imports';

/** addImportEdit, except that a file whose only import is "C" gets a declaration of its own after it. */
export function addImportBesideCgo(facts: FileFacts, source: string, path: string): TextEdit | null {
  const only = facts.imports.length === 1 ? facts.imports[0] : undefined;
  if (only?.path !== 'C' || only.node.parent?.type !== 'import_declaration') return addImportEdit(facts, source, path);
  const at = only.node.parent.endIndex;
  return { start: at, end: at, text: `\n\nimport ${JSON.stringify(path)}` };
}
