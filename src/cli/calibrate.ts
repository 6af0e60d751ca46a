/**
 * `ascendify effort --calibrate ports.yaml`: scan the CUDA original of every port, fit the effort weights to the
 * measured effort, and report the leave-one-out error (docs/effort-calibration.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { scanAsync } from '../analyze.js';
import { loadConfig } from '../config/load.js';
import type { CalibrationPortsFile } from '../model/generated/calibration.js';
import type { ReportTarget } from '../model/index.js';
import { calibrate, currentFactors, fittedOverride, GROUPS, portHours, type Calibration, type Group, type PortHours } from '../score/calibrate.js';
import { estimateEffort } from '../score/effort.js';
import { mergeDeep, resolveEffortWeights } from '../score/weights.js';
import { UsageError } from '../util/errors.js';
import { loadValidated } from '../util/validated.js';
import type { CliIo } from './io.js';
import { createProgress } from './progress.js';
import { parseJobs } from './scan-options.js';

/** Weight of the prior on the starting weights (docs/effort-calibration.md#the-fit). */
export const DEFAULT_PRIOR = 0.5;

export interface CalibrationResult {
  file: string;
  ports: (PortHours & { target: string; title?: string; confidence?: string; kernels: { map: number; rewrite: number; adapt: number } })[];
  calibration: Calibration;
  /** The fitted weights as an `effort:` override (what rules/effort.yaml ships, or a team's config). */
  weights: Record<string, unknown>;
}

export async function runCalibration(file: string, opts: Record<string, unknown>, io: CliIo): Promise<CalibrationResult> {
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read calibration file ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'give a ports file (format: schemas/calibration.schema.json, docs/effort-calibration.md)');
  }
  const doc = loadValidated<CalibrationPortsFile>('calibration', text, `calibration ${file}`);
  const dir = dirname(path);
  const config = opts.config ? loadConfig(io.cwd, opts.config as string) : undefined;
  const free = (doc.fit ?? [...GROUPS]) as Group[];
  const ports: CalibrationResult['ports'] = [];
  const progress = createProgress(io, { quiet: Boolean(opts.quiet) });
  let baseWeights;
  try {
    for (const port of doc.ports) {
      const source = isAbsolute(port.source) ? port.source : join(dir, port.source);
      if (!existsSync(source)) {
        throw new UsageError(
          `calibration ${file}: port "${port.id}": source folder ${port.source} does not exist`,
          'materialise the CUDA originals first (node scripts/calibration-sources.mjs --mirrors DIR), or fix `source`',
        );
      }
      const paths = (port.paths ?? ['.']).map((p) => join(source, p));
      for (const p of paths) if (!existsSync(p)) throw new UsageError(`calibration ${file}: port "${port.id}": path ${p} does not exist`, 'fix `paths` (relative to `source`)');
      const result = await scanAsync({
        paths,
        targets: [port.target],
        exclude: port.exclude ?? [],
        jobs: opts.jobs === undefined ? undefined : parseJobs(String(opts.jobs)),
        cache: opts.cache !== false,
        results: opts.cache !== false,
        cacheDir: opts.cacheDir as string | undefined,
        onProgress: progress.enabled ? progress.update : undefined,
      });
      const report = result.report;
      const override = mergeDeep(config?.effort ?? {}, port.effort ?? {}) as Record<string, unknown>;
      const weights = resolveEffortWeights(result.catalog.effortDefaults, override, config?.file ?? `calibration ${file}`);
      baseWeights ??= resolveEffortWeights(result.catalog.effortDefaults, config?.effort, config?.file);
      const profile = report.targets.find((t) => t.id === port.target) as ReportTarget;
      const { effort } = estimateEffort({ findings: report.findings, kernels: report.kernels, files: report.files }, [profile], weights);
      const t = effort.targets[0]!;
      const measured = { low: port.measured.low ?? port.measured.likely, likely: port.measured.likely, high: port.measured.high ?? port.measured.likely };
      const row: CalibrationResult['ports'][number] = { ...portHours(port.id, measured, t, weights), target: port.target, kernels: t.kernels };
      if (port.title !== undefined) row.title = port.title;
      if (port.confidence !== undefined) row.confidence = port.confidence;
      ports.push(row);
    }
  } finally {
    progress.end();
  }
  const c = calibrate(ports, free, { lambda: doc.prior ?? DEFAULT_PRIOR, current: currentFactors(baseWeights!) });
  return { file, ports, calibration: c, weights: fittedOverride(baseWeights!, c, ports.map((p) => p.id)) };
}

const f1 = (n: number): string => n.toFixed(1);
const f2 = (n: number): string => n.toFixed(2);
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
const lpad = (s: string, n: number): string => ' '.repeat(Math.max(0, n - s.length)) + s;

export function renderCalibration(r: CalibrationResult): string {
  const c = r.calibration;
  const out: string[] = [];
  out.push(`Calibration on ${r.ports.length} ports (${r.file}); person-days; leave-one-out: each port estimated with weights fitted on the others`);
  out.push('');
  const w = Math.max(6, ...r.ports.map((p) => p.id.length)) + 2;
  out.push(pad('port', w) + pad('target', 18) + lpad('measured', 10) + lpad('(low–high)', 14) + lpad('fitted', 9) + lpad('LOO', 9) + lpad('(range)', 18) + lpad('ratio', 8) + '  in range');
  for (const [i, p] of r.ports.entries()) {
    const l = c.loo[i]!;
    out.push(
      pad(p.id, w) + pad(p.target, 18) + lpad(f1(p.measured.likely), 10) + lpad(`${f1(p.measured.low)}–${f1(p.measured.high)}`, 14) +
        lpad(f1(c.fitted[i]!.estimate), 9) + lpad(f1(l.estimate), 9) + lpad(`${f1(l.low)}–${f1(l.high)}`, 18) + lpad(f2(l.ratio), 8) + `  ${l.inRange ? 'yes' : 'no'}${l.within2x ? '' : ' (outside 2×)'}`,
    );
  }
  out.push('');
  out.push(`Leave-one-out: likely within 2× of measured for ${c.within2x} of ${c.loo.length}; range contains the measured effort for ${c.inRange} of ${c.loo.length}; typical error ×${f2(c.typicalError)}.`);
  out.push(`Fitted factors (× the weights used): ${Object.entries(c.factors).map(([g, v]) => `${g} ${f2(v)}${c.free.includes(g as Group) ? '' : ' (fixed)'}`).join(', ')}; prior weight ${c.prior.lambda}.`);
  out.push(`Range (10th–90th percentile of the leave-one-out errors): likely × ${f2(c.range.low)} to × ${f2(c.range.high)}.`);
  out.push('', 'Hours by group per port (likely, weights used):');
  for (const p of r.ports) out.push(`  ${pad(p.id, w)} ${GROUPS.map((g) => `${g} ${f1(p.hours[g])}`).join(', ')} · kernels mapped ${p.kernels.map}, rewritten ${p.kernels.rewrite}, adapted ${p.kernels.adapt}`);
  out.push('', 'Fitted weights (put under `effort:` in ascendify.config.yaml, or in rules/effort.yaml):', '');
  out.push(stringify(r.weights, { lineWidth: 120 }).trimEnd().split('\n').map((l) => `  ${l}`).join('\n'));
  return `${out.join('\n')}\n`;
}
