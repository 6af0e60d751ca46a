// The lower bound for the parse stage: read + tree-sitter parse, no extraction, on the same files
// and the same number of threads as the scan. Also the regex-only pass (argv[4] === 'regex').
// argv: <corpus dir> <jobs> [mode]. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { discover } from '../dist/discover/walk.js';

if (isMainThread) {
  const [dir, jobsArg, mode] = process.argv.slice(2);
  const jobs = Number(jobsArg ?? 2);
  const files = discover([dir], {}).files.map((f) => f.absPath);
  const t0 = performance.now();
  let lines = 0;
  let tokens = 0;
  if (mode === 'regex') {
    // What hipify-perl -examine style tools do: one regex pass over the text, no syntax.
    const cudaName = /\b(?:cuda|cublas|cudnn|nccl|cufft|curand|cusparse|cusolver|thrust::|__(?:global|device|shared|syncthreads|shfl)|atomic)\w*/g;
    for (const f of files) {
      const text = readFileSync(f, 'latin1');
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
      tokens += text.match(cudaName)?.length ?? 0;
    }
  } else {
    let next = 0;
    await Promise.all(Array.from({ length: jobs }, () => new Promise((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url));
      w.on('message', (m) => {
        if (m.lines !== undefined) lines += m.lines;
        if (next < files.length) w.postMessage(files[next++]);
        else w.terminate().then(resolve, reject);
      });
      w.on('error', reject);
    })));
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, files: files.length, lines, tokens, maxRSS: process.resourceUsage().maxRSS * 1024 })}\n`);
} else {
  const { createCudaParser, parseText } = await import('../dist/parse/cuda-parser.js');
  const parser = createCudaParser();
  parentPort.on('message', (path) => {
    const text = readFileSync(path, 'utf8');
    parseText(parser, text);
    let lines = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    parentPort.postMessage({ lines });
  });
  parentPort.postMessage({ ready: true });
}
