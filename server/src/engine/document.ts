// An open Go document: its text and its syntax tree, kept in step by incremental edits.
//
// LSP ranges and web-tree-sitter indices are both UTF-16 code units, so an LSP change
// maps onto tree.edit() without any byte arithmetic.
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Edit, Point, Tree } from 'web-tree-sitter';
import { GoParser, wasmGeneration } from './goParser';

export class GoDocument {
  private tree: Tree | null = null;
  /** The WASM generation the tree belongs to: a tree of an older one is dropped unfreed. */
  private treeGeneration = -1;
  /** True when the tree lags behind the text (edited but not yet re-parsed). */
  private stale = true;

  constructor(private textDocument: TextDocument) {}

  static create(uri: string, version: number, text: string): GoDocument {
    return new GoDocument(TextDocument.create(uri, 'go', version, text));
  }

  get uri(): string { return this.textDocument.uri; }
  get version(): number { return this.textDocument.version; }
  get text(): string { return this.textDocument.getText(); }
  get lines(): TextDocument { return this.textDocument; }

  /** Applies LSP content changes in order, editing the old tree so the next parse is incremental. */
  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    this.forgetDeadTree();
    for (const change of changes) {
      if ('range' in change && this.tree) {
        this.tree.edit(editFor(this.textDocument, change.range.start, change.range.end, change.text));
      } else if (!('range' in change)) {
        this.releaseTree();
      }
      this.textDocument = TextDocument.update(this.textDocument, [change], version);
    }
    this.stale = true;
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
    return fresh;
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
  }

  /**
   * After a WASM fault the module was replaced (or is poisoned): the tree must not be
   * edited, reused or freed; the next parse starts from scratch.
   */
  private forgetDeadTree(): void {
    if (this.tree && this.treeGeneration !== wasmGeneration()) {
      this.tree = null;
      this.stale = true;
    }
  }
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
