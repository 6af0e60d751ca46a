// `npm run bench -- --real`: the speed goals of issue 17 measured on real public CUDA code, in one run.
//
//   node bench/real.mjs [--real-dir bench/real] [--runs 3] [--json] [--no-nested] [--nested-limit 120]
//
// The corpus is the pinned list in bench/real-pins.json (commits and folders in docs/scale.md), restored beforehand
// by `npm run bench:restore` (scripts/restore-real-code.mjs); this script fetches nothing and stops with exit code 2
// when a project is missing or at another commit. Every figure is a whole process timed from outside, start-up
// included, the median of --runs runs (start-up: 15 runs, interleaved with bare node), run one after another:
//
//   parse-only bound   bench/parse-only.mjs: discovery, read + tree-sitter parse, no extraction, N threads
//   cold scan          ascendify scan DIR --jobs N --cache-dir <empty> -o report.txt   (N = 2, then 1)
//   warm scan          the same again, same cache (nothing changed)
// in rounds (bound, cold, warm with 2 threads; bound, cold with 1), each ratio taken within a round and the median
// of the rounds reported, so that a change of the machine's load between measures does not make a ratio; CPU
// seconds (all threads) are reported next to wall seconds.
//   start-up           ascendify explain cudaMalloc; ascendify scan <empty folder>; against node -e 0
//   peak memory        a cold scan writing the JSON report (--format json --output), its peak RSS; then the warm
//                      scan's JSON must be byte-identical to it
//   nested #if         a 16,000-level nested #if file (277 KB) against a flat file of the same size, one scan each
//                      with no per-file budget (killed after --nested-limit s), and with the default budget
//
// Prints the table of goals (MET / SHORT) with the load average, and writes bench/results-real.json (git-ignored).
// Measurements on whatever machine runs them; never a pass/fail test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : argv[i + 1];
};
const realDir = resolve(opt('real-dir', join(HERE, 'real')));
const runs = Math.max(1, Number(opt('runs', 3)));
const nestedLimit = Number(opt('nested-limit', 120));
const asJson = argv.includes('--json');
const log = (s) => process.stderr.write(`${s}\n`);

