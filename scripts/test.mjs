// `npm test`: checks what the tests need beyond Node, then typecheck + compile, the
// drift check of generated files, our own lint, the bundle, and the mocha suites.
import { spawn, spawnSync } from 'child_process';
import { rmSync } from 'fs';

function need(command, args, hint) {
  const probe = spawnSync(command, args, { stdio: 'ignore' });
  if (probe.error) {
    console.error(`npm test needs ${command}: ${hint}`);
    process.exit(2);
  }
}

// Mocha's "N passing" / "N failing" lines, added up over the suites for the closing line.
const totals = { passed: 0, failed: 0 };

async function step(title, command, args) {
  console.log(`\n== ${title}`);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let tail = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    tail = (tail + chunk).slice(-4000);
  });
  const code = await new Promise((resolve) => child.on('close', (status, signal) => resolve(status ?? signal)));
  const plain = tail.replace(/\x1b\[[0-9;]*m/g, '');
  totals.passed += Number(/^\s*(\d+) passing/m.exec(plain)?.[1] ?? 0);
  totals.failed += Number(/^\s*(\d+) failing/m.exec(plain)?.[1] ?? 0);
  if (code !== 0) {
    console.error(`\n${title} failed (exit ${code}).`);
    console.log(`${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
    process.exit(typeof code === 'number' && code > 0 ? code : 1);
  }
}

need('gofmt', ['-h'], 'the fix tests compare against the real gofmt. Install Go (Debian: apt-get install golang-go).');
need(process.env.GODEBT_CHROMIUM ?? 'chromium', ['--version'], 'the VS Code suite runs in a real VS Code driven by Chromium (Debian: apt-get install chromium), or set GODEBT_CHROMIUM.');

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// A fresh out/: a compiled file whose source was deleted must not run as a test.
rmSync('out', { recursive: true, force: true });
await step('typecheck and compile (tsc)', npx, ['tsc', '-p', '.']);
await step('generated files are up to date', 'node', ['out/scripts/generate.js', '--check']);
await step('lint our TypeScript (eslint)', npx, ['eslint', '.']);
await step('bundle (esbuild) and package the .vsix (vsce)', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'package']);
await step('unit, rule, protocol and CLI tests (mocha)', npx, ['mocha', '--reporter', 'spec', '--ignore', 'out/test/vscode/**', 'out/test/**/*.test.js']);
await step('the VS Code suite in a real, offline VS Code (code-server + Chromium)', 'node', ['out/test/vscode/offline/run.js']);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
