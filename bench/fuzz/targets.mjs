// Fuzz targets of `npm run fuzz` (bench/fuzz.mjs): seeded generators of hostile input and the checks each input
// must pass. A case is (kind, seed): the same pair always makes the same input, so a failure is reproduced by
// its seed alone, and a saved crasher (test/fuzz/crashers/) is replayed by test/fuzz/crashers.test.ts.
//
// What must hold, for any input:
//   - the front end (C/C++/CUDA, CMake, Make, Python, dependency lists) never throws and never reports
//     "parser failed"; every file handed in is in report.files exactly once; the report is the same twice;
//   - reading bytes (decodeSource) never throws;
//   - every loader (config, rules, baseline, report, effort weights) either returns or throws an input error
//     (UsageError/InputError/CatalogError: one line, exit 2), never anything else; what it returns can be used
//     (a config drives an analysis, user rules compile into a catalog, a baseline is compared, a report merged);
//   - .gitignore matching never throws, and answers like the `ignore` package on ordinary patterns;
//   - nothing takes longer than the per-case budget (the runner enforces it).
//
// Runs on dist/ (npm run build first; `npm run fuzz` does).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ignore from 'ignore';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (p) => import(new URL(`../../dist/${p}`, import.meta.url).href);

const [{ loadCatalog, SHIPPED_RULES_DIR }, { compileCatalog }, { analyzeFiles }, { decodeSource }, { loadValidated, parseText }, { parseConfig },
  { parseBaseline }, { effortSetup }, { asReport, mergeReports }, { UsageError }, { CatalogError }, { compileGitignore }, { findSuppressions }] = await Promise.all([
  dist('catalog/load.js'), dist('catalog/compile.js'), dist('core/analyze.js'), dist('discover/read.js'), dist('util/validated.js'), dist('config/load.js'),
  dist('ci/baseline-file.js'), dist('score/weights.js'), dist('core/merge.js'), dist('util/errors.js'), dist('catalog/errors.js'), dist('discover/gitignore.js'),
  dist('parse/suppressions.js'),
]);

