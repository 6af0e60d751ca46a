/**
 * What the CMake, Makefile and Python front ends share: the nvcc command-line vocabulary
 * (compiler, flags, CUDA link libraries) with its canonical symbols, occurrence building,
 * and `# ascendify-ignore` comments. docs/build-and-python.md lists the symbols.
 */
import type { FileFacts, Language, Occurrence, Role, Suppression } from '../model/index.js';
import { indexLines, occurrenceAt, position, type LineIndex } from './source-text.js';

/**
 * nvcc flags, canonical symbol `nvcc:<flag>` (short and long spellings share one symbol).
 * `unique` flags belong to nvcc alone and count wherever they appear in code; the others
 * (`-arch`) count only in an nvcc context: an nvcc command line or a CUDA flags variable.
 */
interface FlagSpec {
  symbol: string;
  spellings: string[];
  unique: boolean;
}

const FLAGS: FlagSpec[] = [
  { symbol: 'nvcc:-arch', spellings: ['-arch', '--gpu-architecture'], unique: false },
  { symbol: 'nvcc:-code', spellings: ['-code', '--gpu-code'], unique: false },
  { symbol: 'nvcc:-gencode', spellings: ['-gencode', '--generate-code'], unique: true },
  { symbol: 'nvcc:--use_fast_math', spellings: ['--use_fast_math', '-use_fast_math'], unique: true },
  { symbol: 'nvcc:-rdc', spellings: ['-rdc', '--relocatable-device-code', '-dc', '--device-c'], unique: true },
  { symbol: 'nvcc:-Xcompiler', spellings: ['-Xcompiler', '--compiler-options'], unique: true },
  { symbol: 'nvcc:-Xptxas', spellings: ['-Xptxas', '--ptxas-options'], unique: true },
  { symbol: 'nvcc:--expt-relaxed-constexpr', spellings: ['--expt-relaxed-constexpr', '-expt-relaxed-constexpr'], unique: true },
  { symbol: 'nvcc:--extended-lambda', spellings: ['--extended-lambda', '--expt-extended-lambda', '-expt-extended-lambda', '-extended-lambda'], unique: true },
  { symbol: 'nvcc:-lineinfo', spellings: ['-lineinfo', '--generate-line-info'], unique: true },
  { symbol: 'nvcc:-maxrregcount', spellings: ['-maxrregcount', '--maxrregcount'], unique: true },
  { symbol: 'nvcc:--default-stream', spellings: ['--default-stream', '-default-stream'], unique: true },
  { symbol: 'nvcc:-ccbin', spellings: ['-ccbin', '--compiler-bindir'], unique: true },
  { symbol: 'nvcc:-Xcudafe', spellings: ['-Xcudafe', '--cudafe-options'], unique: true },
];

const SPELLING = new Map<string, FlagSpec>(FLAGS.flatMap((f) => f.spellings.map((s) => [s, f] as const)));

/** CUDA libraries as link names; `-l<name>` is the canonical symbol. */
export const CUDA_LIBRARIES = new Set([
  'cudart', 'cudart_static', 'cuda', 'cublas', 'cublasLt', 'cublas_static', 'cudnn', 'nccl', 'nccl_static', 'cufft',
  'cufftw', 'curand', 'cusparse', 'cusolver', 'nvrtc', 'nvToolsExt', 'nvidia-ml', 'cupti', 'nvjpeg', 'nppc', 'nppial',
  'nppicc', 'nppig', 'nppif', 'nvJitLink',
]);

/** A flag candidate: a `-`word, optionally `=value` or followed by a separate value. */
const FLAG_TOKEN = /(?<![\w$.=-])(-{1,2}[A-Za-z][\w-]*)(=[^\s"';)]*)?/g;
const LIBRARY_TOKEN = /(?<![\w$.-])-l([A-Za-z][\w-]*)/g;
const NON_GPU_ARCH = /^=?(x86_64|i386|arm64|arm64e|armv7|native)$/;

export interface Hit {
  symbol: string;
  /** Offsets into the text that was scanned. */
  start: number;
  end: number;
}

/** nvcc flags in a piece of code text; `nvccContext` admits the flags nvcc shares with other compilers. */
export function nvccFlags(text: string, nvccContext: boolean): Hit[] {
  const out: Hit[] = [];
  FLAG_TOKEN.lastIndex = 0;
  for (let m = FLAG_TOKEN.exec(text); m; m = FLAG_TOKEN.exec(text)) {
    const spec = SPELLING.get(m[1] as string);
    if (!spec) continue;
    if (!spec.unique) {
      const value = m[2] ?? /^\s+(\S+)/.exec(text.slice(m.index + m[0].length))?.[1] ?? '';
      if (NON_GPU_ARCH.test(value)) continue;
      if (!nvccContext && !/sm_|compute_|\$[({]/.test(value)) continue;
    }
    out.push({ symbol: spec.symbol, start: m.index, end: m.index + (m[1] as string).length });
  }
  return out;
}

/** `-lcublas` and friends in a piece of code text. */
export function linkFlags(text: string): Hit[] {
  const out: Hit[] = [];
  LIBRARY_TOKEN.lastIndex = 0;
  for (let m = LIBRARY_TOKEN.exec(text); m; m = LIBRARY_TOKEN.exec(text)) {
    if (CUDA_LIBRARIES.has(m[1] as string)) out.push({ symbol: `-l${m[1] as string}`, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Collects occurrences for one file, one per symbol and line (a line that names a flag twice is one use). */
export class OccurrenceSink {
  readonly lines: LineIndex;
  readonly occurrences: Occurrence[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly text: string) {
    this.lines = indexLines(text);
  }

  add(name: string, role: Role, start: number, end: number): void {
    const from = position(this.lines, start);
    const key = `${from.line}\0${name}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.occurrences.push(occurrenceAt(this.lines, name, role, start, end, false));
  }

  facts(path: string, language: Language, suppressions: Suppression[], parseErrorLines: number[] = []): FileFacts {
    const facts: FileFacts = {
      path,
      language,
      lines: this.lines.lines.length,
      occurrences: this.occurrences.sort((a, b) => a.line - b.line || a.column - b.column || a.name.localeCompare(b.name)),
      definitions: [],
      kernels: [],
      namespaces: { aliases: {}, usingNamespaces: [], usingDeclarations: {} },
      parseErrorLines,
    };
    if (suppressions.length) facts.suppressions = suppressions;
    return facts;
  }
}

const KEYWORD = /(?<![\w-])ascendify-ignore(?![\w-])/;

/** `# ascendify-ignore <rule-id|symbol>[, more] -- reason` in a comment (text after the comment marker). */
export function suppressionsIn(comment: string, line: number): Suppression[] {
  const m = KEYWORD.exec(comment);
  if (!m) return [];
  const body = comment.slice(m.index + m[0].length).split('\n')[0]!.replace(/\]=*\]\s*$/, '').trim();
  const dash = /(?:^|\s)--(?:\s|$)/.exec(body);
  const head = dash ? body.slice(0, dash.index) : body;
  const reason = dash ? body.slice(dash.index + dash[0].length).trim() : '';
  const targets = head.split(/[\s,]+/).filter(Boolean);
  return (targets.length ? targets : ['']).map((target) => (reason ? { line, target, reason } : { line, target }));
}
