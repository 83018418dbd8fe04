// Import edits must leave files gofmt-clean: each case states the exact text after the
// edit, and the real gofmt must agree with it.
import * as assert from 'assert';
import { collectFileFacts } from '../../server/src/engine/fileFacts';
import { applyEdits, TextEdit } from '../../server/src/engine/fix';
import { GoParser } from '../../server/src/engine/goParser';
import { addImportEdit, packageReferences, removeImportEdit, replaceImportEdits } from '../../server/src/engine/imports';
import { gofmtProblem } from '../support/gofmt';

type Operation = { add: string } | { remove: string } | { replace: [string, string] };

interface ImportCase {
  name: string;
  source: string;
  operation: Operation;
  output: string;
}

const header = 'package p\n\n';
const use = '\nvar _ = 1\n';

const CASES: ImportCase[] = [
  {
    name: 'add to a file without imports',
    source: `${header}var _ = 1\n`,
    operation: { add: 'log/slog' },
    output: `${header}import "log/slog"\n\nvar _ = 1\n`,
  },
  {
    name: 'add to a single import of the same kind',
    source: `${header}import "fmt"\n${use}`,
    operation: { add: 'log/slog' },
    output: `${header}import (\n\t"fmt"\n\t"log/slog"\n)\n${use}`,
  },
  {
    name: 'add a standard import next to a single third-party import: two groups',
    source: `${header}import "github.com/x/y"\n${use}`,
    operation: { add: 'log/slog' },
    output: `${header}import (\n\t"log/slog"\n\n\t"github.com/x/y"\n)\n${use}`,
  },
  {
    name: 'add sorted into the standard group',
    source: `${header}import (\n\t"fmt"\n\t"os"\n\n\t"github.com/x/y"\n)\n${use}`,
    operation: { add: 'log/slog' },
    output: `${header}import (\n\t"fmt"\n\t"log/slog"\n\t"os"\n\n\t"github.com/x/y"\n)\n${use}`,
  },
  {
    name: 'add at the end of the standard group, keeping a trailing comment',
    source: `${header}import (\n\t"fmt" // printing\n\n\t"github.com/x/y"\n)\n${use}`,
    operation: { add: 'log/slog' },
    output: `${header}import (\n\t"fmt" // printing\n\t"log/slog"\n\n\t"github.com/x/y"\n)\n${use}`,
  },
  {
    name: 'add a standard group before third-party imports',
    source: `${header}import (\n\t"github.com/x/y"\n)\n${use}`,
    operation: { add: 'log/slog' },
    output: `${header}import (\n\t"log/slog"\n\n\t"github.com/x/y"\n)\n${use}`,
  },
  {
    name: 'add a third-party group after standard imports',
    source: `${header}import (\n\t"fmt"\n)\n${use}`,
    operation: { add: 'github.com/x/y' },
    output: `${header}import (\n\t"fmt"\n\n\t"github.com/x/y"\n)\n${use}`,
  },
  {
    name: 'add into an empty import block',
    source: `${header}import ()\n${use}`,
    operation: { add: 'log/slog' },
    output: `${header}import "log/slog"\n${use}`,
  },
  {
    name: 'never merge into import "C"',
    source: `${header}// #include <stdio.h>\nimport "C"\n${use}`,
    operation: { add: 'log/slog' },
    output: `${header}// #include <stdio.h>\nimport "C"\n\nimport "log/slog"\n${use}`,
  },
  {
    name: 'remove the only import',
    source: `${header}import "log"\n${use}`,
    operation: { remove: 'log' },
    output: `${header}var _ = 1\n`,
  },
  {
    name: 'remove a single import with a trailing comment',
    source: `${header}import "log" // logging\n${use}`,
    operation: { remove: 'log' },
    output: `${header}var _ = 1\n`,
  },
  {
    name: 'remove the first spec of a block, alone in its group',
    source: `${header}import (\n\t"log"\n\n\t"github.com/x/y"\n)\n${use}`,
    operation: { remove: 'log' },
    output: `${header}import (\n\t"github.com/x/y"\n)\n${use}`,
  },
  {
    name: 'remove the last spec of a block, alone in its group',
    source: `${header}import (\n\t"fmt"\n\n\t"github.com/x/y"\n)\n${use}`,
    operation: { remove: 'github.com/x/y' },
    output: `${header}import (\n\t"fmt"\n)\n${use}`,
  },
  {
    name: 'remove a spec alone in a middle group',
    source: `${header}import (\n\t"fmt"\n\n\t"github.com/a/b"\n\n\t"github.com/x/y"\n)\n${use}`,
    operation: { remove: 'github.com/a/b' },
    output: `${header}import (\n\t"fmt"\n\n\t"github.com/x/y"\n)\n${use}`,
  },
  {
    name: 'replace log by log/slog in place',
    source: `${header}import (\n\t"fmt"\n\t"log"\n\t"os"\n)\n${use}`,
    operation: { replace: ['log', 'log/slog'] },
    output: `${header}import (\n\t"fmt"\n\t"log/slog"\n\t"os"\n)\n${use}`,
  },
  {
    name: 'replace fmt by log/slog elsewhere in the group',
    source: `${header}import (\n\t"fmt"\n\t"io"\n\t"os"\n)\n${use}`,
    operation: { replace: ['fmt', 'log/slog'] },
    output: `${header}import (\n\t"io"\n\t"log/slog"\n\t"os"\n)\n${use}`,
  },
  {
    name: 'replace the last spec of the standard group',
    source: `${header}import (\n\t"io"\n\t"os"\n\n\t"github.com/x/y"\n)\n${use}`,
    operation: { replace: ['os', 'log/slog'] },
    output: `${header}import (\n\t"io"\n\t"log/slog"\n\n\t"github.com/x/y"\n)\n${use}`,
  },
  {
    name: 'replace when the new path is already imported: only remove',
    source: `${header}import (\n\t"log"\n\t"log/slog"\n)\n${use}`,
    operation: { replace: ['log', 'log/slog'] },
    output: `${header}import (\n\t"log/slog"\n)\n${use}`,
  },
];

