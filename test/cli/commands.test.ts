/**
 * The scanning commands share one option set and one path: scan, effort, baseline and progress take the same
 * options and give the same numbers for the same input; progress prints migration progress; `ascendify test`
 * runs a team's rule fixtures.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const SAMPLES = join(__dirname, '../../samples');
const tmp = mkdtempSync(join(tmpdir(), 'ascendify-cmd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('one option set', () => {
  const SHARED = ['--target', '--exclude', '--rules', '--max-file-size', '--no-gitignore', '--config', '--jobs', '--cache-dir', '--no-cache', '--group-depth', '--quiet', '--output'];
  for (const command of ['scan', 'effort', 'baseline', 'progress']) {
    it(`${command} takes every shared option`, async () => {
      const help = (await cli([command, '--help'])).stdout;
      expect(SHARED.filter((o) => !help.includes(o))).toEqual([]);
    });
  }

  it('effort, scan and progress agree on the same input, with workers and options alike', async () => {
    const common = [join(SAMPLES, 'half-ported'), '--target', 'ascend-910b,ascend-950', '--jobs', '2', '--no-cache', '-q'];
    const scan = JSON.parse((await cli(['scan', ...common, '-f', 'json'])).stdout);
    const effortOut = join(tmp, 'effort.json');
    const effort = await cli(['effort', ...common, '-f', 'json', '--output', effortOut]);
    expect(effort.code).toBe(0);
    expect(effort.stderr).toContain(`wrote ${effortOut}`);
    expect(JSON.parse(readFileSync(effortOut, 'utf8')).effort).toEqual(scan.effort);
    const progress = JSON.parse((await cli(['progress', ...common, '-f', 'json'])).stdout);
    expect(progress).toEqual(scan.progress);
    expect(progress.byTarget.map((t: { target: string }) => t.target)).toEqual(['ascend-910b', 'ascend-950']);
  });

  it('progress in text, and says so when nothing is ported yet', async () => {
    const text = await cli(['progress', join(SAMPLES, 'half-ported'), '--no-cache', '-q']);
    expect(text.stdout).toMatch(/Migration progress/);
    expect(text.stdout).toMatch(/ascend-910b\s+49\s+12\s+22\s+73\.5%/);
    const none = await cli(['progress', join(SAMPLES, 'vector-add'), '--no-cache', '-q']);
    expect(none.stdout).toContain('No target code (Ascend, Cambricon) found yet');
  });

  it('baseline writes through the same scan (workers, caches) to --output', async () => {
    const out = join(tmp, 'b.json');
    const r = await cli(['baseline', join(SAMPLES, 'vector-add'), '--output', out, '--jobs', '2', '--cache-dir', join(tmp, 'cache'), '-q']);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).entries.length).toBeGreaterThan(0);
  });
});

describe('ascendify test', () => {
  it('runs a team\'s fixtures: pass, then a wrong answer fails with exit 1', async () => {
    const dir = join(tmp, 'team');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'wrappers.yaml'), [
      'family: wrappers',
      'rules:',
      '  - id: team-gpu-malloc',
      '    symbols: [gpuMalloc]',
      '    kind: function',
      '    targets:',
      '      ascend: { status: direct, replacement: [npuMalloc], source: "team wiki" }',
      '      cambricon: { status: partial, replacement: [mluMalloc], source: "team wiki" }',
      '',
    ].join('\n'));
    writeFileSync(join(dir, 'wrappers.fixture.cu'), '// ruleid: team-gpu-malloc ascend=direct cambricon=partial\nvoid f() { gpuMalloc(0); }\n// ok: team-gpu-malloc\nint gpuMallocCount;\n');
    const ok = await cli(['test', dir]);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/pass\s+.*wrappers\.fixture\.cu\s+1 validated/);
    writeFileSync(join(dir, 'wrappers.fixture.cu'), '// ruleid: team-gpu-malloc *=direct\nvoid f() { gpuMalloc(0); }\n');
    const wrong = await cli(['test', dir]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('2:team-gpu-malloc on cambricon-mlu370: expected direct, got partial');
    const updated = await cli(['test', dir, '--update']);
    expect(updated.code).toBe(0);
    expect(readFileSync(join(dir, 'wrappers.fixture.cu'), 'utf8')).toContain('// ruleid: team-gpu-malloc ascend=direct cambricon=partial');
  });

  it('a link cycle in the folder ends, and a fixture that is not a regular file is refused with one line', async () => {
    const dir = join(tmp, 'team-hostile');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'wrappers.yaml'), 'family: wrappers\nrules: []\n');
    symlinkSync('.', join(dir, 'loop'));
    execFileSync('mkfifo', [join(dir, 'wrappers.fixture.cu')]);
    const r = await cli(['test', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read the fixture .*wrappers\.fixture\.cu: it .*(FIFO|not a regular file)/);
  });

  it('a missing folder is exit 2 with one line', async () => {
    const r = await cli(['test', join(tmp, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rules folder not found/);
  });
});
