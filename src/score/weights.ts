/**
 * Effort weights: the catalog's defaults (rules/effort.yaml) merged with the `effort:` section of a config
 * file, every weight resolved to a low / likely / high range. Pure; docs/effort-model.md describes the weights.
 */
import type {
  EffortRange, EffortWeights, IncompatibilityCategory, KernelModel, KernelModelWeights, OperatorWeights, PortabilityWeights, Status,
} from '../model/index.js';
import { DISPLAY_ORDER } from '../model/index.js';
import type { OperatorPatternsFile } from '../model/generated/operators.js';
import { UsageError } from '../util/errors.js';
import { checkOperatorPatterns } from './operators.js';
import { userRegex } from '../util/user-regex.js';

export const DEFAULT_EFFORT_FILE = 'rules/effort.yaml';
const SCHEMA_HINT = 'its format is described in schemas/effort.schema.json and docs/effort-model.md';

const STATUS_KEYS: readonly Status[] = DISPLAY_ORDER;
const MODELS: KernelModel[] = ['tile', 'simt', 'bang'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Deep merge: objects merge key by key, anything else (numbers, strings, arrays) replaces.
 * A weight written as one number replaces a { low, likely, high } default and vice versa.
 */
export function mergeDeep(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    // A weight object given in full replaces a number; a partial one merges over the default object.
    out[k] = mergeDeep(base[k], v);
  }
  return out;
}

/** Resolves merged raw weights into EffortWeights; errors name the file (the override's, when it set the field) and field. */
class Resolver {
  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly override: Record<string, unknown> | undefined,
    private readonly overrideFile: string | undefined,
  ) {}

  fail(path: string[], message: string): never {
    let inOverride = this.override !== undefined;
    let node: unknown = this.override;
    for (const p of path) {
      if (!isObject(node) || !(p in node)) {
        inOverride = false;
        break;
      }
      node = node[p];
    }
    const where = inOverride && this.overrideFile ? `config ${this.overrideFile}: field "effort.${path.join('.')}"` : `${DEFAULT_EFFORT_FILE}: field "${path.join('.')}"`;
    throw new UsageError(`${where} ${message}`, SCHEMA_HINT);
  }

  get(path: string[]): unknown {
    let node: unknown = this.raw;
    for (const p of path) node = isObject(node) ? node[p] : undefined;
    return node;
  }

  number(path: string[]): number {
    const v = this.get(path);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) this.fail(path, v === undefined ? 'is missing' : 'must be a number ≥ 0');
    return v;
  }

  range(path: string[], factors: { low: number; high: number }): EffortRange {
    const v = this.get(path);
    if (typeof v === 'number') return { low: v * factors.low, likely: v, high: v * factors.high };
    if (!isObject(v)) this.fail(path, v === undefined ? 'is missing' : 'must be a number or { low, likely, high }');
    const likely = v.likely;
    if (typeof likely !== 'number') this.fail(path, 'needs `likely` (or write the weight as one number)');
    const low = typeof v.low === 'number' ? v.low : likely * factors.low;
    const high = typeof v.high === 'number' ? v.high : likely * factors.high;
    if (!(low <= likely && likely <= high)) this.fail(path, `must have low ≤ likely ≤ high (got ${low}, ${likely}, ${high})`);
    return { low, likely, high };
  }

  /** A fraction: one number is fixed (low = likely = high); an object gives its own bounds. */
  fraction(path: string[]): EffortRange {
    return this.range(path, { low: 1, high: 1 });
  }

  boolean(path: string[]): boolean {
    const v = this.get(path);
    if (typeof v !== 'boolean') this.fail(path, v === undefined ? 'is missing' : 'must be true or false');
    return v;
  }

  share(path: string[]): number {
    const v = this.number(path);
    if (v > 1) this.fail(path, 'must be between 0 and 1');
    return v;
  }

  strings(path: string[]): string[] {
    const v = this.get(path);
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) this.fail(path, 'must be a list of strings');
    return v as string[];
  }
}

/**
 * Merge `override` (the config file's `effort:` section, already shape-checked) over `defaults`
 * and resolve every weight to a range. Pure.
 */
