/**
 * `ascendify rules audit`: how true the catalog is, per family and profile, from the vendor data alone:
 * confidence counts of the direct and partial answers, answers whose cited source does not hold the replacement,
 * answers citing free text, answers whose `since` is newer than the profile's release, answers the vendor data
 * turned into `none` (a support table or a stub), and architecture guards that disagree with an answer.
 * Pure: the caller loads the catalog and the evidence.
 */
import type { Catalog, Profile } from '../model/index.js';
import { byCodePoint } from '../util/order.js';
import { judgeAnswer, type Evidence } from './confidence.js';
import { replacementParts } from './verify.js';

export interface AuditRow {
  family: string;
  profile: string;
  /** direct + partial answers. */
  answers: number;
  confirmed: number;
  likely: number;
  uncertain: number;
  /** Cited source readable but lacking a replacement name. */
  sourceLacks: number;
  /** A source that is not `owner/repo@ref:path`, or no source. */
  freeText: number;
  /** `since` newer than the profile's release (the answer is none there). */
  sinceNewer: number;
  /** Answers the support data made `none` on this profile (tables, stubs). */
  unsupported: number;
  /** Direct/partial answers an architecture guard says the chip lacks (advisory). */
  guardConflicts: number;
}

export interface AuditFinding {
  ruleId: string;
  family: string;
  profile: string;
  reasons: string[];
}

export interface Audit {
  rows: AuditRow[];
  /** Totals per profile (family "*"). */
  totals: AuditRow[];
  /** Every answer that is not confirmed, with why. */
  details: AuditFinding[];
}

const versionLess = (a: string, b: string): boolean => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0);
  return false;
};

export function auditCatalog(catalog: Pick<Catalog, 'rules' | 'profiles' | 'pinned'>, evidence: Evidence, profiles: Profile[] = catalog.profiles): Audit {
  const rows = new Map<string, AuditRow>();
  const details: AuditFinding[] = [];
  const row = (family: string, profile: string): AuditRow => {
    const key = `${family}\0${profile}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { family, profile, answers: 0, confirmed: 0, likely: 0, uncertain: 0, sourceLacks: 0, freeText: 0, sinceNewer: 0, unsupported: 0, guardConflicts: 0 }));
    return r;
  };
  for (const rule of catalog.rules) {
    if (rule.user) continue;
    for (const profile of profiles) {
      const answer = rule.answers[profile.id];
      if (!answer) continue;
      const r = row(rule.family, profile.id);
      if (answer.since && versionLess(profile.sdk.version, answer.since)) r.sinceNewer++;
      if (answer.unsupported) r.unsupported++;
      if (answer.status !== 'direct' && answer.status !== 'partial') continue;
      r.answers++;
      const j = judgeAnswer(answer, profile, evidence);
      r[j.confidence]++;
      if (j.reasons.some((x) => x.startsWith('source-lacks'))) r.sourceLacks++;
      if (j.reasons.some((x) => x === 'free-text-source' || x === 'no-source')) r.freeText++;
      const guards = (answer.replacement ?? []).flatMap((x) => replacementParts(x)).filter((p) =>
        p.lookup && evidence.names.get(p.lookup)?.unsupported.some((u) => u.kind === 'guard' && u.chip === profile.chip && (u.release === profile.sdk.version || u.release === '*')));
      if (guards.length) r.guardConflicts++;
      const reasons = [...j.reasons, ...(guards.length ? [`guard:${guards.map((g) => g.lookup).join(',')}`] : [])];
      if (reasons.length) details.push({ ruleId: rule.id, family: rule.family, profile: profile.id, reasons });
    }
  }
  const sorted = [...rows.values()].sort((a, b) => byCodePoint(a.family, b.family) || profiles.findIndex((p) => p.id === a.profile) - profiles.findIndex((p) => p.id === b.profile));
  const totals = profiles.map((p) => {
    const t: AuditRow = { family: '*', profile: p.id, answers: 0, confirmed: 0, likely: 0, uncertain: 0, sourceLacks: 0, freeText: 0, sinceNewer: 0, unsupported: 0, guardConflicts: 0 };
    for (const r of sorted.filter((x) => x.profile === p.id)) {
      for (const k of ['answers', 'confirmed', 'likely', 'uncertain', 'sourceLacks', 'freeText', 'sinceNewer', 'unsupported', 'guardConflicts'] as const) t[k] += r[k];
    }
    return t;
  });
  return { rows: sorted, totals, details };
}

/** Confirmed as a share of direct and partial answers, in percent with one decimal (100 when there are none). */
export function confirmedShare(r: AuditRow): number {
  return r.answers ? Math.round((1000 * r.confirmed) / r.answers) / 10 : 100;
}

export function renderAudit(audit: Audit, details = false): string {
  const head = ['family', 'profile', 'answers', 'confirmed', 'likely', 'uncertain', 'share', 'src-lacks', 'free-text', 'since>rel', 'unsupp.', 'guards'];
  const cells = (r: AuditRow): string[] => [r.family, r.profile, r.answers, r.confirmed, r.likely, r.uncertain, `${confirmedShare(r).toFixed(1)}%`, r.sourceLacks, r.freeText, r.sinceNewer, r.unsupported, r.guardConflicts].map(String);
  const table = [head, ...audit.totals.map(cells), ...audit.rows.map(cells)];
  const widths = head.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    'Catalog audit: direct and partial answers by confidence, per family and profile (family * = all).',
    'confirmed: the cited vendor file holds every replacement name and none is a stub; likely: the SDK inventory declares the names;',
    'uncertain: neither, or the rule says so. src-lacks: the cited file lacks a name; free-text: no owner/repo@ref:path source;',
    'since>rel: answers newer than the profile\'s release (none there); unsupp.: made none by a support table or stub; guards: an',
    'architecture guard says the chip lacks a name (advisory). docs/catalog-truth.md explains the method.',
    '',
    line(head),
    ...table.slice(1, audit.totals.length + 1).map(line),
    '',
    ...table.slice(audit.totals.length + 1).map(line),
  ];
  if (details) {
    out.push('', 'Answers not confirmed, and why:');
    for (const d of audit.details) out.push(`  ${d.profile.padEnd(18)} ${d.family}/${d.ruleId}: ${d.reasons.join('; ')}`);
  }
  return `${out.join('\n')}\n`;
}
