/**
 * A pool of parse workers (node:worker_threads) that enforces the per-file budget.
 *
 * Workers are started before the lexicon is ready (they load the parser meanwhile) and get it with an init
 * message. Tasks go out two at a time per worker, so a worker never waits for the main thread; results come back
 * as JSON bytes (transferred) and are handed to `onResult` by task index, so the caller can put them back in file
 * order.
 *
 * Budget: a file that keeps its worker longer than `timeoutMs` is skipped with that reason (the worker is ended
 * and replaced; its other queued files go to the next worker), and a worker's JavaScript heap is limited to
 * `memoryMb`: a file that needs more ends its worker and is skipped with that reason. Either way the scan goes on.
 * A worker that dies otherwise (a crash in the native parser) loses only the file it was on. If workers cannot
 * start at all (no built worker file, a broken native module), `fallback` parses the remaining files in-process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Lexicon, SourceFile } from '../model/index.js';
import { toWire, type WireLexicon } from '../catalog/lexicon-wire.js';
import type { ParsedFile } from './parse-file.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './parse-worker.js';

export interface PoolTask {
  index: number;
  file: SourceFile;
}

/** The per-file budget: wall time in ms (0: none) and worker heap in MB. */
export interface FileBudget {
  timeoutMs: number;
  memoryMb: number;
}

/** Defaults of the per-file budget (docs/scale.md; --file-timeout). */
export const DEFAULT_FILE_TIMEOUT_MS = 20_000;
export const DEFAULT_FILE_MEMORY_MB = 512;

/** The budget as cache entries record it: a skip by the budget holds only under the same budget. */
export const budgetKey = (b: FileBudget): string => `${b.timeoutMs}ms/${b.memoryMb}MB`;

export interface PoolOptions {
  jobs: number;
  maxFileSize: number;
  budget: FileBudget;
  /** Workers compute each file's content key (the cache is on). */
  keys: boolean;
  /** The worker script; defaults to the built parse-worker.js (see `defaultWorkerUrl`). */
  workerUrl?: URL;
}

/** Where a pool's results go (bound before the first task is submitted). */
export interface PoolHandlers {
  /** Called once per task. `json` is the outcome as JSON bytes when it came from a worker; `key` its content key. */
  onResult(index: number, parsed: ParsedFile & { budget?: string }, json: Uint8Array | undefined, key: string | undefined): void;
  /** Parse these in-process (workers could not start). */
  fallback(tasks: PoolTask[]): Promise<void>;
}

export interface PoolRun {
  /** Workers started (replacements included); 0 when the pool fell back to in-process parsing. */
  workers: number;
  /** Workers that died while parsing (not counting the budget's). */
  crashes: number;
  /** Files skipped by the per-file budget. */
  overBudget: number;
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
  /** The worker listens (it said so): the init message can go. */
  booted: boolean;
  ready: boolean;
  dead: boolean;
  /** When the first in-flight task started (ms): the worker runs its tasks in order. */
  headSince: number;
}

const skipped = (file: SourceFile, reason: string): ParsedFile => ({
  entry: { path: file.path, language: file.language, lines: 0, status: 'skipped', reason },
  cacheable: false,
});

const decoder = new TextDecoder();

export class ParsePool {
  readonly run: PoolRun = { workers: 0, crashes: 0, overBudget: 0 };
  /** Settles when every submitted task has a result and `close` was called. */
  readonly done: Promise<PoolRun>;
  private readonly url: URL | undefined;
  private readonly queue: PoolTask[] = [];
  private readonly slots: Slot[] = [];
  private init: WorkerInit | undefined;
  private handlers: PoolHandlers | undefined;
  private remaining = 0;
  private closed = false;
  private finished = false;
  private startFailures = 0;
  private fallingBack = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private resolveDone!: (run: PoolRun) => void;
  private rejectDone!: (e: Error) => void;

  constructor(private readonly options: PoolOptions) {
    this.url = options.workerUrl ?? defaultWorkerUrl();
    this.done = new Promise<PoolRun>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    // A rejection nobody awaits yet must not crash the process; `done` still rejects for its awaiter.
    this.done.catch(() => undefined);
  }

  /** Start `count` workers now (they load the parser while the caller prepares the lexicon). */
  start(count: number): void {
    if (!this.url) return;
    for (let i = this.slots.filter((s) => !s.dead).length; i < Math.max(1, Math.min(count, this.options.jobs)); i++) this.spawn();
    if (this.options.budget.timeoutMs > 0 && !this.timer) {
      this.timer = setInterval(() => this.checkBudget(), Math.max(10, Math.min(250, this.options.budget.timeoutMs / 4)));
    }
  }

  bind(handlers: PoolHandlers): void {
    this.handlers = handlers;
  }

  get hasLexicon(): boolean {
    return this.init !== undefined;
  }

  /** Hand the workers their lexicon (before or after they booted). */
  setLexicon(lexicon: Lexicon | WireLexicon): void {
    this.init = { init: { lexicon: lexicon.names instanceof Set ? toWire(lexicon as Lexicon) : (lexicon as WireLexicon), maxFileSize: this.options.maxFileSize, keys: this.options.keys } };
    for (const s of this.slots) if (!s.dead && s.booted) s.worker.postMessage(this.init);
  }

  submit(task: PoolTask): void {
    this.remaining++;
    this.queue.push(task);
    if (!this.url) return;
    if (!this.slots.some((s) => !s.dead)) this.start(1);
    for (const s of this.slots) this.fill(s);
  }

