import { describe, expect, it } from 'vitest';
import { facts, uses } from '../helpers/facts.js';

describe('code only: comments and literals are not uses', () => {
  it('ignores names in line and block comments, strings, chars and raw strings', () => {
    const f = facts(
      [
        '// cudaMalloc in a comment',
        '/* cudaFree(p);',
        '   cudaMemcpy */',
        'const char* s = "cudaMalloc failed";',
        'const char* r = R"(cudaFree)";',
        "char c = 'c';",
        'void f() { cudaFree(0); } // cudaMalloc',
      ].join('\n'),
    );
    expect(uses(f)).toEqual(['7:cudaFree:call']);
  });
});

describe('references and their roles', () => {
  it('tells calls, types and values apart', () => {
    const f = facts('cudaStream_t s;\nvoid g() { cudaError_t e = cudaMalloc(0, 4); if (e != cudaSuccess) {} dim3 grid(1); }\n');
    expect(uses(f)).toEqual(['1:cudaStream_t:type', '2:cudaError_t:type', '2:cudaMalloc:call', '2:cudaSuccess:value', '2:dim3:type']);
  });

  it('keeps qualified names whole and drops template arguments', () => {
    const f = facts('void g() { cub::BlockReduce<float, 256>::TempStorage t; thrust::device_vector<float4> v; }\n');
    expect(uses(f).map((u) => u.split(':').slice(1).join(':'))).toEqual([
      'cub::BlockReduce::TempStorage:type',
      'thrust::device_vector:type',
      'float4:type',
    ]);
  });

  it('finds template arguments and macro values', () => {
    const f = facts('#if CUDART_VERSION >= 12000\nint v = CUDART_VERSION;\n#endif\n');
    expect(f.occurrences.map((o) => o.name)).toEqual(['CUDART_VERSION', 'CUDART_VERSION']);
    expect(f.occurrences[1]?.condition).toBe('CUDART_VERSION >= 12000');
  });

  it('records namespace aliases, using-directives and using-declarations', () => {
    const f = facts('namespace cg = cooperative_groups;\nusing namespace nvcuda;\nusing cub::BlockReduce;\n// using namespace thrust;\n');
    expect(f.namespaces).toEqual({
      aliases: { cg: 'cooperative_groups' },
      usingNamespaces: ['nvcuda'],
      usingDeclarations: { BlockReduce: 'cub::BlockReduce' },
    });
  });

  it('does not report member accesses as APIs', () => {
    const f = facts('void g(P p) { p.cudaMalloc(); p->warpSize = 1; }\n');
    expect(uses(f)).toEqual([]);
  });
});

describe('project definitions', () => {
  it('records functions, types, macros and variables the code defines, not prototypes', () => {
    const f = facts(
      [
        '#define CUDA_CHECK(x) x',
        'struct cudaBuffer { int n; };',
        'void cudaCheckError() {}',
        'cudaError_t cudaMalloc(void**, unsigned long);',
        'int cudaDeviceCountCache = 0;',
        'typedef int cudaHandle;',
      ].join('\n'),
    );
    expect(f.definitions.map((d) => `${d.name}:${d.kind}`).sort()).toEqual([
      'CUDA_CHECK:macro',
      'cudaBuffer:type',
      'cudaCheckError:function',
      'cudaDeviceCountCache:variable',
      'cudaHandle:type',
    ]);
    // The prototype is neither a definition nor a use; the return type is a use.
    expect(uses(f)).toEqual(['4:cudaError_t:type']);
  });
});

describe('macros', () => {
  it('reports CUDA names in a #define body at the definition, outside its strings', () => {
    const f = facts('#define CHECK(x) do { cudaError_t e = (x); if (e != cudaSuccess) log("cudaFree"); } while (0)\n');
    expect(f.occurrences.map((o) => `${o.name}:${o.role}:${o.macro}`)).toEqual(['cudaError_t:macro-body:CHECK', 'cudaSuccess:macro-body:CHECK']);
  });

  it('finds calls wrapped in a macro invocation at the call site', () => {
    const f = facts('void g(float** p) {\n  CUDA_CHECK(cudaMalloc(p, 4));\n}\n');
    expect(uses(f)).toEqual(['2:CUDA_CHECK:call', '2:cudaMalloc:call']);
  });
});

