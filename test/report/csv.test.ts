import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/csv.js';
import { parseCsv } from './csv-parse.js';
import { FINDINGS, HOSTILE_FILE, HOSTILE_SNIPPET, makeReport } from './helpers.js';

const HEADER = [
  'file', 'line', 'column', 'family', 'symbol', 'ruleId', 'kind',
  'ascend-910b status', 'ascend-910b replacement', 'ascend-910b confidence', 'cambricon-mlu590 status', 'cambricon-mlu590 replacement', 'cambricon-mlu590 confidence',
  'snippet',
];

describe('renderCsv', () => {
  const text = renderCsv(makeReport());
  const rows = parseCsv(text);

  it('has the documented header and one row per finding, every row as wide as the header', () => {
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(FINDINGS.length + 1);
    for (const r of rows) expect(r).toHaveLength(HEADER.length);
  });

  it('ends every record with CRLF', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(FINDINGS.length + 2);
  });

  it('sorts rows by file, line and column', () => {
    const keys = rows.slice(1).map((r) => `${r[0]}:${r[1]!.padStart(5, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('writes status and replacement per target, and an empty rule id for unknown findings', () => {
    const grid = rows.find((r) => r[4] === 'cooperative_groups::this_grid')!;
    expect(grid.slice(5, 13)).toEqual(['coop-grid-sync', 'function', 'none', '', 'confirmed', 'partial', '__sync_all', 'confirmed']);
    const unknown = rows.find((r) => r[4] === 'cudaFuncSetCacheConfig')!;
    expect(unknown[5]).toBe('');
    expect(unknown[7]).toBe('unknown');
    expect(unknown[9]).toBe(''); // no catalog answer, no confidence
  });

  it('keeps hostile text intact but inert: quoted where needed, formula starts prefixed', () => {
    const evil = rows.find((r) => r[0] === HOSTILE_FILE)!;
    expect(evil[13]).toBe(HOSTILE_SNIPPET);
    const formula = rows.find((r) => r[0] === 'evil/`tick`|pipe.cu')!;
    expect(formula[13]).toBe("'-x = @sum(a|b) `q`");
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('writes only the header for a report without findings', () => {
    expect(parseCsv(renderCsv(makeReport([])))).toEqual([HEADER]);
  });
});