export function resolveEffortWeights(defaults: Record<string, unknown>, override?: Record<string, unknown>, overrideFile?: string): EffortWeights {
  const raw = mergeDeep(defaults, override) as Record<string, unknown>;
  const r: Resolver = new Resolver(raw, override, overrideFile);
  const hoursPerDay = r.number(['hoursPerDay']);
  if (hoursPerDay <= 0 || hoursPerDay > 24) r.fail(['hoursPerDay'], 'must be more than 0 and at most 24');
  const factors = { low: r.number(['range', 'low']), high: r.number(['range', 'high']) };
  if (factors.low > 1) r.fail(['range', 'low'], 'must be at most 1');
  if (factors.high < 1) r.fail(['range', 'high'], 'must be at least 1');
  const uncertain = r.number(['range', 'uncertain']);
  if (uncertain < 1) r.fail(['range', 'uncertain'], 'must be at least 1');
  const byStatus = (key: string): Record<Status, EffortRange> =>
    Object.fromEntries(STATUS_KEYS.map((s) => [s, r.range([key, s], factors)])) as Record<Status, EffortRange>;
  const kindFactors: Record<string, number> = {};
  for (const k of Object.keys((r.get(['kindFactors']) as Record<string, unknown> | undefined) ?? {})) kindFactors[k] = r.number(['kindFactors', k]);
  const models = {} as Record<KernelModel, KernelModelWeights>;
  for (const m of MODELS) {
    const p = ['kernels', 'models', m];
    const mode = r.get([...p, 'mode']);
    if (mode !== 'rewrite' && mode !== 'adapt') r.fail([...p, 'mode'], 'must be rewrite or adapt');
    const cost = (kind: 'rewrite' | 'adapt'): { base: EffortRange; perLine: EffortRange } => ({
      base: r.range([...p, kind, 'base'], factors),
      perLine: r.range([...p, kind, 'perLine'], factors),
    });
    const features: Record<string, number> = {};
    for (const f of Object.keys((r.get([...p, 'features']) as Record<string, unknown> | undefined) ?? {})) features[f] = r.number([...p, 'features', f]);
    const w: KernelModelWeights = { mode, rewriteIf: r.strings([...p, 'rewriteIf']), learning: r.range([...p, 'learning'], factors), rewrite: cost('rewrite'), features };
    if (mode === 'adapt') w.adapt = cost('adapt');
    models[m] = w;
  }
  const mapOn = r.get(['operators', 'mapOn']);
  if (mapOn !== 'name' && mapOn !== 'file') r.fail(['operators', 'mapOn'], 'must be name or file');
  const operators: OperatorWeights = {
    use: r.boolean(['operators', 'use']),
    mapOn,
    adapter: { standard: r.range(['operators', 'adapter', 'standard'], factors), domain: r.range(['operators', 'adapter', 'domain'], factors) },
    perKernel: r.range(['operators', 'perKernel'], factors),
  };
  const portability: PortabilityWeights = {
    uses: Object.fromEntries(STATUS_KEYS.map((st) => [st, r.share(['portability', 'uses', st])])) as Record<Status, number>,
    adapter: r.share(['portability', 'adapter']),
    adapt: r.share(['portability', 'adapt']),
    rewrite: r.share(['portability', 'rewrite']),
  };
  const experimentalNames = r.strings(['kernels', 'experimental', 'names']);
  for (const [i, n] of experimentalNames.entries()) {
    try {
      new RegExp(n);
    } catch (e) {
      r.fail(['kernels', 'experimental', 'names', String(i)], `is not a valid regular expression (${(e as Error).message})`);
    }
  }
  const incompatibilities: Record<string, IncompatibilityCategory> = {};
  for (const [id, c] of Object.entries((r.get(['incompatibilities']) as Record<string, Record<string, unknown>> | undefined) ?? {})) {
    const p = ['incompatibilities', id];
    for (const f of ['title', 'risk', 'advice'] as const) if (typeof c[f] !== 'string') r.fail([...p, f], 'is missing');
    if (typeof c.snippet === 'string') {
      try {
        userRegex(c.snippet); // a linear-time pattern, or refused (src/util/user-regex.ts)
      } catch (e) {
        r.fail([...p, 'snippet'], (e as Error).message);
      }
    }
    const statuses = r.strings([...p, 'statuses']) as Status[];
    if (!statuses.length) r.fail([...p, 'statuses'], 'must list at least one status');
    const cat: IncompatibilityCategory = {
      title: c.title as string,
      risk: c.risk as IncompatibilityCategory['risk'],
      statuses,
      symbols: r.strings([...p, 'symbols']),
      features: r.strings([...p, 'features']),
      any: c.any === true,
      advice: c.advice as string,
    };
    if (typeof c.snippet === 'string') cat.snippet = c.snippet;
    incompatibilities[id] = cat;
  }
  const calibration = r.get(['calibration']);
  const out: EffortWeights = {
    hoursPerDay,
    range: { ...factors, uncertain },
    setup: r.range(['setup'], factors),
    operators,
    portability,
    uses: byStatus('uses'),
    apis: byStatus('apis'),
    kindFactors,
    kernels: {
      qualifierFactors: { global: r.number(['kernels', 'qualifierFactors', 'global']), device: r.number(['kernels', 'qualifierFactors', 'device']) },
      models,
      exclude: r.strings(['kernels', 'exclude']),
      experimental: { paths: r.strings(['kernels', 'experimental', 'paths']), names: experimentalNames },
      launch: r.strings(['kernels', 'launch']),
    },
    build: { fraction: r.fraction(['build', 'fraction']) },
    validation: { fraction: r.fraction(['validation', 'fraction']) },
    incompatibilities,
  };
  if (isObject(calibration)) out.calibration = calibration;
  return out;
}

/** How an estimate is made: the resolved weights, where they came from, and the operator patterns. */
export interface EffortSetup {
  weights: EffortWeights;
  sources: string[];
  /** Kernel -> vendor operator patterns (rules/operators.yaml); without them, kernels keep the candidates they carry. */
  operators?: OperatorPatternsFile;
}

/**
 * The weights for a scan: the catalog's defaults, merged with a config file's `effort:` section when given,
 * and the catalog's operator patterns.
 */
export function effortSetup(defaults: Record<string, unknown>, config?: { file: string; effort?: Record<string, unknown> }, operators?: OperatorPatternsFile): EffortSetup {
  const sources = [DEFAULT_EFFORT_FILE];
  if (config?.effort) sources.push(config.file);
  const setup: EffortSetup = { weights: resolveEffortWeights(defaults, config?.effort, config?.file), sources };
  if (operators) {
    const errors = checkOperatorPatterns(operators);
    if (errors.length) throw new UsageError(`rules/operators.yaml: ${errors[0]!}`, 'fix the pattern (schema: schemas/operators.schema.json)');
    setup.operators = operators;
  }
  return setup;
}
