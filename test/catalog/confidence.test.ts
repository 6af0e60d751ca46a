/**
 * Catalog truth, mechanically (docs/catalog-truth.md): an answer's confidence is computed from the vendor data,
 * never typed by hand, and this test recomputes the data the computation reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditCatalog } from '../../src/catalog/audit.js';
import { judgeAnswer, SOURCE_FORMAT, sourcesOf, type Evidence } from '../../src/catalog/confidence.js';
import { computeEvidence, parseCitedSources } from '../../src/catalog/evidence.js';
import { evidenceFile } from '../../src/catalog/evidence-file.js';
import { loadCatalog, loadEvidence, SHIPPED_RULES_DIR } from '../../src/catalog/load.js';
import { replacementParts } from '../../src/catalog/verify.js';
import type { Profile, RawAnswer } from '../../src/model/index.js';
import { analyzeSource } from '../../src/core/analyze.js';

const catalog = loadCatalog();
const evidence = loadEvidence()!;
const VENDOR = join(SHIPPED_RULES_DIR, 'inventory', 'vendor');

describe('vendor evidence', () => {
  it('replacement-evidence.tsv is what the inventories and support.tsv say of the catalog\'s replacement names', () => {
    expect(evidenceFile() === readFileSync(join(VENDOR, 'replacement-evidence.tsv'), 'utf8'), 'run npm run update-expected').toBe(true);
  });

  it('cited-sources.tsv indexes every source the catalog cites (else run scripts/index-cited-sources.mjs)', () => {
    const cited = parseCitedSources(readFileSync(join(VENDOR, 'cited-sources.tsv'), 'utf8'));
    const sources = new Set<string>();
    for (const rule of catalog.rules) {
      for (const a of Object.values(rule.answers)) {
        if (a.unsupported || (a.status !== 'direct' && a.status !== 'partial')) continue;
        for (const s of sourcesOf(a)) if (SOURCE_FORMAT.test(s)) sources.add(s);
      }
    }
    expect([...sources].filter((s) => !cited.has(s))).toEqual([]);
  });
});

describe('confidence, recomputed for every answer', () => {
  it('a confirmed answer\'s cited files hold every replacement name, and none is a stub', () => {
    const wrong: string[] = [];
    for (const rule of catalog.rules) {
      for (const [id, a] of Object.entries(rule.answers)) {
        if (a.confidence !== 'confirmed' || a.unsupported || (a.status !== 'direct' && a.status !== 'partial')) continue;
        const sources = sourcesOf(a);
        for (const r of a.replacement ?? []) {
          for (const part of replacementParts(r)) {
            const key = part.lookup ?? part.text;
            const found = sources.some((s) => { const m = evidence.cited.get(s)?.get(key); return m !== undefined && m !== 'string'; });
            const stub = part.lookup && evidence.names.get(part.lookup)?.unsupported.some((u) => u.kind === 'stub');
            if (!found || stub) wrong.push(`${rule.id} [${id}] ${part.text}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every compiled answer carries the confidence the rules of docs/catalog-truth.md give it', () => {
    const all = [...catalog.profiles, ...catalog.pinned];
    const differing: string[] = [];
    for (const rule of catalog.rules) {
      for (const p of all) {
        const a = rule.answers[p.id]!;
        if (a.unsupported || (a.status === 'none' && a.since)) continue; // decided by support data or the release
        const j = judgeAnswer(a, p, evidence);
        if (j.confidence !== a.confidence) differing.push(`${rule.id} [${p.id}]: ${a.confidence} vs ${j.confidence}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('confidence is visible in findings', () => {
    const r = analyzeSource('void f() { cudaMalloc(0, 1); }\n', 'a.cu', catalog);
    for (const t of Object.values(r.findings[0]!.targets)) expect(['confirmed', 'likely', 'uncertain']).toContain(t.confidence);
  });
});

describe('judging one answer', () => {
  const profile: Profile = { id: 'ascend-910b', chip: 'ascend-910b', vendor: 'ascend', product: 'A2', sdk: { name: 'CANN', version: '9.1' }, kernelModel: 'tile', inventory: ['cann-9.1.tsv'], pinned: false };
  const ev: Evidence = {
    cited: new Map([['hicann/runtime@v9.1.0:include/acl_rt.h', new Map([['aclrtMalloc', 'identifier'], ['aclrtOnlyString', 'string']])]]),
    names: computeEvidence([], new Map(), ''),
  };
  ev.names.set('aclrtMalloc', { inventories: ['cann-9.1.tsv'], unsupported: [] });
  ev.names.set('aclrtFree', { inventories: ['cann-9.1.tsv'], unsupported: [] });
  ev.names.set('aclrtOnlyString', { inventories: [], unsupported: [] });
  ev.names.set('aclfftMakePlan3d', { inventories: ['cann-9.1.tsv'], unsupported: [{ chip: 'ascend-910b', release: '*', kind: 'stub', source: 'hicann/ops-fft@x:src/plan.cpp' }] });
  const judge = (a: Partial<RawAnswer>) => judgeAnswer({ status: 'direct', ...a } as RawAnswer, profile, ev);
  const SRC = 'hicann/runtime@v9.1.0:include/acl_rt.h';

  it('confirmed when the cited file holds every name', () => {
    expect(judge({ replacement: ['aclrtMalloc'], source: SRC })).toEqual({ confidence: 'confirmed', reasons: [] });
  });
  it('likely when the SDK declares a name the cited file lacks, or the source is free text', () => {
    expect(judge({ replacement: ['aclrtMalloc + aclrtFree'], source: SRC })).toMatchObject({ confidence: 'likely', reasons: ['source-lacks:aclrtFree'] });
    expect(judge({ replacement: ['aclrtMalloc'], source: 'the CANN guide' })).toMatchObject({ confidence: 'likely', reasons: expect.arrayContaining(['free-text-source']) });
    expect(judge({ replacement: ['aclrtOnlyString'], source: SRC }).confidence).toBe('likely');
  });
  it('uncertain for undeclared names, stubs, and when the rule says so; none is likely unless said otherwise', () => {
    expect(judge({ replacement: ['aclrtInvented'], source: SRC })).toMatchObject({ confidence: 'uncertain' });
    expect(judge({ replacement: ['aclfftMakePlan3d'], source: SRC })).toMatchObject({ confidence: 'uncertain', reasons: ['stub:aclfftMakePlan3d'] });
    expect(judge({ replacement: ['aclrtMalloc'], source: SRC, confidence: 'uncertain' }).confidence).toBe('uncertain');
    expect(judge({ status: 'none', note: 'no' }).confidence).toBe('likely');
  });
});

describe('profiles are chips on releases', () => {
  it('a pinned release answers as its SDK did: --target ascend-910b@8.5 differs from ascend-910b where the releases differ', () => {
    const differs = catalog.rules.filter((r) => r.answers['ascend-910b@8.5']!.status !== r.answers['ascend-910b']!.status);
    expect(differs.length).toBeGreaterThan(0);
    for (const r of differs.slice(0, 20)) {
      const old = r.answers['ascend-910b@8.5']!;
      // The only ways an older release answers differently: a `since` newer than it, support data, or a pinned override.
      expect(Boolean(old.since) || Boolean(old.unsupported) || Boolean(r.answers['ascend-910b']!.unsupported), r.id).toBe(true);
    }
    const rule = differs.find((r) => r.answers['ascend-910b@8.5']!.since)!;
    const text = `void f() { ${rule.symbols[0]}; }\n`;
    const report = analyzeSource(text, 'a.cu', catalog, { targets: ['ascend-910b@8.5,ascend-910b'] });
    expect(report.targets.map((t) => `${t.id} ${t.sdk}`)).toEqual(['ascend-910b@8.5 CANN 8.5', `ascend-910b CANN ${catalog.profiles[0]!.sdk.version}`]);
  });

  it('no shipped direct or partial answer cites free text or a file lacking its replacement', () => {
    const audit = auditCatalog(catalog, evidence, [...catalog.profiles, ...catalog.pinned]);
    expect(audit.details.filter((d) => d.reasons.some((r) => r === 'free-text-source' || r === 'no-source' || r.startsWith('source-lacks'))).map((d) => `${d.ruleId} [${d.profile}]: ${d.reasons.join('; ')}`)).toEqual([]);
  });

  it('the audit counts answers per family and profile, and totals them', () => {
    const audit = auditCatalog(catalog, evidence);
    const total = audit.totals.find((t) => t.profile === 'ascend-910b')!;
    expect(total.answers).toBe(audit.rows.filter((r) => r.profile === 'ascend-910b').reduce((n, r) => n + r.answers, 0));
    expect(total.confirmed + total.likely + total.uncertain).toBe(total.answers);
  });
});
