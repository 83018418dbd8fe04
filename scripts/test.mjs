// `npm test`: checks what the tests need beyond Node, then typecheck + compile, the
// drift check of generated files, our own lint, the bundle, and the mocha suites.
import { spawnSync } from 'child_process';
import { rmSync } from 'fs';

function need(command, args, hint) {
  const probe = spawnSync(command, args, { stdio: 'ignore' });
  if (probe.error) {
    console.error(`npm test needs ${command}: ${hint}`);
    process.exit(2);
  }
}

function step(title, command, args) {
  console.log(`\n== ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

need('gofmt', ['-h'], 'the fix tests compare against the real gofmt. Install Go (Debian: apt-get install golang-go).');
need(process.env.GODEBT_CHROMIUM ?? 'chromium', ['--version'], 'the VS Code suite runs in a real VS Code driven by Chromium (Debian: apt-get install chromium), or set GODEBT_CHROMIUM.');

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// A fresh out/: a compiled file whose source was deleted must not run as a test.
rmSync('out', { recursive: true, force: true });
step('typecheck and compile (tsc)', npx, ['tsc', '-p', '.']);
step('generated files are up to date', 'node', ['out/scripts/generate.js', '--check']);
step('lint our TypeScript (eslint)', npx, ['eslint', '.']);
step('bundle (esbuild) and package the .vsix (vsce)', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'package']);
step('unit, rule, protocol and CLI tests (mocha)', npx, ['mocha', '--reporter', 'spec', '--ignore', 'out/test/vscode/**', 'out/test/**/*.test.js']);
step('the VS Code suite in a real, offline VS Code (code-server + Chromium)', 'node', ['out/test/vscode/offline/run.js']);
