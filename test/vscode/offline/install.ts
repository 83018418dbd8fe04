// Installs the offline VS Code host on first use, into a git-ignored cache folder
// (like @vscode/test-electron's .vscode-test/), and reuses it afterwards. Everything
// comes from the npm registry: Node 24 (npm package `node`) for the VS Code server,
// and the VS Code server inside `code-server`. See docs/testing.md.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';

export interface OfflineHost {
  /** The Node 24 binary that runs the VS Code server. */
  node: string;
  /** code-server's VS Code server entry point. */
  serverMain: string;
}

export function ensureOfflineHost(cache: string): OfflineHost {
  const marker = path.join(cache, 'host.json');
  if (fs.existsSync(marker)) {
    const host = JSON.parse(fs.readFileSync(marker, 'utf8')) as OfflineHost & { codeServer: string };
    if (host.codeServer === CODE_SERVER_VERSION && fs.existsSync(host.node) && fs.existsSync(host.serverMain)) return host;
  }
  fs.rmSync(cache, { recursive: true, force: true });
  const started = Date.now();
  console.log(`Installing the offline VS Code host into ${cache} (first run only, ~2 minutes)...`);

  // 1. Node 24. The `node` package downloads its platform binary package in an install script.
  const nodeDir = path.join(cache, 'node');
  writeJson(path.join(nodeDir, 'package.json'), { private: true, allowScripts: { node: true } });
  npm(nodeDir, ['install', `node@${NODE_MAJOR}`], process.env.PATH ?? '');
  const nodeBin = path.join(nodeDir, 'node_modules', '.bin');
  const node = path.join(nodeBin, 'node');
  const nodeVersion = execFileSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();

  // 2. node-gyp must build code-server's native modules against Node 24's headers. It
  //    cannot download them here, so seed its header cache from the node package.
  const headers = path.join(nodeDir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`, 'include');
  const gypCache = path.join(os.homedir(), '.cache', 'node-gyp', nodeVersion);
  fs.mkdirSync(gypCache, { recursive: true });
  fs.cpSync(headers, path.join(gypCache, 'include'), { recursive: true });
  fs.writeFileSync(path.join(gypCache, 'installVersion'), '11\n');

  // 3. code-server, whose postinstall compiles native modules (needs libkrb5-dev). An
  //    empty nodedir= overrides a user-level nodedir pointing at another Node's headers.
  const serverDir = path.join(cache, 'code-server');
  writeJson(path.join(serverDir, 'package.json'), { private: true });
  fs.writeFileSync(path.join(serverDir, '.npmrc'), 'nodedir=\ndangerously-allow-all-scripts=true\n');
  npm(serverDir, ['install', `code-server@${CODE_SERVER_VERSION}`], `${nodeBin}${path.delimiter}${process.env.PATH ?? ''}`);
  const serverMain = path.join(serverDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  if (!fs.existsSync(serverMain)) throw new Error(`code-server installed, but ${serverMain} is missing`);

  const host = { node, serverMain, codeServer: CODE_SERVER_VERSION };
  writeJson(marker, host);
  console.log(`Offline VS Code host ready in ${Math.round((Date.now() - started) / 1000)} s.`);
  return host;
}

function npm(cwd: string, args: string[], pathVariable: string): void {
  try {
    execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...cleanEnvironment(), PATH: pathVariable },
    });
  } catch (err) {
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}. On Debian, code-server's native build needs ` +
      `libkrb5-dev (apt-get install libkrb5-dev). ${(err as Error).message}`);
  }
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * This process's environment without what `npm test` adds: npm passes its own settings
 * down as npm_config_* variables (a user-level nodedir among them) and names its Node
 * in npm_node_execpath and NODE, which would make the nested install build and check
 * against Node 20 instead of Node 24.
 */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return env;
}
