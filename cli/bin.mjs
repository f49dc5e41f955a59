#!/usr/bin/env node
// Runs the bundled CLI (cli/bundle.mjs): no TypeScript compiled at start.
import { bundleEntry } from './bundle.mjs';

const { main } = await import(await bundleEntry());
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
