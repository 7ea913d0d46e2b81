'use strict';
// The sources import the libraries as @tadoru/<lib> (tsconfig.json "paths"); this points those
// names at the compiled files under dist/, for the CLI and for scripts run with `node -r`.
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');

const root = join(__dirname, '..');
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions;
const aliases = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [alias, join(root, 'dist', existsSync(join(root, target + '.ts')) ? target + '.js' : join(target, 'index.js'))]),
);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};
