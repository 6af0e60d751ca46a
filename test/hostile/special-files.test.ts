/**
 * Special files and links (issue 18, item 3): only regular files are read; FIFOs, sockets and devices are listed as
 * skipped with their type and never opened; no file the tool reads (sources, .gitignore, config, baseline, history,
 * user rules) is followed through a link out of the scanned root. Run through the real CLI with a timeout, since the
 * old behaviour was a hang.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/spawn.js';

const CUDA = 'void f() { float* p; cudaMalloc(&p, 4); cudaMallocManaged(&p, 4); }\n';
const canFifo = process.platform !== 'win32';
let dir: string;
let outside: string;

const mkfifo = (path: string): void => {
  execFileSync('mkfifo', [path]);
};

interface FileRow { path: string; status: string; reason?: string }
const filesOf = (stdout: string): FileRow[] => (JSON.parse(stdout) as { files: FileRow[] }).files;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ascendify-special-'));
  outside = mkdtempSync(join(tmpdir(), 'ascendify-outside-'));
  writeFileSync(join(outside, 'secret.yaml'), 'aws_secret_access_key: hunter2\n');
  writeFileSync(join(outside, 'secret.cu'), CUDA);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function tree(name: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'a.cu'), CUDA);
  return d;
}

describe.runIf(canFifo)('special files', () => {
  it('a FIFO named on the command line is skipped with its type, not read (it used to hang)', () => {
    const d = tree('fifo-arg');
    mkfifo(join(d, 'x.cu'));
    const r = runBin(['scan', join(d, 'x.cu'), join(d, 'a.cu'), '--format', 'json', '--no-cache', '-q']);
    expect(r.signal, 'the scan hung on the FIFO').toBeNull();
    expect(r.code).toBe(0);
    expect(filesOf(r.stdout)).toContainEqual({ path: 'x.cu', language: 'unknown', lines: 0, status: 'skipped', reason: 'not a regular file: a FIFO (named pipe)' });
    expect(filesOf(r.stdout).find((f) => f.path === 'a.cu')?.status).toBe('scanned');
  });

  it('FIFOs and sockets inside a folder are listed as skipped with their type (they used to vanish)', async () => {
    const d = tree('fifo-dir');
    mkdirSync(join(d, 'sub'));
    mkfifo(join(d, 'sub', 'y.cu'));
    mkfifo(join(d, 'sub', 'notes'));
    const server: Server = createServer();
    await new Promise<void>((done) => server.listen(join(d, 'sub', 'agent.sock'), done));
    try {
      const r = runBin(['scan', d, '--format', 'json', '--no-cache', '-q']);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(0);
      const skipped = filesOf(r.stdout).filter((f) => f.status === 'skipped').map((f) => [f.path, f.reason]);
      expect(skipped).toEqual([
        ['sub/agent.sock', 'not a regular file: a socket'],
        ['sub/notes', 'not a regular file: a FIFO (named pipe)'],
        ['sub/y.cu', 'not a regular file: a FIFO (named pipe)'],
      ]);
    } finally {
      server.close();
    }
  });

  it('a FIFO .gitignore is listed and not read; the scan goes on', () => {
    const d = tree('fifo-gitignore');
    mkfifo(join(d, '.gitignore'));
    const r = runBin(['scan', d, '--format', 'json', '--no-cache', '-q']);
    expect(r.signal, 'the scan hung on the FIFO .gitignore').toBeNull();
    expect(r.code).toBe(0);
    expect(filesOf(r.stdout)).toContainEqual(expect.objectContaining({ path: '.gitignore', status: 'skipped', reason: '.gitignore not read: it is a FIFO (named pipe), not a regular file' }));
    expect(filesOf(r.stdout).find((f) => f.path === 'a.cu')?.status).toBe('scanned');
  });

  it('a FIFO config in the tree, or given with --config or --baseline, is one line and exit 2', () => {
    const d = tree('fifo-config');
    mkfifo(join(d, 'ascendify.config.yaml'));
    const r = runBin(['scan', d, '--no-cache', '-q']);
    expect(r.signal, 'the scan hung on the FIFO config').toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`ascendify: error: cannot read config ${join(d, 'ascendify.config.yaml')}: it is a FIFO (named pipe), not a regular file`);
    const e = tree('fifo-explicit');
    mkfifo(join(e, 'c.yaml'));
    mkfifo(join(e, 'b.json'));
    const c = runBin(['scan', e, '--config', join(e, 'c.yaml'), '--no-cache', '-q']);
    expect([c.signal, c.code]).toEqual([null, 2]);
    expect(c.stderr).toContain('is a FIFO (named pipe), not a regular file');
    const b = runBin(['scan', e, '--baseline', join(e, 'b.json'), '--no-cache', '-q']);
    expect([b.signal, b.code]).toEqual([null, 2]);
    expect(b.stderr.split('\n')[0]).toBe(`ascendify: error: cannot read baseline ${join(e, 'b.json')}: it is a FIFO (named pipe), not a regular file`);
  });

  it('a FIFO rule file in a --rules folder is refused, not read', () => {
    const d = tree('fifo-rules');
    mkdirSync(join(d, 'rules'));
    mkfifo(join(d, 'rules', 'team.yaml'));
    const r = runBin(['scan', d, '--rules', join(d, 'rules'), '--no-cache', '-q']);
    expect([r.signal, r.code]).toEqual([null, 2]);
    expect(r.stderr).toContain('is a FIFO (named pipe), not a regular file');
  });
});

describe.runIf(canFifo)('a file replaced by a FIFO after discovery', () => {
  it('the parse stage reads it with the careful reader: skipped with its type, never opened to block', () => {
    const fifo = join(dir, 'swapped.cu');
    mkfifo(fifo);
    // What discovery saw: a regular file of 60 bytes. Run in a child with a timeout: the old read blocked for ever.
    const script = [
      `import { parseSourceFile } from ${JSON.stringify(join(process.cwd(), 'dist/parallel/parse-file.js'))};`,
      `import { createCudaParser } from ${JSON.stringify(join(process.cwd(), 'dist/parse/cuda-parser.js'))};`,
      `const file = { path: 'swapped.cu', absPath: ${JSON.stringify(fifo)}, language: 'cuda', size: 60 };`,
      `const lexicon = { names: new Set(), deviceOnly: new Set(), patterns: [] };`,
      `const out = parseSourceFile(createCudaParser(), file, lexicon, 1 << 20, true);`,
      `process.stdout.write(JSON.stringify(out.parsed.entry));`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal, r.stderr).toBeNull();
    expect(JSON.parse(r.stdout)).toMatchObject({ path: 'swapped.cu', status: 'skipped', reason: 'not a regular file: a FIFO (named pipe)' });
  });
});

describe('links out of the root', () => {
  it('a .gitignore linked to /dev/zero is not read (it used to be read until memory ran out)', () => {
    const d = tree('gitignore-zero');
    symlinkSync('/dev/zero', join(d, '.gitignore'));
    const r = runBin(['scan', d, '--format', 'json', '--no-cache', '-q'], { timeout: 60_000 });
    expect(r.signal, 'the scan read /dev/zero').toBeNull();
    expect(r.code).toBe(0);
    expect(filesOf(r.stdout)).toContainEqual(expect.objectContaining({ path: '.gitignore', status: 'skipped', reason: expect.stringContaining('.gitignore not read: it is a symbolic link to a location outside the scanned root') }));
  });

  it('a link inside the root and a real .gitignore still work', () => {
    const d = tree('gitignore-inside');
    symlinkSync(join(d, 'a.cu'), join(d, 'ok.cu'));
    writeFileSync(join(d, '.gitignore'), 'ignored.cu\n');
    writeFileSync(join(d, 'ignored.cu'), CUDA);
    const r = runBin(['scan', d, '--format', 'json', '--no-cache', '-q']);
    expect(filesOf(r.stdout).map((f) => f.path)).toEqual(['a.cu']);
  });

  it('a config linked out of the root is refused without printing its content', () => {
    const d = tree('config-link');
    symlinkSync(join(outside, 'secret.yaml'), join(d, 'ascendify.config.yaml'));
    const r = runBin(['scan', d, '--no-cache', '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('aws_secret_access_key');
    expect(r.stderr.split('\n')[0]).toBe(`ascendify: error: cannot read config ${join(d, 'ascendify.config.yaml')}: it is a symbolic link to a location outside the scanned root`);
    expect(r.stderr.split('\n')[1]).toContain('--config');
    // The same file named by the user, outside the tree, is the user's own: read (and its unknown key reported).
    const own = runBin(['scan', d, '--config', join(outside, 'secret.yaml'), '--no-cache', '-q']);
    expect(own.code).toBe(2);
    expect(own.stderr).toContain('is not a known field');
  });

  it('a config in the tree cannot name rule folders outside it', () => {
    const d = tree('config-rules-out');
    writeFileSync(join(d, 'ascendify.config.yaml'), `rules: [${JSON.stringify(outside)}]\n`);
    const r = runBin(['scan', d, '--no-cache', '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain('is outside the scanned root');
    expect(r.stderr).not.toContain('aws_secret_access_key');
  });

  it('a baseline linked out of the root is neither read nor written through', () => {
    const d = tree('baseline-link');
    const victim = join(outside, 'victim.json');
    writeFileSync(victim, '{"keep": "me"}\n');
    symlinkSync(victim, join(d, '.ascendify-baseline.json'));
    const read = runBin(['scan', '.', '--baseline', '.ascendify-baseline.json', '--no-cache', '-q'], { cwd: d });
    expect(read.code).toBe(2);
    expect(read.stderr.split('\n')[0]).toBe('ascendify: error: cannot read baseline .ascendify-baseline.json: it is a symbolic link to a location outside the scanned root');
    const write = runBin(['baseline', '.', '--no-cache', '-q'], { cwd: d });
    expect(write.code).toBe(2);
    expect(write.stderr.split('\n')[0]).toContain('cannot write baseline .ascendify-baseline.json: it is a symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('{"keep": "me"}\n');
  });

  it('a history file linked out of the root is not appended to', () => {
    const d = tree('history-link');
    const victim = join(outside, 'victim.jsonl');
    writeFileSync(victim, '');
    symlinkSync(victim, join(d, 'progress.jsonl'));
    const r = runBin(['scan', '.', '--history', 'progress.jsonl', '--no-cache', '-q'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain('cannot use history file progress.jsonl: it is a symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('');
  });

  it('a source named on the command line that links out of its root is skipped', () => {
    const d = tree('source-link-arg');
    symlinkSync(join(outside, 'secret.cu'), join(d, 'ext.cu'));
    const r = runBin(['scan', join(d, 'ext.cu'), '--format', 'json', '--no-cache', '-q']);
    expect(r.code).toBe(0);
    expect(filesOf(r.stdout)).toEqual([expect.objectContaining({ path: 'ext.cu', status: 'skipped', reason: 'symbolic link to a location outside the scanned root' })]);
  });
});

describe('links inside the root', () => {
  it('a file reached through a link is scanned once, under its real path', () => {
    const d = tree('inside-links');
    mkdirSync(join(d, 'real'));
    writeFileSync(join(d, 'real', 'k.cu'), CUDA);
    symlinkSync(join(d, 'real'), join(d, 'alias')); // "alias" sorts before "real"
    symlinkSync(join(d, 'real', 'k.cu'), join(d, 'b-link.cu'));
    const r = runBin(['scan', d, '--format', 'json', '--no-cache', '-q']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { files: FileRow[]; findings: { file: string; symbol: string }[] };
    expect(report.files.map((f) => f.path)).toEqual(['a.cu', 'real/k.cu']);
    expect(report.findings.filter((f) => f.file === 'real/k.cu').map((f) => f.symbol)).toEqual(['cudaMalloc', 'cudaMallocManaged']);
    expect(report.findings.some((f) => f.file.startsWith('alias/') || f.file === 'b-link.cu')).toBe(false);
  });

  it('the gate counts a use reached through a link once', () => {
    const d = tree('inside-links-gate');
    symlinkSync(join(d, 'a.cu'), join(d, 'again.cu'));
    const r = runBin(['scan', d, '--fail-on', 'none', '--no-cache', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gate failed: 1 finding at "none"');
    expect(existsSync(join(d, 'again.cu'))).toBe(true);
  });
});
