import { describe, expect, it } from 'vitest';
import { codeScanningLevel } from '../../src/model/index.js';
import { renderSarif } from '../../src/report/sarif.js';
import type { Finding } from '../../src/model/index.js';
import { FINDINGS, HOSTILE_FILE, finding, makeReport } from './helpers.js';
import { sarifValidator } from './sarif-schema.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, unknown> } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { rules: { id: string; helpUri: string; help: { text: string } }[] } }; results: SarifResult[]; originalUriBaseIds?: Record<string, { uri: string }> }[];
}

const parse = (findings: Finding[] = FINDINGS, root = 'project'): SarifLog => JSON.parse(renderSarif(makeReport(findings, { root }))) as SarifLog;

describe('renderSarif', () => {
  const validate = sarifValidator();

  it('is valid against the official SARIF 2.1.0 schema, also with hostile file names and absolute roots', () => {
    expect(validate(parse())).toEqual([]);
    expect(validate(parse(FINDINGS, '/home/dev/my project'))).toEqual([]);
    expect(validate(parse([]))).toEqual([]);
  });

  it('the validator does reject a broken log (the check can fail)', () => {
    const log = parse() as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(log)).not.toEqual([]);
  });

  it('has one result per finding, each pointing at its rule in tool.driver.rules', () => {
    const run = parse().runs[0]!;
    expect(run.results).toHaveLength(FINDINGS.length);
    const ruleIds = run.tool.driver.rules.map((r) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const r of run.results) expect(ruleIds[r.ruleIndex]).toBe(r.ruleId);
    expect(ruleIds.sort()).toEqual(
      ['coop-grid-sync', 'kernel-thread-idx', 'runtime-malloc', 'runtime-memcpy-async', 'unknown/cudaFuncSetCacheConfig', 'wmma|pipe'].sort(),
    );
  });

  it('chooses levels for a first upload: renames are notes, everything else a warning, errors only for what the gate fails on', () => {
    expect(codeScanningLevel(['direct', 'direct'], false)).toBe('note');
    expect(codeScanningLevel(['direct', 'partial'], false)).toBe('warning');
    expect(codeScanningLevel(['unknown', 'unknown'], false)).toBe('warning');
    expect(codeScanningLevel(['none', 'partial'], false)).toBe('warning');
    expect(codeScanningLevel(['direct'], true)).toBe('error');
    const byRule = Object.fromEntries(parse().runs[0]!.results.map((r) => [r.ruleId, r.level]));
    expect(byRule).toMatchObject({
      'runtime-malloc': 'note', 'runtime-memcpy-async': 'warning', 'kernel-thread-idx': 'warning',
      'coop-grid-sync': 'warning', 'unknown/cudaFuncSetCacheConfig': 'warning',
    });
    // With the gate at "none": what it fails on (none or unknown on some target) becomes an error, nothing else.
    const gated = JSON.parse(renderSarif(makeReport(), { failOn: 'none' })) as SarifLog;
    const levels = Object.fromEntries(gated.runs[0]!.results.map((r) => [r.ruleId, r.level]));
    expect(levels).toMatchObject({
      'runtime-malloc': 'note', 'kernel-thread-idx': 'warning', 'coop-grid-sync': 'error', 'unknown/cudaFuncSetCacheConfig': 'error', 'wmma|pipe': 'error',
    });
    const rules = Object.fromEntries(gated.runs[0]!.tool.driver.rules.map((r) => [r.id, (r as unknown as { defaultConfiguration: { level: string } }).defaultConfiguration.level]));
    expect(rules['coop-grid-sync']).toBe('error');
    expect(rules['runtime-malloc']).toBe('note');
  });

  it('gives 1-based regions, a message naming each target replacement, and absolute help URIs', () => {
    const run = parse().runs[0]!;
    const copy = run.results.find((r) => r.ruleId === 'runtime-memcpy-async')!;
    expect(copy.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 20 });
    expect(copy.message.text).toBe('cudaMemcpyAsync -> ascend-910b: aclrtMemcpyAsync (partial); cambricon-mlu590: cnrtMemcpyAsync (direct)');
    const rule = run.tool.driver.rules.find((r) => r.id === 'coop-grid-sync')!;
    expect(rule.helpUri).toBe('https://github.com/ascendify/ascendify/blob/main/docs/rules/cooperative-groups.md#coop-grid-sync');
    expect(rule.help.text).toContain('ascend-910b: none');
  });

  it('writes paths relative to the working folder as percent-encoded URIs', () => {
    const evil = parse().runs[0]!.results.find((r) => r.locations[0]!.physicalLocation.region.startLine === 4)!;
    const loc = evil.locations[0]!.physicalLocation.artifactLocation;
    expect(loc.uri).toBe('project/evil/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.cu');
    expect(decodeURIComponent(loc.uri)).toBe(`project/${HOSTILE_FILE}`);
    expect(loc.uriBaseId).toBeUndefined();
  });

  it('with an absolute root, uses a SRCROOT base id', () => {
    const run = parse(FINDINGS, '/home/dev/my project').runs[0]!;
    expect(run.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///home/dev/my%20project/' } });
    const grid = run.results.find((r) => r.ruleId === 'coop-grid-sync')!;
    expect(grid.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'lib/grid.cu', uriBaseId: 'SRCROOT' });
  });

  it('keeps fingerprints when lines move, and tells identical lines in one file apart', () => {
    const a = finding({ ruleId: 'runtime-malloc', symbol: 'cudaMalloc', family: 'runtime', file: 'a.cu', line: 10, ascend: ['direct'], cambricon: ['direct'] });
    const b = { ...a, line: 30, endLine: 30 };
    const before = parse([a, b]).runs[0]!.results.map((r) => r.partialFingerprints['ascendify/v1']);
    const moved = parse([{ ...a, line: 15, endLine: 15 }, { ...b, line: 41, endLine: 41 }]).runs[0]!.results.map((r) => r.partialFingerprints['ascendify/v1']);
    expect(moved).toEqual(before);
    expect(before[0]).not.toBe(before[1]);
    expect(before[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is deterministic: equal reports give byte-identical logs', () => {
    expect(renderSarif(makeReport([...FINDINGS].reverse()))).toBe(renderSarif(makeReport(FINDINGS)));
  });
});
