// Large inputs are linted on worker threads; the output must not depend on that.
import * as assert from 'assert';
import { CGO_GO, goTree, removeTree, runCli, TODO_GO } from './harness';

describe('godebt worker pool', function () {
  this.timeout(60_000);
  let root = '';
  after(() => removeTree(root));

  it('gives the same output on workers as in one thread', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) {
      const dir = `pkg${i % 7}`;
      files[`${dir}/f${i}.go`] = i % 3 === 0 ? CGO_GO : TODO_GO.replace('tidy up', `tidy up ${i}`);
    }
    files['go.mod'] = 'module example.com/x\n\ngo 1.21\n';
    root = goTree(files);
    for (const format of ['json', 'text']) {
      const inThread = runCli(['--format', format, '--jobs', '1'], root);
      const onWorkers = runCli(['--format', format, '--jobs', '2'], root);
      const byDefault = runCli(['--format', format], root);
      assert.strictEqual(inThread.status, 1);
      assert.strictEqual(onWorkers.stdout, inThread.stdout);
      assert.strictEqual(byDefault.stdout, inThread.stdout);
      assert.deepStrictEqual([onWorkers.status, onWorkers.stderr], [1, '']);
    }
    assert.match(runCli([], root).stdout, /60 findings \(20 warnings, 40 info\) in 60 files, 61 files linted, debt 20h\n$/);
  });
});
