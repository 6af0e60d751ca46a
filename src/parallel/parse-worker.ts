/**
 * Worker thread entry for the parse stage: one tree-sitter parser per thread.
 *
 * Protocol: the worker loads its parser at once and says `{ booted }`; the main thread sends `{ init }` (the
 * lexicon, limits) as soon as it has the catalog, so loading the parser overlaps with discovery and the catalog;
 * the worker answers `{ ready }`. Then `{ id, file }` tasks, answered in order with `{ id, json, key? }`: the
 * outcome as UTF-8 JSON bytes in a buffer of their own, transferred (not copied) to the main thread, where they
 * are parsed once and stored in the cache as they are; `key` is the content key of the bytes the worker read.
 */
import { parentPort } from 'node:worker_threads';
import type { Lexicon, SourceFile } from '../model/index.js';
import { createCudaParser } from '../parse/cuda-parser.js';
import { fromWire, type WireLexicon } from './lexicon-wire.js';
import { parseSourceFile } from './parse-file.js';

export interface WorkerInit {
  init: {
    lexicon: WireLexicon;
    maxFileSize: number;
    /** Compute each file's content key (the cache is on). */
    keys: boolean;
  };
}

export interface WorkerTask {
  id: number;
  file: SourceFile;
}

export type WorkerReply = { booted: true } | { ready: true } | { id: number; json: Uint8Array; key?: string };

if (parentPort) {
  const port = parentPort;
  const parser = createCudaParser();
  const encoder = new TextEncoder();
  let lexicon: Lexicon | undefined;
  let maxFileSize = 0;
  let keys = false;
  port.on('message', (msg: WorkerInit | WorkerTask) => {
    if ('init' in msg) {
      lexicon = fromWire(msg.init.lexicon);
      maxFileSize = msg.init.maxFileSize;
      keys = msg.init.keys;
      port.postMessage({ ready: true } satisfies WorkerReply);
      return;
    }
    if (!lexicon) throw new Error('parse worker: a task arrived before the lexicon');
    const { parsed, key } = parseSourceFile(parser, msg.file, lexicon, maxFileSize, keys);
    // A buffer of its own (TextEncoder), so transferring it detaches nothing else.
    const json = encoder.encode(JSON.stringify(parsed));
    port.postMessage({ id: msg.id, json, ...(key ? { key } : {}) } satisfies WorkerReply, [json.buffer as ArrayBuffer]);
  });
  port.postMessage({ booted: true } satisfies WorkerReply);
}
