/**
 * Process-level defects of issue 18 (item 6 and parts of 7), through the real CLI: a closed stdout pipe, write
 * errors, malformed YAML of any kind, numbers and git refs that are not what they look like, and terminal escape
 * sequences in file names. Every run has a timeout, so a regression fails instead of hanging.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runBin, SH } from '../helpers/spawn.js';

let dir: string;
/** A tree whose JSON report is far larger than a pipe's buffer (64 kB), with `none` findings for the gate. */
let big: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ascendify-process-'));
  big = join(dir, 'big');
  mkdirSync(big);
  const lines = Array.from({ length: 400 }, (_, i) => `void f${i}(float** p) { cudaMalloc(p, 4); cudaMallocManaged(p, 4); }`);
  writeFileSync(join(big, 'many.cu'), `${lines.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `ascendify <args> | head -c 100`, and the exit code of ascendify (not of head). */
function piped(args: string): { code: number | undefined; stderr: string; out: string } {
  const script = `{ ${SH} ${args}; echo "ascendify-exit=$?" >&2; } | head -c 100`;
  const r = runBin([], { shell: script, cwd: big });
  const m = /ascendify-exit=(\d+)/.exec(r.stderr);
  return { code: m ? Number(m[1]) : undefined, stderr: r.stderr.replace(/ascendify-exit=\d+\n?/, ''), out: r.stdout };
}

describe('a closed stdout pipe (| head)', () => {
  it('ends quietly with the exit code the scan had: 0 without a gate', () => {
    const r = piped('scan . --format json --no-cache -q');
    expect(r.out).toMatch(/^\{/);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('ends quietly with the exit code the scan had: 1 when the gate fails', () => {
    const r = piped('scan . --format json --no-cache -q --fail-on none');
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr).toContain('gate failed');
    expect(r.code).toBe(1);
  });

  it('the same for other commands that print (rules)', () => {
    const r = piped('rules');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('write errors are one line and exit 2', () => {
  it.runIf(existsSync('/dev/full'))('stdout on a full disk (/dev/full)', () => {
    const r = runBin([], { shell: `${SH} scan . --no-cache -q > /dev/full`, cwd: big });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ascendify: error: cannot write to standard output: ENOSPC\n  hint: check the disk or the file or pipe stdout goes to, or write with --output FILE\n');
  });

  it.runIf(existsSync('/dev/full'))('--output on a full disk', () => {
    const r = runBin(['scan', '.', '--no-cache', '-q', '--output', '/dev/full'], { cwd: big });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('ascendify: error: cannot write /dev/full: ENOSPC');
  });

  it('--history under a file path', () => {
    const r = runBin(['scan', '.', '--no-cache', '-q', '--history', 'many.cu/history.jsonl'], { cwd: big });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('ascendify: error: cannot write history file many.cu/history.jsonl: ENOTDIR');
    expect(r.stderr).not.toContain('internal error');
  });
});

/** YAML whose aliases expand to 9^7 nodes: the "billion laughs". */
const ALIAS_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n');

describe('malformed YAML of any kind is one line and exit 2', () => {
  const cases: [string, string][] = [
    ['an alias bomb', ALIAS_BOMB],
    ['a syntax error', 'effort: [unclosed\n'],
    ['a duplicate key', 'effort: {}\neffort: {}\n'],
    ['a tab indent', 'effort:\n\thoursPerDay: 7\n'],
    ['binary bytes', '\u0000\u0001\u0002\u00ff'],
    ['a document of many documents', 'a: 1\n---\nb: 2\n'],
    ['a bare anchor cycle', 'a: &x [*x]\n'],
    ['a huge number', 'effort:\n  hoursPerDay: 1e400\n'],
    ['an infinite number', 'effort:\n  hoursPerDay: .inf\n'],
  ];
  for (const [what, text] of cases) {
    it(`${what} in --config`, () => {
      const file = join(dir, `config-${what.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, text);
      const r = runBin(['scan', '.', '--no-cache', '-q', '--config', file], { cwd: big, timeout: 60_000 });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^ascendify: error: config \S+ /);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(2); // the error and its hint
    });
  }

  it('an alias bomb in a --rules file', () => {
    const rules = join(dir, 'bomb-rules');
    mkdirSync(rules);
    writeFileSync(join(rules, 'bomb.yaml'), ALIAS_BOMB);
    const r = runBin(['scan', '.', '--no-cache', '-q', '--rules', rules], { cwd: big, timeout: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain('bomb.yaml is not usable YAML');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('a self-referencing alias in a --rules file, and a baseline nested 100,000 deep', () => {
    const rules = join(dir, 'cycle-rules');
    mkdirSync(rules);
    writeFileSync(join(rules, 'cycle.yaml'), 'family: x\nrules: &r [*r]\n');
    const r = runBin(['scan', '.', '--no-cache', '-q', '--rules', rules], { cwd: big });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain('refers to itself');
    const baseline = join(dir, 'deep.json');
    writeFileSync(baseline, `{"version":1,"entries":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const b = runBin(['scan', '.', '--no-cache', '-q', '--baseline', baseline], { cwd: big });
    expect(b.code).toBe(2);
    expect(b.stderr.split('\n')[0]).toContain('is nested deeper than 256 levels');
  });

  it('1e400 as an effort weight names the field', () => {
    const file = join(dir, 'inf.yaml');
    writeFileSync(file, 'effort:\n  uses: { partial: 1e400 }\n');
    const r = runBin(['effort', '.', '--no-cache', '-q', '--config', file], { cwd: big });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`ascendify: error: config ${file}: field "effort.uses.partial" is not a finite number`);
  });
});

describe('smaller ones', () => {
  it("--changed-since '' is refused, not a scan of everything", () => {
    const r = runBin(['scan', '.', '--no-cache', '-q', '--changed-since', ''], { cwd: big });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('ascendify: error: invalid git ref ""');
  });

  it('terminal escape sequences in file names are escaped in the text report and the gate messages', () => {
    const d = join(dir, 'escapes');
    mkdirSync(d);
    const evil = 'a\u001b]0;pwned\u0007\u001b[2J\u202e.cu';
    writeFileSync(join(d, evil), 'void f(float** p) { cudaMallocManaged(p, 4); }\n');
    const r = runBin(['scan', '.', '--no-cache', '-q', '--fail-on', 'none'], { cwd: d });
    expect(r.code).toBe(1);
    for (const out of [r.stdout, r.stderr]) {
      for (const c of ['\u0007', '\u001b', '\u202e']) expect(out.includes(c)).toBe(false);
      expect(out).toContain('a\\x1b]0;pwned\\x07\\x1b[2J\\u202e.cu');
    }
    // JSON keeps the real name (it is escaped by JSON itself).
    const json = runBin(['scan', '.', '--no-cache', '-q', '--format', 'json'], { cwd: d });
    expect(JSON.parse(json.stdout).files[0].path).toBe(evil);
  });

  it('the built CLI is what these tests run', () => {
    expect(existsSync(BIN)).toBe(true);
  });
});
