/**
 * A pool of parse workers (node:worker_threads). Tasks go out two at a time per worker, so a
 * worker never waits for the main thread; results come back as JSON text and are handed to
 * `onResult` by task index, so the caller can put them back in file order.
 *
 * Robustness: a worker that dies while parsing takes only the file it was on with it (listed as
 * skipped, with the reason); its other tasks go back to the queue and a new worker takes over.
 * If workers cannot start at all (no built worker file, a broken native module), the remaining
 * files are parsed in-process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Lexicon, SourceFile } from '../model/index.js';
import { createCudaParser } from '../parse/cuda-parser.js';
import { toWire } from './lexicon-wire.js';
import { parseSourceFile, type ParsedFile } from './parse-file.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './parse-worker.js';

export interface PoolTask {
  index: number;
  file: SourceFile;
}

export interface PoolOptions {
  jobs: number;
  lexicon: Lexicon;
  maxFileSize: number;
  /** The worker script; defaults to the built parse-worker.js (see `defaultWorkerUrl`). */
  workerUrl?: URL;
  /** Called once per task. `json` is the result as JSON text when it came from a worker. */
  onResult(index: number, parsed: ParsedFile, json: string | undefined): void;
}

export interface PoolRun {
  /** Workers started (replacements included); 0 when the pool fell back to in-process parsing. */
  workers: number;
  /** Workers that died while parsing. */
  crashes: number;
}

const IN_FLIGHT = 2;

/**
 * The worker script next to this module when running from dist/; under vitest (TypeScript
 * sources) the built one in dist/parallel/. Undefined when neither exists: parse in-process.
 */
export function defaultWorkerUrl(): URL | undefined {
  for (const url of [new URL('./parse-worker.js', import.meta.url), new URL('../../dist/parallel/parse-worker.js', import.meta.url)]) {
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

interface Slot {
  worker: Worker;
  inflight: PoolTask[];
  ready: boolean;
  dead: boolean;
}

export function parseInWorkers(tasks: PoolTask[], options: PoolOptions): Promise<PoolRun> {
  const url = options.workerUrl ?? defaultWorkerUrl();
  const queue = [...tasks];
  const run: PoolRun = { workers: 0, crashes: 0 };
  let remaining = tasks.length;
  const inProcess = (): void => {
    const parser = createCudaParser();
    for (const t of queue.splice(0)) {
      options.onResult(t.index, parseSourceFile(parser, t.file, options.lexicon, options.maxFileSize), undefined);
      remaining--;
    }
  };
  if (!url || !tasks.length) {
    inProcess();
    return Promise.resolve({ workers: 0, crashes: 0 });
  }
  const init: WorkerInit = { lexicon: toWire(options.lexicon), maxFileSize: options.maxFileSize };
  const slots: Slot[] = [];
  let startFailures = 0;
  let finished = false;

  return new Promise<PoolRun>((resolveRun, rejectRun) => {
    const finish = (): void => {
      if (finished) return;
      finished = true;
      Promise.all(slots.filter((s) => !s.dead).map((s) => s.worker.terminate())).then(() => resolveRun(run), rejectRun);
    };
    const fill = (slot: Slot): void => {
      while (slot.ready && !slot.dead && slot.inflight.length < IN_FLIGHT && queue.length) {
        const task = queue.shift()!;
        slot.inflight.push(task);
        slot.worker.postMessage({ id: task.index, file: task.file } satisfies WorkerTask);
      }
    };
    const died = (slot: Slot, why: string): void => {
      if (slot.dead || finished) return;
      slot.dead = true;
      if (!slot.ready) {
        startFailures++;
        queue.unshift(...slot.inflight.splice(0));
      } else {
        run.crashes++;
        const lost = slot.inflight.shift();
        queue.unshift(...slot.inflight.splice(0));
        if (lost) {
          const { file } = lost;
          options.onResult(lost.index, {
            entry: { path: file.path, language: file.language, lines: 0, status: 'skipped', reason: `the parser crashed on this file (${why}); other files are unaffected` },
            cacheable: false,
          }, undefined);
          remaining--;
        }
      }
      const alive = slots.some((s) => !s.dead);
      if (startFailures >= 2 && !slots.some((s) => s.ready && !s.dead)) {
        // Workers cannot start here: finish in-process rather than fail the scan.
        run.workers = slots.filter((s) => s.ready).length;
        inProcess();
      } else if (queue.length && (slot.ready || !alive)) {
        spawn();
      }
      if (remaining === 0) finish();
    };
    const spawn = (): void => {
      let worker: Worker;
      try {
        worker = new Worker(url, { workerData: init });
      } catch (e) {
        startFailures = Math.max(startFailures, 2);
        const slot: Slot = { worker: undefined as unknown as Worker, inflight: [], ready: false, dead: false };
        died(slot, (e as Error).message);
        return;
      }
      run.workers++;
      const slot: Slot = { worker, inflight: [], ready: false, dead: false };
      slots.push(slot);
      worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) {
          slot.ready = true;
          fill(slot);
          return;
        }
        const task = slot.inflight.shift();
        if (!task || task.index !== reply.id) {
          rejectRun(new Error(`parse worker answered task ${reply.id} out of order`));
          return;
        }
        let parsed: ParsedFile;
        try {
          parsed = JSON.parse(reply.json) as ParsedFile;
        } catch (e) {
          rejectRun(e as Error);
          return;
        }
        options.onResult(task.index, parsed, reply.json);
        remaining--;
        fill(slot);
        if (remaining === 0) finish();
      });
      worker.on('error', (e) => died(slot, e.message));
      worker.on('exit', (code) => died(slot, `worker exited with code ${code}`));
    };
    const count = Math.max(1, Math.min(options.jobs, tasks.length));
    for (let i = 0; i < count; i++) spawn();
  });
}
