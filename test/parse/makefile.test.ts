import { VOCABULARY } from '../helpers/facts.js';
import { describe, expect, it } from 'vitest';
import { languageOf } from '../../src/discover/walk.js';
import { extractMakefileFacts, makeLines } from '../../src/parse/makefile.js';

const uses = (text: string): string[] => extractMakefileFacts('Makefile', 'make', text, VOCABULARY).occurrences.map((o) => `${o.line}:${o.column}:${o.name}`);

describe('Makefile reader', () => {
  it('joins continuations, keeps offsets and splits comments off', () => {
    const lines = makeLines('A := x \\\n  y # note\n\tcmd \\#literal\n');
    expect(lines.map((l) => [l.code.trim(), l.recipe, l.comment?.text.trim()])).toEqual([
      ['A := x    y', false, 'note'],
      ['cmd #literal', true, undefined],
    ]);
    expect(lines[0]?.offsets[lines[0].code.indexOf('y')]).toBe('A := x \\\n  '.length);
  });
});

describe('Makefile CUDA detector', () => {
  it('finds nvcc, its variable in recipes, flags, libraries, .cu rules and CUDA_HOME', () => {
    expect(uses([
      'CUDA_CC ?= $(CUDA_HOME)/bin/nvcc',
      'NVCCFLAGS := -arch=sm_80 --use_fast_math \\',
      '  -gencode arch=compute_90,code=sm_90',
      'LDLIBS := -lcudart -lcublas -lm',
      '%.o: %.cu',
      '\t$(CUDA_CC) $(NVCCFLAGS) -rdc=true -c $< -o $@',
    ].join('\n'))).toEqual([
      '1:12:CUDA_HOME',
      '1:29:nvcc',
      '2:14:nvcc:-arch',
      '2:26:nvcc:--use_fast_math',
      '3:3:nvcc:-gencode',
      '4:11:-lcudart',
      '4:20:-lcublas',
      '5:6:.cu',
      '6:2:nvcc',
      '6:26:nvcc:-rdc',
    ]);
  });

  it('ignores comments, host compiler flags and non-CUDA libraries', () => {
    expect(uses('# nvcc -lcudart\nCXXFLAGS := -O2 -march=native -arch x86_64\nLDLIBS := -lm -lpthread\nall:\n\t@echo done # -gencode\n')).toEqual([]);
  });

  it('is what discovery calls Makefile, makefile, GNUmakefile and *.mk', () => {
    expect(['Makefile', 'makefile', 'GNUmakefile', 'rules.mk', 'x.fixture.mk', 'Makefile.am'].map((p) => languageOf(p) ?? 'none')).toEqual(['make', 'make', 'make', 'make', 'make', 'none']);
  });
});
