// One measured scan, run by bench/run.mjs in a fresh process so its peak RSS is its own.
// argv: <corpus dir> <json options: jobs, cacheDir, results, rulesDir, fileTimeoutMs, fileMemoryMb>. Prints one JSON line: seconds, stats, counts, maxRSS (bytes).
import { scanAsync } from '../dist/analyze.js';
import { loadCatalog } from '../dist/catalog/load.js';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderJsonChunks } from '../dist/report/json.js';

const [dir, raw] = process.argv.slice(2);
const opts = JSON.parse(raw ?? '{}');
const catalog = loadCatalog(opts.rulesDir ? { rulesDir: opts.rulesDir } : {});
const t0 = performance.now();
let parsedAt = t0;
const onProgress = (done, total) => {
  if (done === total) parsedAt = performance.now();
};
const { report, stats, timings, cache } = await scanAsync({
  paths: [dir], catalog, jobs: opts.jobs, cache: opts.cacheDir !== undefined, results: opts.results ?? opts.cacheDir !== undefined, cacheDir: opts.cacheDir, onProgress,
  fileTimeoutMs: opts.fileTimeoutMs, fileMemoryMb: opts.fileMemoryMb,
});
const scanSeconds = (performance.now() - t0) / 1000;
// Peak so far: the scan itself, before the report is rendered.
const scanMaxRSS = process.resourceUsage().maxRSS * 1024;
// Rendered as `scan --format json --output FILE` does: in pieces, straight to the file.
const out = mkdtempSync(join(tmpdir(), 'ascendify-bench-'));
const t1 = performance.now();
const fd = openSync(join(out, 'report.json'), 'w');
let block = '';
for (const piece of renderJsonChunks(report)) {
  block += piece;
  if (block.length >= 1 << 20) {
    writeSync(fd, block);
    block = '';
  }
}
writeSync(fd, block);
closeSync(fd);
const renderSeconds = (performance.now() - t1) / 1000;
const reportBytes = statSync(join(out, 'report.json')).size;
rmSync(out, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({
  seconds: scanSeconds,
  // discovery + parse stage, when anything was parsed (progress reports only parsed files)
  parseStageSeconds: stats.parsed ? (parsedAt - t0) / 1000 : undefined,
  scanMaxRSS,
  renderSeconds,
  reportBytes,
  stats,
  timings,
  cache,
  files: report.summary.files.scanned + report.summary.files.skipped,
  lines: report.summary.lines,
  findings: report.summary.findings,
  firstFile: report.files[0],
  maxRSS: process.resourceUsage().maxRSS * 1024,
})}\n`);
