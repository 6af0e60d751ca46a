import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { parseCsv } from './csv-parse.js';
import { sarifValidator } from './sarif-schema.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');

describe('scan samples --format html,md,sarif,csv --output-dir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ascendify-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes all four reports, names each on stderr, and they agree on the findings', async () => {
    const out = join(dir, 'reports');
    const res = await cli(['scan', SAMPLES, '--format', 'html,md,sarif,csv,json', '--output-dir', out, '--no-cache', '--jobs', '1']);
    expect(res.stderr).not.toMatch(/error/i);
    expect(res.code, res.stderr).toBe(0);
    const files = ['html', 'md', 'sarif', 'csv', 'json'].map((ext) => join(out, `ascendify-report.${ext}`));
    for (const f of files) {
      expect(existsSync(f), f).toBe(true);
      expect(res.stderr).toContain(`wrote ${f}`);
    }
    expect(res.stdout).toBe('');
    const [html, md, sarif, csv, json] = files.map((f) => readFileSync(f, 'utf8')) as [string, string, string, string, string];
    const report = JSON.parse(json) as { findings: unknown[]; targets: { id: string }[] };
    const log = JSON.parse(sarif) as { runs: { results: unknown[] }[] };
    expect(sarifValidator()(log)).toEqual([]);
    expect(log.runs[0]!.results).toHaveLength(report.findings.length);
    expect(parseCsv(csv)).toHaveLength(report.findings.length + 1);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const t of report.targets) {
      expect(html).toContain(`data-target="${t.id}"`);
      expect(md).toContain(`**${t.id}**`);
    }
    expect(md).toContain('### Blockers');
  });

  it('accepts markdown as an alias of md', async () => {
    const res = await cli(['scan', join(SAMPLES, 'vector-add'), '--format', 'markdown', '--no-cache', '--jobs', '1']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^## CUDA migration report: /);
  });

  it('draws progress on a TTY stderr, and not with --quiet or without a TTY', async () => {
    const args = ['scan', join(SAMPLES, 'reduction'), '--format', 'json', '--no-cache', '--jobs', '1'];
    const tty = await cli(args, { stderrIsTTY: true });
    expect(tty.stderr.startsWith('\r\x1b[2Kscanning 1/1 files (100%)')).toBe(true);
    expect(tty.stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect((await cli([...args, '--quiet'], { stderrIsTTY: true })).stderr).toBe('');
    expect((await cli(args, { stderrIsTTY: false })).stderr).toBe('');
  });
});