describe('import edits', () => {
  let parser: GoParser;
  before(async () => {
    parser = await GoParser.create();
  });
  after(() => parser.delete());

  for (const c of CASES) {
    it(c.name, () => {
      assert.strictEqual(gofmtProblem(c.source), null, 'the input itself must be gofmt-clean');
      const tree = parser.parse(c.source);
      try {
        const facts = collectFileFacts('x.go', tree, c.source);
        const op = c.operation;
        let edits: (TextEdit | null)[] | null;
        if ('add' in op) edits = [addImportEdit(facts, c.source, op.add)];
        else if ('remove' in op) edits = [removeImportEdit(facts, c.source, op.remove)];
        else edits = replaceImportEdits(facts, c.source, op.replace[0], op.replace[1]);
        assert.ok(edits && edits.every((e) => e !== null), 'an edit was expected');
        const output = applyEdits(c.source, edits as TextEdit[]);
        assert.strictEqual(output, c.output);
        assert.strictEqual(gofmtProblem(output), null);
      } finally {
        tree.delete();
      }
    });
  }

  it('adds nothing when the path is already imported', async () => {
    const source = `${header}import "log/slog"\n${use}`;
    const tree = parser.parse(source);
    try {
      assert.strictEqual(addImportEdit(collectFileFacts('x.go', tree, source), source, 'log/slog'), null);
    } finally {
      tree.delete();
    }
  });

  it('counts package references outside comments and strings', () => {
    const source = `${header}import "log"\n\n// log.Print in a comment\nvar s = "log.Print"\nvar l = log.Printf\nvar m = x.log.Print\n`;
    const tree = parser.parse(source);
    try {
      assert.strictEqual(packageReferences(collectFileFacts('x.go', tree, source), 'log'), 1);
    } finally {
      tree.delete();
    }
  });
});
