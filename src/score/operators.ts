/**
 * Kernel -> vendor operator candidates (rules/operators.yaml, docs/effort-model.md#operators). Pure.
 *
 * A kernel's name (last component, template arguments dropped) and its file's name are split into lowercase
 * words framed by `_` (`rmsNormKernel` -> `_rms_norm_kernel_`). Patterns are tried in order: the first whose
 * `names` match the kernel's name wins; if none does, the first whose `files` match the file's name (a weaker
 * match: its confidence drops one step). `paths`, `exclude` and `signature` restrict a pattern.
 */
import type { KernelEntry, OperatorCandidate, Vendor } from '../model/index.js';
import type { OperatorPattern, OperatorPatternsFile, VendorOperators } from '../model/generated/operators.js';

/** A name as matched: lowercase words joined and framed by `_`. */
export function nameWords(name: string): string {
  const words = name
    // Mixed-case acronyms read as one word: RoIAlign -> Roi_Align, IoU -> Iou.
    .replace(/RoI/g, 'Roi')
    .replace(/IoU/g, 'Iou')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `_${words}_`;
}

/** The last component of a kernel name, template arguments dropped. */
export const kernelShortName = (name: string): string => name.replace(/<.*$/s, '').slice(name.replace(/<.*$/s, '').lastIndexOf(':') + 1);

/** A file's name without folders and extensions. */
export const fileStem = (path: string): string => path.slice(path.lastIndexOf('/') + 1).replace(/\..*$/, '');

interface Compiled {
  pattern: OperatorPattern;
  names: RegExp[];
  files: RegExp[];
  exclude: RegExp[];
  paths: RegExp[];
  signature?: RegExp;
}

const compiled = new WeakMap<OperatorPatternsFile, Compiled[]>();

function compile(file: OperatorPatternsFile): Compiled[] {
  let c = compiled.get(file);
  if (!c) {
    const re = (s: string): RegExp => new RegExp(s, 'i');
    c = file.operators.map((p) => {
      const out: Compiled = {
        pattern: p,
        names: p.match.names.map(re),
        files: (p.match.files ?? p.match.names).map(re),
        exclude: (p.match.exclude ?? []).map(re),
        paths: (p.match.paths ?? []).map(re),
      };
      if (p.match.signature !== undefined) out.signature = re(p.match.signature);
      return out;
    });
    compiled.set(file, c);
  }
  return c;
}

/** Every pattern's regular expressions compile (an error names the pattern and the field). */
export function checkOperatorPatterns(file: OperatorPatternsFile): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const p of file.operators) {
    if (ids.has(p.id)) errors.push(`operator pattern "${p.id}" is defined twice`);
    ids.add(p.id);
    const fields: [string, string[]][] = [['names', p.match.names], ['files', p.match.files ?? []], ['exclude', p.match.exclude ?? []], ['paths', p.match.paths ?? []]];
    if (p.match.signature !== undefined) fields.push(['signature', [p.match.signature]]);
    for (const [field, list] of fields) {
      for (const s of list) {
        try {
          new RegExp(s, 'i');
        } catch (e) {
          errors.push(`operator pattern "${p.id}": match.${field} "${s}" is not a valid regular expression (${(e as Error).message})`);
        }
      }
    }
  }
  return errors;
}

const WEAKER = { confirmed: 'likely', likely: 'uncertain', uncertain: 'uncertain' } as const;

function candidate(p: OperatorPattern, answer: VendorOperators, match: 'name' | 'file'): OperatorCandidate {
  // A file-only match is one step less certain (a sibling match keeps that step: it is still found by file).
  const stated = answer.confidence ?? (answer.source !== undefined ? 'confirmed' : 'uncertain');
  const c: OperatorCandidate = {
    pattern: p.id,
    title: p.title,
    kind: p.kind,
    operators: answer.operators,
    confidence: match === 'name' ? stated : WEAKER[stated],
    match,
  };
  if (answer.source !== undefined) c.source = Array.isArray(answer.source) ? answer.source : [answer.source];
  if (answer.since !== undefined) c.since = answer.since;
  if (answer.note !== undefined) c.note = answer.note;
  return c;
}

/** The pattern a kernel matches, and how (by its name, or only by its file's name). */
export function matchOperator(kernel: Pick<KernelEntry, 'name' | 'file' | 'signature'>, file: OperatorPatternsFile): { pattern: OperatorPattern; match: 'name' | 'file' } | undefined {
  const patterns = compile(file);
  const name = nameWords(kernelShortName(kernel.name));
  const stem = nameWords(fileStem(kernel.file));
  const path = kernel.file.toLowerCase();
  const applies = (c: Compiled): boolean =>
    (!c.paths.length || c.paths.some((r) => r.test(path))) &&
    !c.exclude.some((r) => r.test(name)) &&
    (c.signature === undefined || c.signature.test(kernel.signature ?? ''));
  for (const c of patterns) if (c.names.some((r) => r.test(name)) && applies(c)) return { pattern: c.pattern, match: 'name' };
  for (const c of patterns) if (c.files.some((r) => r.test(stem)) && applies(c)) return { pattern: c.pattern, match: 'file' };
  return undefined;
}

/** Candidates per vendor for one kernel (device helpers have none: they go with their kernels). */
export function operatorCandidates(kernel: KernelEntry, file: OperatorPatternsFile): KernelEntry['candidates'] {
  if (kernel.qualifier !== 'global') return undefined;
  const m = matchOperator(kernel, file);
  if (!m) return undefined;
  const out: NonNullable<KernelEntry['candidates']> = {};
  for (const vendor of ['ascend', 'cambricon'] as Vendor[]) {
    const answer = m.pattern.targets[vendor];
    if (answer) out[vendor] = candidate(m.pattern, answer, m.match);
  }
  return out;
}

/**
 * The kernels with their operator candidates attached (a kernel that matches nothing is returned as is). A kernel
 * matched only by its file's name whose file holds a kernel matched by name to the same pattern is one of that
 * operator's kernels (a backward pass, a step of it): its match is `sibling`.
 */
export function withOperatorCandidates(kernels: KernelEntry[], file: OperatorPatternsFile): KernelEntry[] {
  const out = kernels.map((k) => {
    const c = operatorCandidates(k, file);
    return c ? { ...k, candidates: c } : k;
  });
  const named = new Set<string>();
  for (const k of out) for (const c of Object.values(k.candidates ?? {})) if (c.match === 'name') named.add(`${k.file}\0${c.pattern}`);
  return out.map((k) => {
    if (!k.candidates) return k;
    let changed = false;
    const next: NonNullable<KernelEntry['candidates']> = {};
    for (const [vendor, c] of Object.entries(k.candidates) as [Vendor, OperatorCandidate][]) {
      if (c.match === 'file' && named.has(`${k.file}\0${c.pattern}`)) {
        next[vendor] = { ...c, match: 'sibling' };
        changed = true;
      } else next[vendor] = c;
    }
    return changed ? { ...k, candidates: next } : k;
  });
}
