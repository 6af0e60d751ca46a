/** Hand-built findings, kernels and profiles for the effort tests. */
import { loadCatalog } from '../../src/catalog/load.js';
import type { EffortRange, EffortWeights, FileEntry, Finding, KernelEntry, ReportTarget, Status, SymbolKind } from '../../src/model/index.js';
import { resolveEffortWeights } from '../../src/score/weights.js';

export const TILE: ReportTarget = { id: 'ascend-910b', vendor: 'ascend', product: 'Ascend 910B', sdk: 'CANN 8.5', kernelModel: 'tile' };
export const SIMT: ReportTarget = { id: 'ascend-950', vendor: 'ascend', product: 'Ascend 950', sdk: 'CANN 9.0', kernelModel: 'simt' };
export const BANG: ReportTarget = { id: 'cambricon-mlu590', vendor: 'cambricon', product: 'MLU590', sdk: 'CNRT 6.14', kernelModel: 'bang' };

let defaults: Record<string, unknown> | undefined;

/** The shipped kernel -> operator patterns (rules/operators.yaml). */
export const OPERATORS = loadCatalog().operators;

export function defaultWeights(override?: Record<string, unknown>): EffortWeights {
  defaults ??= loadCatalog().effortDefaults;
  return resolveEffortWeights(defaults, override, 'ascendify.config.yaml');
}

export interface FindingSpec {
  symbol: string;
  file: string;
  line: number;
  /** Status on ascend; cambricon gets `cambricon` or the same. */
  status: Status;
  cambricon?: Status;
  kind?: SymbolKind;
  family?: string;
  ruleId?: string;
  snippet?: string;
  note?: string;
}

export function finding(s: FindingSpec): Finding {
  const answer = (status: Status) => ({ status, ...(s.note ? { note: s.note } : {}) });
  return {
    ruleId: s.ruleId ?? `rule-${s.symbol}`,
    symbol: s.symbol,
    family: s.family ?? 'runtime',
    kind: s.kind ?? 'function',
    file: s.file,
    line: s.line,
    column: 1,
    endLine: s.line,
    endColumn: 10,
    snippet: s.snippet ?? `${s.symbol}(x);`,
    severity: 'warning',
    message: s.symbol,
    targets: { 'ascend-910b': answer(s.status), 'ascend-950': answer(s.status), 'cambricon-mlu590': answer(s.cambricon ?? s.status) },
  };
}

export function kernel(name: string, file: string, line: number, lines: number, features: string[], qualifier: 'global' | 'device' = 'global'): KernelEntry {
  return { name, file, line, endLine: line + lines - 1, lines, qualifier, features };
}

export function files(...paths: string[]): FileEntry[] {
  return paths.map((path) => ({ path, language: 'cuda', lines: 100, status: 'scanned' }));
}

/** low/likely/high of a weight times a count. */
export const times = (r: EffortRange, k: number): EffortRange => ({ low: r.low * k, likely: r.likely * k, high: r.high * k });
export const plus = (...rs: EffortRange[]): EffortRange =>
  rs.reduce((a, b) => ({ low: a.low + b.low, likely: a.likely + b.likely, high: a.high + b.high }), { low: 0, likely: 0, high: 0 });
export const mul = (a: EffortRange, b: EffortRange): EffortRange => ({ low: a.low * b.low, likely: a.likely * b.likely, high: a.high * b.high });
