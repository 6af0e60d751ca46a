/** The shipped catalog: valid, unique, and every answer either sourced (direct/partial) or explained (none/rewrite). */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';

const catalog = loadCatalog();

describe('shipped catalog', () => {
  it('loads: every rule file is valid against the schema', () => {
    expect(catalog.rules.length).toBeGreaterThan(100);
    expect(catalog.files.every((f) => !f.user)).toBe(true);
  });

  it('has unique ids and no symbol answered twice in the same context', () => {
    expect(catalog.warnings).toEqual([]);
    const ids = catalog.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the target symbols and a source for every direct or partial answer', () => {
    const bad: string[] = [];
    for (const rule of catalog.rules) {
      for (const [profile, a] of Object.entries(rule.answers)) {
        if ((a.status === 'direct' || a.status === 'partial') && (!a.replacement?.length || !a.source)) {
          bad.push(`${rule.file} ${rule.id} (${profile}): ${a.status} without ${a.replacement?.length ? 'source' : 'replacement'}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('says why and what to do for every none or rewrite answer', () => {
    const bad: string[] = [];
    for (const rule of catalog.rules) {
      for (const [profile, a] of Object.entries(rule.answers)) {
        if ((a.status === 'none' || a.status === 'rewrite') && !a.note?.trim()) bad.push(`${rule.file} ${rule.id} (${profile}): ${a.status} without a note`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('answers for every profile: each chip on its newest release and on every release it supports', () => {
    const profiles = [...catalog.profiles, ...catalog.pinned].map((p) => p.id).sort();
    expect(profiles).toContain('ascend-910b@8.5');
    expect(catalog.profiles.find((p) => p.id === 'ascend-910b')?.sdk.version).toBe(catalog.pinned.filter((p) => p.chip === 'ascend-910b').at(-1)?.sdk.version);
    for (const rule of catalog.rules) expect(Object.keys(rule.answers).sort()).toEqual(profiles);
  });
});

