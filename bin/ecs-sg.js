#!/usr/bin/env node
// Launcher only: the whole CLI is one esbuild bundle built by `npm run build` (run by `npm install`).
import '../dist/cli.mjs';