/** A failed check: what went wrong, for the runner to save with the input. */
export class FuzzFailure extends Error {
  constructor(message, cause) {
    super(message);
    this.name = 'FuzzFailure';
    if (cause) this.cause = cause;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Randomness

export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
  };
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
// Seeds: the project's own samples, fixtures and rule files (project data, no third-party code)

function filesUnder(dir, test) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const SEEDS = {
  cuda: filesUnder(join(ROOT, 'samples'), (n) => /\.(cu|cuh|h|cpp|cc)$/.test(n)).concat(filesUnder(join(ROOT, 'rules', 'families'), (n) => /\.fixture\.cu$/.test(n))).map((p) => readFileSync(p, 'utf8')),
  build: filesUnder(join(ROOT, 'samples'), (n) => /^(CMakeLists\.txt|Makefile|.*\.py|requirements.*\.txt)$/.test(n)).map((p) => ({ name: p.split('/').pop(), text: readFileSync(p, 'utf8') })),
  rules: filesUnder(join(ROOT, 'rules', 'families'), (n) => /\.yaml$/.test(n)).slice(0, 40).map((p) => readFileSync(p, 'utf8')),
};

// ---------------------------------------------------------------------------------------------------------------
// Generators

const CUDA_WORDS = [
  'cudaMalloc', 'cudaFree', 'cudaMemcpy', 'cudaMallocManaged', 'cudaMemcpyAsync', 'cudaStreamCreate', 'cudaStream_t', 'cudaEvent_t',
  'cudaDeviceSynchronize', 'cudaGetLastError', 'cudaError_t', 'cudaSuccess', 'cudaMemcpyHostToDevice', '__shfl_down_sync', '__shfl_xor_sync',
  '__syncthreads', '__syncwarp', 'atomicAdd', 'atomicCAS', '__ldg', 'threadIdx', 'blockIdx', 'blockDim', 'gridDim', 'warpSize', '__half',
  '__half2float', 'half2', 'cublasSgemm', 'cublasHandle_t', 'cublasCreate', 'cudnnCreate', 'cudnnConvolutionForward', 'ncclAllReduce',
  'ncclComm_t', 'cooperative_groups', 'this_thread_block', 'thrust', 'device_vector', 'cub', 'BlockReduce', 'nvcuda', 'wmma', 'fragment',
  'mma_sync', 'tex2D', 'texture', 'cudaTextureObject_t', 'cuLaunchKernel', 'CUresult', 'cuInit', 'nvrtcCompileProgram', 'curandCreateGenerator',
  'cufftPlan1d', 'cusparseCreate', 'aclrtMalloc', 'aclrtFree', 'cnrtMalloc', 'CUDA_CHECK', 'CUDART_VERSION', '__CUDA_ARCH__', 'cudaDeviceProp',
  'std', 'vector', 'size_t', 'float', 'int', 'x', 'y', 'n', 'buf', 'tid', 'i', 'cg', 'ns', 'T', 'printf', 'malloc', 'ascendify', 'cuda',
  'cudaFooBar', 'cuFancy', 'CUDA_SOMETHING', 'cublasLtMatmul', 'cudaGraphLaunch', '__nv_bfloat16', 'nv', 'cuda::std', 'AscendC', 'LocalTensor',
];
const HEADERS = ['cuda_runtime.h', 'cuda.h', 'cublas_v2.h', 'cudnn.h', 'nccl.h', 'cooperative_groups.h', 'mma.h', 'thrust/device_vector.h', 'cub/cub.cuh', 'acl/acl.h', 'cnrt.h', 'kernel_operator.h', 'vector', 'x.h'];
const QUALIFIERS = ['__global__', '__device__', '__host__', '__shared__', '__constant__', '__managed__', '__forceinline__', 'static', 'inline', 'extern', 'template<typename T>', 'constexpr', '__launch_bounds__(256)', '__restrict__', 'volatile', 'const'];
const OPS = ['+', '-', '*', '/', '%', '<<', '>>', '<', '>', '&&', '||', '&', '|', '^', '==', '!=', '=', '+=', '->', '.', '::', '?', ':', ',', '<<<', '>>>', '#', '##', '\\'];

function ident(r) {
  if (r.chance(0.55)) return r.pick(CUDA_WORDS);
  if (r.chance(0.1)) return r.pick(['ü', 'ℕ', '変数', '\u202e', 'a\u200db', '$x', '_', '__', 'cuda_', 'Cuda', 'CUDA']);
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_';
  let s = r.pick(letters.split(''));
  for (let i = r.int(8); i > 0; i--) s += r.pick((letters + '0123456789').split(''));
  return s;
}

function literal(r) {
  switch (r.int(9)) {
    case 0: return `"${r.pick(['', 'a', '%d\\n', '\\"', 'cudaMalloc', '// ascendify-ignore x -- y', '\\', '\\x41\\u00e9', '/* */'])}"`;
    case 1: return `'${r.pick(['a', '\\n', '\\\'', '"', '\\0'])}'`;
    case 2: return `R"${r.pick(['', 'd', 'xy'])}(${r.pick(['cudaFree(p)', ')"', '\n', 'a'])})${r.pick(['', 'd', 'xy'])}"`;
    case 3: return String(r.int(1 << 20));
    case 4: return r.pick(['0x7fffffff', '0xffffffff', '1e400', '.5f', '32', '1u', "1'000", '0b101', '1.0e-3']);
    case 5: return r.pick(['u8"x"', 'L"x"', 'u"x"', "U'x'"]);
    case 6: return r.pick(['nullptr', 'true', 'sizeof(float)', 'NULL']);
    default: return ident(r);
  }
}

function expr(r, depth) {
  if (depth <= 0 || r.chance(0.3)) return literal(r);
  switch (r.int(7)) {
    case 0: return `${ident(r)}(${Array.from({ length: r.int(4) }, () => expr(r, depth - 1)).join(', ')})`;
    case 1: return `${expr(r, depth - 1)} ${r.pick(OPS)} ${expr(r, depth - 1)}`;
    case 2: return `(${expr(r, depth - 1)})`;
    case 3: return `${ident(r)}<${r.pick(['float', 'int', 'T', '256', ident(r)])}>(${expr(r, depth - 1)})`;
    case 4: return `${ident(r)}::${ident(r)}`;
    case 5: return `[${r.pick(['', '&', '=', 'this'])}](${r.pick(['', 'int i', 'auto x'])}) ${r.pick(['__device__ ', ''])}{ ${stmt(r, depth - 1)} }`;
    default: return `${ident(r)}.${ident(r)}`;
  }
}

function comment(r) {
  const directive = r.pick(['ascendify-ignore', 'ascendify-ignore cudaMallocManaged -- reviewed', 'ascendify-ignore runtime-free, x -- why', 'ascendify-ignore -- ', 'ascendify-ignore-all x', 'TODO cudaFree']);
  return r.chance(0.5) ? `// ${directive}` : `/* ${directive}${r.chance(0.3) ? '\n * more\n' : ' '}*/`;
}

function stmt(r, depth) {
  if (depth <= 0) return `${expr(r, 1)};`;
  switch (r.int(14)) {
    case 0: return `${r.pick(['int', 'float*', 'auto', 'cudaStream_t', 'dim3', '__shared__ float', 'extern __shared__ float', 'const T&'])} ${ident(r)}${r.chance(0.3) ? '[256]' : ''} = ${expr(r, depth - 1)};`;
    case 1: return `if (${expr(r, depth - 1)}) { ${block(r, depth - 1)} }${r.chance(0.3) ? ` else { ${block(r, depth - 1)} }` : ''}`;
    case 2: return `for (int i = 0; i < ${expr(r, 1)}; ++i) { ${block(r, depth - 1)} }`;
    case 3: return `${ident(r)}<<<${expr(r, 1)}, ${expr(r, 1)}${r.chance(0.5) ? `, 0, ${ident(r)}` : ''}>>>(${expr(r, depth - 1)});`;
    case 4: return `asm ${r.pick(['volatile ', ''])}("${r.pick(['mov.u32 %0, %%laneid;', 'bar.sync 0;', 'shfl.sync.bfly.b32'])}" : "=r"(${ident(r)}));`;
    case 5: return `return ${expr(r, depth - 1)};`;
    case 6: return `${comment(r)}\n${stmt(r, depth - 1)}`;
    case 7: return `${stmt(r, depth - 1)} ${comment(r)}`;
    case 8: return `while (${expr(r, 1)}) ${stmt(r, depth - 1)}`;
    case 9: return `{ ${block(r, depth - 1)} }`;
    case 10: return `printf("%d\\n", ${expr(r, 1)});`;
    case 11: return `switch (${expr(r, 1)}) { case 1: ${stmt(r, depth - 1)} break; default: ; }`;
    default: return `${expr(r, depth - 1)};`;
  }
}

function block(r, depth) {
  return Array.from({ length: r.int(4) }, () => stmt(r, depth)).join('\n');
}

function preprocessor(r, depth) {
  switch (r.int(9)) {
    case 0: return `#include ${r.chance(0.8) ? `<${r.pick(HEADERS)}>` : `"${r.pick(HEADERS)}"`}`;
    case 1: return `#define ${ident(r)}${r.chance(0.5) ? `(${ident(r)})` : ''} ${expr(r, 2)}${r.chance(0.2) ? ' \\\n  ' + expr(r, 1) : ''}`;
    case 2: {
      const cond = r.pick(['#if defined(__CUDACC__)', '#ifdef USE_ASCEND', '#ifndef X', '#if __CUDA_ARCH__ >= 700', '#if 0', '#if 1']);
      const body = Array.from({ length: 1 + r.int(3) }, () => topLevel(r, depth - 1)).join('\n');
      const tail = r.chance(0.3) ? `\n#else\n${topLevel(r, depth - 1)}` : '';
      return `${cond}\n${body}${tail}${r.chance(0.9) ? '\n#endif' : ''}`;
    }
    case 3: return `#pragma ${r.pick(['unroll', 'once', 'omp parallel for', 'nv_diag_suppress 177'])}`;
    case 4: return `#undef ${ident(r)}`;
    case 5: return `#error ${ident(r)}`;
    case 6: return `#line ${r.int(100000)}`;
    case 7: return `#${r.pick(['', 'elif X', 'endif', 'else', 'if'])}`;
    default: return `# define ${ident(r)}(...) ${ident(r)}(__VA_ARGS__)`;
  }
}

function topLevel(r, depth) {
  switch (r.int(9)) {
    case 0: case 1: return preprocessor(r, Math.max(depth, 1));
    case 2: case 3: return `${Array.from({ length: r.int(3) }, () => r.pick(QUALIFIERS)).join(' ')} void ${ident(r)}(${r.pick(['', 'float* x, int n', 'T* p', '...'])}) {\n${block(r, depth)}\n}`;
    case 4: return `namespace ${r.pick(['', ident(r), `${ident(r)} = ${r.pick(['cooperative_groups', 'nvcuda::wmma', 'thrust'])};`])} ${r.chance(0.8) ? `{ ${topLevel(r, depth - 1)} }` : ''}`;
    case 5: return `using ${r.pick(['namespace cooperative_groups;', `${ident(r)} = ${ident(r)};`, 'cub::BlockReduce;'])}`;
    case 6: return `template <${r.pick(['typename T', 'int N', 'class T, int N = 32'])}> struct ${ident(r)} { ${stmt(r, 1)} };`;
    case 7: return comment(r);
    default: return stmt(r, depth);
  }
}

/** Grammar-shaped CUDA text. */
export function cudaText(r) {
  const parts = Array.from({ length: 1 + r.int(12) }, () => topLevel(r, 1 + r.int(4)));
  let text = parts.join('\n');
  if (r.chance(0.1)) text = `${'{'.repeat(r.int(3000))}${text}${'}'.repeat(r.int(3000))}`;
  if (r.chance(0.05)) text = `${'#if X\n'.repeat(r.int(400))}${text}${'\n#endif'.repeat(r.int(400))}`;
  if (r.chance(0.05)) text += `\n${'x'.repeat(r.int(200_000))}`;
  return lineEndings(r, text);
}

function lineEndings(r, text) {
  switch (r.int(6)) {
    case 0: return text.replace(/\n/g, '\r\n');
    case 1: return text.replace(/\n/g, '\r');
    case 2: return text.replace(/\n/g, () => r.pick(['\n', '\r\n', '\r', '\n\r']));
    case 3: return `\ufeff${text}`;
    default: return text;
  }
}

const JUNK = ['\0', '\u0001', '\u001b[2J', '\ufffd', '\ud800', '\udfff', '\u2028', '\u00ff', '\\', '"', "'", '/*', '*/', '//', '<<<', '>>>', '#', '{', '}', '(', ')', '[', ']', ';', '\n', '\r', '\t', ' '];

/** Random edits of a text: deletions, duplications, swaps, junk and truncation. */
export function mutate(r, text, edits = 1 + r.int(6)) {
  let t = text;
  for (let i = 0; i < edits; i++) {
    const a = r.int(t.length + 1);
    const b = Math.min(t.length, a + r.int(200));
    switch (r.int(6)) {
      case 0: t = t.slice(0, a) + t.slice(b); break;
      case 1: t = t.slice(0, b) + t.slice(a, b) + t.slice(b); break;
      case 2: t = t.slice(0, a) + r.pick(JUNK).repeat(1 + r.int(4)) + t.slice(a); break;
      case 3: { const c = r.int(t.length + 1); t = t.slice(0, Math.min(a, c)) + t.slice(b) + t.slice(Math.min(a, c), a); break; }
      case 4: t = t.slice(0, r.int(t.length + 1)); break;
      default: t = t.slice(0, a) + ident(r) + t.slice(a);
    }
  }
  return t;
}

/** Random bytes with some structure: UTF-8 fragments, invalid sequences, NULs, BOMs, CRs. */
export function randomBytes(r) {
  const n = r.chance(0.1) ? r.int(65536) : r.int(2048);
  const out = [];
  const mode = r.int(4);
  while (out.length < n) {
    if (mode === 0) out.push(r.int(256));
    else if (mode === 1) out.push(...Buffer.from(r.pick(['cudaMalloc(', ');', '\n', '\r', '// ', '\u00e9', '\u4e2d', '\ud83d\ude00', ' ', 'x', '{', '}'])));
    else if (mode === 2) out.push(r.chance(0.9) ? 32 + r.int(95) : r.pick([0x80, 0xc3, 0xe4, 0xf0, 0xff, 0xfe, 0x0d, 0x0a]));
    else out.push(r.chance(0.995) ? 0x41 + r.int(26) : 0);
  }
  if (r.chance(0.1)) out.unshift(0xef, 0xbb, 0xbf);
  return Buffer.from(out.slice(0, n));
}

function cmakeText(r) {
  const cmd = () => {
    const name = r.pick(['project', 'enable_language', 'find_package', 'target_link_libraries', 'set', 'add_library', 'cuda_add_executable', 'set_target_properties', 'if', 'endif', 'include', 'list', 'foreach', 'endforeach', 'function', 'endfunction', 'message', ident(r)]);
    const args = Array.from({ length: r.int(5) }, () => r.pick(['CUDA', 'CUDAToolkit', 'CUDA::cudart', 'CUDA::cublas', 'LANGUAGES', 'CXX', 'REQUIRED', '"${CUDA_NVCC_FLAGS} -arch=sm_80"', '${X}', '$<$<COMPILE_LANGUAGE:CUDA>:-G>', '[[bracket ]]', '[=[ x ]=]', 'CMAKE_CUDA_ARCHITECTURES', '80;86', 'a.cu', '"unterminated', '\\"', '#', ident(r)]));
    return `${name}(${args.join(r.pick([' ', '\n  ', '\t']))}${r.chance(0.95) ? ')' : ''}${r.chance(0.2) ? ` # ${r.pick(['ascendify-ignore cmake-cuda-language -- x', 'note'])}` : ''}`;
  };
  return Array.from({ length: 1 + r.int(15) }, () => (r.chance(0.1) ? `#[[${r.pick(['', 'a\nb', 'ascendify-ignore x -- y'])}]]` : cmd())).join('\n');
}

function makeText(r) {
  const line = () => r.pick([
    `NVCC ${r.pick(['?=', '=', ':='])} ${r.pick(['nvcc', '$(CUDA_HOME)/bin/nvcc', '/usr/local/cuda/bin/nvcc'])}`,
    `LIBS += -lcudart -lcublas${r.chance(0.3) ? ' \\' : ''}`,
    `%.o: %.cu\n\t$(NVCC) ${r.pick(['-arch=sm_80', '-gencode arch=compute_80,code=sm_80', '--use_fast_math', '-rdc=true'])} -c $< -o $@`,
    `# ascendify-ignore ${r.pick(['make-lib-cudart', ''])} -- ${r.pick(['x', ''])}`,
    `${ident(r)} = ${ident(r)} # comment`,
    `all: ${ident(r)}\n\t@echo "#not a comment" \\\n\t  more`,
    `ifeq ($(X),1)\nCFLAGS += -DUSE_CUDA\nendif`,
    `define ${ident(r)}\n${ident(r)}\nendef`,
    '\\',
  ]);
  return Array.from({ length: 1 + r.int(12) }, line).join('\n');
}

function pythonText(r) {
  const line = () => r.pick([
    'import torch', 'import cupy as cp', 'from numba import cuda', 'import pycuda.autoinit', 'import triton', 'import torch.cuda as tc',
    `x = torch.zeros(${r.int(10)}).cuda()`, `device = ${r.pick(['"cuda"', "'cuda:0'", 'torch.device("cuda")'])}`, 'torch.cuda.synchronize()',
    'torch.distributed.init_process_group(backend="nccl")', 'with torch.cuda.amp.autocast():\n    y = model(x)', '@cuda.jit\ndef k(a):\n    a[0] = 1',
    'from torch.utils.cpp_extension import CUDAExtension', `s = """${r.pick(['torch.cuda', 'a\nb'])}"""`, `# ascendify-ignore ${r.pick(['torch-cuda-device', ''])} -- x`,
    `def ${ident(r)}(${r.pick(['', 'x', '*a, **k'])}):\n${r.pick(['    pass', '  return x.cuda()', '\tpass'])}`, 'if True:\npass', `x = ${r.pick(['f"{torch.cuda}"', "b'\\x00'", '1e400', 'lambda: torch.cuda'])}`,
  ]);
  return Array.from({ length: 1 + r.int(15) }, line).join('\n');
}

function depsText(r, name) {
  if (name === 'pyproject.toml') {
    return `[project]\ndependencies = [\n${Array.from({ length: r.int(5) }, () => `  "${r.pick(['torch==2.3.0+cu121', 'cupy-cuda12x', 'numpy', 'nvidia-cublas-cu12', 'pycuda>=2024', '"', '[x]'])}",`).join('\n')}\n]\n${r.pick(['', '[tool.x]\nrequires = ["triton"]', '[[bad'])}`;
  }
  if (name === 'environment.yml') return `name: x\nchannels: [pytorch, nvidia]\ndependencies:\n${Array.from({ length: r.int(5) }, () => `  - ${r.pick(['pytorch-cuda=12.1', 'cudatoolkit', 'pip:', '{a: b}', '- nested', 'cupy'])}`).join('\n')}\n`;
  return Array.from({ length: r.int(8) }, () => r.pick(['torch==2.3.0+cu121', '--extra-index-url https://download.pytorch.org/whl/cu121', 'cupy-cuda12x # ascendify-ignore deps-cupy -- x', 'nvidia-cudnn-cu12>=9', 'pycuda', '-r other.txt', 'numpy[extra]>=1', '# comment', 'git+https://x/y.git#egg=cupy', ident(r)])).join('\n');
}

/** A YAML document from a small grammar: anchors and aliases (self-referencing too), tags, block scalars, flow. */
export function yamlText(r) {
  const anchors = [];
  const scalar = () => r.pick(['1', '-1', '1e400', '-.inf', '.nan', '0x10', '0o7', 'true', 'null', '~', '""', "''", 'x', '"a\\u0000b"', '!!str 1', '!!binary aGk=', '!!float 1e999', '!custom x', '2024-01-01', '1:20', '*undefined', '&', '@x', '`x`', '- x', '? x', 'direct', 'none', 'runtime-malloc', 'cudaMalloc', '7', '0.5', '"' + 'a'.repeat(r.int(5000)) + '"']);
  const node = (depth, indent) => {
    if (depth <= 0 || r.chance(0.25)) {
      if (anchors.length && r.chance(0.2)) return `*${r.pick(anchors)}`;
      return scalar();
    }
    const anchor = r.chance(0.15) ? `a${anchors.length}` : undefined;
    const pre = anchor ? `&${anchor} ` : '';
    if (anchor && r.chance(0.5)) anchors.push(anchor); // may be aliased inside itself: a cycle
    const pad = ' '.repeat(indent);
    switch (r.int(5)) {
      case 0: return `${pre}[${Array.from({ length: r.int(4) }, () => node(depth - 1, indent + 2)).join(', ')}]`;
      case 1: return `${pre}{${Array.from({ length: r.int(4) }, () => `${r.pick(KEYS)}: ${node(depth - 1, indent + 2)}`).join(', ')}}`;
      case 2: return `${pre}\n${Array.from({ length: 1 + r.int(3) }, () => `${pad}- ${node(depth - 1, indent + 2)}`).join('\n')}`;
      case 3: return `${pre}\n${Array.from({ length: 1 + r.int(4) }, () => `${pad}${r.pick(KEYS)}: ${node(depth - 1, indent + 2)}`).join('\n')}`;
      default: return `${pre}${r.pick(['|', '>', '|-', '>+'])}\n${pad}  ${scalar()}\n${pad}  ${scalar()}`;
    }
  };
  let text = Array.from({ length: 1 + r.int(5) }, () => `${r.pick(KEYS)}: ${node(1 + r.int(5), 2)}`).join('\n');
  if (r.chance(0.05)) text = `%YAML 1.2\n---\n${text}\n...\n---\nb: 1`;
  if (r.chance(0.05)) text = `a: ${'['.repeat(r.int(5000))}`;
  if (r.chance(0.05)) text = `${'- '.repeat(r.int(500))}x`;
  if (r.chance(0.05)) text += `\n<<: *${anchors[0] ?? 'x'}`;
  return text;
}

const KEYS = ['family', 'rules', 'id', 'symbols', 'kind', 'targets', 'ascend', 'cambricon', 'status', 'replacement', 'source', 'note', 'profiles', 'override',
  'effort', 'hoursPerDay', 'uses', 'partial', 'kernels', 'models', 'tile', 'features', 'incompatibilities', 'snippet', 'statuses', 'title', 'risk', 'advice',
  'ignore', 'paths', 'version', 'entries', 'fingerprint', 'file', 'line', 'tool', 'name', 'schemaVersion', 'findings', 'files', 'summary', '<<', '? x', '"quoted"', 'x'];

/** A valid document of each kind, to mutate. */
const VALID = {
  config: 'effort:\n  hoursPerDay: 7\n  uses: { partial: 0.5 }\nignore:\n  paths: ["third_party/**"]\n  rules: [cudaFree]\nrules: []\n',
  rules: 'family: team\nrules:\n  - id: team-x\n    symbols: [gpuMalloc]\n    kind: function\n    targets:\n      ascend: { status: direct, replacement: [npuMalloc], source: "wiki" }\n      cambricon: { status: none, note: "none" }\n',
  baseline: '{"version":1,"tool":{"name":"ascendify","version":"0.1.0"},"entries":[{"fingerprint":"abc","ruleId":"runtime-malloc","symbol":"cudaMalloc","file":"a.cu","line":1,"context":"cudaMalloc(0,4);"}]}',
};

/** Structured edits of a document: values replaced by odd scalars, keys duplicated or dropped, text mutations. */
function mutateDocument(r, text) {
  let t = text;
  for (let i = 1 + r.int(4); i > 0; i--) {
    if (r.chance(0.5)) t = mutate(r, t, 1);
    else {
      const values = [...t.matchAll(/: ([^\n,}\]]+)/g)];
      if (!values.length) continue;
      const m = r.pick(values);
      const repl = r.pick(['1e400', '.inf', '-1', 'null', '[]', '{}', '"x"', '*a', '&a [*a]', '0', 'true', '"(a+)+$"', '"!(x)"', '"\\u0000"', `"${'a'.repeat(r.int(3000))}"`, '"***/**/**/**/**/a"']);
      t = t.slice(0, m.index + 2) + repl + t.slice(m.index + m[0].length);
    }
  }
  return t;
}

function gitignoreText(r) {
  const atoms = ['a', 'b', '*', '?', '**', '[ab]', '[!a]', '\\*', '.c', ' ', '\\ ', '#', '!', '/', '[', ']', '-', '\\', 'é', '**/'];
  return Array.from({ length: 1 + r.int(6) }, () => Array.from({ length: 1 + r.int(6) }, () => r.pick(atoms)).join('')).join(r.chance(0.2) ? '\r\n' : '\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Cases

export const KINDS = ['cuda', 'cuda-mutated', 'bytes', 'build', 'yaml', 'config', 'rules', 'baseline', 'report', 'gitignore'];

const PATHS = { cuda: ['a.cu', 'b.cuh', 'k.cpp', 'x.h', 'dir/sub/k.cu', 'c.c', 'e.inl'], build: ['CMakeLists.txt', 'x.cmake', 'Makefile', 'rules.mk', 'setup.py', 'm.py', 'requirements.txt', 'pyproject.toml', 'environment.yml'] };

/** The input of a case: what the check gets and what a crasher file holds. */
export function generate(kind, seed) {
  const r = rng(seed);
  switch (kind) {
    case 'cuda': return { kind, files: Array.from({ length: 1 + r.int(3) }, (_, i) => ({ path: `${i}/${r.pick(PATHS.cuda)}`, text: cudaText(r) })) };
    case 'cuda-mutated': return { kind, files: [{ path: r.pick(PATHS.cuda), text: mutate(r, r.chance(0.5) ? r.pick(SEEDS.cuda) : cudaText(r)) }] };
    case 'bytes': return { kind, path: r.pick([...PATHS.cuda, ...PATHS.build]), bytes: randomBytes(r).toString('base64') };
    case 'build': {
      const path = r.pick(PATHS.build);
      const name = path.split('/').pop();
      let text = /cmake|CMake/.test(name) ? cmakeText(r) : /Makefile|\.mk$/.test(name) ? makeText(r) : name.endsWith('.py') ? pythonText(r) : depsText(r, name);
      if (r.chance(0.3)) {
        const same = SEEDS.build.filter((s) => s.name === name);
        if (same.length) text = r.pick(same).text;
      }
      return { kind, files: [{ path, text: lineEndings(r, r.chance(0.5) ? mutate(r, text) : text) }] };
    }
    case 'yaml': return { kind, schema: r.pick(['config', 'rules', 'baseline', 'effort', 'report', 'profiles', 'recognition', 'vocabulary']), text: r.chance(0.1) ? randomBytes(r).toString('latin1') : yamlText(r) };
    case 'config': return { kind, text: r.chance(0.3) ? yamlText(r) : mutateDocument(r, VALID.config) };
    case 'rules': return { kind, text: r.chance(0.2) ? yamlText(r) : mutateDocument(r, r.chance(0.5) ? VALID.rules : r.pick(SEEDS.rules)) };
    case 'baseline': return { kind, text: r.chance(0.2) ? mutate(r, VALID.baseline) : mutateDocument(r, VALID.baseline.replace(/,/g, ', ')) };
    case 'report': return { kind, seed };
    case 'gitignore': return { kind, text: gitignoreText(r), paths: Array.from({ length: 8 }, () => Array.from({ length: 1 + r.int(4) }, () => r.pick(['a', 'b', 'ab', 'x.c', 'é', 'A', '*'])).join('/') + (r.chance(0.3) ? '/' : '')) };
    default: throw new Error(`unknown kind ${kind}`);
  }
}

let catalog;
let sampleReport;

function shared() {
  catalog ??= loadCatalog();
  return catalog;
}

const graceful = (e) => e instanceof UsageError || e instanceof CatalogError;

function expectGraceful(what, fn) {
  try {
    return fn();
  } catch (e) {
    if (graceful(e)) {
      const message = String(e.message);
      if (message.includes('\n') && !/YAML|JSON/.test(message)) throw new FuzzFailure(`${what}: an input error of several lines: ${JSON.stringify(message.slice(0, 200))}`);
      return undefined;
    }
    throw new FuzzFailure(`${what} threw ${e?.name ?? typeof e}: ${e?.message ?? e}`, e);
  }
}

function analyze(what, files, options) {
  let report;
  try {
    report = analyzeFiles(files, shared(), options);
  } catch (e) {
    if (options && graceful(e)) return undefined; // a config that is only refused when used
    throw new FuzzFailure(`${what}: analyzeFiles threw ${e?.name}: ${e?.message}`, e);
  }
  const paths = report.files.map((f) => f.path);
  for (const f of files) {
    const n = paths.filter((p) => p === f.path).length;
    if (n !== 1) throw new FuzzFailure(`${what}: ${JSON.stringify(f.path)} is in files ${n} times`);
  }
  const failed = report.files.find((f) => /^parser failed/.test(f.reason ?? ''));
  if (failed) throw new FuzzFailure(`${what}: ${failed.path}: ${failed.reason}`);
  return report;
}

// A Node warning (process.emitWarning) during a case would be noise on the CLI's stderr: a failure too. Warnings
// are emitted on the next tick, so the runner asks after each case (`takeWarning`).
let warned;
process.on('warning', (w) => {
  warned ??= w;
});

/** The process warning emitted since the last call, as a failure message, or undefined. */
export function takeWarning() {
  const w = warned;
  warned = undefined;
  return w ? `a process warning: ${w.name}: ${String(w.message).slice(0, 200)}` : undefined;
}

/** Run one case; throws FuzzFailure when a check fails. */
export function check(input) {
  switch (input.kind) {
    case 'cuda':
    case 'cuda-mutated':
    case 'build': {
      const a = analyze(input.kind, input.files);
      const b = analyze(input.kind, input.files);
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new FuzzFailure(`${input.kind}: the same input gave two different reports`);
      for (const f of input.files) if (/\.(cu|cuh|c|cc|cpp|h|inl)$/.test(f.path)) findSuppressions(f.text);
      return;
    }
    case 'bytes': {
      const buf = Buffer.from(input.bytes, 'base64');
      let read;
      try {
        read = decodeSource(buf);
      } catch (e) {
        throw new FuzzFailure(`decodeSource threw ${e?.name}: ${e?.message}`, e);
      }
      if (read.ok) analyze('bytes', [{ path: input.path, text: read.text }]);
      return;
    }
    case 'yaml': {
      expectGraceful(`parseText(${input.schema})`, () => parseText(input.text, 'fuzz.yaml', 'yaml'));
      expectGraceful(`loadValidated(${input.schema})`, () => loadValidated(input.schema, input.text, 'fuzz.yaml'));
      return;
    }
    case 'config': {
      const config = expectGraceful('parseConfig', () => parseConfig(input.text, 'fuzz.yaml'));
      if (!config) return;
      const effort = expectGraceful('effortSetup', () => (config.effort ? effortSetup(shared().effortDefaults, config) : undefined));
      if (config.effort && !effort) return;
      const ignore = config.ignore ? { file: 'fuzz.yaml', ...config.ignore } : undefined;
      analyze('config', [{ path: 'third_party/a.cu', text: '__global__ void k(float v) { v += __shfl_down_sync(0xffffffff, v, 1); cudaFree(0); }\nvoid h(float** p) { cudaMallocManaged(p, 4); }\n' }], { effort, ci: { ignore } });
      return;
    }
    case 'rules': {
      const doc = expectGraceful('rules', () => loadValidated('rules', input.text, 'fuzz.yaml'));
      if (!doc) return;
      const base = shared();
      void base;
      expectGraceful('compileCatalog', () => compileWithUserRules(doc));
      return;
    }
    case 'baseline': {
      const baseline = expectGraceful('parseBaseline', () => parseBaseline(input.text, 'fuzz.json'));
      if (!baseline) return;
      analyze('baseline', [{ path: 'a.cu', text: 'void f() { cudaMalloc(0, 4); }\n' }], { ci: { baseline: { file: 'fuzz.json', data: baseline, deleted: new Set(['gone.cu']) } } });
      return;
    }
    case 'report': {
      const r = rng(input.seed);
      sampleReport ??= JSON.stringify(analyzeFiles([{ path: 'a.cu', text: '#include <cuda_runtime.h>\nvoid f(float** p) { cudaMallocManaged(p, 4); cudaFree(*p); }\n' }], shared()));
      const text = mutateDocument(r, sampleReport.replace(/,"/g, ', "'));
      let value;
      try {
        value = JSON.parse(text);
      } catch {
        return;
      }
      const report = expectGraceful('asReport', () => asReport(value, 'fuzz.json'));
      if (!report) return;
      expectGraceful('mergeReports', () => mergeReports([{ source: 'a.json', report }, { source: 'b.json', report: JSON.parse(sampleReport), prefix: 'b' }]));
      return;
    }
    case 'gitignore': {
      let ours;
      try {
        ours = compileGitignore(input.text);
        for (const p of input.paths) ours.ignores(p);
      } catch (e) {
        throw new FuzzFailure(`compileGitignore threw ${e?.name}: ${e?.message}`, e);
      }
      // The reference only on patterns both read the same way (no escapes, brackets or non-ASCII).
      if (/[\\[\]é\r]/.test(input.text)) return;
      let theirs;
      try {
        theirs = ignore().add(input.text);
      } catch {
        return;
      }
      for (const p of input.paths) {
        if (p.includes('*')) continue;
        if (ours.ignores(p) !== theirs.ignores(p)) throw new FuzzFailure(`gitignore ${JSON.stringify(input.text)} on ${JSON.stringify(p)}: ours ${ours.ignores(p)}, ignore ${theirs.ignores(p)}`);
      }
      return;
    }
    default:
      throw new Error(`unknown kind ${input.kind}`);
  }
}

let catalogSources;

/** The shipped catalog plus one user rule document, compiled the way loadCatalog does. */
function compileWithUserRules(doc) {
  if (!catalogSources) {
    const read = (p) => parseText(readFileSync(join(SHIPPED_RULES_DIR, p), 'utf8'), p, 'yaml');
    const families = readdirSync(join(SHIPPED_RULES_DIR, 'families')).filter((n) => n.endsWith('.yaml')).sort();
    catalogSources = {
      profiles: { file: 'rules/profiles.yaml', data: read('profiles.yaml') },
      recognition: { file: 'rules/recognition.yaml', data: read('recognition.yaml') },
      vocabulary: read('vocabulary.yaml'),
      effort: read('effort.yaml'),
      ruleFiles: families.map((n) => ({ file: `families/${n}`, data: read(join('families', n)), user: false })),
      version: 'fuzz',
    };
  }
  const compiled = compileCatalog({ ...catalogSources, ruleFiles: [...catalogSources.ruleFiles, { file: 'fuzz.yaml', data: doc, user: true }] });
  const symbols = (doc.rules ?? []).flatMap((x) => x.symbols ?? []).slice(0, 5);
  analyzeFiles([{ path: 'u.cu', text: `void f() { ${symbols.map((s) => `${s.replace(/\W/g, '')}(0);`).join(' ')} }\n` }], compiled);
  return compiled;
}
