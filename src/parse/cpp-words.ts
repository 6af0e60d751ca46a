/**
 * The C/C++ front end's words that are not rule symbols (rules/vocabulary.yaml `cpp`), compiled once per
 * vocabulary: macros that stand for __device__/__global__, the platform an #if condition requires, C/C++ names
 * NVIDIA's headers re-declare, and the API names of other source dialects (HIP, MUSA) the front end must see.
 */
import type { VocabularyFile } from '../model/generated/vocabulary.js';
import type { PlatformOf } from './preprocessor.js';

export interface CppWords {
  /** A macro standing for __device__ (CUTLASS_DEVICE, C10_HOST_DEVICE, HDI). */
  deviceMacro?: RegExp;
  /** A macro standing for __global__ (RAFT_KERNEL). */
  kernelMacro?: RegExp;
  /** C/C++ and compiler names (uint32_t, __builtin_expect): never CUDA. */
  notCuda?: RegExp;
  /** API names of the other source dialects (hipMalloc, musaMalloc): tokens the front end reports. */
  dialectNames?: RegExp;
  /** Header paths of the other source dialects (hip/hip_runtime.h). */
  dialectHeaders: RegExp[];
  /** Methods of CUDA-aware classes reported when called (`x.is_cuda()`): method -> symbol. */
  members: Map<string, string>;
  /** The platform a #if condition requires, if one. */
  platformOf: PlatformOf;
}

const compiled = new WeakMap<VocabularyFile, CppWords>();

const anyOf = (patterns: readonly string[] | undefined): RegExp | undefined =>
  patterns?.length ? new RegExp(patterns.map((p) => `(?:${p})`).join('|')) : undefined;

/** Identifiers of a condition and whether each is used positively (not under `!`). */
export function conditionTerms(condition: string): { name: string; negated: boolean }[] {
  const out: { name: string; negated: boolean }[] = [];
  const stack: boolean[] = [false];
  let pendingNot = false;
  const re = /!=|!|\(|\)|[A-Za-z_]\w*|\d\w*|&&|\|\||./g;
  for (let m = re.exec(condition); m; m = re.exec(condition)) {
    const t = m[0];
    const top = stack[stack.length - 1] as boolean;
    if (t === '!') pendingNot = !pendingNot;
    else if (t === '(') {
      stack.push(top !== pendingNot);
      pendingNot = false;
    } else if (t === ')') {
      if (stack.length > 1) stack.pop();
    } else if (/^[A-Za-z_]/.test(t)) {
      if (t === 'defined') continue; // the ! before `defined(X)` applies to X
      out.push({ name: t, negated: top !== pendingNot });
      pendingNot = false;
    } else if (t.trim()) pendingNot = false;
  }
  return out;
}

/** Split a condition on top-level `||`. */
function disjuncts(condition: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < condition.length; i++) {
    const c = condition[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && c === '|' && condition[i + 1] === '|') {
      out.push(condition.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  out.push(condition.slice(start));
  return out;
}

/**
 * The platform a condition requires: every `||` alternative names (positively) a macro of one and the same platform.
 * `defined(__HIP_PLATFORM_AMD__)` -> hip; `defined(__CUDACC__) || defined(__HIPCC__)` -> none; `!defined(USE_ROCM)` -> none.
 */
export function platformFinder(platforms: Record<string, string> | undefined): PlatformOf {
  const entries = Object.entries(platforms ?? {}).map(([id, p]) => [id, new RegExp(p)] as const);
  const memo = new Map<string, string | undefined>();
  return (condition: string): string | undefined => {
    if (!entries.length) return undefined;
    if (memo.has(condition)) return memo.get(condition);
    let result: string | undefined;
    let first = true;
    for (const alt of disjuncts(condition)) {
      const found = new Set<string>();
      for (const { name, negated } of conditionTerms(alt)) {
        if (negated) continue;
        for (const [id, re] of entries) if (re.test(name)) found.add(id);
      }
      const one = found.size === 1 ? [...found][0] : undefined;
      if (first) result = one;
      else if (result !== one) result = undefined;
      first = false;
      if (result === undefined) break;
    }
    if (memo.size < 10_000) memo.set(condition, result);
    return result;
  };
}

export function cppWords(v: VocabularyFile): CppWords {
  let w = compiled.get(v);
  if (w) return w;
  const cpp = v.cpp;
  const dialects = Object.values(cpp?.dialects ?? {});
  w = {
    deviceMacro: anyOf(cpp?.deviceMacros),
    kernelMacro: anyOf(cpp?.kernelMacros),
    notCuda: cpp?.notCuda ? new RegExp(cpp.notCuda) : undefined,
    dialectNames: anyOf(dialects.flatMap((d) => [...d.identifiers, ...(d.namespaces ?? []).map((ns) => `^${ns.split('::')[0]}$`)])),
    dialectHeaders: dialects.flatMap((d) => (d.headers ?? []).map((h) => new RegExp(h))),
    members: new Map(Object.entries(cpp?.members ?? {})),
    platformOf: platformFinder(cpp?.platforms),
  };
  compiled.set(v, w);
  return w;
}
