// An open Go document: its text and its syntax tree, kept in step by incremental edits.
//
// LSP ranges and web-tree-sitter indices are both UTF-16 code units, so an LSP change
// maps onto tree.edit() without any byte arithmetic.
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Edit, Point, Range, Tree } from 'web-tree-sitter';
import type { OffsetEdit } from './carriedFindings';
import { EditedRegion, regionSource, unbalancedRegion } from './editedRegion';
import { GoParser, wasmGeneration } from './goParser';

export class GoDocument {
  private tree: Tree | null = null;
  /** The WASM generation the tree belongs to: a tree of an older one is dropped unfreed. */
  private treeGeneration = -1;
  /** True when the tree lags behind the text (edited but not yet re-parsed). */
  private stale = true;
  /** Where the text differs from the tree's last parse: one stretch holding every edit since (current offsets). */
  private dirty: { start: number; end: number } | null = null;

  constructor(private textDocument: TextDocument) {}

  static create(uri: string, version: number, text: string): GoDocument {
    return new GoDocument(TextDocument.create(uri, 'go', version, text));
  }

  get uri(): string { return this.textDocument.uri; }
  get version(): number { return this.textDocument.version; }
  get text(): string { return this.textDocument.getText(); }
  get lines(): TextDocument { return this.textDocument; }

  /**
   * Applies LSP content changes in order, editing the old tree so the next parse is
   * incremental. Returns the changes as offset edits, in order.
   */
  update(changes: TextDocumentContentChangeEvent[], version: number): OffsetEdit[] {
    this.forgetDeadTree();
    const edits: OffsetEdit[] = [];
    for (const change of changes) {
      if ('range' in change) {
        const treeEdit = editFor(this.textDocument, change.range.start, change.range.end, change.text);
        const edit = { start: treeEdit.startIndex, oldEnd: treeEdit.oldEndIndex, newEnd: treeEdit.newEndIndex };
        edits.push(edit);
        if (this.tree) {
          this.tree.edit(treeEdit);
          this.dirty = widened(this.dirty, edit);
        }
      } else {
        edits.push({ start: 0, oldEnd: this.textDocument.getText().length, newEnd: change.text.length });
        this.releaseTree();
      }
      this.textDocument = TextDocument.update(this.textDocument, [change], version);
    }
    this.stale = true;
    return edits;
  }

  /** The syntax tree of the current text, parsing (incrementally when possible) if needed. */
  syntaxTree(parser: GoParser): Tree {
    this.forgetDeadTree();
    if (!this.stale && this.tree) return this.tree;
    let fresh: Tree;
    try {
      fresh = parser.parse(this.text, this.tree);
    } catch (err) {
      // The edited old tree no longer matches any text we can vouch for.
      this.releaseTree();
      throw err;
    }
    this.tree?.delete();
    this.tree = fresh;
    this.treeGeneration = parser.generation;
    this.stale = false;
    this.dirty = null;
    return fresh;
  }

  /**
   * When the edits since the last parse leave the text between two declarations
   * unbalanced (editedRegion.ts), a tree of that region and the header alone, at their
   * places in the text, with the text to lint it with (regionSource); otherwise null,
   * and syntaxTree() is the tree to lint. The caller deletes the tree it gets. The
   * document's own tree stays as it is, edited, for the incremental parse once the
   * region balances again.
   */
  isolatedTree(parser: GoParser): { tree: Tree; region: EditedRegion; source: string } | null {
    this.forgetDeadTree();
    if (!this.tree || !this.stale || !this.dirty) return null;
    const text = this.text;
    const region = unbalancedRegion(this.tree.rootNode, text, this.dirty);
    if (!region) return null;
    // The parse skips the blank text between the header and the region: lexing a large
    // file's blank lines took 12 ms where skipping them takes 2. (In error states the
    // trees can differ: tree-sitter's error costs count the white space before a token.)
    const source = regionSource(text, region);
    const ranges: Range[] = [
      { startIndex: 0, endIndex: region.headerEnd, startPosition: { row: 0, column: 0 }, endPosition: region.headerEndPosition },
      { startIndex: region.start, endIndex: region.end, startPosition: region.startPosition, endPosition: advance(region.startPosition, text.slice(region.start, region.end)) },
    ];
    return { tree: parser.parse(source, null, ranges), region, source };
  }

  /** Whether a syntax tree is held (in the WebAssembly heap). */
  get hasTree(): boolean {
    return this.tree !== null && this.treeGeneration === wasmGeneration();
  }

  dispose(): void {
    this.releaseTree();
  }

  /** Frees the syntax tree; the document stays usable, its next syntaxTree() parses from scratch. */
  releaseTree(): void {
    this.forgetDeadTree();
    this.tree?.delete();
    this.tree = null;
    this.dirty = null;
  }

  /**
   * After a WASM fault the module was replaced (or is poisoned): the tree must not be
   * edited, reused or freed; the next parse starts from scratch.
   */
  private forgetDeadTree(): void {
    if (this.tree && this.treeGeneration !== wasmGeneration()) {
      this.tree = null;
      this.stale = true;
      this.dirty = null;
    }
  }
}

/** dirty (or nothing) moved through edit, then widened to hold the edit's new text. */
function widened(dirty: { start: number; end: number } | null, edit: OffsetEdit): { start: number; end: number } {
  if (!dirty) return { start: edit.start, end: edit.newEnd };
  const delta = edit.newEnd - edit.oldEnd;
  const start = dirty.start >= edit.oldEnd ? dirty.start + delta : dirty.start;
  const end = dirty.end >= edit.oldEnd ? dirty.end + delta : Math.min(dirty.end, edit.start);
  return { start: Math.min(start, edit.start), end: Math.max(end, edit.newEnd) };
}

/** The tree-sitter edit for replacing [start, end) of doc with newText. */
export function editFor(doc: TextDocument, start: { line: number; character: number },
  end: { line: number; character: number }, newText: string): Edit {
  const startIndex = doc.offsetAt(start);
  const oldEndIndex = doc.offsetAt(end);
  const startPosition = pointAt(doc, startIndex);
  return {
    startIndex,
    oldEndIndex,
    newEndIndex: startIndex + newText.length,
    startPosition,
    oldEndPosition: pointAt(doc, oldEndIndex),
    newEndPosition: advance(startPosition, newText),
  };
}

function pointAt(doc: TextDocument, offset: number): Point {
  const p = doc.positionAt(offset);
  return { row: p.line, column: p.character };
}

/** The point reached by writing text at point (tree-sitter counts rows by '\n'). */
export function advance(point: Point, text: string): Point {
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak < 0) return { row: point.row, column: point.column + text.length };
  let rows = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) rows++;
  return { row: point.row + rows, column: text.length - lastBreak - 1 };
}
