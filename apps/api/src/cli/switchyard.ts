#!/usr/bin/env node
import { runSwitchyard } from './program';

// `npx switchyard ...` in a checkout (the root package.json's bin), or `node apps/api/dist/cli/switchyard.js`.
runSwitchyard(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
