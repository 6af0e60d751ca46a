import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ascendify-cli-'));
  writeFileSync(join(dir, 'main.cu'), '#include <cuda_runtime.h>\nint main() { float* p; cudaMalloc(&p, 4); cudaFree(p); }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ascendify scan', () => {
  it('prints a text report and exits 0', async () => {
    const r = await cli(['scan', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cudaMalloc');
    expect(r.stdout).toContain('ascend-910b');
    expect(r.stdout.includes('\u001b[')).toBe(false); // no colour when not a TTY
  });

  it('writes JSON that validates against schemas/report.schema.json and is deterministic', async () => {
    const a = await cli(['scan', dir, '--format', 'json']);
    const b = await cli(['scan', dir, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout);
    const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/report.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.findings.map((f: { symbol: string; line: number }) => `${f.line}:${f.symbol}`)).toEqual([
      '1:cuda_runtime.h',
      '2:cudaMalloc',
      '2:cudaFree',
    ]);
    expect(report.findings[1].targets['ascend-910b']).toMatchObject({ status: 'direct', replacement: ['aclrtMalloc'] });
  });

  it('takes a profile as --target and says which profile answered', async () => {
    const r = await cli(['scan', dir, '--format', 'json', '--target', 'ascend-950']);
    const report = JSON.parse(r.stdout);
    expect(report.targets.map((t: { id: string }) => t.id)).toEqual(['ascend-950']);
    expect(Object.keys(report.findings[1].targets)).toEqual(['ascend-950']);
  });

  it('writes --output to a file', async () => {
    const out = join(dir, 'out', 'r.json');
    const r = await cli(['scan', join(dir, 'main.cu'), '--format', 'json', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(out);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.findings).toBe(3);
  });
});

describe('bad input', () => {
  it('a missing path exits 2 with one line', async () => {
    const r = await cli(['scan', join(dir, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`ascendify: error: path not found: ${join(dir, 'nope')}`);
  });

  it('an unknown target or format exits 2', async () => {
    expect((await cli(['scan', dir, '--target', 'nvidia'])).code).toBe(2);
    expect((await cli(['scan', dir, '--format', 'pdf'])).stderr).toContain('unknown format "pdf"');
  });

  it('an unknown option exits 2', async () => {
    expect((await cli(['scan', '--frobnicate'])).code).toBe(2);
  });

  it('binary, non-UTF-8, empty and oversized files are listed with a reason and do not stop the scan', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ascendify-bad-'));
    writeFileSync(join(d, 'bin.cu'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]));
    writeFileSync(join(d, 'gbk.cu'), Buffer.concat([Buffer.from('// '), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from('\nvoid f() { cudaFree(0); }\n')]));
    writeFileSync(join(d, 'empty.cu'), '');
    writeFileSync(join(d, 'big.cu'), `void f() { cudaFree(0); }\n${'// padding\n'.repeat(2000)}`);
    writeFileSync(join(d, 'ok.cu'), 'void g() { cudaMalloc(0, 1); }\n');
    const r = await cli(['scan', d, '--format', 'json', '--max-file-size', '10k']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const byPath = Object.fromEntries(report.files.map((f: { path: string }) => [f.path, f]));
    expect(byPath['bin.cu']).toMatchObject({ status: 'skipped', reason: expect.stringContaining('binary') });
    expect(byPath['big.cu']).toMatchObject({ status: 'skipped', reason: expect.stringContaining('size limit') });
    expect(byPath['gbk.cu']).toMatchObject({ status: 'scanned', reason: expect.stringContaining('not valid UTF-8') });
    expect(byPath['empty.cu']).toMatchObject({ status: 'scanned', lines: 0, reason: 'empty file' });
    expect(report.findings.map((f: { file: string; symbol: string }) => `${f.file}:${f.symbol}`)).toEqual(['gbk.cu:cudaFree', 'ok.cu:cudaMalloc']);
    const text = await cli(['scan', d, '--max-file-size', '10k']);
    // Notes are grouped by reason, one line each; an empty file is not a note.
    expect(text.stdout).toContain('1 file skipped: binary file: bin.cu');
    expect(text.stdout).toMatch(/1 file skipped: larger than the size limit: big\.cu \(\d+ > 10240 bytes/);
    expect(text.stdout).toContain('1 file not valid UTF-8: gbk.cu (read as Latin-1 (identifiers are unaffected))\n');
    expect(text.stdout).not.toContain('empty');
    rmSync(d, { recursive: true, force: true });
  });

  it('a malformed user rule file exits 2 naming the file, rule and field', async () => {
    const rules = join(dir, 'bad-rules');
    mkdirSync(rules, { recursive: true });
    writeFileSync(
      join(rules, 'mine.yaml'),
      'family: wrappers\nrules:\n  - id: gpu-malloc\n    symbols: [gpuMalloc]\n    kind: function\n    targets:\n      ascend: { status: maybe }\n      cambricon: { status: none, note: x }\n',
    );
    const r = await cli(['scan', dir, '--rules', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mine.yaml: rule "gpu-malloc": field targets.ascend.status');
    expect(r.stderr).toContain('direct, partial, rewrite, none');
  });

  it('invalid YAML in a rule file names the line', async () => {
    const rules = join(dir, 'bad-yaml');
    mkdirSync(rules, { recursive: true });
    writeFileSync(join(rules, 'x.yaml'), 'family: x\nrules: [\n  - id: a\n');
    const r = await cli(['scan', dir, '--rules', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.yaml is not valid YAML \(line \d+\)/);
  });
});

describe('user rules', () => {
  it('maps a team wrapper and names the rule file that answered', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ascendify-user-'));
    writeFileSync(join(d, 'a.cu'), 'void f() { void* p; gpuMalloc(&p, 4); }\n');
    writeFileSync(
      join(d, 'wrappers.yaml'),
      'family: wrappers\nrules:\n  - id: team-gpu-malloc\n    symbols: [gpuMalloc]\n    kind: function\n    targets:\n      ascend: { status: direct, replacement: [npuMalloc], source: "our wiki" }\n      cambricon: { status: direct, replacement: [mluMalloc], source: "our wiki" }\n',
    );
    const r = await cli(['scan', join(d, 'a.cu'), '--rules', join(d, 'wrappers.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout).findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ symbol: 'gpuMalloc', ruleId: 'team-gpu-malloc', family: 'wrappers', ruleFile: join(d, 'wrappers.yaml') });
    rmSync(d, { recursive: true, force: true });
  });

  it('refuses to silently override a shipped rule, and accepts an explicit override', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ascendify-override-'));
    writeFileSync(join(d, 'a.cu'), 'void f() { void* p; cudaMalloc(&p, 4); }\n');
    const rule = (override: boolean): string =>
      `family: runtime\nrules:\n  - id: team-cuda-malloc\n    symbols: [cudaMalloc]\n    kind: function\n${override ? '    override: true\n' : ''}    targets:\n      ascend: { status: partial, replacement: [ourNpuAlloc], source: "team" }\n      cambricon: { status: none, note: "not supported in our stack" }\n`;
    writeFileSync(join(d, 'o.yaml'), rule(false));
    const refused = await cli(['scan', d, '--rules', join(d, 'o.yaml')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add "override: true"');
    writeFileSync(join(d, 'o.yaml'), rule(true));
    const r = await cli(['scan', join(d, 'a.cu'), '--rules', join(d, 'o.yaml'), '--format', 'json']);
    const f = JSON.parse(r.stdout).findings[0];
    expect(f).toMatchObject({ ruleId: 'team-cuda-malloc', ruleFile: join(d, 'o.yaml') });
    expect(f.targets['ascend-910b'].replacement).toEqual(['ourNpuAlloc']);
    rmSync(d, { recursive: true, force: true });
  });
});

describe('rules and explain', () => {
  it('lists rules of a family', async () => {
    const r = await cli(['rules', '--family', 'nccl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ncclAllReduce/);
    expect((await cli(['rules', '--family', 'nosuch'])).code).toBe(2);
  });

  it('explains a symbol with targets, status, note and source', async () => {
    const r = await cli(['explain', 'cudaMalloc']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ascend-910b (CANN 9.1): direct → aclrtMalloc');
    expect(r.stdout).toContain('source:');
    const missing = await cli(['explain', 'definitelyNotCuda']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No rule answers "definitelyNotCuda"');
  });

  it('--help works everywhere and exits 0', async () => {
    for (const args of [['--help'], ['scan', '--help'], ['rules', '--help'], ['explain', '--help']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: ascendify');
    }
  });
});

describe('discovery', () => {
  it('honours .gitignore and --exclude, skips node_modules and build output', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ascendify-walk-'));
    for (const p of ['src/a.cu', 'src/gen/b.cu', 'node_modules/x/c.cu', 'build/d.cu', 'third_party/e.cu', 'src/f.txt']) {
      mkdirSync(join(d, p, '..'), { recursive: true });
      writeFileSync(join(d, p), 'void f() { cudaFree(0); }\n');
    }
    writeFileSync(join(d, '.gitignore'), 'gen/\n');
    const r = await cli(['scan', d, '--format', 'json', '--exclude', 'third_party/**']);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['src/a.cu']);
    const all = await cli(['scan', d, '--format', 'json', '--no-gitignore']);
    expect(JSON.parse(all.stdout).files.map((f: { path: string }) => f.path)).toEqual(['src/a.cu', 'src/gen/b.cu', 'third_party/e.cu']);
    rmSync(d, { recursive: true, force: true });
  });

  it('does not follow symlinks out of the root, and a cycle does not hang', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'ascendify-outside-'));
    writeFileSync(join(outside, 'secret.cu'), 'void f() { cudaFree(0); }\n');
    const d = mkdtempSync(join(tmpdir(), 'ascendify-links-'));
    mkdirSync(join(d, 'src'));
    writeFileSync(join(d, 'src', 'a.cu'), 'void f() { cudaFree(0); }\n');
    symlinkSync(outside, join(d, 'src', 'ext'));
    symlinkSync(join(d, 'src'), join(d, 'src', 'loop'));
    const r = await cli(['scan', d, '--format', 'json']);
    expect(r.code).toBe(0);
    const files = JSON.parse(r.stdout).files;
    expect(files.filter((f: { status: string }) => f.status === 'scanned').map((f: { path: string }) => f.path)).toEqual(['src/a.cu']);
    expect(files).toContainEqual(expect.objectContaining({ path: 'src/ext', status: 'skipped', reason: expect.stringContaining('outside the scanned root') }));
    rmSync(d, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
});

describe('config file rules entry', () => {
  it('loads rule folders named in ascendify.config.yaml, relative to it', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ascendify-cfg-rules-'));
    mkdirSync(join(d, 'team-rules'));
    writeFileSync(join(d, 'a.cu'), 'void f() { void* p; gpuMalloc(&p, 4); }\n');
    writeFileSync(
      join(d, 'team-rules', 'wrappers.yaml'),
      'family: wrappers\nrules:\n  - id: team-gpu-malloc\n    symbols: [gpuMalloc]\n    kind: function\n    targets:\n      ascend: { status: direct, replacement: [npuMalloc], source: "wiki" }\n      cambricon: { status: none, note: "no wrapper yet" }\n',
    );
    writeFileSync(join(d, 'ascendify.config.yaml'), 'rules: [team-rules]\n');
    const r = await cli(['scan', d, '--format', 'json', '--no-cache']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['team-gpu-malloc']);
    writeFileSync(join(d, 'ascendify.config.yaml'), 'rules: [missing-dir]\n');
    const bad = await cli(['scan', d, '--no-cache']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('missing-dir');
    rmSync(d, { recursive: true, force: true });
  });
});

describe('colour', () => {
  it('is on for a terminal, off with NO_COLOR, forced with FORCE_COLOR', async () => {
    const { colorEnabled } = await import('../../src/cli/io.js');
    expect(colorEnabled(true, {})).toBe(true);
    expect(colorEnabled(false, {})).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(false, { FORCE_COLOR: '1' })).toBe(true);
  });

  it('the text report uses ANSI colours only when asked', async () => {
    const plain = await cli(['scan', dir]);
    const coloured = await cli(['scan', dir], { color: true });
    expect(plain.stdout.includes('\u001b[')).toBe(false);
    expect(coloured.stdout.includes('\u001b[')).toBe(true);
  });
});

describe('format list', () => {
  it('treats md and markdown as one format', async () => {
    const { parseFormats } = await import('../../src/cli/output.js');
    expect(parseFormats('text,md,markdown,json,text')).toEqual(['text', 'md', 'json']);
  });
});
