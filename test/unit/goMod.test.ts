import * as assert from 'assert';
import { parseGoMod } from '../../server/src/engine/goMod';

const text = (source: string, span: { start: number; end: number }) => source.slice(span.start, span.end);

describe('parseGoMod', () => {
  it('reads module, go, a require block and single-line requires', () => {
    const source = [
      'module example.com/shop // the shop',
      '',
      'go 1.22',
      '',
      'require (',
      '\tgithub.com/google/uuid v1.6.0',
      '\t// a comment line inside the block',
      '\tgolang.org/x/sync v0.7.0 // indirect',
      ')',
      '',
      'require github.com/pkg/errors v0.9.1',
      'require golang.org/x/text v0.14.0 // indirect; needed by x',
      '',
    ].join('\n');
    const mod = parseGoMod(source);
    assert.strictEqual(mod.module?.value, 'example.com/shop');
    assert.strictEqual(mod.go?.value, '1.22');
    assert.deepStrictEqual(mod.requirements.map((r) => [r.path, r.version, r.indirect]), [
      ['github.com/google/uuid', 'v1.6.0', false],
      ['golang.org/x/sync', 'v0.7.0', true],
      ['github.com/pkg/errors', 'v0.9.1', false],
      ['golang.org/x/text', 'v0.14.0', true],
    ]);
    assert.strictEqual(text(source, mod.requirements[2].pathSpan), 'github.com/pkg/errors');
    const block = mod.requirements[0].directive;
    assert.ok(block.block);
    assert.strictEqual(text(source, block.span), source.slice(source.indexOf('require ('), source.indexOf(')') + 1));
    assert.strictEqual(mod.requirements[2].directive.block, false);
  });

  it('skips replace, exclude and retract blocks, whatever they hold', () => {
    const source = [
      'module m',
      'replace (',
      '\tgithub.com/a/b => ../b',
      '\tgithub.com/c/d v1.0.0 => github.com/e/f v1.1.0',
      ')',
      'exclude (',
      '\tgithub.com/g/h v0.1.0',
      ')',
      'retract (',
      '\tv1.0.0 // published by mistake',
      '\t[v1.1.0, v1.2.0]',
      ')',
      'replace github.com/x/y => ./y',
      'require github.com/real/dep v1.0.0',
    ].join('\n');
    const mod = parseGoMod(source);
    assert.deepStrictEqual(mod.requirements.map((r) => r.path), ['github.com/real/dep']);
    assert.deepStrictEqual(mod.directives.map((d) => d.verb), ['module', 'replace', 'exclude', 'retract', 'replace', 'require']);
    assert.strictEqual(mod.directives[1].lines.length, 2);
  });

  it('unquotes quoted paths and keeps their spans', () => {
    const source = 'module "example.com/q"\nrequire (\n\t"github.com/quoted/path" v1.0.0\n\t`github.com/raw/path` v2.0.0+incompatible\n)\n';
    const mod = parseGoMod(source);
    assert.strictEqual(mod.module?.value, 'example.com/q');
    assert.deepStrictEqual(mod.requirements.map((r) => r.path), ['github.com/quoted/path', 'github.com/raw/path']);
    assert.strictEqual(text(source, mod.requirements[0].pathSpan), '"github.com/quoted/path"');
  });

  it('handles empty blocks, CRLF line ends, comments everywhere and a missing final newline', () => {
    const source = '// header comment\r\nmodule m\r\n\r\nrequire ()\r\nrequire (\r\n\ta v1 // indirect\r\n) // end\r\nrequire b v2';
    const mod = parseGoMod(source);
    assert.deepStrictEqual(mod.requirements.map((r) => [r.path, r.version, r.indirect]), [['a', 'v1', true], ['b', 'v2', false]]);
    assert.strictEqual(mod.directives.filter((d) => d.verb === 'require').length, 3);
    assert.strictEqual(text(source, mod.requirements[1].pathSpan), 'b');
  });

  it('does not take "indirect" elsewhere in a comment as the mark', () => {
    const mod = parseGoMod('module m\nrequire a v1 // not indirect\nrequire b v1 //indirect\n');
    assert.deepStrictEqual(mod.requirements.map((r) => r.indirect), [false, true]);
  });

  it('survives an unclosed block', () => {
    const mod = parseGoMod('module m\nrequire (\n\ta v1\n');
    assert.deepStrictEqual(mod.requirements.map((r) => r.path), ['a']);
  });
});
