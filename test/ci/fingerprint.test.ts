import { describe, expect, it } from 'vitest';
import { fingerprints } from '../../src/ci/fingerprint.js';
import { atOrWorse, gateFailures } from '../../src/ci/gate.js';
import type { Finding } from '../../src/model/index.js';

const f = (symbol: string, line: number, snippet: string, file = 'a.cu'): Finding => ({
  ruleId: null, symbol, family: 'runtime', kind: 'function', file, line, column: 3, endLine: line, endColumn: 9,
  snippet, severity: 'warning', message: '', targets: { 'ascend-910b': { status: 'partial' }, 'cambricon-mlu590': { status: 'direct' } },
});

describe('fingerprints', () => {
  it('ignore line numbers and whitespace, but not the file, symbol or text', () => {
    const [a] = fingerprints([f('cudaFree', 10, 'if (p)  cudaFree(p);')]);
    expect(fingerprints([f('cudaFree', 99, 'if (p) cudaFree(p);'), f('cudaMalloc', 1, 'x')])[0]).toBe(a);
    expect(fingerprints([f('cudaFree', 10, 'if (p) cudaFree(q);')])[0]).not.toBe(a);
    expect(fingerprints([f('cudaFree', 10, 'if (p) cudaFree(p);', 'b.cu')])[0]).not.toBe(a);
    expect(fingerprints([f('cudaFreeHost', 10, 'if (p) cudaFree(p);')])[0]).not.toBe(a);
  });

  it('number identical uses in line order, whatever the input order', () => {
    const one = fingerprints([f('cudaFree', 4, 'cudaFree(p);'), f('cudaFree', 8, 'cudaFree(p);')]);
    const swapped = fingerprints([f('cudaFree', 8, 'cudaFree(p);'), f('cudaFree', 4, 'cudaFree(p);')]);
    expect(one[0]).not.toBe(one[1]);
    expect(swapped).toEqual([one[1], one[0]]);
  });
});

describe('gate', () => {
  it('fails a finding whose status is the threshold or worse on any target', () => {
    expect(atOrWorse('none', 'rewrite')).toBe(true);
    expect(atOrWorse('partial', 'rewrite')).toBe(false);
    const x = f('cudaFree', 1, 'x');
    expect(gateFailures([x], 'partial')).toEqual([x]); // ascend partial, cambricon direct
    expect(gateFailures([x], 'rewrite')).toEqual([]);
    expect(gateFailures([{ ...x, suppressed: { kind: 'config' } }], 'direct')).toEqual([]);
  });
});

describe('normaliseContext', () => {
  it('drops comments and collapses whitespace but keeps string literals', async () => {
    const { normaliseContext } = await import('../../src/ci/fingerprint.js');
    expect(normaliseContext('cudaFree(buf);  // ascendify-ignore cudaFree -- pool')).toBe('cudaFree(buf);');
    expect(normaliseContext('f(/* a */ x,   "// not a comment");')).toBe('f( x, "// not a comment");');
  });
});
