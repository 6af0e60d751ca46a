/**
 * Rule fixtures as tests, semgrep style, for the shipped families and for a team's own rules (`ascendify test`).
 *
 * A fixture sits beside its rule file (`runtime.yaml` -> `runtime.fixture.cu`). A comment alone on a line annotates
 * the next line that is not itself an annotation:
 *
 *   // ruleid: runtime-malloc ascend=direct cambricon-mlu590=direct, runtime-free
 *   // ok: runtime-memcpy
 *   // todoruleid: …   (a known miss)        // todook: …   (a known false positive)
 *
 * `ruleid` lines must produce that rule's finding; `target=status` pairs say what each target must answer (a
 * profile id, a vendor for all its profiles, or `*` for every profile). `ok` lines must not produce the finding.
 * A finding of the file's rules on an unannotated line is noise. Outcomes are named as ast-grep names them:
 * validated, missing, noisy, wrong (a finding with the wrong answer). Pure: the caller reads the files.
 */
import type { Catalog, Profile, Report, Status } from '../model/index.js';
import { parseStatus, STATUSES } from '../model/index.js';
import { analyzeSource } from './analyze.js';

export type AnnotationKind = 'ruleid' | 'ok' | 'todoruleid' | 'todook';

/** One rule named by an annotation, with the answers it expects. */
export interface Expectation {
  kind: AnnotationKind;
  ruleId: string;
  /** 1-based line the annotation speaks about. */
  line: number;
  /** 1-based line of the annotation itself. */
  annotationLine: number;
  /** Expected status by target key as written: a profile id, a vendor, or `*`. */
  statuses: Record<string, Status>;
}

/** `// ruleid: …` in C/C++/CUDA, `# ruleid: …` in CMake, Makefiles, Python and dependency lists. */
const ANNOTATION = /^(\s*(?:\/\/|#)\s*)(ruleid|ok|todoruleid|todook):\s*(.+?)\s*$/;

/** A problem with the fixture itself (an unknown rule id, an unreadable status), not with the rules it tests. */
export class FixtureError extends Error {}

export function parseAnnotations(text: string): Expectation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Expectation[] = [];
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (!m) return;
    let target = i + 1;
    while (target < lines.length && ANNOTATION.test(lines[target] as string)) target++;
    for (const entry of (m[3] as string).split(',').map((e) => e.trim()).filter(Boolean)) {
      const [ruleId, ...pairs] = entry.split(/\s+/);
      const statuses: Record<string, Status> = {};
      for (const pair of pairs) {
        const [key, value] = pair.split('=');
        const status = value === undefined ? undefined : parseStatus(value);
        if (!key || !status) throw new FixtureError(`line ${i + 1}: "${pair}" is not target=status (status one of ${STATUSES.join(', ')})`);
        statuses[key] = status;
      }
      out.push({ kind: m[2] as AnnotationKind, ruleId: ruleId as string, line: target + 1, annotationLine: i + 1, statuses });
    }
  });
  return out;
}

/** The profiles a target key names: a profile id, every profile of a vendor, or `*` for all. */
function profilesOf(key: string, profiles: readonly Profile[]): Profile[] {
  if (key === '*') return [...profiles];
  return profiles.filter((p) => p.id === key || p.vendor === key);
}

export interface WrongAnswer {
  line: number;
  ruleId: string;
  target: string;
  expected: Status;
  actual: Status;
}

export interface FixtureResult {
  /** The fixture, as shown. */
  file: string;
  /** `line:rule` of every ruleid annotation that produced its finding with the expected answers. */
  validated: string[];
  missing: string[];
  noisy: string[];
  wrong: WrongAnswer[];
  /** Problems with the fixture itself (unknown rule ids, no ruleid annotation at all). */
  errors: string[];
}

export const passed = (r: FixtureResult): boolean => !r.missing.length && !r.noisy.length && !r.wrong.length && !r.errors.length;

/**
 * Check one fixture: scan its text against the catalog for every profile, then compare with its annotations.
 * `rules` are the ids of the rule file the fixture belongs to (only their findings count as noise).
 */
