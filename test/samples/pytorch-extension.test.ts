/**
 * End to end on samples/pytorch-extension: one scan reports the build (setup.py), the C++/CUDA
 * kernel and binding, and the PyTorch training code together, each use with an answer per target.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/analyze.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Finding, Report } from '../../src/model/index.js';

const SAMPLE = join(__dirname, '../../samples/pytorch-extension');
const catalog = loadCatalog();
let report: Report;

beforeAll(() => {
  report = scan({ paths: [SAMPLE], catalog });
});

function lineOf(file: string, needle: string): number {
  const i = readFileSync(join(SAMPLE, file), 'utf8').split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${file}: no line containing ${needle}`);
  return i + 1;
}

function at(file: string, needle: string, symbol: string): Finding {
  const line = lineOf(file, needle);
  const f = report.findings.find((x) => x.file === file && x.line === line && x.symbol === symbol);
  if (!f) throw new Error(`Missing: ${symbol} at ${file}:${line}; found there: ${report.findings.filter((x) => x.file === file && x.line === line).map((x) => x.symbol).join(', ') || 'nothing'}`);
  return f;
}

const answer = (f: Finding): string => `${f.targets['ascend-910b']?.status}:${f.targets['ascend-910b']?.replacement?.[0] ?? '-'} / ${f.targets['cambricon-mlu590']?.status}:${f.targets['cambricon-mlu590']?.replacement?.[0] ?? '-'}`;

describe('samples/pytorch-extension', () => {
  it('classifies and scans the Python, C++ and CUDA files', () => {
    expect(report.files.map((f) => `${f.path}:${f.language}:${f.status}`)).toEqual([
      'csrc/binding.cpp:cpp:scanned',
      'csrc/fused_op.cu:cuda:scanned',
      'fused_op/__init__.py:python:scanned',
      'requirements.txt:deps:scanned',
      'setup.py:python:scanned',
      'train.py:python:scanned',
    ]);
  });

  it('reads the CUDA packages of requirements.txt', () => {
    expect(report.findings.filter((f) => f.file === 'requirements.txt').map((f) => `${f.line}:${f.symbol}:${f.ruleId}`)).toEqual([
      '2:pip:torch+cuda:deps-torch-cuda',
      '3:pip:torch+cuda:deps-torch-cuda',
      '5:pip:triton:deps-triton',
      '6:pip:nvidia-ml-py:deps-pynvml',
    ]);
  });

  it('reports the extension build with torch_npu / torch_mlu builders and the nvcc options', () => {
    expect(answer(at('setup.py', 'CUDAExtension(', 'torch.utils.cpp_extension.CUDAExtension')))
      .toBe('partial:torch_npu.utils.cpp_extension.NpuExtension / partial:torch_mlu.utils.cpp_extension.MLUExtension');
    expect(at('setup.py', '"nvcc": [', 'nvcc:-gencode').family).toBe('build-make');
    expect(at('setup.py', '"nvcc": [', 'nvcc:--use_fast_math').targets['ascend-910b']?.status).toBe('none');
    expect(answer(at('setup.py', 'cmdclass=', 'torch.utils.cpp_extension.BuildExtension')))
      .toBe('direct:torch.utils.cpp_extension.BuildExtension / direct:torch_mlu.utils.cpp_extension.BuildExtension');
  });

  it('reports the kernel code in the same report', () => {
    expect(at('csrc/fused_op.cu', 'const int idx', 'threadIdx').targets['ascend-910b']?.status).toBe('rewrite');
    at('csrc/fused_op.cu', 'bias_gelu_kernel<<<', '<<<>>>');
    expect(report.kernels.map((k) => `${k.file}:${k.name}:${k.qualifier}`)).toContain('csrc/fused_op.cu:bias_gelu_kernel:global');
  });

  it('maps the training script to torch_npu and torch_mlu', () => {
    expect(answer(at('train.py', 'init_process_group', 'backend="nccl"'))).toBe('direct:backend="hccl" / direct:backend="cncl"');
    expect(answer(at('train.py', 'torch.cuda.set_device', 'torch.cuda.set_device'))).toBe('direct:torch.npu.* / direct:torch.mlu.*');
    expect(answer(at('train.py', ').cuda()', '.cuda()'))).toBe('direct:.npu() / direct:.mlu()');
    expect(answer(at('train.py', 'scaler = GradScaler()', 'torch.cuda.amp.GradScaler'))).toBe('direct:torch.npu.amp.autocast / direct:torch.mlu.amp.autocast');
    at('train.py', 'with autocast():', 'torch.cuda.amp.autocast');
    at('train.py', 'device="cuda")', 'device="cuda"');
    at('train.py', '.to("cuda")', '.to("cuda")');
    at('train.py', 'cudnn.benchmark', 'torch.backends.cudnn.benchmark');
    at('train.py', 'max_memory_allocated', 'torch.cuda.max_memory_allocated');
    at('fused_op/__init__.py', 'x.is_cuda', '.is_cuda');
  });

  it('gives every build and Python finding a rule, and counts them in the summary by family', () => {
    const py = report.findings.filter((f) => f.file.endsWith('.py'));
    expect(py.filter((f) => f.ruleId === null).map((f) => f.symbol)).toEqual([]);
    expect([...new Set(py.map((f) => f.family))].sort()).toEqual(['build-make', 'python-torch']);
    const text = JSON.stringify(report.summary);
    expect(text).toContain('python-torch');
    expect(text).toContain('build-make');
  });
});

describe('samples/cmake-project build files', () => {
  it('reports the CMakeLists.txt and the legacy Makefile with their Ascend and Cambricon counterparts', () => {
    const r = scan({ paths: [join(__dirname, '../../samples/cmake-project')], catalog });
    const uses = r.findings.filter((f) => !/\.(cu|cpp|h)$/.test(f.file)).map((f) => `${f.file}:${f.symbol}:${f.targets['ascend-910b']?.status}/${f.targets['cambricon-mlu590']?.status}`);
    expect(uses).toEqual(expect.arrayContaining([
      'CMakeLists.txt:CMAKE_CUDA_ARCHITECTURES:partial/partial',
      'CMakeLists.txt:project(LANGUAGES CUDA):partial/partial',
      'CMakeLists.txt:find_package(CUDAToolkit):partial/partial',
      'CMakeLists.txt:CUDA::cudart:direct/direct',
      'CMakeLists.txt:CUDA::cublas:partial/partial',
      'CMakeLists.txt:nvcc:--use_fast_math:none/none',
      'legacy/Makefile:nvcc:partial/partial',
      'legacy/Makefile:-lcudart:direct/direct',
      'legacy/Makefile:.cu:rewrite/rewrite',
    ]));
    expect(r.findings.filter((f) => f.file === 'CMakeLists.txt' || f.file === 'legacy/Makefile').every((f) => f.ruleId !== null)).toBe(true);
  });
});
