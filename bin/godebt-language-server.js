#!/usr/bin/env node
// godebt's language server for any LSP editor: `godebt-language-server --stdio`.
if (!process.argv.slice(2).some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
require('../dist/server.js');
