import { VOCABULARY } from '../helpers/facts.js';
import { describe, expect, it } from 'vitest';
import { extractCMakeFacts, tokenizeCMake } from '../../src/parse/cmake.js';
import { languageOf } from '../../src/discover/walk.js';

const uses = (text: string): string[] => extractCMakeFacts('CMakeLists.txt', 'cmake', text, VOCABULARY).occurrences.map((o) => `${o.line}:${o.name}`);

describe('CMake tokenizer', () => {
  it('reads commands with unquoted, quoted and bracket arguments, nested parentheses and continuations', () => {
    const t = tokenizeCMake('set(A "x \\"y\\" \\\nz" [==[raw ]] ]==] (b c) d)\nif((A AND B) OR C)\nendif()\n');
    expect(t.commands.map((c) => c.name)).toEqual(['set', 'if', 'endif']);
    expect(t.commands[0]?.args.map((a) => `${a.kind}:${a.value}`)).toEqual(['unquoted:A', 'quoted:x "y" z', 'bracket:raw ]] ', 'unquoted:b', 'unquoted:c', 'unquoted:d']);
    expect(t.commands[1]?.args.map((a) => a.value)).toEqual(['A', 'AND', 'B', 'OR', 'C']);
    expect(t.errors).toEqual([]);
  });

  it('separates line and bracket comments from code, also inside an argument list', () => {
    const t = tokenizeCMake('#[[ enable_language(CUDA)\n]] project(p # LANGUAGES CUDA\n  CXX)\n# find_package(CUDA)\n');
    expect(t.commands.map((c) => `${c.name}(${c.args.map((a) => a.value).join(' ')})`)).toEqual(['project(p CXX)']);
    expect(t.comments.map((c) => c.text.trim())).toEqual(['enable_language(CUDA)', 'LANGUAGES CUDA', 'find_package(CUDA)']);
  });

  it('records unclosed arguments and stray text as errors instead of throwing', () => {
    const t = tokenizeCMake('set(A "unclosed\n');
    expect(t.errors.length).toBeGreaterThan(0);
    expect(extractCMakeFacts('x.cmake', 'cmake', '??? (\nfind_package(CUDAToolkit)\n', VOCABULARY).parseErrorLines).toEqual([1]);
  });
});

describe('CMake CUDA detector', () => {
  it('finds the language, packages, targets, variables, flags, libraries and .cu sources', () => {
    expect(uses([
      'project(p LANGUAGES CXX CUDA)',
      'enable_language(CUDA)',
      'find_package(CUDAToolkit REQUIRED)',
      'find_package(cudnn)',
      'set(CMAKE_CUDA_ARCHITECTURES 80)',
      'set(CMAKE_CUDA_FLAGS "${CMAKE_CUDA_FLAGS} --use_fast_math -arch=sm_80")',
      'cuda_add_library(k STATIC k.cu)',
      'target_link_libraries(app PRIVATE CUDA::cudart CUDA::cublas cudnn)',
      'target_compile_options(app PRIVATE $<$<COMPILE_LANGUAGE:CUDA>:-lineinfo>)',
      'set_target_properties(app PROPERTIES CUDA_ARCHITECTURES 80)',
      'set_source_files_properties(a.cpp PROPERTIES LANGUAGE CUDA)',
      'include_directories($ENV{CUDA_HOME}/include ${CUDAToolkit_INCLUDE_DIRS})',
    ].join('\n'))).toEqual([
      '1:project(LANGUAGES CUDA)',
      '2:enable_language(CUDA)',
      '3:find_package(CUDAToolkit)',
      '4:find_package(CUDNN)',
      '5:CMAKE_CUDA_ARCHITECTURES',
      '6:CMAKE_CUDA_FLAGS',
      '6:nvcc:--use_fast_math',
      '6:nvcc:-arch',
      '7:cuda_add_library',
      '7:.cu',
      '8:CUDA::cudart',
      '8:CUDA::cublas',
      '8:-lcudnn',
      '9:$<COMPILE_LANGUAGE:CUDA>',
      '9:nvcc:-lineinfo',
      '10:CUDA_ARCHITECTURES',
      '11:LANGUAGE CUDA',
      '12:CUDA_HOME',
      '12:CUDAToolkit_INCLUDE_DIRS',
    ]);
  });

  it('ignores comments, strings that only mention CUDA, other packages and host-only flags', () => {
    expect(uses([
      '# find_package(CUDAToolkit)',
      'message(STATUS "enable_language(CUDA) later")',
      'find_package(OpenMP)',
      'project(p LANGUAGES CXX)',
      'target_compile_options(app PRIVATE -march=native -O2)',
      'target_link_libraries(app PRIVATE m pthread)',
    ].join('\n'))).toEqual([]);
  });

  it('reads ascendify-ignore comments', () => {
    const f = extractCMakeFacts('CMakeLists.txt', 'cmake', 'find_package(CUDA) # ascendify-ignore cmake-find-cudatoolkit -- legacy path\n', VOCABULARY);
    expect(f.suppressions).toEqual([{ line: 1, target: 'cmake-find-cudatoolkit', reason: 'legacy path' }]);
  });

  it('is what discovery calls CMakeLists.txt and *.cmake', () => {
    expect(['CMakeLists.txt', 'cmake/FindNCCL.cmake', 'x.fixture.cmake', 'cmakelists.txt'].map((p) => languageOf(p) ?? 'none')).toEqual(['cmake', 'cmake', 'cmake', 'none']);
  });
});
