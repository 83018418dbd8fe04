// The installed command: bin/godebt.js loads the esbuild bundle dist/cli.js, which
// starts dist/cliWorker.js for large inputs. `npm test` builds dist/ before mocha.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as WebTreeSitter from 'web-tree-sitter';
import { CGO_GO, goTree, PACKAGE_ROOT, removeTree, runCli } from './harness';

describe('godebt bundle', function () {
  this.timeout(60_000);
  let root = '';
  after(() => root && removeTree(root));

  it('bin/godebt.js gives the same output as the compiled sources, in one thread and on workers', () => {
    assert.ok(fs.existsSync(path.join(PACKAGE_ROOT, 'dist/cli.js')), 'dist/cli.js is missing: run `npm run build` first');
    const files: Record<string, string> = {};
    for (let i = 0; i < 45; i++) files[`p${i % 4}/f${i}.go`] = CGO_GO;
    root = goTree(files);
    const expected = runCli(['--format', 'json', '--jobs', '1'], root);
    for (const jobs of ['1', '2']) {
      const bin = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin/godebt.js'), '--format', 'json', '--jobs', jobs], { cwd: root, encoding: 'utf8' });
      assert.deepStrictEqual([bin.status, bin.stderr], [1, '']);
      assert.strictEqual(bin.stdout, expected.stdout);
    }
  });

  // The build's copy of web-tree-sitter (scripts/patchWebTreeSitter.mjs): a Node keeps its
  // WASM handle in a named field, and every way to reach and use a node still works.
  it("dist's web-tree-sitter gives nodes no indexed fields, and its nodes work", async () => {
    const copy = path.join(PACKAGE_ROOT, 'dist/tree-sitter.cjs');
    const ts = require(copy) as typeof WebTreeSitter;
    await ts.Parser.init();
    const parser = new ts.Parser();
    parser.setLanguage(await ts.Language.load(path.join(PACKAGE_ROOT, 'dist/tree-sitter-go.wasm')));
    const tree = parser.parse('package p\n\nfunc f(a int) int { return a + 1 }\n')!;
    const query = new ts.Query(tree.language, '(function_declaration name: (identifier) @name body: (block) @body)');
    try {
      const [match] = query.matches(tree.rootNode);
      const fn = match.captures[0].node.parent!;
      // Nodes from the root, a query, navigation and a cursor, each used again (marshalled).
      const nodes = [tree.rootNode, fn, ...match.captures.map((c) => c.node), fn.childForFieldName('parameters')!, tree.walk().currentNode];
      for (const node of nodes) {
        assert.deepStrictEqual(Object.getOwnPropertyNames(node).filter((key) => /^\d+$/.test(key)), [], node.type);
      }
      assert.deepStrictEqual(match.captures.map((c) => [c.name, c.node.text]), [['name', 'f'], ['body', '{ return a + 1 }']]);
      assert.strictEqual(fn.childForFieldName('parameters')!.namedChildren[0]!.text, 'a int');
      assert.strictEqual(match.captures[1].node.descendantsOfType('binary_expression')[0]!.text, 'a + 1');
      assert.strictEqual(tree.rootNode.namedChildren[1]!.equals(fn), true);
    } finally {
      query.delete();
      tree.delete();
      parser.delete();
    }
  });

  it('the build stops, saying why, when web-tree-sitter is not what its patch expects', () => {
    const patch = pathToFileURL(path.join(PACKAGE_ROOT, 'scripts/patchWebTreeSitter.mjs')).href;
    const source = fs.readFileSync(require.resolve('web-tree-sitter'), 'utf8').replace('this[0] = other;', 'this[0] = other >>> 0;');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `import { patchWebTreeSitter } from ${JSON.stringify(patch)};
      import { readFileSync } from 'fs';
      patchWebTreeSitter(readFileSync(0, 'utf8'));`], { input: source, encoding: 'utf8' });
    assert.notStrictEqual(run.status, 0);
    assert.match(run.stderr, /web-tree-sitter is not as scripts\/patchWebTreeSitter\.mjs expects \(found 0 times, not once\):\n {4}assertInternal\(internal\);\n {4}this\[0\] = other;/);
  });

  // MIT and ISC ask for the notice to go with the code: the notices must follow what the
  // bundles hold. Their source maps say it independently of the build's metafile.
  it("dist/THIRD-PARTY-NOTICES.txt gives the licence of every package dist/ ships, and the package takes it", () => {
    const notices = fs.readFileSync(path.join(PACKAGE_ROOT, 'dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
    const shipped = new Set(['web-tree-sitter', 'tree-sitter-go']);
    for (const map of fs.readdirSync(path.join(PACKAGE_ROOT, 'dist')).filter((f) => f.endsWith('.js.map'))) {
      const { sources } = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'dist', map), 'utf8')) as { sources: string[] };
      for (const source of sources) {
        const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(source)?.[1];
        if (name) shipped.add(name);
      }
    }
    assert.ok(shipped.size > 5, [...shipped].join(', '));
    const headings = new Set([...notices.matchAll(/^(\S+) \d+\.\d+\.\d+\S* \((MIT|ISC)\)$/gm)].map((m) => m[1]));
    assert.deepStrictEqual([...shipped].sort(), [...headings].sort());
    assert.strictEqual(notices.match(/Permission (is hereby granted|to use, copy, modify)/g)?.length, headings.size);
    assert.match(notices, /^web-tree-sitter .*\ndist\/tree-sitter\.cjs is modified: see scripts\/patchWebTreeSitter\.mjs/m);
    const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { files: string[] };
    assert.ok(manifest.files.includes('dist/THIRD-PARTY-NOTICES.txt'));
  });
});