// ---- the corpus: present and at the pinned commits, or stop
const pins = JSON.parse(readFileSync(join(HERE, 'real-pins.json'), 'utf8'));
const missing = pins.filter((p) => {
  try {
    return readFileSync(join(realDir, p.name, '.pinned'), 'utf8').trim() !== p.commit;
  } catch {
    return true;
  }
});
if (missing.length) {
  log(`bench --real: ${missing.length} pinned project(s) missing or at another commit under ${realDir}: ${missing.map((p) => p.name).join(', ')}`);
  log('  restore them first: npm run bench:restore -- --mirrors DIR (local git mirrors) or -- --clone (GitHub)');
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  log('bench --real: dist/ is missing; run npm run build (npm run bench does)');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'ascendify-bench-real-'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One whole process, timed from outside; its peak RSS when it reports one. */
function timed(args, { timeoutS = 600, env = {} } = {}) {
  const usageFile = join(work, `usage-${process.hrtime.bigint()}.json`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT, env: { ...process.env, ...env, BENCH_USAGE_FILE: usageFile }, maxBuffer: 1 << 26, timeout: timeoutS * 1000, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seconds = (performance.now() - t0) / 1000;
  let usage = {};
  try {
    usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  } catch {
    usage = {};
  }
  const killed = r.signal !== null || (r.error && r.error.code === 'ETIMEDOUT');
  return { seconds, status: r.status, killed, stdout: r.stdout?.toString() ?? '', stderr: r.stderr?.toString() ?? '', maxRSS: usage.maxRSS, cpu: usage.cpu };
}

const cli = (args, o) => timed([join(HERE, 'cli-child.mjs'), ...args], o);
const check = (r, what) => {
  if (r.status !== 0 && !r.killed) {
    log(`bench --real: ${what} failed (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`);
    process.exit(3);
  }
  return r;
};

const loadBefore = loadavg()[0];
log(`corpus ${realDir}: ${pins.length} projects; ${runs} run(s) per figure; load average ${loadBefore.toFixed(1)} on ${availableParallelism()} cores`);

// ---- start-up: interleaved with bare node, 15 rounds
log('start-up: node -e 0, explain, scan of an empty folder …');
const empty = join(work, 'empty');
mkdirSync(empty);
const bare = [];
const explain = [];
const emptyScan = [];
for (let i = 0; i < 16; i++) {
  const b = timed(['-e', '0']);
  const e = check(timed([join(ROOT, 'bin', 'ascendify.js'), 'explain', 'cudaMalloc']), 'explain');
  const s = check(timed([join(ROOT, 'bin', 'ascendify.js'), 'scan', empty, '-q']), 'empty scan');
  if (i === 0) continue; // warm-up (file cache)
  bare.push(b.seconds);
  explain.push(e.seconds);
  emptyScan.push(s.seconds);
}

let lastCache;
// ---- parse-only bound and cold/warm scans: in rounds (bound, cold, warm with 2 threads; bound, cold with 1), so
// that each ratio is taken within a round, while the machine's load is about the same
const rounds = [];
for (let i = 0; i < runs; i++) {
  const round = {};
  for (const jobs of [2, 1]) {
    log(`round ${i + 1}/${runs}: parse-only bound, ${jobs} thread(s) …`);
    const p = check(timed([join(HERE, 'parse-only.mjs'), realDir, String(jobs)]), 'parse-only');
    const cacheDir = join(work, `cache-${jobs}-${i}`);
    log(`round ${i + 1}/${runs}: cold scan --jobs ${jobs} …`);
    const c = check(cli(['scan', realDir, '--jobs', String(jobs), '--cache-dir', cacheDir, '-q', '-o', join(work, `cold-${jobs}.txt`)]), 'cold scan');
    round[jobs] = { parseOnly: p, cold: c };
    if (jobs === 2) {
      log(`round ${i + 1}/${runs}: warm scan --jobs ${jobs} …`);
      round[jobs].warm = check(cli(['scan', realDir, '--jobs', String(jobs), '--cache-dir', cacheDir, '-q', '-o', join(work, `warm-${jobs}.txt`)]), 'warm scan');
      lastCache = cacheDir;
    }
    round[jobs].info = JSON.parse(p.stdout);
  }
  rounds.push(round);
}
const summary = (pick) => {
  const xs = rounds.map(pick);
  return { seconds: median(xs.map((r) => r.seconds)), runs: xs.map((r) => r.seconds), cpu: median(xs.map((r) => r.cpu ?? NaN)), maxRSS: Math.max(...xs.map((r) => r.maxRSS ?? 0)) };
};
const parseOnly = { 2: summary((r) => r[2].parseOnly), 1: summary((r) => r[1].parseOnly) };
const cold = { 2: summary((r) => r[2].cold), 1: summary((r) => r[1].cold) };
const warm = { 2: summary((r) => r[2].warm) };
/** The median over rounds of a ratio taken within each round. */
const perRound = (f) => median(rounds.map(f));
const ratios = {
  coldVsBound2: perRound((r) => r[2].cold.seconds / r[2].parseOnly.seconds),
  coldVsBound1: perRound((r) => r[1].cold.seconds / r[1].parseOnly.seconds),
  cpuVsBound: perRound((r) => r[2].cold.cpu / r[2].parseOnly.cpu),
  oneVsTwo: perRound((r) => r[1].cold.seconds / r[2].cold.seconds),
  boundOneVsTwo: perRound((r) => r[1].parseOnly.seconds / r[2].parseOnly.seconds),
  coldVsWarm: perRound((r) => r[2].cold.seconds / r[2].warm.seconds),
};
const sameText = readFileSync(join(work, 'cold-2.txt'), 'utf8') === readFileSync(join(work, 'warm-2.txt'), 'utf8') &&
  readFileSync(join(work, 'cold-1.txt'), 'utf8') === readFileSync(join(work, 'cold-2.txt'), 'utf8');

// ---- peak memory with the JSON report, and byte-identity cold/warm
log('cold scan writing the JSON report (peak memory) …');
const jsonCache = join(work, 'cache-json');
const coldJson = check(cli(['scan', realDir, '--jobs', '2', '--cache-dir', jsonCache, '-q', '--format', 'json', '-o', join(work, 'cold.json')]), 'cold JSON scan');
log('warm scan writing the JSON report …');
const warmJson = check(cli(['scan', realDir, '--jobs', '2', '--cache-dir', jsonCache, '-q', '--format', 'json', '-o', join(work, 'warm.json')]), 'warm JSON scan');
const jsonA = readFileSync(join(work, 'cold.json'));
const sameJson = jsonA.equals(readFileSync(join(work, 'warm.json')));
const report = JSON.parse(jsonA.toString('utf8'));
const corpus = { files: report.summary.files.scanned + report.summary.files.skipped, lines: report.summary.lines, findings: report.summary.findings, reportBytes: jsonA.length };
const cacheInfo = JSON.parse(check(cli(['cache', 'info', '--json', '--cache-dir', lastCache])).stdout);

// ---- nested #if
let nested;
if (!argv.includes('--no-nested')) {
  const dir = join(work, 'hostile');
  mkdirSync(dir);
  const depth = 16000;
  let deep = '';
  for (let i = 0; i < depth; i++) deep += `#if A${i}\n`;
  deep += 'void f() { float *p; cudaMalloc(&p, 4); }\n';
  deep += '#endif\n'.repeat(depth);
  let flat = '';
  for (let i = 0; i < depth; i++) flat += `#if A${i}\n#endif\n`;
  flat += 'void f() { float *p; cudaMalloc(&p, 4); }\n';
  mkdirSync(join(dir, 'nested'));
  mkdirSync(join(dir, 'flat'));
  writeFileSync(join(dir, 'nested', 'nested.cu'), deep);
  writeFileSync(join(dir, 'flat', 'flat.cu'), flat);
  // Without a budget: the library scan (bench/scan-child.mjs) with no time limit and a 16 GB worker heap.
  const unbudgeted = (sub) => timed([join(HERE, 'scan-child.mjs'), join(dir, sub), JSON.stringify({ jobs: 1, fileTimeoutMs: 0, fileMemoryMb: 16384 })], { timeoutS: nestedLimit });
  log('nested #if: a flat file of the same size …');
  const f = check(unbudgeted('flat'), 'flat file');
  log(`nested #if: 16,000 levels, no per-file budget (killed after ${nestedLimit} s) …`);
  const n = unbudgeted('nested');
  log('nested #if: 16,000 levels, ascendify scan with the default budget …');
  const b = check(cli(['scan', join(dir, 'nested'), '--no-cache', '--jobs', '1', '-q', '--format', 'json']), 'nested file with the budget');
  const childOut = (r) => {
    try {
      return JSON.parse(r.stdout);
    } catch {
      return {};
    }
  };
  const entry = (r) => {
    try {
      return JSON.parse(r.stdout).files[0];
    } catch {
      return undefined;
    }
  };
  nested = {
    bytes: Buffer.byteLength(deep), flatBytes: Buffer.byteLength(flat),
    flat: { seconds: f.seconds, maxRSS: childOut(f).maxRSS },
    nested: { seconds: n.seconds, killed: n.killed, status: n.status, maxRSS: childOut(n).maxRSS, entry: childOut(n).firstFile },
    budget: { seconds: b.seconds, status: b.status, maxRSS: b.maxRSS, entry: entry(b) },
  };
}
const loadAfter = loadavg()[0];
rmSync(work, { recursive: true, force: true });

// ---- the goals
const GB = 1024 ** 3;
const lps = (s) => Math.round(corpus.lines / s);
const ratio = (a, b) => a / b;
const goals = [
  { goal: 'cold scan, 2 workers <= 1.6x the parse-only bound (2 threads)', value: ratios.coldVsBound2, fmt: (v) => `${v.toFixed(2)}x (${cold[2].seconds.toFixed(2)} s vs ${parseOnly[2].seconds.toFixed(2)} s; CPU ${ratios.cpuVsBound.toFixed(2)}x: ${cold[2].cpu.toFixed(1)} s vs ${parseOnly[2].cpu.toFixed(1)} s)`, met: (v) => v <= 1.6 },
  { goal: 'cold scan, 1 worker <= 1.6x the parse-only bound (1 thread)', value: ratios.coldVsBound1, fmt: (v) => `${v.toFixed(2)}x (${cold[1].seconds.toFixed(2)} s vs ${parseOnly[1].seconds.toFixed(2)} s)`, met: (v) => v <= 1.6, info: true },
  { goal: '2 workers vs 1 >= 1.7x faster', value: ratios.oneVsTwo, fmt: (v) => `${v.toFixed(2)}x (the parse-only bound, 2 threads vs 1: ${ratios.boundOneVsTwo.toFixed(2)}x on this machine now)`, met: (v) => v >= 1.7 },
  { goal: 'warm re-scan (nothing changed) >= 20x faster than cold', value: ratios.coldVsWarm, fmt: (v) => `${v.toFixed(1)}x (${warm[2].seconds.toFixed(2)} s)`, met: (v) => v >= 20 },
  { goal: '`ascendify explain cudaMalloc` <= 4x bare `node -e 0`', value: ratio(median(explain), median(bare)), fmt: (v) => `${v.toFixed(2)}x (${(median(explain) * 1000).toFixed(0)} ms vs ${(median(bare) * 1000).toFixed(0)} ms)`, met: (v) => v <= 4 },
  { goal: 'scan of an empty folder <= 4x bare `node -e 0`', value: ratio(median(emptyScan), median(bare)), fmt: (v) => `${v.toFixed(2)}x (${(median(emptyScan) * 1000).toFixed(0)} ms)`, met: (v) => v <= 4 },
  { goal: `peak memory <= 1 GB (cold scan writing the ${(corpus.reportBytes / 2 ** 20).toFixed(0)} MB JSON report)`, value: coldJson.maxRSS / GB, fmt: (v) => `${v.toFixed(2)} GB (text report: ${(cold[2].maxRSS / GB).toFixed(2)} GB)`, met: (v) => v <= 1 },
  ...(nested ? [{
    goal: '16,000 nested #if (277 KB): linear, < 10x a flat file of the same size',
    value: nested.nested.killed ? Infinity : ratio(nested.nested.seconds, nested.flat.seconds),
    fmt: (v) => (nested.nested.killed
      ? `> ${nestedLimit} s, killed (flat: ${nested.flat.seconds.toFixed(2)} s)`
      : `${v.toFixed(1)}x (${nested.nested.seconds.toFixed(2)} s vs ${nested.flat.seconds.toFixed(2)} s; peak ${((nested.nested.maxRSS ?? 0) / GB).toFixed(2)} GB; ${nested.nested.entry?.status ?? 'no report'})`),
    met: (v) => v < 10,
  }, {
    goal: '... with the default per-file budget: never stalls the scan',
    value: nested.budget.seconds,
    fmt: (v) => `${v.toFixed(1)} s, ${nested.budget.entry?.status ?? '?'}${nested.budget.entry?.reason ? ` (${nested.budget.entry.reason.split(';')[0]})` : ''}, peak ${((nested.budget.maxRSS ?? 0) / GB).toFixed(2)} GB`,
    // The scan ends normally, the file listed (skipped with a budget's reason, or scanned).
    met: () => nested.budget.status === 0 && ['skipped', 'scanned'].includes(nested.budget.entry?.status ?? ''),
  }] : []),
  { goal: `cache bounded (cap ${(cacheInfo.maxBytes / 2 ** 20).toFixed(0)} MB, LRU; ascendify cache prune)`, value: cacheInfo.bytes, fmt: (v) => `${(v / 2 ** 20).toFixed(0)} MB after one cold + one warm scan`, met: (v) => v <= cacheInfo.maxBytes },
  { goal: 'reports byte-identical: --jobs 1 and 2, cold and warm', value: sameText && sameJson, fmt: (v) => (v ? 'identical (text, JSON)' : 'DIFFERENT'), met: (v) => v },
];

const results = {
  node: process.version, cores: availableParallelism(), loadAverage: { before: loadBefore, after: loadAfter }, runs,
  corpus: { ...corpus, dir: realDir, projects: pins.map((p) => `${p.repo}@${p.commit.slice(0, 12)}`) },
  parseOnly, cold, warm, ratios, rounds: rounds.map((r) => ({ parseOnly2: r[2].parseOnly.seconds, cold2: r[2].cold.seconds, warm2: r[2].warm.seconds, parseOnly1: r[1].parseOnly.seconds, cold1: r[1].cold.seconds })), startup: { bare: median(bare), explain: median(explain), emptyScan: median(emptyScan) },
  json: { seconds: coldJson.seconds, maxRSS: coldJson.maxRSS, warmSeconds: warmJson.seconds }, cache: { bytes: cacheInfo.bytes, entries: cacheInfo.entries, maxBytes: cacheInfo.maxBytes },
  nested,
  goals: goals.map((g) => ({ goal: g.goal, measured: g.fmt(g.value), result: g.info ? 'info' : g.met(g.value) ? 'MET' : 'SHORT' })),
};
writeFileSync(join(HERE, 'results-real.json'), `${JSON.stringify(results, null, 2)}\n`);
if (asJson) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else {
  const out = [
    `real code: ${corpus.files} files, ${corpus.lines} lines, ${corpus.findings} findings (${pins.length} pinned projects); node ${process.version}; ${availableParallelism()} cores; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after; medians of ${runs} runs, whole processes`,
    `  parse-only bound   2 threads ${parseOnly[2].seconds.toFixed(2)} s (${lps(parseOnly[2].seconds)} lines/s, CPU ${parseOnly[2].cpu.toFixed(1)} s)   1 thread ${parseOnly[1].seconds.toFixed(2)} s`,
    `  cold scan          2 workers ${cold[2].seconds.toFixed(2)} s (${lps(cold[2].seconds)} lines/s, CPU ${cold[2].cpu.toFixed(1)} s)   1 worker ${cold[1].seconds.toFixed(2)} s   peak ${(cold[2].maxRSS / 2 ** 20).toFixed(0)} MB`,
    `  warm scan          ${warm[2].seconds.toFixed(2)} s   peak ${(warm[2].maxRSS / 2 ** 20).toFixed(0)} MB`,
    `  start-up           node -e 0 ${(median(bare) * 1000).toFixed(0)} ms, explain ${(median(explain) * 1000).toFixed(0)} ms, empty scan ${(median(emptyScan) * 1000).toFixed(0)} ms`,
    `  JSON report        cold ${coldJson.seconds.toFixed(2)} s, warm ${warmJson.seconds.toFixed(2)} s, ${(corpus.reportBytes / 2 ** 20).toFixed(0)} MB`,
    '',
    ...results.goals.map((g) => `  ${g.result.padEnd(5)}  ${g.goal}: ${g.measured}`),
    '',
    'wrote bench/results-real.json',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
