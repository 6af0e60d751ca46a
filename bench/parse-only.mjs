// The lower bound for the parse stage: discovery, then read + tree-sitter parse without extraction, on the same
// files and the same number of threads as the scan (C/C++/CUDA with the CUDA grammar, Python with the Python one;
// build files and dependency lists, which no tree-sitter grammar reads, are read only). Also the regex-only pass
// (argv[4] === 'regex'). argv: <corpus dir> <jobs> [mode]. Prints one JSON line; run as its own process, so that a
// caller timing the whole process compares like with like (start-up, discovery and worker start included).
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { discover } from '../dist/discover/walk.js';

if (isMainThread) {
  const [dir, jobsArg, mode] = process.argv.slice(2);
  const jobs = Number(jobsArg ?? 2);
  const files = discover([dir], {}).files.map((f) => ({ path: f.absPath, language: f.language }));
  const t0 = performance.now();
  let lines = 0;
  let tokens = 0;
  if (mode === 'regex') {
    // What hipify-perl -examine style tools do: one regex pass over the text, no syntax.
    const cudaName = /\b(?:cuda|cublas|cudnn|nccl|cufft|curand|cusparse|cusolver|thrust::|__(?:global|device|shared|syncthreads|shfl)|atomic)\w*/g;
    for (const f of files) {
      const text = readFileSync(f.path, 'latin1');
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
  const usage = process.resourceUsage();
  const result = { seconds, files: files.length, lines, tokens, maxRSS: usage.maxRSS * 1024, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6 };
  if (process.env.BENCH_USAGE_FILE) (await import('node:fs')).writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify(result));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const { createCudaParser, parseText } = await import('../dist/parse/cuda-parser.js');
  const { default: Parser } = await import('tree-sitter');
  const { default: Python } = await import('tree-sitter-python');
  const cuda = createCudaParser();
  const python = new Parser();
  python.setLanguage(Python);
  const C_FAMILY = new Set(['cuda', 'cpp', 'c']);
  parentPort.on('message', ({ path, language }) => {
    const text = readFileSync(path, 'utf8');
    if (C_FAMILY.has(language)) parseText(cuda, text);
    else if (language === 'python') parseText(python, text);
    let lines = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    parentPort.postMessage({ lines });
  });
  parentPort.postMessage({ ready: true });
}
