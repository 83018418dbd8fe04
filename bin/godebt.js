#!/usr/bin/env node
// The `godebt` command: the bundled CLI (npm run build writes dist/cli.js).
require('../dist/cli.js');
