// `npm run fuzz`: throw generated hostile input at the front end and the loaders for a fixed time
// (bench/fuzz/targets.mjs says what is generated and what must hold). Fails (exit 1) on a crash, a case that
// takes longer than the budget (a hang), or a file missing from `files`; each failing input is saved as
// fuzz-crashers/<kind>-<seed>.json, ready to be moved to test/fuzz/crashers/ as a regression test.
//
//   npm run fuzz                          # 60 seconds
//   npm run fuzz -- --seconds 600         # ten minutes
//   npm run fuzz -- --seed 7 --budget 20000 --kinds cuda,yaml
//   npm run fuzz -- --replay fuzz-crashers/cuda-123.json
//
// Cases run in a worker thread; the main thread watches the case counter it shares with the worker and
// terminates the worker when one case outlives the budget (then starts a new one after the hung case).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const HERE = dirname(fileURLToPath(import.meta.url));

if (!isMainThread) {
  // Worker: run cases from `start` on, publishing the case number before each one.
  const { check, generate, KINDS } = await import('./fuzz/targets.mjs');
  const { shared, start, seed, kinds } = workerData;
  const counter = new Int32Array(shared);
  const use = kinds ? KINDS.filter((k) => kinds.includes(k)) : KINDS;
  for (let i = start; ; i++) {
    const kind = use[i % use.length];
    const caseSeed = (seed * 1_000_003 + i) >>> 0;
    Atomics.store(counter, 0, i);
    Atomics.store(counter, 1, 1);
    try {
      check(generate(kind, caseSeed));
    } catch (e) {
      parentPort.postMessage({ type: 'failure', i, kind, seed: caseSeed, message: String(e?.message ?? e), stack: String(e?.cause?.stack ?? e?.stack ?? '') });
    }
    Atomics.store(counter, 1, 0);
    Atomics.add(counter, 2, 1);
  }
}

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};

const log = (s) => process.stderr.write(`${s}\n`);

if (opt('replay', undefined)) {
  const { check } = await import('./fuzz/targets.mjs');
  const file = opt('replay');
  const input = JSON.parse(readFileSync(file, 'utf8')).input;
  const t = performance.now();
  try {
    check(input);
    log(`${file}: passes (${Math.round(performance.now() - t)} ms)`);
  } catch (e) {
    log(`${file}: ${e.message}\n${e.cause?.stack ?? ''}`);
    process.exitCode = 1;
  }
} else {
  const seconds = Number(opt('seconds', 60));
  const budget = Number(opt('budget', 15_000));
  const seed = Number(opt('seed', Date.now() % 1_000_000));
  const kinds = opt('kinds', undefined)?.split(',');
  const out = opt('out', join(HERE, '..', 'fuzz-crashers'));
  const shared = new SharedArrayBuffer(12);
  const counter = new Int32Array(shared);
  const { generate } = await import('./fuzz/targets.mjs');
  const failures = [];
  const byKind = new Map();

  const save = (f) => {
    mkdirSync(out, { recursive: true });
    const file = join(out, `${f.kind}-${f.seed}.json`);
    writeFileSync(file, `${JSON.stringify({ failure: f.message, kind: f.kind, seed: f.seed, input: generate(f.kind, f.seed) }, null, 2)}\n`);
    return file;
  };
  const record = (f) => {
    const file = save(f);
    failures.push({ ...f, file });
    log(`FAIL ${f.kind} seed ${f.seed}: ${f.message.split('\n')[0].slice(0, 300)}\n  saved ${file}`);
    if (f.stack) log(f.stack.split('\n').slice(0, 6).map((l) => `    ${l}`).join('\n'));
  };

  log(`fuzz: ${seconds} s, seed ${seed}, budget ${budget} ms per case${kinds ? `, kinds ${kinds.join(',')}` : ''}`);
  const started = Date.now();
  let start = 0;
  let done = 0;
  while (Date.now() - started < seconds * 1000) {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { shared, start, seed, kinds }, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    worker.on('message', (m) => {
      if (m.type === 'failure') {
        record(m);
        byKind.set(m.kind, (byKind.get(m.kind) ?? 0) + 1);
      }
    });
    let exited = false;
    let exitError;
    worker.on('error', (e) => {
      exitError = e;
    });
    worker.on('exit', () => {
      exited = true;
    });
    let last = -1;
    let since = Date.now();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const i = Atomics.load(counter, 0);
      const running = Atomics.load(counter, 1) === 1;
      if (i !== last || !running) {
        last = i;
        since = Date.now();
      }
      if (exited) {
        // The worker died (out of memory, a native crash): the case it was running is the crasher.
        const kindsList = (await import('./fuzz/targets.mjs')).KINDS.filter((k) => !kinds || kinds.includes(k));
        const kind = kindsList[i % kindsList.length];
        record({ kind, seed: (seed * 1_000_003 + i) >>> 0, message: `the worker died: ${exitError?.message ?? 'exit'}` });
        start = i + 1;
        break;
      }
      if (running && Date.now() - since > budget) {
        const kindsList = (await import('./fuzz/targets.mjs')).KINDS.filter((k) => !kinds || kinds.includes(k));
        const kind = kindsList[i % kindsList.length];
        await worker.terminate();
        record({ kind, seed: (seed * 1_000_003 + i) >>> 0, message: `a case ran longer than the budget (${budget} ms)` });
        start = i + 1;
        break;
      }
      if (Date.now() - started >= seconds * 1000) {
        await worker.terminate();
        start = -1;
        break;
      }
    }
    done = Atomics.load(counter, 2);
    if (start === -1) break;
  }
  done = Atomics.load(counter, 2);
  log(`fuzz: ${done} cases in ${Math.round((Date.now() - started) / 1000)} s, ${failures.length} failure${failures.length === 1 ? '' : 's'}`);
  if (failures.length) {
    log('Move each saved file to test/fuzz/crashers/ once fixed: test/fuzz/crashers.test.ts replays them.');
    process.exitCode = 1;
  }
  process.exit();
}
