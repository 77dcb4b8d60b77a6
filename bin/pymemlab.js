#!/usr/bin/env node
// Node 22.1+ keeps compiled code between runs (a faster cold start); older versions go without.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/kernel/cli/main.js');
