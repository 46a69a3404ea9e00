#!/usr/bin/env node
'use strict';
// Entry point for `npx dockyard` after `npm ci && npm run build`.
require('../dist/cli.js');
