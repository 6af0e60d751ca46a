/** bench/recall.mjs: the careful token count behind docs/recall.md, on a tree whose numbers are known. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, ROOT } from '../scale/helpers.js';

beforeAll(() => buildDist(), 120_000);

describe('recall measurement', () => {
  it('counts CUDA name tokens in code only, leaves out declarations and the project\'s own names, and compares lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ascendify-recall-'));
    writeFileSync(
      join(dir, 'a.cu'),
      [
        '// cudaMalloc in a comment is not counted',
        'const char* s = "cudaFree";',
        'struct uchar4 { unsigned char x, y, z, w; };', // the project's own type
        '__device__ float4 make_float4(double a) { return {}; }', // __device__ and float4 are uses; make_float4 is declared here
        'void f(float* p, uchar4 c) {',
        '  cudaMalloc(&p, 4);', // counted and found
        '  float4 v = make_float4(1, 2, 3, 4);', // two tokens, both found
        '  cudaFree(p);', // counted and found
        '}',
      ].join('\n'),
    );
    const out = execFileSync(process.execPath, [join(ROOT, 'bench/recall.mjs'), dir, '--json'], { cwd: ROOT, encoding: 'utf8' });
    const result = JSON.parse(out) as { counted: number; found: number; recall: number; topMissed: [string, number][] };
    // Counted: __device__ and float4 (line 4), cudaMalloc, float4 and make_float4, cudaFree; not the comment, the string,
    // the project's uchar4, or the overload's own name.
    expect(result).toMatchObject({ counted: 6, found: 6, recall: 100, topMissed: [] });
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('recall measurement finds misses', () => {
  it('counts a CUDA name the scan rightly leaves out, so the measure can go below 100%', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ascendify-recall-miss-'));
    // A variable named dim3 is the project's, not CUDA's type; the scan leaves its use out, the token count cannot
    // tell, so the use on line 3 is a miss (the declaration on line 2 is left out of the count).
    writeFileSync(join(dir, 'b.cu'), ['void g() {', '  int dim3 = 32;', '  int lanes = dim3 * 2;', '}'].join('\n'));
    const out = execFileSync(process.execPath, [join(ROOT, 'bench/recall.mjs'), dir, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ counted: 1, found: 0, recall: 0, topMissed: [['dim3', 1]] });
    rmSync(dir, { recursive: true, force: true });
  });
});
