import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, findings, LEGACY, makeRepo, read, write } from './helpers.js';

const fixtures: (() => void)[] = [];
afterEach(() => {
  for (const clean of fixtures.splice(0)) clean();
});

/** A repo with legacy CUDA code and a baseline of it, written outside the repo. */
async function baselined(): Promise<{ repo: string; baseline: string }> {
  const { repo, work, cleanup } = makeRepo({ 'src/legacy.cu': LEGACY });
  fixtures.push(cleanup);
  const baseline = join(work, 'baseline.json');
  const run = await cli(['baseline', repo, '--output', baseline]);
  expect(run.code).toBe(0);
  return { repo, baseline };
}

const gate = (repo: string, baseline: string, ...extra: string[]): ReturnType<typeof cli> =>
  cli(['scan', repo, '--format', 'json', '--baseline', baseline, '--fail-on', 'none', ...extra]);

describe('ascendify baseline', () => {
  it('writes a versioned file with one entry per finding and no line-based identity', async () => {
    const { baseline } = await baselined();
    const data = JSON.parse(read(baseline, '')) as { version: number; tool: { name: string; version: string }; entries: { symbol: string; file: string; fingerprint: string }[] };
    expect(data.version).toBe(1);
    expect(data.tool.name).toBe('ascendify');
    expect(data.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(data.entries.map((e) => `${e.file} ${e.symbol}`)).toEqual([
      'src/legacy.cu cuda_runtime.h',
      'src/legacy.cu cudaMallocManaged',
      'src/legacy.cu cudaFree',
    ]);
    expect(new Set(data.entries.map((e) => e.fingerprint)).size).toBe(3);
  });

  it('passes the gate when nothing changed, and reports no findings', async () => {
    const { repo, baseline } = await baselined();
    const run = await gate(repo, baseline);
    expect(run.code).toBe(0);
    expect(findings(run)).toEqual([]);
    expect(JSON.parse(run.stdout).baseline).toEqual({ file: baseline, counts: { new: 0, unchanged: 3, fixed: 0 }, fixed: [] });
  });

  it('fails on a new cudaMallocManaged and lists only the new finding', async () => {
    const { repo, baseline } = await baselined();
    write(repo, 'src/legacy.cu', `${LEGACY}\nfloat* scratch(int n) {\n  float* s;\n  cudaMallocManaged(&s, n);\n  return s;\n}\n`);
    const run = await gate(repo, baseline);
    expect(run.code).toBe(1);
    expect(findings(run).map((f) => `${f.symbol}@${f.line}`)).toEqual(['cudaMallocManaged@15']);
    expect(run.stderr).toContain('gate failed: 1 new finding at "none" or worse');
  });

  it('passes when old code moves down and other lines change', async () => {
    const { repo, baseline } = await baselined();
    const shifted = `// Legacy allocation helpers.\n// Kept until the port lands.\n\n#include <stdio.h>\n\nstatic int counter = 0;\n\n${LEGACY.replace('return buf;', 'counter++;\n  return buf;').replace('  cudaFree(buf);', '      cudaFree(buf);   ')}`;
    write(repo, 'src/legacy.cu', shifted);
    const run = await gate(repo, baseline);
    expect(run.stderr).not.toContain('gate failed');
    expect(run.code).toBe(0);
    expect(findings(run)).toEqual([]);
  });

  it('treats a second identical use of an old line as new (occurrence index)', async () => {
    const { repo, baseline } = await baselined();
    write(repo, 'src/legacy.cu', LEGACY.replace('  return buf;', '  cudaMallocManaged(&buf, n * sizeof(float));\n  return buf;'));
    const run = await gate(repo, baseline);
    expect(run.code).toBe(1);
    expect(findings(run).map((f) => f.symbol)).toEqual(['cudaMallocManaged']);
  });

  it('does not fail on a new finding better than the threshold', async () => {
    const { repo, baseline } = await baselined();
    write(repo, 'src/more.cu', '#include <cuda_runtime.h>\nvoid drop(float* p) { cudaFree(p); }\n');
    const run = await gate(repo, baseline);
    expect(run.code).toBe(0);
    expect(findings(run).map((f) => f.symbol)).toEqual(['cuda_runtime.h', 'cudaFree']);
    const strict = await gate(repo, baseline, '--fail-on', 'direct');
    expect(strict.code).toBe(1);
  });

  it('gates on all findings when --fail-on is given without --baseline', async () => {
    const { repo, cleanup } = makeRepo({ 'src/legacy.cu': LEGACY });
    fixtures.push(cleanup);
    expect((await cli(['scan', repo, '--format', 'json', '--fail-on', 'none'])).code).toBe(1);
    expect((await cli(['scan', repo, '--format', 'json', '--fail-on', 'unknown'])).code).toBe(0);
    expect((await cli(['scan', repo, '--format', 'json'])).code).toBe(0);
  });

  it('reports fixed findings, and --update-baseline drops them (the baseline only shrinks)', async () => {
    const { repo, baseline } = await baselined();
    write(repo, 'src/legacy.cu', LEGACY.replace('  cudaMallocManaged(&buf, n * sizeof(float));\n', '  buf = new float[n];\n'));
    write(repo, 'src/new.cu', 'void leak(float** p) { cudaMallocManaged(p, 4); }\n');
    const run = await gate(repo, baseline);
    expect(run.code).toBe(1);
    const section = JSON.parse(run.stdout).baseline;
    expect(section.counts).toEqual({ new: 1, unchanged: 2, fixed: 1 });
    expect(section.fixed.map((f: { symbol: string; file: string }) => `${f.file} ${f.symbol}`)).toEqual(['src/legacy.cu cudaMallocManaged']);
    expect(JSON.parse(read(baseline, '')).entries).toHaveLength(3);

    const update = await gate(repo, baseline, '--update-baseline');
    expect(update.code).toBe(1); // the new finding still fails the gate
    const entries = JSON.parse(read(baseline, '')).entries as { symbol: string }[];
    expect(entries.map((e) => e.symbol)).toEqual(['cuda_runtime.h', 'cudaFree']); // fixed dropped, new not added
    const again = await gate(repo, baseline);
    expect(JSON.parse(again.stdout).baseline.counts).toEqual({ new: 1, unchanged: 2, fixed: 0 });
  });

  it('counts the entries of a deleted file as fixed, and --update-baseline drops them (issue 18)', async () => {
    const { repo, work, cleanup } = makeRepo({
      'src/legacy.cu': LEGACY,
      'src/keep.cu': 'void k(float** p) { cudaMalloc(p, 4); }\n',
      'lib/other.cu': 'void o() { cudaFree(0); }\n',
      'tools/t.cu': 'void t() { cudaDeviceSynchronize(); }\n',
    });
    fixtures.push(cleanup);
    const baseline = join(work, 'baseline.json');
    expect((await cli(['baseline', repo, '--output', baseline])).code).toBe(0);
    rmSync(join(repo, 'src', 'legacy.cu'));
    const run = await gate(repo, baseline);
    expect(run.code).toBe(0);
    const section = JSON.parse(run.stdout).baseline;
    expect(section.counts).toEqual({ new: 0, unchanged: 3, fixed: 3 });
    expect(section.fixed.map((f: { symbol: string; file: string }) => `${f.file} ${f.symbol}`)).toEqual([
      'src/legacy.cu cuda_runtime.h',
      'src/legacy.cu cudaMallocManaged',
      'src/legacy.cu cudaFree',
    ]);
    // A scan of src/ and tools/ (same root) says nothing about lib/: a file deleted there is not counted.
    rmSync(join(repo, 'lib', 'other.cu'));
    const partial = await cli(['scan', join(repo, 'src'), join(repo, 'tools'), '--format', 'json', '--baseline', baseline]);
    expect(JSON.parse(partial.stdout).root).toBe(JSON.parse(run.stdout).root);
    expect(JSON.parse(partial.stdout).baseline.counts).toEqual({ new: 0, unchanged: 2, fixed: 3 });
    expect((await gate(repo, baseline, '--update-baseline')).code).toBe(0);
    expect((JSON.parse(read(baseline, '')).entries as { file: string }[]).map((e) => e.file)).toEqual(['src/keep.cu', 'tools/t.cu']);
  });

  it('exits 2 with the file named for a malformed or missing baseline', async () => {
    const { repo, baseline } = await baselined();
    write(baseline, '', '{"version": 1, "entries": [');
    const broken = await gate(repo, baseline);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`baseline ${baseline} is not valid JSON`);
    write(baseline, '', JSON.stringify({ version: 1, tool: { name: 'ascendify', version: '0.1.0' }, entries: [{ symbol: 'cudaFree', file: 'a.cu' }] }));
    const invalid = await gate(repo, baseline);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(`baseline ${baseline}: field "entries.0`);
    expect(invalid.stderr).toContain('fingerprint');
    const missing = await gate(repo, `${baseline}.absent`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`baseline file not found: ${baseline}.absent`);
    expect(missing.stdout).toBe('');
  });

  it('rejects a bad --fail-on and --update-baseline without --baseline (exit 2)', async () => {
    const { repo, cleanup } = makeRepo({ 'src/legacy.cu': LEGACY });
    fixtures.push(cleanup);
    const bad = await cli(['scan', repo, '--fail-on', 'worst']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid --fail-on "worst"');
    expect((await cli(['scan', repo, '--update-baseline'])).code).toBe(2);
  });

  it('writes CI fields that validate against schemas/report.schema.json', async () => {
    const { repo, baseline } = await baselined();
    write(repo, 'src/legacy.cu', LEGACY.replace('  cudaMallocManaged(', '  // ascendify-ignore cudaMallocManaged\n  // ascendify-ignore cudaFree -- freed by the pool\n  cudaMallocManaged(').replace('  cudaFree(buf);\n', '  cudaFree(buf);  // ascendify-ignore cudaFree -- pool\n'));
    const report = JSON.parse((await gate(repo, baseline)).stdout);
    // The trailing ignore comment does not change cudaFree's fingerprint: unchanged (suppressed), not fixed.
    expect(report.baseline.counts).toEqual({ new: 0, unchanged: 2, fixed: 0 });
    expect(report.findings.map((f: { symbol: string; suppressed?: { kind: string } }) => `${f.symbol} ${f.suppressed?.kind}`)).toEqual(['cudaFree inline']);
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(['ascendify-ignore-without-reason', 'ascendify-ignore-unused']);
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(JSON.parse(readFileSync(join(__dirname, '../../schemas/report.schema.json'), 'utf8')), 'report');
    for (const [part, value] of [['properties/baseline', report.baseline], ['properties/diagnostics', report.diagnostics], ['properties/findings', report.findings]]) {
      const validate = ajv.getSchema(`report#/${part}`)!;
      expect(validate(value), `${part}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(report.findings.some((f: { suppressed?: unknown }) => f.suppressed)).toBe(true);
  });
});
