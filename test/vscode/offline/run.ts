// Runs the VS Code suite (test/vscode/suite) inside a real VS Code with no network:
// the VS Code server from code-server, driven by Debian's Chromium through
// playwright-core (shared/docs/vscode-tests-offline.md). Then, in the same browser,
// drives the workbench as a person would and saves screenshots to test-results/.
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { format } from 'util';
import { chromium, Browser, Page } from 'playwright-core';
import { ensureOfflineHost } from './install';
import { driveLikeAPerson } from './person';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CHROMIUM = process.env.GODEBT_CHROMIUM ?? '/usr/bin/chromium';
const SUITE_LIMIT_MS = 10 * 60 * 1000;

async function main(): Promise<number> {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`The offline VS Code tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium), or set GODEBT_CHROMIUM.`);
    return 2;
  }
  const vsix = path.join(ROOT, 'godebt.vsix');
  if (!fs.existsSync(vsix)) {
    console.error('godebt.vsix is missing: run npm run package first (the person-level checks use the installed package).');
    return 2;
  }
  const host = ensureOfflineHost(path.join(ROOT, '.vscode-test-offline'));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'godebt-vscode-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const userSettings = path.join(scratch, 'data', 'User', 'settings.json');
  fs.mkdirSync(path.dirname(userSettings), { recursive: true });
  fs.writeFileSync(userSettings, JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'editor.hover.delay': 100,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }));

  installExtension(host.node, host.serverMain, vsix, scratch);
  const port = await freePort();
  const server = await startServer(host.node, host.serverMain, port, scratch);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    // GODEBT_VSCODE_PERSON_ONLY=1 skips the API suite (for work on the screenshots).
    const code = process.env.GODEBT_VSCODE_PERSON_ONLY ? 0 : await runSuite(browser, port, workspace);
    if (code !== 0) return code;
    const results = path.join(ROOT, 'test-results');
    fs.mkdirSync(results, { recursive: true });
    // What a person sees comes from the installed .vsix, not from this checkout.
    const page = await openWorkbench(browser, port, workspace, { development: false });
    try {
      await driveLikeAPerson(page, results);
    } catch (err) {
      await page.screenshot({ path: path.join(results, 'failure.png') });
      console.error(`What a person sees: ${err instanceof Error ? err.message : err} (screen: test-results/failure.png)`);
      return 1;
    }
    await page.close();
    return 0;
  } finally {
    await browser.close();
    server.kill();
    // GODEBT_KEEP_VSCODE_DATA=1 keeps the VS Code logs and settings for debugging.
    if (process.env.GODEBT_KEEP_VSCODE_DATA) console.log(`VS Code data kept in ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function runSuite(browser: Browser, port: number, workspace: string): Promise<number> {
  const suite = path.join(ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');
  let exit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
    console.log(format(...(args as [unknown, ...unknown[]])));
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
  await page.goto(workbenchUrl(port, workspace, [['extensionTestsPath', remote(port, suite)]]));
  const timer = setTimeout(() => exit(124), SUITE_LIMIT_MS);
  const code = await exited;
  clearTimeout(timer);
  if (code === 124) console.error(`The VS Code suite did not finish within ${SUITE_LIMIT_MS / 60000} minutes.`);
  await page.close();
  return code;
}

async function openWorkbench(browser: Browser, port: number, workspace: string, options: { development: boolean }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(workbenchUrl(port, workspace, [], options.development));
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  return page;
}

function workbenchUrl(port: number, workspace: string, extra: [string, string][], development = true): string {
  const payload = [...(development ? [['extensionDevelopmentPath', remote(port, ROOT)]] : []), ...extra, ['skipWelcome', 'true']];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function remote(port: number, file: string): string {
  return `vscode-remote://127.0.0.1:${port}${file}`;
}

/** Installs the packaged extension the way a user would (`--install-extension`). */
function installExtension(node: string, serverMain: string, vsix: string, scratch: string): void {
  const result = spawnSync(node, [serverMain, '--accept-server-license-terms', '--extensions-dir', path.join(scratch, 'extensions'),
    '--server-data-dir', path.join(scratch, 'server'), '--install-extension', vsix], { encoding: 'utf8' });
  if (result.status !== 0 || !/godebt\.godebt/.test(fs.readdirSync(path.join(scratch, 'extensions')).join(' '))) {
    throw new Error(`installing ${vsix} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

function startServer(node: string, serverMain: string, port: number, scratch: string): Promise<ChildProcess> {
  const args = [serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--disable-telemetry', '--server-data-dir', path.join(scratch, 'server'),
    '--user-data-dir', path.join(scratch, 'data'), '--extensions-dir', path.join(scratch, 'extensions'),
    '--enable-smoke-test-driver'];
  const server = spawn(node, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Extension host agent listening on')) resolve(server);
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    server.on('exit', (code) => reject(new Error(`the VS Code server exited (${code}) before listening:\n${output}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

if (require.main === module) {
  main().then((code) => process.exit(code), (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });
}
