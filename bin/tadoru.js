#!/usr/bin/env node
'use strict';
// The `tadoru` command: runs the compiled CLI from dist/ (built by `npm install` and `npm run build`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');

const root = join(__dirname, '..');
const main = join(root, 'dist/apps/cli/src/main.js');
if (!existsSync(main)) {
  process.stderr.write('tadoru is not built yet: run `npm install` (it builds) or `npm run build` in ' + root + '\n');
  process.exit(1);
}

// The sources import the libraries as @tadoru/<lib>; point those names at the compiled files.
const ALIASES = {
  '@tadoru/common': 'dist/libs/common/src/index.js',
  '@tadoru/graph': 'dist/libs/graph/src/index.js',
  '@tadoru/map': 'dist/libs/map/src/index.js',
  '@tadoru/neo4j-launcher': 'dist/tools/neo4j/embedded-neo4j.js',
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const target = ALIASES[request];
  return resolve.call(this, target ? join(root, target) : request, ...rest);
};

require(main);
