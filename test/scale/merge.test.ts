import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/analyze.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog, Report } from '../../src/model/index.js';
import { renderJson } from '../../src/report/json.js';
import { asReport, mergeReports } from '../../src/core/merge.js';
import { cli } from '../helpers/cli.js';

const SAMPLES = resolve(__dirname, '../../samples');
let catalog: Catalog;
let whole: Report;
let shardA: Report;
let shardB: Report;
let tmp: string;

const write = (name: string, value: unknown): string => {
  const path = join(tmp, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

beforeAll(() => {
  catalog = loadCatalog();
  whole = scan({ paths: [join(SAMPLES, 'reduction'), join(SAMPLES, 'nccl-allreduce'), join(SAMPLES, 'vector-add')], catalog });
  shardA = scan({ paths: [join(SAMPLES, 'reduction'), join(SAMPLES, 'nccl-allreduce')], catalog });
  shardB = scan({ paths: [join(SAMPLES, 'vector-add')], catalog });
  tmp = mkdtempSync(join(tmpdir(), 'ascendify-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('merge', () => {
  it('two shards merge into the report one scan gives (paths prefixed by shard root)', () => {
    // shard A's root is samples/ (two folders), shard B's is samples/vector-add: prefix B with its folder.
    const merged = mergeReports([
      { source: 'a.json', report: shardA, prefix: '' },
      { source: 'b.json', report: shardB, prefix: 'vector-add' },
    ]);
    expect(renderJson({ ...merged, root: whole.root })).toBe(renderJson(whole));
  });

  it('uses each report\'s root as the default prefix', () => {
    const merged = mergeReports([
      { source: 'a.json', report: { ...shardA, root: 'repos/one' } },
      { source: 'b.json', report: { ...shardB, root: 'repos/two' } },
    ]);
    expect(merged.root).toBe('.');
    expect([...new Set(merged.files.map((f) => f.path.split('/').slice(0, 2).join('/')))]).toEqual(['repos/one', 'repos/two']);
    expect(merged.findings.every((f) => f.file.startsWith('repos/'))).toBe(true);
    expect(merged.kernels.every((k) => k.file.startsWith('repos/'))).toBe(true);
    expect(merged.summary.findings).toBe(shardA.summary.findings + shardB.summary.findings);
    expect(merged.summary.lines).toBe(shardA.summary.lines + shardB.summary.lines);
    expect(merged.summary.byTarget['ascend-910b']?.byStatus).toEqual(
      Object.fromEntries(Object.entries(shardA.summary.byTarget['ascend-910b']!.byStatus).map(([k, v]) => [k, v + shardB.summary.byTarget['ascend-910b']!.byStatus[k as 'direct']])),
    );
  });

  it('refuses overlapping shards', () => {
    expect(() => mergeReports([
      { source: 'a.json', report: shardB, prefix: 'x' },
      { source: 'b.json', report: shardB, prefix: 'x' },
    ])).toThrow(/in two shards \(a\.json and b\.json\)/);
  });

  it('CLI: merges files into --output', async () => {
    const a = write('a.json', shardA);
    const b = write('b.json', shardB);
    const out = join(tmp, 'all.json');
    const r = await cli(['merge', `${a}=`, `${b}=vector-add`, '--output', out]);
    expect(r.code).toBe(0);
    const merged = JSON.parse((await import('node:fs')).readFileSync(out, 'utf8')) as Report;
    expect(renderJson({ ...merged, root: whole.root })).toBe(renderJson(whole));
  });

  it('progress and suppressed uses come out as one scan gives them (half-ported code, an ignore in the config)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ascendify-merge-'));
    try {
      cpSync(join(SAMPLES, 'half-ported'), join(dir, 'half-ported'), { recursive: true });
      cpSync(join(SAMPLES, 'vector-add'), join(dir, 'vector-add'), { recursive: true });
      const config = join(dir, 'ascendify.config.yaml');
      writeFileSync(config, 'ignore:\n  rules: [cudaFree]\n');
      const targets = ['ascend-910b,ascend-950,cambricon-mlu590'];
      const both = scan({ paths: [join(dir, 'half-ported'), join(dir, 'vector-add')], catalog, config, targets });
      const a = scan({ paths: [join(dir, 'half-ported')], catalog, config, targets });
      const b = scan({ paths: [join(dir, 'vector-add')], catalog, config, targets });
      expect(both.progress?.byTarget.length).toBe(3);
      expect(both.findings.some((f) => f.suppressed)).toBe(true);
      const merged = mergeReports([{ source: 'a.json', report: a, prefix: 'half-ported' }, { source: 'b.json', report: b, prefix: 'vector-add' }]);
      expect(renderJson({ ...merged, root: both.root })).toBe(renderJson(both));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CLI: different catalog versions, tool versions or targets are exit 2, naming the files', async () => {
    const a = write('cat-a.json', shardA);
    const b = write('cat-b.json', { ...shardB, tool: { ...shardB.tool, catalogVersion: 'ffffffffffff' } });
    const r1 = await cli(['merge', a, b]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('different catalog versions');
    expect(r1.stderr).toContain('cat-a.json');
    expect(r1.stderr).toContain('cat-b.json (ffffffffffff)');
    const c = write('tool-c.json', { ...shardB, tool: { ...shardB.tool, version: '9.9.9' } });
    expect((await cli(['merge', a, c])).stderr).toContain('different tool versions');
    const d = write('target-d.json', { ...shardB, targets: shardB.targets.slice(0, 1) });
    const r3 = await cli(['merge', a, d]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('different target profiles');
  });

  it('CLI: malformed inputs are exit 2 with what is wrong', async () => {
    const broken = write('broken.json', '{"schemaVersion": 2, "tool"');
    const r1 = await cli(['merge', broken]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('broken.json is not valid JSON');
    const other = write('other.json', { hello: 'world' });
    const r2 = await cli(['merge', other]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('other.json is not an ascendify JSON report');
    const noFindings = write('nofindings.json', { ...shardA, findings: 'none' });
    expect((await cli(['merge', noFindings])).stderr).toContain('field "findings" must be array');
    const old = write('old.json', { ...shardA, schemaVersion: 1 });
    const r3 = await cli(['merge', old]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('old.json is a report of schema version 1; this ascendify reads version 2');
    const missing = await cli(['merge', join(tmp, 'missing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });

  it('effort: recomputed from the merged findings, with the weights the shards recorded', () => {
    const merged = mergeReports([
      { source: 'a.json', report: shardA, prefix: '' },
      { source: 'b.json', report: shardB, prefix: 'vector-add' },
    ]);
    expect(whole.effort).toBeDefined();
    expect(merged.effort).toEqual(whole.effort);
    expect(merged.incompatibilities).toEqual(whole.incompatibilities);
    const heavier = { ...shardB, effort: { ...shardB.effort!, weights: { ...shardB.effort!.weights, hoursPerDay: 8 } } };
    expect(() => mergeReports([{ source: 'a.json', report: shardA }, { source: 'b.json', report: heavier }])).toThrow(/different effort settings/);
  });

  it('asReport accepts a real report', () => {
    expect(asReport(JSON.parse(renderJson(whole)), 'x.json')).toEqual(whole);
  });
});
