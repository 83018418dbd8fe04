// .godebt.json: validation against rule metadata (every problem at its node),
// lookup, layering over editor settings, exclude globs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { effectiveRules } from '../../server/src/engine/config';
import {
  findConfigFile, globRegExp, isExcluded, layerConfig, lineColumn, loadConfigFile, parseConfig, settingsLayer,
} from '../../server/src/engine/configFile';
import { defineRule } from '../../server/src/engine/rule';

const sized = defineRule({
  meta: {
    id: 'test-size', category: 'maintainability', severity: 'warning', effortMinutes: 1, fixable: false, summary: 'sizes',
    options: {
      max: { type: 'integer', default: 10, description: 'the limit', minimum: 1 },
      ratio: { type: 'number', default: 0.5, description: 'a ratio' },
      strict: { type: 'boolean', default: false, description: 'strict mode' },
      name: { type: 'string', default: 'x', description: 'a name' },
    },
  },
});
const plain = defineRule({ meta: { id: 'test-plain', category: 'security', severity: 'error', effortMinutes: 1, fixable: false, summary: 'plain' } });
const RULES = [sized, plain];

/** Each problem as "line:col message" (1-based, as the CLI prints them) and the text it points at. */
function problems(text: string): string[] {
  return parseConfig(text, RULES).problems.map((p) => {
    const { line, column } = lineColumn(text, p.offset);
    return `${line}:${column} ${p.message} @${text.slice(p.offset, p.offset + p.length)}`;
  });
}

