#!/usr/bin/env node
// The published entry point runs the compiled CLI; `npm install` in a checkout builds dist/ through `prepare`.
import { main } from '../dist/src/cli/main.js';

main(process.argv).catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
