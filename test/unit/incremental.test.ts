// Incremental re-parsing after LSP edits must give the same tree as a fresh parse,
// including around non-ASCII text (positions are UTF-16 code units on both sides).
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GoDocument } from '../../server/src/engine/document';
import { GoParser } from '../../server/src/engine/goParser';
import type { Tree } from 'web-tree-sitter';
import { seededRandom } from '../support/random';

const SAMPLE = `package shop

import (
	"fmt"
	"net/http"
)

// Ü-Preis in €: 价格 😀 (non-ASCII on purpose)
type Item struct {
	Name  string // 名前
	Price float64
}

func Handle(w http.ResponseWriter, r *http.Request) {
	items := []Item{{"Äpfel", 1.5}, {"🍐", 2}}
	for i, it := range items {
		if it.Price > 1 {
			fmt.Fprintf(w, "%d: %s\\n", i, it.Name)
		}
	}
}
`;

const SNIPPETS = ['x', ' ', '\n', '{', '}', '(', ')', '"', '😀', 'é', '价', 'func f() {}\n', 'if x { return }', '// c\n', '\t', ':= 1'];

describe('incremental parsing', function () {
  this.timeout(30000);
  let parser: GoParser;
  before(async () => (parser = await GoParser.create()));
  after(() => parser.delete());

  for (const seed of [1, 2, 3, 42, 2026]) {
    it(`matches a fresh parse after 150 random edits (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const doc = GoDocument.create('file:///x.go', 1, SAMPLE);
      let text = TextDocument.create('file:///x.go', 'go', 1, SAMPLE);
      doc.syntaxTree(parser);
      for (let version = 2; version < 152; version++) {
        const length = text.getText().length;
        let start = Math.floor(random() * (length + 1));
        let end = Math.min(length, start + Math.floor(random() * 6));
        // Never split a surrogate pair: an editor would not send such a range.
        const content = text.getText();
        if (isLowSurrogate(content, start)) start--;
        if (isLowSurrogate(content, end)) end++;
        const insert = random() < 0.3 ? '' : SNIPPETS[Math.floor(random() * SNIPPETS.length)];
        const change = { range: { start: text.positionAt(start), end: text.positionAt(end) }, text: insert };
        doc.update([change], version);
        text = TextDocument.update(text, [change], version);
        assert.strictEqual(doc.text, text.getText());
        if (random() < 0.5) continue; // several edits before a parse, as when typing fast
        const incremental = dump(doc.syntaxTree(parser));
        const fresh = parser.parse(doc.text);
        try {
          assert.strictEqual(incremental, dump(fresh), `after edit ${version}`);
        } finally {
          fresh.delete();
        }
      }
      doc.dispose();
    });
  }
});

/** Every node with its type and UTF-16 range and row/column, in document order. */
function dump(tree: Tree): string {
  const cursor = tree.walk();
  const lines: string[] = [];
  try {
    for (let depth = 0; ;) {
      const n = cursor.currentNode;
      lines.push(`${'  '.repeat(depth)}${n.type} ${n.startIndex}-${n.endIndex} ${n.startPosition.row}:${n.startPosition.column}-${n.endPosition.row}:${n.endPosition.column}`);
      if (cursor.gotoFirstChild()) { depth++; continue; }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return lines.join('\n');
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}
