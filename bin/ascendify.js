#!/usr/bin/env node
// The CLI entry: runs the compiled dist/cli/main.js (built by `npm run build`, which `npm ci` runs via prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('ascendify: error: the compiled CLI is missing (dist/). Run `npm run build` (or `npm ci`) first.\n');
  process.exit(2);
}
const { runCli } = await import(main.href);
const { processIo } = await import(new URL('../dist/cli/io.js', import.meta.url).href);
const io = processIo();
// finish(): a closed stdout pipe (`| head`) ends quietly with the command's code; other write errors exit 2.
process.exitCode = await io.finish(await runCli(process.argv.slice(2), io));