describe('.godebt.json', () => {
  describe('parsing', () => {
    it('reads every field, with comments and trailing commas', () => {
      const text = `{
  // JSON with comments
  "$schema": "./schemas/godebt.schema.json",
  "rules": {
    "test-plain": "off",
    "test-size": { "severity": "info", "max": 20, "ratio": 1.5, "strict": true, "name": "y" },
  },
  "exclude": ["gen/**", "*.pb.go"],
  "tests": true,
  "baseline": ".godebt-baseline.json", /* stored only */
}`;
      assert.deepStrictEqual(parseConfig(text, RULES), {
        config: {
          rules: { 'test-plain': 'off', 'test-size': { severity: 'info', options: { max: 20, ratio: 1.5, strict: true, name: 'y' } } },
          exclude: ['gen/**', '*.pb.go'],
          tests: true,
          baseline: '.godebt-baseline.json',
        },
        problems: [],
      });
    });

    it('an empty object is the defaults', () => {
      assert.deepStrictEqual(parseConfig('{}', RULES), { config: {}, problems: [] });
    });

    it('syntax errors, with their positions and no configuration', () => {
      assert.deepStrictEqual(problems('{\n  "rules": {\n    "test-plain": "off"\n  \n'), ['5:1 syntax error: close brace expected @']);
      assert.deepStrictEqual(problems('{ "tests": tru }'), ['1:12 syntax error: invalid symbol @tru', '1:16 syntax error: value expected @}']);
      assert.deepStrictEqual(problems(''), ['1:1 the file is empty: write {} for the defaults @']);
      assert.strictEqual(parseConfig('{ "tests": tru }', RULES).config, undefined);
    });

    it('unknown rule ids, with a suggestion for a typo', () => {
      assert.deepStrictEqual(problems('{ "rules": { "test-sise": "off", "nothing-like-it": "off" } }'), [
        '1:14 unknown rule \'test-sise\': did you mean \'test-size\'? @"test-sise"',
        '1:34 unknown rule \'nothing-like-it\' @"nothing-like-it"',
      ]);
    });

    it('bad severities, as a string or in an object', () => {
      assert.deepStrictEqual(problems('{ "rules": { "test-plain": "fatal", "test-size": { "severity": 2 } } }'), [
        '1:28 the severity of test-plain must be one of error, warning, info, hint, off, not \'fatal\' @"fatal"',
        '1:64 the severity of test-size must be one of error, warning, info, hint, off, not 2 @2',
      ]);
      assert.deepStrictEqual(problems('{ "rules": { "test-plain": true } }'), [
        '1:28 rule test-plain takes a severity (error, warning, info, hint, off) or an object with severity and options, not true @true',
      ]);
    });

    it('bad option types, minimums and unknown options', () => {
      assert.deepStrictEqual(problems('{ "rules": { "test-size": { "max": 2.5, "ratio": "1", "strict": 1, "name": [], "maxx": 3 } } }'), [
        '1:36 test-size.max must be an integer, not 2.5 @2.5',
        '1:50 test-size.ratio must be a number, not \'1\' @"1"',
        '1:65 test-size.strict must be a boolean, not 1 @1',
        '1:76 test-size.name must be a string, not an array @[]',
        '1:80 rule test-size has no option \'maxx\': its options are max, ratio, strict, name @"maxx"',
      ]);
      assert.deepStrictEqual(problems('{ "rules": { "test-size": { "max": 0 } } }'), ['1:36 test-size.max must be at least 1, not 0 @0']);
      assert.deepStrictEqual(problems('{ "rules": { "test-plain": { "max": 3 } } }'), ['1:30 rule test-plain has no option \'max\': it takes only severity @"max"']);
    });

    it('bad top-level settings and shapes', () => {
      assert.deepStrictEqual(problems('{ "test": true, "tests": "yes", "exclude": "gen", "baseline": 1, "rules": [] }'), [
        '1:3 unknown setting \'test\': expected one of $schema, rules, exclude, tests, baseline @"test"',
        '1:26 tests must be true or false, not \'yes\' @"yes"',
        '1:44 exclude must be an array of strings (globs), not \'gen\' @"gen"',
        '1:63 baseline must be a string, not 1 @1',
        '1:75 rules must be an object, not an array @[]',
      ]);
      assert.deepStrictEqual(problems('[]'), ['1:1 the configuration must be an object, not an array @[]']);
      assert.deepStrictEqual(problems('{ "tests": true, "tests": false }'), ['1:18 \'tests\' appears twice in the configuration @"tests"']);
    });

    it('a file that cannot be read is one problem', () => {
      const loaded = loadConfigFile(path.join(os.tmpdir(), 'no-such-godebt', '.godebt.json'), RULES);
      assert.deepStrictEqual(loaded.problems.map((p) => p.message), ['cannot read the configuration: no such file']);
    });
  });

  describe('lookup', () => {
    it('finds the nearest .godebt.json from a file or folder upwards', () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'godebt-config-'));
      try {
        fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
        fs.writeFileSync(path.join(root, '.godebt.json'), '{}');
        fs.writeFileSync(path.join(root, 'a', 'b', 'x.go'), 'package b\n');
        assert.strictEqual(findConfigFile(path.join(root, 'a', 'b', 'x.go')), path.join(root, '.godebt.json'));
        fs.writeFileSync(path.join(root, 'a', '.godebt.json'), '{}');
        assert.strictEqual(findConfigFile(path.join(root, 'a', 'b')), path.join(root, 'a', '.godebt.json'));
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  });

  describe('layering: .godebt.json > editor settings > defaults', () => {
    it('takes each rule\'s severity and options from the highest layer that sets them', () => {
      const settings = settingsLayer({ 'test-plain': 'hint', 'test-size': 'off', bogus: 'loud', other: 3 });
      assert.deepStrictEqual(settings, { rules: { 'test-plain': 'hint', 'test-size': 'off' } });
      const file = { rules: { 'test-size': { options: { max: 3 } } }, tests: true };
      const effective = effectiveRules(RULES, layerConfig(settings, file));
      assert.deepStrictEqual(effective.map((e) => [e.rule.meta.id, e.severity]), [['test-plain', 'hint']]);
      const fileOn = layerConfig(settings, { rules: { 'test-size': { severity: 'error', options: { max: 3 } } } });
      const size = effectiveRules(RULES, fileOn).find((e) => e.rule.meta.id === 'test-size')!;
      assert.strictEqual(size.severity, 'error');
      assert.deepStrictEqual(size.options, { max: 3, ratio: 0.5, strict: false, name: 'x' });
      assert.strictEqual(layerConfig(settings, file).tests, true);
    });
  });

  describe('exclude globs', () => {
    const excluded = (globs: string[], file: string) => isExcluded({ exclude: globs }, '/repo', `/repo/${file}`);

    it('a glob without a slash matches a name at any depth', () => {
      assert.ok(excluded(['*.pb.go'], 'api/v1/x.pb.go'));
      assert.ok(excluded(['*.pb.go'], 'x.pb.go'));
      assert.ok(!excluded(['*.pb.go'], 'x.go'));
      assert.ok(excluded(['gen'], 'internal/gen/x.go'), 'a folder name excludes its contents');
    });

    it('a glob with a slash matches from the configuration\'s folder', () => {
      assert.ok(excluded(['internal/gen/**'], 'internal/gen/a/b.go'));
      assert.ok(!excluded(['internal/gen/**'], 'pkg/internal/gen/b.go'));
      assert.ok(excluded(['./legacy/'], 'legacy/old.go'));
      assert.ok(excluded(['**/mocks/*.go'], 'a/b/mocks/m.go'));
      assert.ok(excluded(['**/mocks/*.go'], 'mocks/m.go'));
    });

    it('?, {a,b} and [...] work as in shells', () => {
      assert.ok(excluded(['cmd/{tool,gen}/*.go'], 'cmd/gen/main.go'));
      assert.ok(!excluded(['cmd/{tool,gen}/*.go'], 'cmd/srv/main.go'));
      assert.ok(excluded(['v?.go'], 'v1.go'));
      assert.ok(excluded(['z_[a-c].go'], 'z_b.go'));
      assert.ok(!excluded(['z_[!a-c].go'], 'z_b.go'));
      assert.strictEqual(globRegExp('a.b').test('axb'), false, 'dots are literal');
    });

    it('files outside the configuration\'s folder are never excluded', () => {
      assert.ok(!isExcluded({ exclude: ['**'] }, '/repo', '/elsewhere/x.go'));
    });
  });
});

describe('the generated JSON schema of .godebt.json', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'godebt.schema.json'), 'utf8')) as {
    properties: { rules: { properties: Record<string, { anyOf: [unknown, { properties: Record<string, Record<string, unknown>> }] }> } };
  };
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };

  it('lists every rule with a severity and each of its options (type, default, description, minimum)', () => {
    const { ALL_RULES } = require('../../server/src/rules/index') as typeof import('../../server/src/rules/index');
    assert.deepStrictEqual(Object.keys(schema.properties.rules.properties).sort(), ALL_RULES.map((r) => r.meta.id).sort());
    for (const { meta } of ALL_RULES) {
      const options = schema.properties.rules.properties[meta.id].anyOf[1].properties;
      assert.deepStrictEqual(Object.keys(options), ['severity', ...Object.keys(meta.options ?? {})]);
      for (const [name, option] of Object.entries(meta.options ?? {})) {
        assert.deepStrictEqual(options[name], { type: option.type, default: option.default, description: option.description, ...(option.minimum === undefined ? {} : { minimum: option.minimum }) });
      }
    }
  });

  it('is what VS Code validates .godebt.json with', () => {
    assert.deepStrictEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.godebt.json', url: './schemas/godebt.schema.json' }]);
  });
});
