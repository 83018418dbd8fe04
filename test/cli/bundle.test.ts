// The installed command: bin/godebt.js loads the esbuild bundle dist/cli.js, which
// starts dist/cliWorker.js for large inputs. `npm test` builds dist/ before mocha.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
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
});
