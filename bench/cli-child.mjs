// The CLI as bench/real.mjs runs it: exactly `ascendify <argv>` (dist/cli/main.js), plus, at exit, the process's
// peak memory and CPU seconds (all threads) written to $BENCH_USAGE_FILE. Timing is taken from outside, start-up included.
import { writeFileSync } from 'node:fs';
import { processIo } from '../dist/cli/io.js';
import { runCli } from '../dist/cli/main.js';

const usageFile = process.env.BENCH_USAGE_FILE;
if (usageFile) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(usageFile, JSON.stringify({ maxRSS: u.maxRSS * 1024, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
  });
}
process.exitCode = await runCli(process.argv.slice(2), processIo());
