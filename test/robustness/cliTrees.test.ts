// The CLI on trees that fight back: symbolic link loops, files whose names are not
// valid UTF-8, unreadable folders. Each gets one clear message and the rest is linted.
// (Unreadable files, missing paths and invalid UTF-8 content: test/cli/cli.test.ts.)
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CGO_GO, goTree, removeTree, runCli } from '../cli/harness';

describe('CLI on bad trees', function () {
  this.timeout(30_000);
  const roots: string[] = [];
  const tree = (files: Record<string, string>) => {
    const root = goTree(files);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach(removeTree));

  it('walks past symbolic link loops; a loop named on the command line is an error (exit 2)', () => {
    const root = tree({ 'ok.go': CGO_GO, 'sub/x.go': CGO_GO });
    fs.symlinkSync('loop2.go', path.join(root, 'loop1.go'));
    fs.symlinkSync('loop1.go', path.join(root, 'loop2.go'));
    fs.symlinkSync('..', path.join(root, 'sub', 'up')); // a folder link back up: not followed
    const walked = runCli([], root);
    assert.strictEqual(walked.stderr, '');
    assert.match(walked.stdout, /2 files linted/);
    assert.strictEqual(walked.status, 1);
    const named = runCli(['loop1.go', 'ok.go'], root);
    assert.strictEqual(named.stderr, 'godebt: loop1.go: too many symbolic links\n');
    assert.match(named.stdout, /^ok\.go:3:8: warning/);
    assert.strictEqual(named.status, 2);
  });

  it('skips a file whose name is not valid UTF-8 with a warning, and lints the rest', () => {
    const root = tree({ 'ok.go': CGO_GO });
    const name = Buffer.from(path.join(root, 'b@.go'));
    name[name.lastIndexOf('@')] = 0xff; // b<0xff>.go
    fs.writeFileSync(name, CGO_GO);
    const run = runCli(['--fail-on', 'never'], root);
    assert.strictEqual(run.stderr, 'godebt: b\uFFFD.go: skipped: the file name is not valid UTF-8\n');
    assert.match(run.stdout, /1 file linted/);
    assert.strictEqual(run.status, 0);
  });

  it('names an unreadable folder, lints the rest, and exits 2', () => {
    const root = tree({ 'ok.go': CGO_GO, 'locked/x.go': CGO_GO });
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    const nobody = process.getuid?.() === 0 ? 65534 : undefined; // root reads anything
    if (nobody !== undefined) fs.chmodSync(root, 0o755);
    try {
      const run = runCli([], root, nobody);
      assert.strictEqual(run.stderr, 'godebt: locked: cannot read folder: permission denied\n');
      assert.match(run.stdout, /^ok\.go:3:8: warning/);
      assert.strictEqual(run.status, 2);
    } finally {
      fs.chmodSync(path.join(root, 'locked'), 0o755);
    }
  });
});