export function checkFixture(file: string, text: string, catalog: Catalog, rules: ReadonlySet<string>): FixtureResult {
  const result: FixtureResult = { file, validated: [], missing: [], noisy: [], wrong: [], errors: [] };
  let expected: Expectation[];
  try {
    expected = parseAnnotations(text);
  } catch (e) {
    result.errors.push((e as Error).message);
    return result;
  }
  const unknown = [...new Set(expected.map((e) => e.ruleId).filter((id) => !rules.has(id)))];
  if (unknown.length) result.errors.push(`annotations name rules this rule file does not define: ${unknown.join(', ')}`);
  if (!expected.some((e) => e.kind === 'ruleid')) result.errors.push('no ruleid annotation: the fixture tests nothing');
  const report = analyzeSource(text, baseName(file), catalog, { targets: catalog.profiles.map((p) => p.id) });
  const found = new Map<string, Report['findings'][number]>();
  for (const f of report.findings) if (f.ruleId) found.set(`${f.line}:${f.ruleId}`, f);
  const allowed = new Set<string>();
  for (const e of expected) {
    const key = `${e.line}:${e.ruleId}`;
    const hit = found.get(key);
    if (e.kind !== 'ok') allowed.add(key);
    if (e.kind === 'ok' && hit) result.noisy.push(key);
    if (e.kind !== 'ruleid') continue;
    if (!hit) {
      result.missing.push(key);
      continue;
    }
    let right = true;
    for (const [target, status] of Object.entries(e.statuses)) {
      const profiles = profilesOf(target, catalog.profiles);
      if (!profiles.length) {
        result.errors.push(`line ${e.annotationLine}: "${target}" is no profile or vendor (profiles: ${catalog.profiles.map((p) => p.id).join(', ')})`);
        right = false;
      }
      for (const p of profiles) {
        const actual = hit.targets[p.id]?.status ?? 'unknown';
        if (actual !== status) {
          result.wrong.push({ line: e.line, ruleId: e.ruleId, target: p.id, expected: status, actual });
          right = false;
        }
      }
    }
    if (right) result.validated.push(key);
  }
  for (const f of report.findings) {
    const key = `${f.line}:${f.ruleId}`;
    if (f.ruleId && rules.has(f.ruleId) && !allowed.has(key) && !result.noisy.includes(key)) result.noisy.push(`${key} (unannotated: ${f.snippet})`);
  }
  return result;
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The statuses of a finding written the short way: `*=s` when all agree, else per vendor when a vendor agrees, else per profile. */
export function statusList(statuses: Readonly<Record<string, Status>>, profiles: readonly Profile[]): string {
  const all = profiles.map((p) => statuses[p.id] ?? 'unknown');
  if (all.every((s) => s === all[0])) return `*=${all[0]}`;
  const out: string[] = [];
  for (const vendor of [...new Set(profiles.map((p) => p.vendor))]) {
    const mine = profiles.filter((p) => p.vendor === vendor);
    const s = mine.map((p) => statuses[p.id] ?? 'unknown');
    if (s.every((x) => x === s[0])) out.push(`${vendor}=${s[0]}`);
    else for (const p of mine) out.push(`${p.id}=${statuses[p.id] ?? 'unknown'}`);
  }
  return out.join(' ');
}

/**
 * The fixture with every `ruleid` annotation's expected answers rewritten to what the catalog answers now
 * (`ascendify test --update`, `npm run update-expected`): for a deliberate catalog change, then reviewed in the diff.
 * Annotations whose finding is missing keep what they say (the check reports them).
 */
export function updateFixture(file: string, text: string, catalog: Catalog): string {
  const report = analyzeSource(text, baseName(file), catalog, { targets: catalog.profiles.map((p) => p.id) });
  const found = new Map<string, Record<string, Status>>();
  for (const f of report.findings) {
    if (f.ruleId) found.set(`${f.line}:${f.ruleId}`, Object.fromEntries(Object.entries(f.targets).map(([id, t]) => [id, t.status])));
  }
  const byLine = new Map<number, Expectation[]>();
  for (const e of parseAnnotations(text)) byLine.set(e.annotationLine, [...(byLine.get(e.annotationLine) ?? []), e]);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  return text
    .split(/\r?\n/)
    .map((line, i) => {
      const list = byLine.get(i + 1);
      const m = ANNOTATION.exec(line);
      if (!list || !m || list[0]!.kind !== 'ruleid') return line;
      const entries = list.map((e) => {
        const statuses = found.get(`${e.line}:${e.ruleId}`);
        return statuses ? `${e.ruleId} ${statusList(statuses, catalog.profiles)}` : [e.ruleId, ...Object.entries(e.statuses).map(([k, s]) => `${k}=${s}`)].join(' ');
      });
      return `${m[1]}ruleid: ${entries.join(', ')}`;
    })
    .join(eol);
}
