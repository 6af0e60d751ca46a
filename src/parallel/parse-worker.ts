/**
 * Worker thread entry for the parse stage: one tree-sitter parser per thread.
 * Receives `{ id, file }` messages, answers `{ id, json }` with the ParsedFile as JSON text
 * (the same text the cache stores, so the main thread serialises nothing).
 * Sends `{ ready: true }` once the parser is set up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceFile } from '../model/index.js';
import { createCudaParser } from '../parse/cuda-parser.js';
import { fromWire, type WireLexicon } from './lexicon-wire.js';
import { parseSourceFile } from './parse-file.js';

export interface WorkerInit {
  lexicon: WireLexicon;
  maxFileSize: number;
}

export interface WorkerTask {
  id: number;
  file: SourceFile;
}

export type WorkerReply = { ready: true } | { id: number; json: string };

if (parentPort) {
  const port = parentPort;
  const init = workerData as WorkerInit;
  const lexicon = fromWire(init.lexicon);
  const parser = createCudaParser();
  port.on('message', (task: WorkerTask) => {
    const parsed = parseSourceFile(parser, task.file, lexicon, init.maxFileSize);
    port.postMessage({ id: task.id, json: JSON.stringify(parsed) } satisfies WorkerReply);
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}
