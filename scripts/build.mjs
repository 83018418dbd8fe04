// Bundles the extension client, the language server, the CLI and its worker with
// esbuild into dist/, copies the two wasm files the parser loads at run time, and writes
// the licences of the packages it ships (scripts/thirdPartyNotices.mjs).
// `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { patchWebTreeSitter } from './patchWebTreeSitter.mjs';
import { thirdPartyNotices } from './thirdPartyNotices.mjs';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');

mkdirSync('dist', { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'dist/tree-sitter.wasm');
copyFileSync(require.resolve('tree-sitter-go/tree-sitter-go.wasm'), 'dist/tree-sitter-go.wasm');
// web-tree-sitter stays a file of its own next to the bundles: after a WASM fault the
// engine drops it from the require cache and loads a fresh copy (a fresh WASM instance).
// Its JavaScript side is sped up there (scripts/patchWebTreeSitter.mjs).
writeFileSync('dist/tree-sitter.cjs', patchWebTreeSitter(readFileSync(require.resolve('web-tree-sitter'), 'utf8')));

/** Bundles require('web-tree-sitter') as require('./tree-sitter.cjs'), the copy above. */
const webTreeSitterBeside = {
  name: 'web-tree-sitter-beside',
  setup(build) {
    build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: './tree-sitter.cjs', external: true }));
  },
};

const options = {
  entryPoints: {
    client: 'client/src/extension.ts',
    server: 'server/src/server.ts',
    cli: 'server/src/cli/main.ts',
    cliWorker: 'server/src/cli/worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode'],
  // jsonc-parser's default (UMD) build requires its parts at run time, which a bundle
  // cannot follow; its ES module build bundles.
  alias: { 'jsonc-parser': require.resolve('jsonc-parser/lib/esm/main.js') },
  // web-tree-sitter's CommonJS build, loaded at run time (see webTreeSitterBeside); the
  // licences of what dist/ ships, as the bundles' imports stand.
  plugins: [webTreeSitterBeside, thirdPartyNotices('dist/THIRD-PARTY-NOTICES.txt')],
  logLevel: 'warning',
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
