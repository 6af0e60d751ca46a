/**
 * .gitignore matching (src/discover/gitignore.ts): the same answers as the `ignore` package, which it replaced, on
 * hand-picked and generated patterns, in linear time (a pattern that used to take minutes cannot stall a scan).
 */
import ignore from 'ignore';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGitignore } from '../../src/discover/gitignore.js';
import { discover } from '../../src/discover/walk.js';
import { runBin } from '../helpers/spawn.js';

const PATTERNS = [
  'Foo', '[!a]x', '[^a]y', '\\#z', ' a ', 'b\\ ', 'a/**/b', '*.o', '!keep.o', 'x/', '/bar', 'dir/', 'q?r', 'foo/**', 'm/*/n',
  '**/deep', '# comment', '', '   ', '!', 'a\\', '[a-c]d', '[]x]e', 'gen/', '/root-only', 'mid/dle', '**', '***x', 'f**g',
  '\\!bang', 'trail\\', 'sp ace', '[z', 'under_*', '.hidden', '*.tar.gz',
];
const PATHS = [
  'foo', 'FOO/', 'foo/x', 'bx', '!x', 'ax', 'by', '#z', ' a', ' a ', 'b ', 'b', 'x', 'x/', 'bar', 'sub/bar', 'keep.o', 'q/keep.o',
  'a/b', 'a/x/y/b', 'a/b/', 'qxr', 'm/z/n', 'm/n', 'deep', 'k/deep/', 'dir', 'dir/', 'cd', 'ad', ']e', 'xe', 'gen/', 'src/gen/',
  'src/gen/k.cu', 'root-only', 'sub/root-only', 'mid/dle', 'x/mid/dle', 'anything', 'a/b/c/', '***x', 'yx', 'fg', 'fxyg',
  'f/g', '!bang', 'sp ace', 'under_score.cu', '.hidden', 'p/.hidden/', 'a.tar.gz', 'o.o/',
];

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('gitignore matching', () => {
  it('answers like the ignore package on hand-picked patterns and paths', () => {
    const text = PATTERNS.join('\n');
    const ours = compileGitignore(text);
    const theirs = ignore().add(text);
    const differ = PATHS.filter((p) => ours.ignores(p) !== theirs.ignores(p)).map((p) => `${JSON.stringify(p)}: ours ${ours.ignores(p)}, ignore ${theirs.ignores(p)}`);
    expect(differ).toEqual([]);
  });

  it('answers like the ignore package on 4,000 generated pattern sets', () => {
    const rand = mulberry32(18);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const atoms = ['a', 'b', 'ab', '*', '?', '**', '[ab]', '[!a]', '.c', 'A'];
    const segs = ['a', 'b', 'ab', 'ba', 'x.c', 'B', 'aa'];
    const differ: string[] = [];
    for (let n = 0; n < 4000; n++) {
      const lines: string[] = [];
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
        let p = rand() < 0.2 ? '!' : '';
        if (rand() < 0.25) p += '/';
        const parts: string[] = [];
        for (let s = 1 + Math.floor(rand() * 3); s > 0; s--) parts.push(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(atoms)).join(''));
        p += parts.join('/');
        if (rand() < 0.25) p += '/';
        lines.push(p);
      }
      const path = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(segs)).join('/') + (rand() < 0.3 ? '/' : '');
      const text = lines.join('\n');
      const ours = compileGitignore(text).ignores(path);
      const theirs = ignore().add(text).ignores(path);
      if (ours !== theirs) differ.push(`${JSON.stringify(lines)} ${JSON.stringify(path)}: ours ${ours}, ignore ${theirs}`);
    }
    expect(differ.slice(0, 10)).toEqual([]);
  });

  it('a pattern that backtracks for minutes in the ignore package is answered at once', () => {
    const ours = compileGitignore(`${'**/a/'.repeat(8)}b`);
    expect(ours.matches(`${'a/'.repeat(2000)}y`)).toBe(false);
    expect(ours.ignores(`${'a/'.repeat(300)}y`)).toBe(false);
    expect(ours.ignores(`${'a/'.repeat(9)}b`)).toBe(true);
  });

  it('the CLI scans a tree with such a .gitignore and a deep path (it used to run for hours)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ascendify-gitignore-cli-'));
    try {
      const deep = join(dir, ...Array.from({ length: 150 }, () => 'a'));
      mkdirSync(deep, { recursive: true });
      writeFileSync(join(deep, 'k.cu'), 'void f() { cudaFree(0); }\n');
      writeFileSync(join(dir, '.gitignore'), `${'**/a/'.repeat(8)}b\n`);
      const r = runBin(['scan', '.', '--format', 'json', '--no-cache', '-q'], { cwd: dir, timeout: 45_000 });
      expect(r.signal, 'the scan stalled on the .gitignore').toBeNull();
      expect(JSON.parse(r.stdout).files).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a folder given below an ignored folder is ignored with it, as before', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ascendify-gitignore-below-'));
    try {
      for (const p of ['gen/sub/x.cu', 'src/y.cu']) {
        mkdirSync(join(dir, p, '..'), { recursive: true });
        writeFileSync(join(dir, p), 'void f() { cudaFree(0); }\n');
      }
      writeFileSync(join(dir, '.gitignore'), 'gen/\n');
      expect(discover([join(dir, 'gen', 'sub'), join(dir, 'src')]).files.map((f) => f.path)).toEqual(['src/y.cu']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a scan of a tree with such a .gitignore and a deep path finishes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ascendify-gitignore-'));
    try {
      const deep = join(dir, ...Array.from({ length: 150 }, () => 'a'));
      mkdirSync(deep, { recursive: true });
      writeFileSync(join(deep, 'k.cu'), 'void f() { cudaFree(0); }\n');
      writeFileSync(join(dir, '.gitignore'), `${'**/a/'.repeat(8)}b\n`);
      const found = discover([dir]);
      expect(found.files.map((f) => f.path)).toEqual([`${'a/'.repeat(150)}k.cu`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
