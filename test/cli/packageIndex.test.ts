// The CLI's package index: a package sees the deprecations of the packages it imports
// and the functions of its own other files, in one thread or on workers, and cached
// results follow changes of other files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runJson, suiteTrees } from './harness';

const FILES = {
  'go.mod': 'module example.com/shop\n\ngo 1.22\n',
  'a/a.go': 'package a\n\n// Old does it the old way.\n//\n// Deprecated: use New, which takes a context.\nfunc Old() {}\n\nfunc New() {}\n',
  'b/b.go': [
    'package b',
    '',
    'import "example.com/shop/a"',
    '',
    'func Use() string {',
    '\ta.Old()',
    '\tv, _ := find("k")',
    '\treturn v',
    '}',
    '',
  ].join('\n'),
  'b/find.go': 'package b\n\nfunc find(k string) (string, bool) { return k, k != "" }\n',
};

describe('godebt CLI with the package index', function () {
  this.timeout(60_000);
  const tree = suiteTrees();
  const findings = (root: string, ...args: string[]) => runJson([...args], root).output.findings
    .filter((f) => f.rule === 'deprecated-api' || f.rule === 'error-discarded')
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`);

  it('reports a deprecated function of another package with its notice, and knows a (T, bool) function of another file', () => {
    const root = tree(FILES);
    const expected = ['b/b.go:6:2 deprecated-api a.Old (example.com/shop/a) is deprecated: use New, which takes a context.'];
    assert.deepStrictEqual(findings(root, '--no-cache', '--jobs', '1'), expected, 'in one thread');
    assert.deepStrictEqual(findings(root, '--no-cache', '--jobs', '2'), expected, 'on workers');
  });

  it('lints a cached file again when another file changes what its package index says', () => {
    const root = tree(FILES);
    const cache = ['--cache-dir', path.join(root, '.cache')];
    assert.strictEqual(findings(root, ...cache).length, 1);
    assert.strictEqual(findings(root, ...cache).length, 1, 'from the cache');

    fs.writeFileSync(path.join(root, 'b/find.go'), 'package b\n\nfunc find(k string) (string, error) { return k, nil }\n');
    assert.deepStrictEqual(findings(root, ...cache).slice(1), [
      'b/b.go:7:5 error-discarded The last result of find (by convention its error) is discarded with _: name it and handle it.',
    ], 'b.go is unchanged, find.go now ends in error');

    fs.writeFileSync(path.join(root, 'a/a.go'), 'package a\n\n// Old does it the old way.\nfunc Old() {}\n');
    assert.deepStrictEqual(findings(root, ...cache).map((f) => f.split(' ')[1]), ['error-discarded'], 'a.Old is no longer deprecated');
    assert.deepStrictEqual(findings(root, ...cache), findings(root, '--no-cache'), 'the cache agrees with a fresh run');
  });
});
