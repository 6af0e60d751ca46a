// `npm run fuzz`: throw generated hostile input at the front end and the loaders for a fixed time
// (bench/fuzz/targets.mjs says what is generated and what must hold). Fails (exit 1) on a crash, a case that
// takes longer than the budget (a hang), or a file missing from `files`; each failing input is saved as
// fuzz-crashers/<kind>-<seed>.json, ready to be moved to test/fuzz/crashers/ as a regression test.
//
//   npm run fuzz                          # 60 seconds
//   npm run fuzz -- --seconds 600         # ten minutes
//   npm run fuzz -- --seed 7 --budget 20000 --kinds cuda,yaml
//   npm run fuzz -- --replay fuzz-crashers/cuda-123.json
//   npm run fuzz -- --seed 2 --start 90000            # resume a run's case numbers
//
// Cases run in a child process (a native abort in a parser must not take the runner with it). Before each case the
// child writes the case number to a pipe, synchronously; the runner reads it, kills the child when one case
// outlives the budget (a hang), records the case a dying child was running (a crash), and starts a new child
// after it.
import { spawn } from 'node:child_process';
import { setImmediate } from 'node:timers';
import { mkdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

if (process.env.ASCENDIFY_FUZZ_CHILD) {
  // Child: run cases from `start` on; fd 3 gets "start <i>" before and "done <i>" after each case, fd 4 failures.
  const { check, generate, KINDS, takeWarning } = await import('./fuzz/targets.mjs');
  const { start, seed, kinds } = JSON.parse(process.env.ASCENDIFY_FUZZ_CHILD);
  const use = kinds ? KINDS.filter((k) => kinds.includes(k)) : KINDS;
  const fail = (i, kind, caseSeed, message, stack = '') => writeSync(4, `${JSON.stringify({ i, kind, seed: caseSeed, message, stack })}\n`);
  for (let i = start; ; i++) {
    const kind = use[i % use.length];
    const caseSeed = (seed * 1_000_003 + i) >>> 0;
    writeSync(3, `start ${i}\n`);
    try {
      check(generate(kind, caseSeed));
    } catch (e) {
      fail(i, kind, caseSeed, String(e?.message ?? e), String(e?.cause?.stack ?? e?.stack ?? ''));
    }
    await new Promise((resolve) => setImmediate(resolve)); // warnings arrive on the next tick
    const warning = takeWarning();
    if (warning) fail(i, kind, caseSeed, `${kind}: ${warning}`);
    writeSync(3, `done ${i}\n`);
  }
}

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};

const log = (s) => process.stderr.write(`${s}\n`);

if (opt('replay', undefined)) {
  const { check, takeWarning } = await import('./fuzz/targets.mjs');
  const file = opt('replay');
  const input = JSON.parse(readFileSync(file, 'utf8')).input;
  const t = performance.now();
  try {
    check(input);
    await new Promise((resolve) => setImmediate(resolve));
    const warning = takeWarning();
    if (warning) throw new Error(warning);
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
  const { generate, KINDS } = await import('./fuzz/targets.mjs');
  const use = kinds ? KINDS.filter((k) => kinds.includes(k)) : KINDS;
  const failures = [];
  const caseOf = (i) => ({ kind: use[i % use.length], seed: (seed * 1_000_003 + i) >>> 0 });

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
  let start = Number(opt('start', 0)); // the first case number (to go back to a region of a long run)
  let done = 0;
  while (Date.now() - started < seconds * 1000) {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, ASCENDIFY_FUZZ_CHILD: JSON.stringify({ start, seed, kinds }) },
      stdio: ['ignore', 'inherit', 'pipe', 'pipe', 'pipe'],
    });
    let current = -1;
    let running = false;
    let since = Date.now();
    let stderr = '';
    const lines = (stream, onLine) => {
      let buf = '';
      stream.setEncoding('utf8');
      stream.on('data', (d) => {
        buf += d;
        for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
          onLine(buf.slice(0, nl));
          buf = buf.slice(nl + 1);
        }
      });
    };
    lines(child.stdio[3], (line) => {
      const [what, n] = line.split(' ');
      current = Number(n);
      running = what === 'start';
      since = Date.now();
      if (what === 'done') done++;
    });
    lines(child.stdio[4], (line) => record(JSON.parse(line)));
    child.stdio[2].setEncoding('utf8');
    child.stdio[2].on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    let outcome;
    for (;;) {
      const tick = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(undefined), 200))]);
      if (tick) {
        // The child died on a case: a native abort, out of memory, an uncaught error.
        await new Promise((resolve) => setTimeout(resolve, 100)); // the last pipe lines
        const i = running ? current : current + 1;
        record({ ...caseOf(i), message: `the process died (${tick.signal ?? `exit ${tick.code}`}): ${stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}` });
        start = i + 1;
        outcome = 'died';
        break;
      }
      if (running && Date.now() - since > budget) {
        child.kill('SIGKILL');
        await exited;
        record({ ...caseOf(current), message: `a case ran longer than the budget (${budget} ms)` });
        start = current + 1;
        outcome = 'hang';
        break;
      }
      if (Date.now() - started >= seconds * 1000) {
        child.kill('SIGKILL');
        await exited;
        outcome = 'time';
        break;
      }
    }
    if (outcome === 'time') break;
  }
  log(`fuzz: ${done} cases in ${Math.round((Date.now() - started) / 1000)} s, ${failures.length} failure${failures.length === 1 ? '' : 's'}`);
  if (failures.length) {
    log('Move each saved file to test/fuzz/crashers/ once fixed: test/fuzz/crashers.test.ts replays them.');
    process.exitCode = 1;
  }
  process.exit();
}
