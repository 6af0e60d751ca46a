/** Types of the discover and parse stages: what a file is and what its code uses and defines. */

import type { Language } from './generated/report.js';
import type { VocabularyFile } from './generated/vocabulary.js';

/** A file found by discovery. `path` is relative to the scan root, with / separators. */
export interface SourceFile {
  path: string;
  absPath: string;
  language: Language;
  size: number;
}

/** A file that discovery or reading skipped, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/**
 * How a name is used where it occurs. `token` means the name sits in a region the grammar
 * could not parse (or a macro body), so its role is a guess from the following character.
 * `reference` is a name handed on rather than computed with: `&f`, a call argument (`f(x, cudaFree)`),
 * an initializer (`auto p = cudaFree;`); `value` is an expression operand (`x == max`).
 */
export type Role =
  | 'call' | 'type' | 'value' | 'reference' | 'macro-body' | 'token' | 'qualifier' | 'builtin' | 'syntax' | 'include';

/** One use of a name (or a language feature) in code. Lines and columns are 1-based. */
export interface Occurrence {
  /** The name as written, qualified names joined with :: (aliases not yet resolved). */
  name: string;
  role: Role;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Inside a __global__ or __device__ function body. */
  device: boolean;
  /** The #if/#ifdef conditions the use sits under, joined with && (bounded: the innermost ones and a count of the others). */
  condition?: string;
  /**
   * The platform the enclosing #if branch is written for, when its condition requires one (`#ifdef __HIP_PLATFORM_AMD__`
   * -> hip; rules/vocabulary.yaml `cpp.platforms`): cuda, hip, musa, ascend or cambricon.
   */
  platform?: string;
  /** Name of the #define whose body holds this use. */
  macro?: string;
  /** The source line, trimmed and shortened. */
  snippet: string;
}

export interface Definition {
  name: string;
  kind: 'function' | 'type' | 'macro' | 'variable' | 'namespace';
  line: number;
  /** Defined under an #if/#ifdef (a compatibility shim rather than a replacement). */
  conditional?: boolean;
}

/** A __global__ (kernel) or __device__ function. */
export interface KernelFact {
  name: string;
  qualifier: 'global' | 'device';
  line: number;
  endLine: number;
  lines: number;
  /** Project functions called in the body (names the lexicon does not know: candidate device helpers), sorted. */
  calls?: string[];
  /** Hash of the body's code (comments and spacing left out): equal bodies are one kernel to port. */
  hash?: string;
  /** The parameter list as written, spacing collapsed (at most 240 characters). */
  signature?: string;
  /** Defined by a #define (a macro that stamps out kernels): named after the macro, costed once. */
  macro?: boolean;
  /** The platform of the #if branch the kernel sits in (see Occurrence.platform). */
  platform?: string;
  /** The macro that marks it (`RAFT_KERNEL`, `CUTLASS_DEVICE`) when no __global__/__device__ is written. */
  marker?: string;
}

export interface NamespaceFacts {
  /** namespace cg = cooperative_groups; */
  aliases: Record<string, string>;
  /** using namespace nvcuda; */
  usingNamespaces: string[];
  /** using cooperative_groups::thread_block; (short name -> qualified name) */
  usingDeclarations: Record<string, string>;
}

/** Everything the front end extracts from one file; the source text is not kept. */
export interface FileFacts {
  path: string;
  language: Language;
  lines: number;
  occurrences: Occurrence[];
  /** Every #include path as written (code only), CUDA or not. */
  includes?: string[];
  definitions: Definition[];
  kernels: KernelFact[];
  namespaces: NamespaceFacts;
  /** Lines inside regions the grammar could not parse. */
  parseErrorLines: number[];
  /** `ascendify-ignore` comments (set only when the text mentions ascendify-ignore). */
  suppressions?: Suppression[];
}

/**
 * An `// ascendify-ignore <rule-id|symbol> -- reason` comment. It silences matching findings on
 * its own line and on the line after it.
 */
export interface Suppression {
  /** 1-based line of the comment. */
  line: number;
  /** Rule id or symbol the comment names ('' when it names none). */
  target: string;
  /** Text after `--`; absent when the comment gives no reason. */
  reason?: string;
  /**
   * The line after the comment, when the comment stands alone on its line(s): it covers that line too. Absent for
   * a comment after code, which covers its own line only.
   */
  nextLine?: number;
}

/**
 * The names the front end looks at. Everything else in a file is skipped without touching the
 * syntax tree, which is what keeps extraction close to parse-only speed.
 */
export interface Lexicon {
  /** Exact names: catalog and inventory symbols, and the last component of qualified ones. */
  names: ReadonlySet<string>;
  /** Names that count only in device code (C library names CUDA also defines: printf, sqrtf). */
  deviceOnly: ReadonlySet<string>;
  /** Patterns for CUDA-looking names that no rule or inventory entry knows (reported as unknown). */
  identifierPatterns: readonly RegExp[];
  /** Patterns for CUDA-looking header paths. */
  headerPatterns: readonly RegExp[];
  /** What the build-file and Python front ends recognise (rules/vocabulary.yaml), as plain data. */
  vocabulary: VocabularyFile;
}
