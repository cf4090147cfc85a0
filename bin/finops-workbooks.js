#!/usr/bin/env node
/* global require, process */
// The finops-workbooks command: the CLI compiled ahead of time into lib/ (npm run build:cli, which
// npm install and npm pack run through "prepare"), so no TypeScript compiler runs at start-up.
"use strict";
let main;
try {
  main = require.resolve("../lib/cli/main.js");
} catch {
  process.stderr.write(
    "finops-workbooks: the command line is not built yet. Run `npm run build:cli` (npm install runs it).\n"
  );
  process.exit(1);
}
require(main);
