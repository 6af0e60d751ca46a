// `npm run bench`: scan a deterministic synthetic CUDA corpus and print throughput, the cache's
// effect and peak memory against the targets in docs/scale.md. Runs on dist/ (npm run build first;
// the npm script does). Each measurement runs in its own process, so peak RSS is its own.
//
//   node bench/run.mjs [--lines 1000000] [--jobs 2] [--seed 42] [--json]
//
// Writes bench/results.json (git-ignored). These are measurements, never pass/fail tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.mjs';

// `npm run bench -- --real`: the goals of issue 17 on the pinned real-code corpus (bench/real.mjs).
if (process.argv.includes('--real')) {
  await import('./real.mjs');
  process.exit(process.exitCode ?? 0);
}

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const lines = Number(opt('lines', 1_000_000));
const jobs = Number(opt('jobs', 2));
const seed = Number(opt('seed', 42));
const asJson = args.includes('--json');
const rulesDir = opt('rules-dir', undefined); // a frozen copy of rules/ while others edit it

const log = (s) => process.stderr.write(`${s}\n`);
const corpus = join(HERE, 'corpus');
const marker = join(corpus, '.params.json');
const params = JSON.stringify({ lines, seed, generator: readFileSync(join(HERE, 'corpus.mjs'), 'utf8').length });
if (!existsSync(marker) || readFileSync(marker, 'utf8') !== params) {
  log(`generating ${lines} lines into bench/corpus/ (seed ${seed}) …`);
  generateCorpus(corpus, { lines, seed });
  writeFileSync(marker, params);
}

const child = (script, argv) => JSON.parse(execFileSync(process.execPath, [join(HERE, script), ...argv], { maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] }).toString());
const cacheDir = mkdtempSync(join(tmpdir(), 'ascendify-bench-cache-'));
try {
  log('parse-only lower bound …');
  const parseOnly = child('parse-only.mjs', [corpus, String(jobs)]);
  log('regex-only pass …');
  const regex = child('parse-only.mjs', [corpus, '1', 'regex']);
  log(`cold scan (--jobs ${jobs}, empty cache) …`);
  const cold = child('scan-child.mjs', [corpus, JSON.stringify({ jobs, cacheDir, rulesDir })]);
  log('warm scan (same cache) …');
  const warm = child('scan-child.mjs', [corpus, JSON.stringify({ jobs, cacheDir, rulesDir })]);
  log('warm scan without the result cache (facts cache only) …');
  const factsOnly = child('scan-child.mjs', [corpus, JSON.stringify({ jobs, cacheDir, rulesDir, results: false })]);

  const lps = (r) => Math.round(r.lines / r.seconds);
  const share = lps(cold) / lps(parseOnly);
  const speedup = cold.seconds / warm.seconds;
  const peak = Math.max(cold.scanMaxRSS, warm.scanMaxRSS);
  const GB = 1024 ** 3;
  const targets = [
    { target: `cold scan >= 60% of parse-only throughput (${jobs} workers)`, value: `${(share * 100).toFixed(0)}%`, pass: share >= 0.6 },
    { target: 'warm re-scan >= 20x faster than cold', value: `${speedup.toFixed(1)}x`, pass: speedup >= 20 },
    { target: 'peak RSS of the scan < 1 GB', value: `${(peak / GB).toFixed(2)} GB`, pass: peak < GB },
  ];
  const results = {
    node: process.version,
    cores: (await import('node:os')).availableParallelism(),
    loadAverage: (await import('node:os')).loadavg()[0],
    corpus: { files: cold.files, lines: cold.lines, seed, findings: cold.findings, reportBytes: cold.reportBytes },
    jobs,
    cold: {
      seconds: cold.seconds, linesPerSecond: lps(cold), parseStageSeconds: cold.parseStageSeconds, scanMaxRSS: cold.scanMaxRSS,
      maxRSSWithRender: cold.maxRSS, renderSeconds: cold.renderSeconds, stats: cold.stats,
    },
    warm: { seconds: warm.seconds, linesPerSecond: lps(warm), scanMaxRSS: warm.scanMaxRSS, maxRSSWithRender: warm.maxRSS, stats: warm.stats },
    warmFactsOnly: { seconds: factsOnly.seconds, linesPerSecond: lps(factsOnly), scanMaxRSS: factsOnly.scanMaxRSS, stats: factsOnly.stats },
    parseOnly: { seconds: parseOnly.seconds, linesPerSecond: lps(parseOnly), maxRSS: parseOnly.maxRSS },
    regexOnly: { seconds: regex.seconds, linesPerSecond: lps(regex), tokens: regex.tokens },
    targets: targets.map((t) => ({ ...t, result: t.pass ? 'PASS' : 'SHORT' })),
  };
  writeFileSync(join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (asJson) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    const mb = (b) => `${Math.round(b / 2 ** 20)} MB`;
    const row = (name, r, extra = '') => `  ${name.padEnd(26)} ${r.seconds.toFixed(2).padStart(8)} s ${String(lps(r)).padStart(10)} lines/s  ${extra}`;
    const out = [
      `corpus: ${cold.files} files, ${cold.lines} lines, ${cold.findings} findings (seed ${seed}); ${jobs} workers; node ${process.version}; load average ${results.loadAverage.toFixed(1)}`,
      row(`cold scan (--jobs ${jobs})`, cold, `peak RSS ${mb(cold.scanMaxRSS)}; parsed ${cold.stats.parsed}, workers ${cold.stats.workers}`),
      `  ${''.padEnd(26)}   of which discovery + parse stage ${cold.parseStageSeconds?.toFixed(2)} s; then match, score, effort, storing the result`,
      row('warm scan (cached)', warm, `peak RSS ${mb(warm.scanMaxRSS)}; parsed ${warm.stats.parsed}, cached ${warm.stats.cached}; result cache`),
      row('warm, facts cache only', factsOnly, `peak RSS ${mb(factsOnly.scanMaxRSS)}; match, score, effort run again`),
      `  ${'JSON to file (not above)'.padEnd(26)} ${cold.renderSeconds.toFixed(2).padStart(8)} s   ${Math.round(cold.reportBytes / 2 ** 20)} MB report, written in pieces; peak RSS with it ${mb(cold.maxRSS)}`,
      row(`parse-only (${jobs} workers)`, parseOnly, `peak RSS ${mb(parseOnly.maxRSS)}`),
      row('regex-only (1 thread)', regex, `${regex.tokens} CUDA-looking tokens`),
      '',
      ...targets.map((t) => `  ${t.pass ? 'PASS ' : 'SHORT'}  ${t.target}: ${t.value}`),
      '',
      'wrote bench/results.json',
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  }
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
