#!/usr/bin/env node
'use strict';
// The `tadoru` command: runs the compiled CLI from dist/ (built by `npm install` and `npm run build`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const main = join(root, 'dist/apps/cli/src/main.js');
if (!existsSync(main)) {
  process.stderr.write('tadoru is not built yet: run `npm install` (it builds) or `npm run build` in ' + root + '\n');
  process.exit(1);
}
require('./register-aliases');
require(main);
