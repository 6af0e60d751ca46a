/** The Python front end, and proof that tree-sitter-python@0.25.0 loads with tree-sitter@0.25.1. */
import { createRequire } from 'node:module';
import { VOCABULARY } from '../helpers/facts.js';
import { describe, expect, it } from 'vitest';
import { languageOf } from '../../src/discover/walk.js';
import { createPythonParser, extractPythonFacts } from '../../src/parse/python.js';

const require = createRequire(import.meta.url);
const uses = (text: string): string[] => extractPythonFacts('train.py', 'python', text, VOCABULARY).occurrences.map((o) => `${o.line}:${o.name}`);

describe('tree-sitter-python', () => {
  it('is the pinned version and parses with tree-sitter 0.25.1', () => {
    expect((require('tree-sitter-python/package.json') as { version: string }).version).toBe('0.25.0');
    expect((require('tree-sitter/package.json') as { version: string }).version).toBe('0.25.1');
    const tree = createPythonParser().parse('import torch\nx = torch.cuda.is_available()\n');
    expect(tree.rootNode.hasError).toBe(false);
    expect(tree.rootNode.descendantsOfType('attribute')).toHaveLength(2);
  });
});

describe('PyTorch CUDA uses', () => {
  it('resolves import aliases and reports torch.cuda, amp, cuDNN and device strings', () => {
    expect(uses([
      'import torch as th',
      'import torch.distributed as dist',
      'from torch.cuda import amp',
      'from torch.cuda.amp import autocast as ac',
      'th.cuda.synchronize()',
      'scaler = amp.GradScaler()',
      'with ac(): pass',
      'th.backends.cudnn.deterministic = True',
      'm = net.cuda(); t = t.to("cuda:1"); z = th.ones(2, device="cuda")',
      'dev = th.device("cuda" if th.cuda.is_available() else "cpu")',
      'dist.init_process_group("nccl")',
      'print(f"{th.cuda.memory_allocated()} bytes")',
    ].join('\n'))).toEqual([
      '5:torch.cuda.synchronize',
      '6:torch.cuda.amp.GradScaler',
      '7:torch.cuda.amp.autocast',
      '8:torch.backends.cudnn.deterministic',
      '9:.cuda()',
      '9:.to("cuda")',
      '9:device="cuda"',
      '10:torch.device("cuda")',
      '10:torch.cuda.is_available',
      '11:backend="nccl"',
      '12:torch.cuda.memory_allocated',
    ]);
  });

  it('ignores comments, docstrings, plain strings, CPU devices and names that only look alike', () => {
    expect(uses([
      '"""torch.cuda.synchronize() in a docstring"""',
      '# model.cuda()',
      'msg = "moving the model to cuda"',
      'x = t.to("cpu"); y = torch.zeros(2, device="cpu")',
      'dist.init_process_group(backend="gloo")',
      'def cuda(): pass',
      'torchvision.cuda_like = 1',
    ].join('\n'))).toEqual([]);
  });

  it('reports CUDA extension builds, and JIT builds only with CUDA sources', () => {
    expect(uses([
      'from torch.utils import cpp_extension',
      'ext = cpp_extension.CUDAExtension("m", ["a.cpp", "k.cu"], extra_compile_args={"nvcc": ["-O3", "--use_fast_math"]})',
      'a = cpp_extension.load("a", ["a.cpp", "k.cu"])',
      'b = cpp_extension.load("b", ["b.cpp"])',
      'c = cpp_extension.load_inline("c", cpp_sources="", cuda_sources="")',
    ].join('\n'))).toEqual([
      '2:torch.utils.cpp_extension.CUDAExtension',
      '2:nvcc:--use_fast_math',
      '3:torch.utils.cpp_extension.load',
      '5:torch.utils.cpp_extension.load_inline',
    ]);
  });
});

describe('CUDA Python libraries', () => {
  it('reports each import once and numba/triton kernel decorators', () => {
    expect(uses([
      'import cupy as cp',
      'import cupyx.scipy',
      'from numba import cuda',
      'import triton, triton.language as tl',
      'from pycuda import autoinit',
      'import numpy as np',
      '@cuda.jit',
      'def k(a): pass',
      '@triton.jit',
      'def t(x): pass',
    ].join('\n'))).toEqual([
      '1:import cupy',
      '2:import cupy',
      '3:import numba.cuda',
      '4:import triton',
      '5:import pycuda',
      '7:numba.cuda.jit',
      '9:triton.jit',
    ]);
  });

  it('reads ascendify-ignore comments and classifies .py files', () => {
    const f = extractPythonFacts('a.py', 'python', 'x.cuda()  # ascendify-ignore torch-tensor-cuda -- CPU fallback path\n', VOCABULARY);
    expect(f.suppressions).toEqual([{ line: 1, target: 'torch-tensor-cuda', reason: 'CPU fallback path' }]);
    expect(languageOf('pkg/setup.py')).toBe('python');
  });
});
