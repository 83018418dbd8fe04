// Bundles the extension client, the language server, the CLI and its worker with
// esbuild into dist/, and copies the two wasm files the parser loads at run time.
// `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'fs';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');

mkdirSync('dist', { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'dist/tree-sitter.wasm');
copyFileSync(require.resolve('tree-sitter-go/tree-sitter-go.wasm'), 'dist/tree-sitter-go.wasm');

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
  // web-tree-sitter's ES module build calls createRequire(import.meta.url), which is
  // undefined in a CommonJS bundle; its CommonJS build is made for this.
  // jsonc-parser's default (UMD) build requires its parts at run time, which a bundle
  // cannot follow; its ES module build bundles.
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter'), 'jsonc-parser': require.resolve('jsonc-parser/lib/esm/main.js') },
  logLevel: 'warning',
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
