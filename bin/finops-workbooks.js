#!/usr/bin/env node
/* global require, __dirname */
// The finops-workbooks command: runs src/cli/main.ts through ts-node (a devDependency), so it works
// right after `npm install`, without a build step. scripts/tsconfig.json compiles src as CommonJS.
"use strict";
const path = require("path");

require("ts-node").register({
  transpileOnly: true,
  project: path.join(__dirname, "..", "scripts", "tsconfig.json"),
});
require("../src/cli/main.ts");
