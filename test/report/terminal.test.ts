/* eslint-disable no-control-regex -- the test looks for control characters */
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/core/analyze.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { renderText } from '../../src/report/text.js';
import { sgrMark, terminalLines, terminalSafe } from '../../src/report/terminal.js';

const catalog = loadCatalog();
const hostile = 'a\x1b]0;pwned\x07\x1b[2J\u202e.cu';

describe('terminal output', () => {
  it('the coloured text report escapes names from the tree and keeps its own colours', () => {
    const report = analyzeFiles([{ path: hostile, text: 'void f() { cudaMalloc(0, 0); }\n' }], catalog);
    const text = renderText(report, { color: true });
    expect(text).toContain('a\\x1b]0;pwned\\x07\\x1b[2J\\u202e.cu');
    // Colours are real escape codes, and the only ones are the SGR codes the renderer uses.
    const codes = [...text.matchAll(/\x1b\[(\d+)m/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(codes.filter((c) => ['1', '2', '22', '31', '32', '33', '35', '36', '39', '90'].includes(c!))));
    expect(text).not.toMatch(/\x1b\](?!0;pwned\\)/);
    expect(renderText(report, { color: false })).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202e]/);
  });

  it('a colour mark written in a name restores at most a colour, never another code', () => {
    expect(terminalLines([`x${sgrMark(31)}y${sgrMark(8)}z\n`])).toEqual(['x\x1b[31my\\ufdd08\\ufdd1z\\x0a']);
  });

  it('terminalSafe is a view: strings and keys read escaped, the report is not copied', () => {
    const value = { files: [{ path: hostile }], byPath: { [hostile]: 1 }, n: 2 };
    const view = terminalSafe(value);
    expect(view.files[0]!.path).toBe('a\\x1b]0;pwned\\x07\\x1b[2J\\u202e.cu');
    expect(Object.keys(view.byPath)).toEqual(['a\\x1b]0;pwned\\x07\\x1b[2J\\u202e.cu']);
    expect(JSON.stringify(view)).not.toContain('\x1b');
    expect(view.n).toBe(2);
    expect(value.files[0]!.path).toBe(hostile);
  });
});
