/**
 * rules/vocabulary.yaml and the rules agree: every symbol the build-file and Python front ends can report is
 * answered by a rule (an exact symbol or a prefix rule), so no recognised word reaches a report as `unknown`.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { extractCMakeFacts } from '../../src/parse/cmake.js';

const catalog = loadCatalog();
const v = catalog.vocabulary;
const answered = (symbol: string): boolean => catalog.bySymbol.has(symbol) || catalog.prefixRules.some((p) => symbol.startsWith(p.prefix));

describe('rules/vocabulary.yaml', () => {
  it('every symbol it can report has a rule', () => {
    const symbols = [
      ...v.nvcc.flags.map((f) => f.symbol),
      ...v.nvcc.libraries.map((l) => `-l${l}`),
      ...v.cmake.packages.map((p) => `find_package(${p})`),
      ...v.cmake.commands,
      ...v.cmake.variables,
      'CUDA_HOME',
      ...v.python.tracked,
      ...Object.values(v.python.libraries),
      ...Object.values(v.python.attention ?? {}),
      'torch.float64 on cuda',
      'torch.complex128 on cuda',
      ...Object.values(v.cpp?.members ?? {}),
    ];
    expect(symbols.filter((s) => !answered(s))).toEqual([]);
  });

  it('is what the front ends read: a word added to it is recognised', () => {
    const text = 'find_package(MyCudaThing)\n';
    expect(extractCMakeFacts('CMakeLists.txt', 'cmake', text, v).occurrences).toEqual([]);
    const edited = { ...v, cmake: { ...v.cmake, packages: [...v.cmake.packages, 'MyCudaThing'] } };
    expect(extractCMakeFacts('CMakeLists.txt', 'cmake', text, edited).occurrences.map((o) => o.name)).toEqual(['find_package(MyCudaThing)']);
  });
});
