/**
 * What the CMake, Makefile and Python front ends share: their vocabulary (rules/vocabulary.yaml, compiled once),
 * nvcc flags and CUDA link libraries in text, occurrence building, and `# ascendify-ignore` comments.
 * docs/build-and-python.md lists the symbols.
 */
import type { FileFacts, KernelFact, Language, Occurrence, Role, Suppression } from '../model/index.js';
import type { VocabularyFile } from '../model/generated/vocabulary.js';
import { indexLines, occurrenceAt, position, type LineIndex } from './source-text.js';
import { byCodePoint } from '../util/order.js';

/** rules/vocabulary.yaml compiled for matching: sets, maps and regular expressions (built once per vocabulary). */
export interface BuildWords {
  /** nvcc option spellings -> the option (its symbol, and whether nvcc alone has it). */
  spellings: Map<string, { symbol: string; unique: boolean }>;
  libraries: Set<string>;
  cmake: { packages: Map<string, string>; commands: Set<string>; variables: Set<string>; variablePatterns: RegExp[]; flagVariable: RegExp };
  make: { homeVariables: Set<string>; flagVariable: RegExp };
  python: {
    tracked: string[];
    libraries: [string, string][];
    deviceTypeFunctions: Set<string>;
    cudaDevice: RegExp;
    attention: Map<string, string>;
    fp64: Set<string>;
    tritonDecorators: Set<string>;
    tritonLanguage?: string;
    /** Target modules (torch_npu, torch.npu), device strings and backends, by vendor. */
    targets: { modules: string[]; device: RegExp; backends: Set<string>; compileBackends: Set<string> }[];
  };
  deps: { cudaBuild: RegExp; cudaIndex: RegExp };
}

const compiled = new WeakMap<VocabularyFile, BuildWords>();

export function buildWords(v: VocabularyFile): BuildWords {
  let w = compiled.get(v);
  if (w) return w;
  w = {
    spellings: new Map(v.nvcc.flags.flatMap((f) => f.spellings.map((s) => [s, { symbol: f.symbol, unique: f.unique }] as const))),
    libraries: new Set(v.nvcc.libraries),
    cmake: {
      packages: new Map(v.cmake.packages.map((p) => [p.toUpperCase(), p])),
      commands: new Set(v.cmake.commands.map((c) => c.toLowerCase())),
      variables: new Set(v.cmake.variables),
      variablePatterns: v.cmake.variablePatterns.map((p) => new RegExp(p)),
      flagVariable: new RegExp(v.cmake.flagVariable, 'i'),
    },
    make: { homeVariables: new Set(v.make.homeVariables), flagVariable: new RegExp(v.make.flagVariable, 'i') },
    python: {
      tracked: v.python.tracked,
      libraries: Object.entries(v.python.libraries),
      deviceTypeFunctions: new Set(v.python.deviceTypeFunctions),
      cudaDevice: new RegExp(v.python.cudaDevice),
      attention: new Map(Object.entries(v.python.attention ?? {})),
      fp64: new Set(v.python.fp64 ?? []),
      tritonDecorators: new Set(v.python.triton?.kernelDecorators ?? []),
      ...(v.python.triton ? { tritonLanguage: v.python.triton.language } : {}),
      targets: Object.values(v.python.targets ?? {}).map((t) => ({
        modules: t.modules, device: new RegExp(t.device), backends: new Set(t.backends), compileBackends: new Set(t.compileBackends ?? []),
      })),
    },
    deps: { cudaBuild: new RegExp(v.deps.cudaBuild), cudaIndex: new RegExp(v.deps.cudaIndex) },
  };
  compiled.set(v, w);
  return w;
}

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
export function nvccFlags(text: string, nvccContext: boolean, words: BuildWords): Hit[] {
  const out: Hit[] = [];
  FLAG_TOKEN.lastIndex = 0;
  for (let m = FLAG_TOKEN.exec(text); m; m = FLAG_TOKEN.exec(text)) {
    const spec = words.spellings.get(m[1] as string);
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
export function linkFlags(text: string, words: BuildWords): Hit[] {
  const out: Hit[] = [];
  LIBRARY_TOKEN.lastIndex = 0;
  for (let m = LIBRARY_TOKEN.exec(text); m; m = LIBRARY_TOKEN.exec(text)) {
    if (words.libraries.has(m[1] as string)) out.push({ symbol: `-l${m[1] as string}`, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Collects occurrences for one file, one per symbol and line (a line that names a flag twice is one use). */
export class OccurrenceSink {
  readonly lines: LineIndex;
  readonly occurrences: Occurrence[] = [];
  readonly kernels: KernelFact[] = [];
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
      occurrences: this.occurrences.sort((a, b) => a.line - b.line || a.column - b.column || byCodePoint(a.name, b.name)),
      definitions: [],
      kernels: this.kernels.sort((a, b) => a.line - b.line),
      namespaces: { aliases: {}, usingNamespaces: [], usingDeclarations: {} },
      parseErrorLines,
    };
    if (suppressions.length) facts.suppressions = suppressions;
    return facts;
  }
}

const KEYWORD = /(?<![\w-])ascendify-ignore(?![\w-])/;

/**
 * `# ascendify-ignore <rule-id|symbol>[, more] -- reason` in a comment (text after the comment marker). `nextLine`:
 * the line after the comment when it stands alone on its line (it covers that line too); a comment after code
 * covers its own line only (src/parse/suppressions.ts).
 */
export function suppressionsIn(comment: string, line: number, nextLine?: number): Suppression[] {
  const m = KEYWORD.exec(comment);
  if (!m) return [];
  const body = comment.slice(m.index + m[0].length).split('\n')[0]!.replace(/\]=*\]\s*$/, '').trim();
  const dash = /(?:^|\s)--(?:\s|$)/.exec(body);
  const head = dash ? body.slice(0, dash.index) : body;
  const reason = dash ? body.slice(dash.index + dash[0].length).trim() : '';
  const targets = head.split(/[\s,]+/).filter(Boolean);
  return (targets.length ? targets : ['']).map((target) => {
    const s: Suppression = reason ? { line, target, reason } : { line, target };
    if (nextLine !== undefined) s.nextLine = nextLine;
    return s;
  });
}