describe('kernel-language facts', () => {
  const src = [
    'namespace cg = cooperative_groups;', // 1
    '__constant__ float coeff[4];', // 2
    '__device__ float helper(float x) { return x * 2; }', // 3
    'template <int N>', // 4
    '__global__ void __launch_bounds__(256) reduce(float* out) {', // 5
    '  __shared__ float tile[32];', // 6
    '  extern __shared__ float dyn[];', // 7
    '  int i = threadIdx.x + blockIdx.x * blockDim.x;', // 8
    '  float v = __shfl_down_sync(0xffffffff, tile[i % warpSize], 1);', // 9
    '  asm volatile("mov.u32 %0, %%laneid;" : "=r"(i));', // 10
    '  printf("v=%f", v);', // 11
    '  child<<<1, 32>>>(out);', // 12
    '  cg::sync(cg::this_grid());', // 13
    '}', // 14
    'int main() { printf("host"); reduce<4><<<dim3(1), 256, 0>>>(nullptr); texture<float, 2> tex; int texture = 1; }', // 15
  ].join('\n');
  const f = facts(src);

  it('lists __global__ and __device__ functions with their line spans', () => {
    expect(f.kernels).toMatchObject([
      { name: 'helper', qualifier: 'device', line: 3, endLine: 3, lines: 1, signature: '(float x)' },
      { name: 'reduce', qualifier: 'global', line: 5, endLine: 14, lines: 10, signature: '(float* out)' },
    ]);
    // Language words and the kernel's own launches are not helper calls.
    expect(f.kernels[1]!.calls).toBeUndefined();
  });

  it('reports qualifiers, builtins, launches, inline asm and device printf', () => {
    expect(uses(f)).toEqual([
      '2:__constant__:qualifier',
      '3:__device__:qualifier:device',
      '5:__global__:qualifier:device',
      '5:__launch_bounds__:qualifier:device',
      '6:__shared__:qualifier:device',
      '7:extern __shared__:qualifier:device',
      '8:threadIdx:builtin:device',
      '8:blockIdx:builtin:device',
      '8:blockDim:builtin:device',
      '9:__shfl_down_sync:call:device',
      '9:warpSize:builtin:device',
      '10:asm:syntax:device',
      '11:printf:call:device',
      '12:<<<>>>:syntax:device',
      '13:cg::sync:call:device',
      '13:cg::this_grid:call:device',
      '15:<<<>>>:syntax',
      '15:dim3:call',
      '15:texture:type',
    ]);
    // `int texture = 1;` declares a variable: a definition, not a use.
    expect(f.definitions).toContainEqual({ name: 'texture', kind: 'variable', line: 15 });
  });
});

describe('preprocessor context', () => {
  it('attaches #if/#ifdef/#else conditions and ignores include guards', () => {
    const f = facts(
      [
        '#ifndef MY_HEADER_H',
        '#define MY_HEADER_H',
        '#ifdef USE_HIP',
        'void a() { cudaFree(0); }',
        '#else',
        'void b() { cudaFree(0); }',
        '#endif',
        'void c() { cudaFree(0); }',
        '#endif',
      ].join('\n'),
    );
    expect(f.occurrences.map((o) => `${o.line}:${o.condition ?? '-'}`)).toEqual(['4:defined(USE_HIP)', '6:!defined(USE_HIP)', '8:-']);
  });
});

describe('includes', () => {
  it('reports CUDA headers, not other headers or commented-out includes', () => {
    const f = facts('#include <cuda_runtime.h>\n#include "thrust/sort.h"\n#include <vector>\n// #include <cuda_fp16.h>\n');
    expect(uses(f)).toEqual(['1:cuda_runtime.h:include', '2:thrust/sort.h:include']);
  });
});

describe('broken code', () => {
  it('says which lines failed and still finds CUDA names in them', () => {
    const src = ['void ok() { cudaFree(0); }', 'void broken( { ) cudaMalloc(p, 4) ]] }', 'void ok2() { cudaFree(0); }'].join('\n');
    const f = facts(src);
    expect(f.parseErrorLines).toContain(2);
    expect(f.occurrences.map((o) => `${o.line}:${o.name}`)).toEqual(['1:cudaFree', '2:cudaMalloc', '3:cudaFree']);
  });
});

describe('device-only names', () => {
  it('counts printf/malloc only in device code', () => {
    const f = facts('void h() { printf("x"); malloc(4); }\n__device__ void d() { printf("y"); void* p = malloc(4); free(p); }\n');
    expect(uses(f)).toEqual(['2:__device__:qualifier:device', '2:printf:call:device', '2:malloc:call:device', '2:free:call:device']);
  });
});

describe('c-lexer', () => {
  it('treats raw strings, including delimited ones, as literals', async () => {
    const { codeSpans } = await import('../../src/parse/c-lexer.js');
    const text = 'a R"(x "y" z)" b R"k(u )" v)k" c LR"(w)" d';
    const code = codeSpans(text).map(([s, e]) => text.slice(s, e)).join('|');
    expect(code).toBe('a | b | c L| d');
  });
});

describe('positions', () => {
  it('locates tokens after non-ASCII text (offsets are UTF-16 units throughout)', () => {
    const f = facts('// 注释: héllo ∑ 🚀\nconst char* s = "数据 🚀";\nvoid f() { /* ✓ */ cudaFree(0); }\n');
    expect(f.occurrences.map((o) => `${o.line}:${o.column}:${o.name}:${o.role}`)).toEqual(['3:20:cudaFree:call']);
  });
});
