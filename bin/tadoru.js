#!/usr/bin/env node
'use strict';
// The `tadoru` command: runs the compiled CLI from dist/ (built by `npm install` and `npm run build`).
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');

const root = join(__dirname, '..');
const main = join(root, 'dist/apps/cli/src/main.js');
if (!existsSync(main)) {
  process.stderr.write('tadoru is not built yet: run `npm install` (it builds) or `npm run build` in ' + root + '\n');
  process.exit(1);
}

// The sources import the libraries as @tadoru/<lib> (tsconfig.json "paths"); point those names
// at the compiled files.
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions;
const ALIASES = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [alias, join(root, 'dist', existsSync(join(root, target + '.ts')) ? target + '.js' : join(target, 'index.js'))]),
);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const target = ALIASES[request];
  return resolve.call(this, target ?? request, ...rest);
};

require(main);