  /** No more tasks: `done` settles once the submitted ones are answered. */
  close(): void {
    this.closed = true;
    if (!this.url && this.queue.length) void this.fallBack();
    this.settle();
  }

  /** End every worker now (the caller no longer needs the results). */
  async terminate(): Promise<void> {
    this.finished = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.slots.filter((s) => !s.dead).map((s) => ((s.dead = true), s.worker.terminate())));
  }

  private settle(): void {
    if (this.finished || !this.closed || this.remaining > 0) return;
    this.finished = true;
    if (this.timer) clearInterval(this.timer);
    Promise.all(this.slots.filter((s) => !s.dead).map((s) => ((s.dead = true), s.worker.terminate()))).then(() => this.resolveDone(this.run), (e: Error) => this.rejectDone(e));
  }

  private fill(slot: Slot): void {
    while (slot.ready && !slot.dead && slot.inflight.length < IN_FLIGHT && this.queue.length) {
      const task = this.queue.shift()!;
      if (!slot.inflight.length) slot.headSince = performance.now();
      slot.inflight.push(task);
      slot.worker.postMessage({ id: task.index, file: task.file } satisfies WorkerTask);
    }
  }

  private result(index: number, parsed: ParsedFile & { budget?: string }, json: Uint8Array | undefined, key: string | undefined): void {
    this.handlers!.onResult(index, parsed, json, key);
    this.remaining--;
  }

  private async fallBack(): Promise<void> {
    if (this.fallingBack) return;
    this.fallingBack = true;
    this.run.workers = this.slots.filter((s) => s.ready).length;
    const tasks = this.queue.splice(0);
    try {
      await this.handlers!.fallback(tasks);
      this.remaining -= tasks.length;
      this.fallingBack = false;
      // Tasks submitted meanwhile go the same way.
      if (this.queue.length) await this.fallBack();
      this.settle();
    } catch (e) {
      this.rejectDone(e as Error);
    }
  }

  /** A worker ended: by a crash, by the budget (`budget` says which), or it could not start. */
  private died(slot: Slot, why: string, budget?: 'time' | 'memory'): void {
    if (slot.dead || this.finished) return;
    slot.dead = true;
    if (!slot.ready) {
      this.startFailures++;
      this.queue.unshift(...slot.inflight.splice(0));
    } else {
      const lost = slot.inflight.shift();
      this.queue.unshift(...slot.inflight.splice(0));
      if (lost) {
        const { file } = lost;
        const b = this.options.budget;
        if (budget) {
          this.run.overBudget++;
          const reason = budget === 'time'
            ? `took longer than the per-file time budget (${b.timeoutMs / 1000} s); raise it with --file-timeout, or exclude the file`
            : `needed more than the per-file memory budget (${b.memoryMb} MB of JavaScript heap); exclude the file`;
          // The same file under the same budget would be skipped again: cacheable, marked with the budget.
          this.result(lost.index, { ...skipped(file, reason), cacheable: true, budget: budgetKey(b) }, undefined, undefined);
        } else {
          this.run.crashes++;
          this.result(lost.index, skipped(file, `the parser crashed on this file (${why}); other files are unaffected`), undefined, undefined);
        }
      }
    }
    const alive = this.slots.some((s) => !s.dead);
    if (this.startFailures >= 2 && !this.slots.some((s) => s.ready && !s.dead)) {
      // Workers cannot start here: finish in-process rather than fail the scan.
      void this.fallBack();
    } else if (this.queue.length && (slot.ready || !alive)) {
      this.spawn();
    }
    this.settle();
  }

  private checkBudget(): void {
    const now = performance.now();
    for (const s of this.slots) {
      if (!s.dead && s.ready && s.inflight.length && now - s.headSince > this.options.budget.timeoutMs) {
        void s.worker.terminate();
        this.died(s, 'time budget', 'time');
      }
    }
  }

  private spawn(): void {
    if (this.finished || !this.url) return;
    let worker: Worker;
    try {
      worker = new Worker(this.url, { resourceLimits: { maxOldGenerationSizeMb: this.options.budget.memoryMb } });
    } catch (e) {
      this.startFailures = Math.max(this.startFailures, 2);
      const slot: Slot = { worker: undefined as unknown as Worker, inflight: [], booted: false, ready: false, dead: false, headSince: 0 };
      this.died(slot, (e as Error).message);
      return;
    }
    this.run.workers++;
    const slot: Slot = { worker, inflight: [], booted: false, ready: false, dead: false, headSince: 0 };
    this.slots.push(slot);
    worker.on('message', (reply: WorkerReply) => {
      if (slot.dead) return;
      if ('booted' in reply) {
        // Sent only now: a message that arrives before the worker listens would be lost.
        slot.booted = true;
        if (this.init) worker.postMessage(this.init);
        return;
      }
      if ('ready' in reply) {
        slot.ready = true;
        this.fill(slot);
        return;
      }
      const task = slot.inflight.shift();
      if (!task || task.index !== reply.id) {
        this.rejectDone(new Error(`parse worker answered task ${reply.id} out of order`));
        return;
      }
      if (slot.inflight.length) slot.headSince = performance.now();
      let parsed: ParsedFile;
      try {
        parsed = JSON.parse(decoder.decode(reply.json)) as ParsedFile;
      } catch (e) {
        this.rejectDone(e as Error);
        return;
      }
      this.result(task.index, parsed, reply.json, reply.key);
      this.fill(slot);
      this.settle();
    });
    worker.on('error', (e: Error & { code?: string }) => this.died(slot, e.message, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : undefined));
    worker.on('exit', (code) => this.died(slot, `worker exited with code ${code}`));
  }
}
