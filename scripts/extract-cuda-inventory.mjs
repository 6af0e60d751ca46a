#!/usr/bin/env node
/**
 * extract-cuda-inventory.mjs — build the CUDA identifier inventory (rules/inventory/cuda.tsv)
 * from a folder of NVIDIA headers.
 *
 * Usage:
 *   node scripts/extract-cuda-inventory.mjs --include DIR [--include DIR2 ...] \
 *        --cuda-version 13.0 --out rules/inventory/cuda.tsv \
 *        [--note "free text for the provenance header" ...] [--date YYYY-MM-DD] \
 *        [--with-predefined] [--exclude-namespace cuda::std ...] [--compare OTHER.tsv] [--quiet]
 *
 * --compare reads another inventory (TSV whose first three columns are symbol, kind, library; `#`
 * lines ignored) and prints, per library of that file, how many of its symbols this run also has
 * (same symbol in any library; `std::x` counted as `x`), with the kinds of the missing ones.
 *
 * It is a dev tool: plain Node ESM, node builtins only. The output is committed; header text never is.
 *
 * WHAT IS READ
 *   Every file under each --include DIR whose name ends in .h .hpp .cuh .inl, plus extension-less
 *   files under cccl/ and nv/ (libcu++ headers such as <cuda/barrier>, <nv/target>).
 *   A relative path found in an earlier --include shadows the same path in a later one (like -I).
 *   The `header` column is the path relative to its --include DIR. The `library` column comes from
 *   that path (LIBRARY_RULES below); files that match no rule, or a SKIP_RULES entry, are not read.
 *
 * HOW IT PARSES (a careful tokenizer, not a compiler)
 *   1. Line splices are joined, comments removed, string/char literals blanked (`""`).
 *   2. Pass 1 over all files collects every #define (name, parameters, body).
 *      "Structural" macros — whose body holds the keyword `namespace`, or only `}` and names, such as
 *      THRUST_NAMESPACE_BEGIN, CUB_NAMESPACE_BEGIN, _LIBCUDACXX_BEGIN_NAMESPACE_CUDA, _CG_BEGIN_NAMESPACE —
 *      are expanded in code (the last definition seen wins; function-like ones get their arguments).
 *   3. Conditional groups (#if/#elif/#else/#endif): all branches are read when every branch is
 *      brace-balanced; otherwise only the first live branch that opens or closes braces
 *      (an `#if 0` branch is dead).
 *   4. A brace-tracking walk over the tokens records, at namespace / extern "C" scope:
 *        function    free functions and intrinsics (prototypes and definitions, templates included;
 *                    the name is the first `ident (` that is not a keyword, attribute or known
 *                    function-like macro; operators, qualified `A::f` definitions and members are skipped)
 *        type        struct/class/union (definitions and forward declarations), typedef names,
 *                    `using X = ...` aliases, struct tags named in typedefs
 *        enum        enum names, and typedef names given to an anonymous enum
 *        enumerator  enumerators (scoped enums as `Enum::value`)
 *        namespace   each public namespace path that is opened
 *        macro       #define'd names (object-like and function-like)
 *      `using ns::name;` re-exports take the kind of their target when the target was seen.
 *      `#define cuMemAlloc cuMemAlloc_v2`-style aliases also list the target (cuMemAlloc_v2) as a function.
 *      Class bodies, function bodies and initialisers are skipped (members are not listed);
 *      variables (threadIdx, thrust::device, ...) are not listed either: the kinds above are the contract.
 *   5. A header #included from inside a namespace (libcu++'s generated cuda::ptx wrappers) is read
 *      again within that namespace.
 *   6. Names are qualified with their namespace path. Inline namespaces, anonymous namespaces, a
 *      top-level `namespace std` (CUDA's device overloads of std names), and namespaces named by a
 *      macro (ABI-version namespaces such as _CG_NAMESPACE or _LIBCUDACXX_ABI_NAMESPACE) are transparent.
 *
 * WHAT IS LEFT OUT (judgement calls, see isPrivate* below)
 *   - Include guards: `#ifndef X` / `#if !defined(X)` as the first directive of a file followed by
 *     `#define X`, and any macro whose name ends like a guard (_H, _H_, _H__, _HPP, _CUH, _INCLUDED ...).
 *   - Header-local helper macros: #define'd and later #undef'd in the same file (e.g. __SM_20_INTRINSICS_DECL__).
 *   - Reserved/internal spellings: a leading single underscore (`_x`, `_X`), `__cudart*`, `__cuda*`
 *     compiler-runtime hooks, `__internal*`, and `__CUDA_*` / `__CUDART_*` configuration macros
 *     (except the user-visible `__CUDA_*_TYPES_EXIST__` and `__CUDA_ARCH_HAS_FEATURE__` /
 *     `__CUDA_HAS_ARCH_*` feature macros); macro names containing
 *     DETAIL, INTERNAL or _IMPL; in thrust, cub, libcu++ and cooperative groups any namespaced name
 *     whose last part starts with `_`.
 *   - Private namespaces: `detail`, `details`, `impl`, `internal`, names starting with `_`,
 *     names ending in `_impl`/`_detail`/`_internal`, and any --exclude-namespace.
 *   - Global-namespace names from thrust, cub and libcu++ (std specialisations, NVRTC shims), and the
 *     standard macros libcu++ re-defines for NVRTC (INT_MAX, CHAR_BIT ...): libcu++ macros must start
 *     with CCCL, LIBCUDACXX, CUDA or NV.
 *   - Namespace aliases, using-directives, explicit instantiations, friends, variables.
 *
 * STD OVERLAP
 *   std_overlap = yes when the (unqualified) symbol is also declared by the C standard library
 *   (math.h with its float/long double variants and the POSIX/GNU j0..yn, sincos, exp10; stdlib.h,
 *   stdio.h, string.h; stdint.h/stddef.h types, stdarg.h, time.h clock, assert) or is std::min / std::max. The list is STD_NAMES below, written in as data; the scanner counts such
 *   names only inside device code. A few generic words that CUDA headers declare at global scope
 *   (legacy warp votes all/any/ballot, NCCL's None/Get/Put/Relaxed enumerators) get `yes` too, for
 *   the same reason. DROPPED_NAMES (NOMINMAX, alloca, DEPRECATED ...) are platform macros, not listed.
 *
 * PREDEFINED MACROS
 *   --with-predefined adds the macros that nvcc itself defines (no header declares them), e.g.
 *   __CUDACC__ and __CUDA_ARCH__, as library `nvcc`, header `(nvcc predefined)`.
 *
 * OUTPUT
 *   `#` comment lines (provenance), then a TSV with the columns
 *   symbol  kind  library  header  std_overlap
 *   one row per (symbol, library), sorted by symbol then library in plain code-unit (byte) order.
 *   When one (symbol, library) is declared several times, the kind is chosen by
 *   namespace > enum > type > function > enumerator > macro, and the header by: a class definition
 *   before a forward declaration, then DEMOTED_HEADERS last (.hpp/.inl, detail/ folders,
 *   cuda_runtime.h's C++ overloads, cuda_device_runtime_api.h), then fewest path parts, then
 *   alphabetical. A macro that a core toolkit header defines is not listed again for a library that
 *   re-defines it as a fallback (`#ifndef __host__`).
 *
 * DIAGNOSTICS (stderr): rows per library, headers whose braces do not balance after branch
 * selection (names there may be missed), headers that match no library rule.
 */
import { parseArgs as parseCommandLine } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

// ---------------------------------------------------------------------------------------------
// Data: C standard library names (math.h, stdlib.h, stdio.h, string.h) and a few C++ ones.
// ---------------------------------------------------------------------------------------------
const MATH_H_BASE = `acos asin atan atan2 cos sin tan acosh asinh atanh cosh sinh tanh exp exp2 expm1
  frexp ilogb ldexp log log10 log1p log2 logb modf scalbn scalbln cbrt fabs hypot pow sqrt erf erfc
  lgamma tgamma ceil floor nearbyint rint lrint llrint round lround llround trunc fmod remainder
  remquo copysign nan nextafter nexttoward fdim fmax fmin fma
  j0 j1 jn y0 y1 yn sincos exp10`; // last line: POSIX / GNU math.h extensions that glibc declares
const MATH_H_MACROS = `fpclassify isfinite isinf isnan isnormal signbit isgreater isgreaterequal
  isless islessequal islessgreater isunordered HUGE_VAL HUGE_VALF HUGE_VALL INFINITY NAN FP_INFINITE
  FP_NAN FP_NORMAL FP_SUBNORMAL FP_ZERO FP_FAST_FMA FP_FAST_FMAF FP_FAST_FMAL FP_ILOGB0 FP_ILOGBNAN
  MATH_ERRNO MATH_ERREXCEPT math_errhandling float_t double_t`;
const STDLIB_H = `atof atoi atol atoll strtod strtof strtold strtol strtoll strtoul strtoull rand srand
  aligned_alloc calloc free malloc realloc abort atexit at_quick_exit exit _Exit getenv quick_exit
  system bsearch qsort abs labs llabs div ldiv lldiv mblen mbtowc wctomb mbstowcs wcstombs
  div_t ldiv_t lldiv_t EXIT_FAILURE EXIT_SUCCESS MB_CUR_MAX RAND_MAX NULL size_t wchar_t`;
const STDIO_H = `remove rename tmpfile tmpnam fclose fflush fopen freopen setbuf setvbuf fprintf
  fscanf printf scanf snprintf sprintf sscanf vfprintf vfscanf vprintf vscanf vsnprintf vsprintf
  vsscanf fgetc fgets fputc fputs getc getchar gets putc putchar puts ungetc fread fwrite fgetpos
  fseek fsetpos ftell rewind clearerr feof ferror perror FILE fpos_t EOF BUFSIZ FILENAME_MAX
  FOPEN_MAX L_tmpnam SEEK_CUR SEEK_END SEEK_SET TMP_MAX stderr stdin stdout _IOFBF _IOLBF _IONBF`;
const STRING_H = `memcpy memmove strcpy strncpy strcat strncat memcmp strcmp strcoll strncmp strxfrm
  memchr strchr strcspn strpbrk strrchr strspn strstr strtok memset strerror strlen`;
const OTHER_STD = `min max clock clock_t time_t assert va_list va_start va_end va_arg va_copy
  int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t intptr_t uintptr_t intmax_t
  uintmax_t ptrdiff_t int_least8_t int_least16_t int_least32_t int_least64_t uint_least8_t
  uint_least16_t uint_least32_t uint_least64_t int_fast8_t int_fast16_t int_fast32_t int_fast64_t
  uint_fast8_t uint_fast16_t uint_fast32_t uint_fast64_t max_align_t offsetof`;

// Not standard-library names, but words too generic to count outside device code: legacy warp-vote
// intrinsics and NCCL's unscoped ncclGinFenceLevel enumerators.
const GENERIC_DEVICE_ONLY = `all any ballot None Get Put Relaxed`;

// Platform / build-configuration macros that some NVIDIA headers define: not CUDA API, not listed.
export const DROPPED_NAMES = new Set(
  `NOMINMAX WIN32_LEAN_AND_MEAN alloca DEPRECATED DECLDIR QUALIFIERS GCC_UNUSED_PARAMETER __THROW`.split(/\s+/),
);

function buildStdNames() {
  const set = new Set();
  for (const base of MATH_H_BASE.split(/\s+/).filter(Boolean)) {
    set.add(base);
    set.add(`${base}f`); // float variant
    set.add(`${base}l`); // long double variant
  }
  for (const list of [MATH_H_MACROS, STDLIB_H, STDIO_H, STRING_H, OTHER_STD, GENERIC_DEVICE_ONLY]) {
    for (const n of list.split(/\s+/).filter(Boolean)) set.add(n);
  }
  return set;
}
export const STD_NAMES = buildStdNames();

// Macros that nvcc predefines (CUDA Compiler Driver NVCC documentation, "NVCC predefined macros").
const NVCC_PREDEFINED = `__NVCC__ __CUDACC__ __CUDACC_RDC__ __CUDACC_EWP__ __CUDACC_DEBUG__
  __CUDACC_RELAXED_CONSTEXPR__ __CUDACC_EXTENDED_LAMBDA__ __CUDA_ARCH__ __CUDA_ARCH_LIST__
  __CUDA_ARCH_SPECIFIC__ __CUDA_ARCH_FAMILY_SPECIFIC__ __CUDACC_VER_MAJOR__ __CUDACC_VER_MINOR__
  __CUDACC_VER_BUILD__ __NVCC_DIAG_PRAGMA_SUPPORT__ __CUDACC_RTC__ __CUDACC_DEVICE_ATOMIC_BUILTINS__`
  .split(/\s+/)
  .filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Data: header path -> library. First match wins. Paths are relative to the --include folder.
// ---------------------------------------------------------------------------------------------
const SKIP_RULES = [
  /^CL\//, // OpenCL
  /(^|\/)fftw3[^/]*$/, // FFTW interface (not CUDA names)
  /^cufftw\.h$/, // FFTW-compatible cuFFT API: FFTW names
  /^nvblas\.h$/, // standard BLAS names
  /^generated_[^/]*_meta\.h$/, // CUPTI callback parameter structs, generated
  /^fatbinary_section\.h$/,
  /^crt\/host_runtime\.h$/, // compiler-runtime registration hooks
  /^crt\/\d+\//, // odd copies in some mirrors
  /^\d+\.\d+\//, // versioned side folders in some mirrors (e.g. 12.9/cudnn.h)
  /^Openmp\/omp-tools\.h$/, // OpenMP tools interface (not NVIDIA)
  /^(cccl\/)?cub\/detail\/nvtx3\.hpp$/, // private copy of NVTX's C++ header
  /^nccl_device\/gin\/(gdaki|gpi|proxy)\//, // NCCL GIN transport back-ends (implementation)
  /^(nvcuvid|cuviddec|nvEncodeAPI)\.h$/, // Video Codec SDK headers some mirrors carry: not CUDA toolkit
];

const LIBRARY_RULES = [
  // C++ template libraries (CCCL)
  [/^(cccl\/)?thrust\//, 'thrust'],
  [/^(cccl\/)?cub\//, 'cub'],
  [/^(cccl\/)?cuda\//, 'libcudacxx'],
  [/^(cccl\/)?nv\//, 'libcudacxx'],
  // kernel-side language support
  [/^cooperative_groups(\.h$|\/)/, 'cooperative_groups'],
  [/^(crt\/)?mma\.(h|hpp)$/, 'wmma'],
  [/^cuda_(pipeline|awbarrier)[^/]*\.h$/, 'cuda_pipeline'],
  [/^(texture_types|surface_types|texture_indirect_functions|surface_indirect_functions|cuda_texture_types|cuda_surface_types|texture_fetch_functions|surface_functions)\.h$/, 'cuda_texture'],
  [/^cuda_(fp16|bf16|fp8|fp6|fp4)\.(h|hpp)$/, 'cuda_lowprec'],
  [/^vector_(types|functions)\.(h|hpp)$/, 'vector'],
  [/^(crt\/)?math_functions\.(h|hpp)$/, 'cuda_math'],
  [/^(crt\/)?device_double_functions\.(h|hpp)$/, 'cuda_math'],
  [/^math_constants\.h$/, 'cuda_math'],
  [/^(crt\/)?device_functions\.(h|hpp)$/, 'cuda_device'],
  [/^(crt\/)?device_fp128_functions\.h$/, 'cuda_device'],
  [/^(crt\/)?sm_\d+_[a-z_]+\.(h|hpp)$/, 'cuda_device'],
  [/^device_atomic_functions\.(h|hpp)$/, 'cuda_device'],
  [/^device_launch_parameters\.h$/, 'cuda_device'],
  [/^crt\/(cudacc_ext|cuda_tile)\.h$/, 'cuda_device'],
  [/^(crt\/)?nvfunctional$/, 'cuda_device'],
  // host runtime and driver
  [/^cuda\.h$/, 'driver'],
  [/^cuda(Typedefs|EGL|EGLTypedefs|GL|GLTypedefs|VDPAU|VDPAUTypedefs|Profiler|ProfilerTypedefs|D3D9|D3D9Typedefs|D3D10|D3D10Typedefs|D3D11|D3D11Typedefs)\.h$/, 'driver'],
  [/^(cuda_runtime|cuda_runtime_api|cuda_device_runtime_api|driver_types|driver_functions|library_types|cuda_occupancy|channel_descriptor|cudart_platform|cuda_profiler_api|device_types|builtin_types|host_defines|host_config|common_functions|cuda_stdint|cuComplex)\.h$/, 'runtime'],
  [/^cuda_(gl|egl|vdpau|d3d9|d3d10|d3d11)_interop\.h$/, 'runtime'],
  [/^crt\/(host_defines|host_config|common_functions|storage_class|func_macro)\.h$/, 'runtime'],
  // tools
  [/^nvtx3\//, 'nvtx'],
  [/^nvToolsExt[^/]*\.h$/, 'nvtx'],
  [/^(Openacc\/)?cupti[^/]*\.h$/, 'cupti'],
  [/^nvperf_[^/]*\.h$/, 'cupti'],
  // compilers
  [/^nvrtc\.h$/, 'nvrtc'],
  [/^nvJitLink\.h$/, 'nvjitlink'],
  [/^nvPTXCompiler\.h$/, 'nvptxcompiler'],
  [/^nvFatbin\.h$/, 'nvfatbin'],
  [/^nvvm\.h$/, 'nvvm'],
  // math libraries
  [/^cublasLt\.h$/, 'cublasLt'],
  [/^cublas(_v2|_api|Xt)?\.h$/, 'cublas'],
  [/^cudnn[^/]*\.h$/, 'cudnn'],
  [/^(cufft|cufftXt|cudalibxt)\.h$/, 'cufft'],
  [/^curand[^/]*\.h$/, 'curand'],
  [/^cusparseLt\.h$/, 'cusparseLt'],
  [/^cusparse(_v2)?\.h$/, 'cusparse'],
  [/^cusolver[^/]*\.h$/, 'cusolver'],
  [/^cudss[^/]*\.h$/, 'cudss'],
  [/^npp[^/]*\.h$/, 'npp'],
  [/^nvjpeg\.h$/, 'nvjpeg'],
  // communication and management
  [/^nccl(\.h|_device\.h$|_device\/)/, 'nccl'],
  [/^nvml\.h$/, 'nvml'],
];

export function libraryFor(rel) {
  if (SKIP_RULES.some((re) => re.test(rel))) return null;
  for (const [re, lib] of LIBRARY_RULES) if (re.test(rel)) return lib;
  return undefined; // unknown: reported, not read
}

// Toolkit core: its macros win over fallback re-definitions in other libraries.
const CORE_LIBS = new Set(['runtime', 'driver', 'cuda_device', 'cuda_math', 'cuda_lowprec', 'vector', 'cuda_texture', 'cuda_pipeline', 'cooperative_groups', 'wmma', 'nvcc']);

// When a name is declared in several headers of one library, these headers are named last.
const DEMOTED_HEADERS = /(^|\/)(cuda_device_runtime_api\.h|cuda_runtime\.h|[^/]*\.(hpp|inl))$|\/(detail|details)\//;

// Libraries whose namespaced names starting with `_` are implementation details.
const UNDERSCORE_PRIVATE_LIBS = new Set(['thrust', 'cub', 'libcudacxx', 'cooperative_groups', 'nccl']);

// Version macros reported in the provenance header when they are found.
const VERSION_MACROS = [
  ['driver', ['CUDA_VERSION']],
  ['runtime', ['CUDART_VERSION']],
  ['thrust', ['THRUST_VERSION']],
  ['cub', ['CUB_VERSION']],
  ['libcudacxx', ['_LIBCUDACXX_CUDA_API_VERSION', 'CCCL_VERSION']],
  ['cublas', ['CUBLAS_VER_MAJOR', 'CUBLAS_VER_MINOR', 'CUBLAS_VER_PATCH', 'CUBLAS_VER_BUILD']],
  ['cublasLt', ['CUBLASLT_VER_MAJOR', 'CUBLASLT_VER_MINOR', 'CUBLASLT_VER_PATCH']],
  ['cudnn', ['CUDNN_MAJOR', 'CUDNN_MINOR', 'CUDNN_PATCHLEVEL']],
  ['cufft', ['CUFFT_VER_MAJOR', 'CUFFT_VER_MINOR', 'CUFFT_VER_PATCH']],
  ['curand', ['CURAND_VER_MAJOR', 'CURAND_VER_MINOR', 'CURAND_VER_PATCH']],
  ['cusparse', ['CUSPARSE_VER_MAJOR', 'CUSPARSE_VER_MINOR', 'CUSPARSE_VER_PATCH']],
  ['cusolver', ['CUSOLVER_VER_MAJOR', 'CUSOLVER_VER_MINOR', 'CUSOLVER_VER_PATCH']],
  ['nccl', ['NCCL_MAJOR', 'NCCL_MINOR', 'NCCL_PATCH']],
  ['nvtx', ['NVTX_VERSION']],
  ['npp', ['NPP_VER_MAJOR', 'NPP_VER_MINOR', 'NPP_VER_PATCH', 'NPP_VER_BUILD']],
  ['nvjpeg', ['NVJPEG_VER_MAJOR', 'NVJPEG_VER_MINOR', 'NVJPEG_VER_PATCH']],
  ['cudss', ['CUDSS_VERSION_MAJOR', 'CUDSS_VERSION_MINOR', 'CUDSS_VERSION_PATCH']],
  ['cusparseLt', ['CUSPARSELT_VER_MAJOR', 'CUSPARSELT_VER_MINOR', 'CUSPARSELT_VER_PATCH']],
  ['nvml', ['NVML_API_VERSION']],
  ['cupti', ['CUPTI_API_VERSION']],
];

// ---------------------------------------------------------------------------------------------
// Lexing
// ---------------------------------------------------------------------------------------------

/** Join line splices, drop comments, blank string/char literals. Newlines are kept. */
export function stripSource(text) {
  text = text.replace(/\r\n?/g, '\n').replace(/\\[ \t]*\n/g, '');
  let out = '';
  let i = 0;
  const n = text.length;
  let lineStart = true; // only whitespace so far on this line
  let directiveWord = '';
  while (i < n) {
    const c = text[i];
    const d = text[i + 1];
    if (c === '\n') {
      out += c;
      i++;
      lineStart = true;
      continue;
    }
    if (c === '/' && d === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && d === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      // keep newlines so that line structure survives
      const body = text.slice(i, stop);
      const nl = body.split('\n').length - 1;
      out += nl ? '\n'.repeat(nl) : ' ';
      if (nl) {
        lineStart = true;
      }
      i = stop;
      continue;
    }
    if (lineStart && c === '#') {
      const m = /^#\s*([A-Za-z_]+)/.exec(text.slice(i, i + 40));
      directiveWord = m ? m[1] : '';
      if (directiveWord === 'error' || directiveWord === 'warning') {
        // free text: keep the directive word only
        out += `#${directiveWord}`;
        while (i < n && text[i] !== '\n') i++;
        continue;
      }
      if (directiveWord === 'include') {
        const inc = /^#\s*include\s*[<"]([^>"\n]+)[>"]/.exec(text.slice(i, text.indexOf('\n', i) < 0 ? n : text.indexOf('\n', i)));
        out += inc ? `#include ${inc[1]}` : '#include';
        while (i < n && text[i] !== '\n') i++;
        continue;
      }
      if (directiveWord === 'pragma' || directiveWord === 'line') {
        out += `#${directiveWord}`;
        while (i < n && text[i] !== '\n') i++;
        continue;
      }
    }
    if (c !== ' ' && c !== '\t') lineStart = false;
    if (c === '"') {
      // raw string?
      const prev = out.slice(-3);
      const rawMatch = /(?:^|[^A-Za-z0-9_])(?:u8|[uUL])?R$/.exec(prev);
      if (rawMatch) {
        const open = text.indexOf('(', i);
        const delim = text.slice(i + 1, open);
        const close = text.indexOf(`)${delim}"`, open);
        const stop = close < 0 ? n : close + delim.length + 2;
        out = out.replace(/(?:u8|[uUL])?R$/, '');
        const nl = text.slice(i, stop).split('\n').length - 1;
        out += '""' + '\n'.repeat(nl);
        i = stop;
        continue;
      }
      let j = i + 1;
      while (j < n && text[j] !== '"' && text[j] !== '\n') {
        if (text[j] === '\\') j++;
        j++;
      }
      out += '""';
      i = j < n && text[j] === '"' ? j + 1 : j;
      continue;
    }
    if (c === "'") {
      // digit separator (1'000) or a char literal closed on this line; anything else is left alone
      if (/[0-9A-Fa-f]/.test(out.slice(-1)) && /[0-9A-Fa-f]/.test(d ?? '') && /\b(0[xX])?[0-9]/.test(out.slice(-20))) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && text[j] !== "'" && text[j] !== '\n') {
        if (text[j] === '\\') j++;
        j++;
      }
      if (j < n && text[j] === "'" && j - i <= 12) {
        out += "''";
        i = j + 1;
        continue;
      }
      out += ' ';
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

const TOKEN_RE = /([A-Za-z_$][A-Za-z0-9_$]*)|(\.?[0-9](?:[0-9A-Za-z_.]|[eEpP][+-])*)|(""|''|::|->|\.\.\.|[^\sA-Za-z0-9_$])/g;

/** Tokenize a stripped line. Identifiers, numbers and punctuators; `::` kept whole, `>>` split. */
export function tokenize(line) {
  const toks = [];
  TOKEN_RE.lastIndex = 0;
  let m;
  while ((m = TOKEN_RE.exec(line))) toks.push(m[0]);
  return toks;
}

const isIdent = (t) => typeof t === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(t);

// ---------------------------------------------------------------------------------------------
// Pass 1: macros
// ---------------------------------------------------------------------------------------------

/** Split a stripped file into lines with a directive parse. */
function splitLines(stripped) {
  return stripped.split('\n').map((raw) => {
    const m = /^\s*#\s*([A-Za-z_]*)\s*(.*)$/.exec(raw);
    if (m) return { directive: m[1], rest: m[2].trim(), raw };
    return { directive: null, raw };
  });
}

function parseDefine(rest) {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\()?/.exec(rest);
  if (!m) return null;
  const name = m[1];
  let params = null;
  let body = rest.slice(name.length);
  if (m[2]) {
    const close = body.indexOf(')');
    params = body
      .slice(1, close)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    body = body.slice(close + 1);
  }
  return { name, params, body: body.trim() };
}

// ---------------------------------------------------------------------------------------------
// Conditional-branch selection
// ---------------------------------------------------------------------------------------------

/**
 * Given lines (with token arrays for code lines), return the indexes of code lines to keep.
 * A conditional group keeps all its branches when each of them is brace-balanced,
 * otherwise only its first live branch that changes the balance (`#if X  f() {  #else  g() {  #endif`,
 * `#ifdef X  using namespace y;  #else  extern "C" {  #endif`).
 */
function selectLines(lines) {
  let pos = 0;
  // parse a sequence until #elif/#else/#endif (not consumed) or EOF; returns {keep:[], delta}
  function parseSeq() {
    const keep = [];
    let delta = 0;
    while (pos < lines.length) {
      const ln = lines[pos];
      if (ln.directive === null || ln.directive === 'include') {
        for (const t of ln.tokens) {
          if (t === '{') delta++;
          else if (t === '}') delta--;
        }
        keep.push(pos);
        pos++;
        continue;
      }
      const d = ln.directive;
      if (d === 'if' || d === 'ifdef' || d === 'ifndef') {
        const branches = [];
        let cond = ln.rest;
        let kind = d;
        pos++;
        for (;;) {
          const seq = parseSeq();
          const dead = kind === 'if' && /^\(?\s*0\s*\)?$/.test(cond);
          branches.push({ ...seq, dead });
          if (pos >= lines.length) break;
          const e = lines[pos];
          pos++;
          if (e.directive === 'endif') break;
          kind = e.directive === 'elif' ? 'if' : e.directive;
          cond = e.rest;
        }
        const live = branches.filter((b) => !b.dead);
        if (live.length === 0) continue;
        const balanced = live.every((b) => b.delta === 0);
        // unbalanced: prefer the first branch that opens/closes braces (`#ifdef X ... #else extern "C" {`)
        const chosen = balanced ? live : [live.find((b) => b.delta !== 0)];
        for (const b of chosen) keep.push(...b.keep);
        delta += chosen[0].delta;
        continue;
      }
      if (d === 'elif' || d === 'else' || d === 'endif' || d === 'elifdef' || d === 'elifndef') {
        return { keep, delta };
      }
      pos++;
    }
    return { keep, delta };
  }
  const all = [];
  for (;;) {
    const r = parseSeq();
    all.push(...r.keep);
    if (pos >= lines.length) break;
    pos++; // stray #else/#endif at top level
  }
  return all;
}

// ---------------------------------------------------------------------------------------------
// Declaration parsing
// ---------------------------------------------------------------------------------------------

const KEYWORDS_NOT_FN = new Set([
  'decltype', 'sizeof', 'alignof', '_Alignof', 'noexcept', 'throw', 'static_assert', '_Static_assert',
  'alignas', '_Alignas', '__attribute__', '__declspec', 'requires', 'typeof', '__typeof__', 'asm',
  '__asm__', 'if', 'while', 'for', 'switch', 'return', 'explicit', 'operator', 'void', 'int', 'char',
  'short', 'long', 'float', 'double', 'bool', 'unsigned', 'signed', 'auto', 'const', 'volatile',
  '__pragma', '_Pragma', '__launch_bounds__', '__align__', '__builtin_align__', 'defined', 'template',
  'typename', 'class', 'struct', 'union', 'enum', 'new', 'delete', 'co_await',
]);
const ATTR_GROUP_NAMES = new Set(['__attribute__', '__declspec', 'alignas', '_Alignas', '__pragma', '_Pragma']);
const TYPEISH_KEYWORDS = new Set([
  'void', 'int', 'char', 'short', 'long', 'float', 'double', 'bool', 'unsigned', 'signed', 'auto', 'const',
  'volatile', 'static', 'extern', 'inline', 'constexpr', 'typename', 'struct', 'class', 'union', 'enum',
  'typedef', 'friend', 'virtual', 'mutable', 'register', 'thread_local', 'consteval', 'constinit', 'final',
  'override', 'public', 'private', 'protected', 'restrict', '__restrict__', 'noexcept', 'operator', 'template',
  'using', 'namespace', 'explicit', 'default', 'delete', 'this', 'true', 'false', 'nullptr', 'wchar_t',
  'char8_t', 'char16_t', 'char32_t', '__int128', 'sizeof', 'decltype', 'return', 'requires', 'concept',
]);

/** Index just past the group opened at `i` (tokens[i] is an opener). */
function skipGroup(tokens, i) {
  const open = tokens[i];
  const close = open === '(' ? ')' : open === '[' ? ']' : open === '{' ? '}' : '>';
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j];
    if (open === '<') {
      if (t === '(' || t === '[' || t === '{') {
        j = skipGroup(tokens, j) - 1;
        continue;
      }
      if (t === ';' || t === '}' || t === ')') return j; // not a template argument list after all
    }
    if (t === open) depth++;
    else if (t === close) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return tokens.length;
}

/**
 * Remove `template <...>` clauses and anything before the last one (stray macro invocations
 * such as _CCCL_DIAG_PUSH that carry no semicolon end up at the front of a head).
 */
function stripTemplates(head) {
  let cut = 0;
  for (let i = 0; i < head.length; i++) {
    const t = head[i];
    if (t === '(' || t === '[') {
      i = skipGroup(head, i) - 1;
      continue;
    }
    if (t === 'template' && head[i + 1] === '<') {
      const end = skipGroup(head, i + 1);
      cut = end;
      i = end - 1;
    }
  }
  return cut ? head.slice(cut) : head;
}

/** Drop attribute groups: __attribute__((...)), __declspec(...), alignas(...), [[...]]. */
function dropAttributes(tokens) {
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (ATTR_GROUP_NAMES.has(t) && tokens[i + 1] === '(') {
      i = skipGroup(tokens, i + 1) - 1;
      continue;
    }
    if (t === '[' && tokens[i + 1] === '[') {
      i = skipGroup(tokens, i) - 1;
      continue;
    }
    out.push(t);
  }
  return out;
}

class Extractor {
  constructor(opts = {}) {
    this.macros = new Map(); // name -> [{params, bodyTokens, file, line}]
    this.funcMacros = new Set();
    this.objMacros = new Set();
    this.structural = new Map(); // name -> {params, body}
    this.symbols = []; // {symbol, kind, library, header, private}
    this.usings = []; // {scopePath, name, target, library, header}
    this.unknownFiles = [];
    this.excludeNs = opts.excludeNamespaces ?? [];
    this.transparentNs = new Set(opts.transparentNamespaces ?? []);
    this.unbalanced = []; // files whose selected code does not balance its braces (diagnostics)
    this.includeContext = new Map(); // rel -> namespace scope the file is included in
    this.files = [];
    this.libraryFor = opts.libraryFor ?? libraryFor; // header path -> library (other SDKs pass their own)
  }

  // ---- file discovery -------------------------------------------------------------------------
  addInclude(dir) {
    const root = path.resolve(dir);
    const seen = new Set(this.files.map((f) => f.rel));
    const walk = (d) => {
      for (const ent of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const full = path.join(d, ent.name);
        if (ent.isDirectory()) {
          walk(full);
          continue;
        }
        if (!ent.isFile() && !ent.isSymbolicLink()) continue;
        const rel = path.relative(root, full).split(path.sep).join('/');
        const base = ent.name;
        const headerExt = /\.(h|hpp|cuh|inl|hxx)$/.test(base);
        const extless = !base.includes('.') && /^(cccl\/)?(cuda|nv|thrust|cub)\/|^(crt\/)?nvfunctional$/.test(rel);
        if (!headerExt && !extless) continue;
        if (seen.has(rel)) continue;
        const lib = this.libraryFor(rel);
        if (lib === null) continue;
        if (lib === undefined) {
          this.unknownFiles.push(rel);
          continue;
        }
        seen.add(rel);
        this.files.push({ root, rel, full, library: lib });
      }
    };
    walk(root);
  }

  // ---- pass 1 ---------------------------------------------------------------------------------
  loadAll() {
    for (const f of this.files) {
      const text = fs.readFileSync(f.full, 'utf8');
      f.lines = splitLines(stripSource(text));
      for (let k = 0; k < f.lines.length; k++) {
        const ln = f.lines[k];
        if (ln.directive !== 'define') continue;
        const def = parseDefine(ln.rest);
        if (!def) continue;
        const entry = { params: def.params, body: tokenize(def.body), file: f.rel, line: k };
        if (!this.macros.has(def.name)) this.macros.set(def.name, []);
        this.macros.get(def.name).push(entry);
        if (def.params) this.funcMacros.add(def.name);
        else this.objMacros.add(def.name);
      }
    }
    // structural macros: body holds `namespace`, or only closing braces (`} }`), or uses another
    // structural macro. (Other brace-carrying macros, e.g. concept emulation, are left alone.)
    const isStruct = (body) =>
      body.includes('namespace') ||
      (body.includes('}') && body.every((t) => t === '}' || t === ';' || isIdent(t)));
    let changed = true;
    const last = (name) => this.macros.get(name).at(-1);
    for (const name of this.macros.keys()) {
      const def = last(name);
      if (isStruct(def.body)) this.structural.set(name, def);
    }
    while (changed) {
      changed = false;
      for (const name of this.macros.keys()) {
        if (this.structural.has(name)) continue;
        const def = last(name);
        if (def.body.some((t) => this.structural.has(t))) {
          this.structural.set(name, def);
          changed = true;
        }
      }
    }
  }

  /** Expand structural macros in a token list. */
  expand(tokens, depth = 0, active = new Set()) {
    if (depth > 12) return tokens;
    const out = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const def = this.structural.get(t);
      if (!def || active.has(t)) {
        out.push(t);
        continue;
      }
      let body = def.body;
      if (def.params) {
        if (tokens[i + 1] !== '(') {
          out.push(t);
          continue;
        }
        const end = skipGroup(tokens, i + 1);
        const args = [];
        let cur = [];
        let d = 0;
        for (let j = i + 2; j < end - 1; j++) {
          const a = tokens[j];
          if (a === '(' || a === '[' || a === '{') d++;
          else if (a === ')' || a === ']' || a === '}') d--;
          if (a === ',' && d === 0) {
            args.push(cur);
            cur = [];
          } else cur.push(a);
        }
        args.push(cur);
        const map = new Map(def.params.map((p, k) => [p, args[k] ?? []]));
        body = body.flatMap((b) => (b === '#' || b === '##' ? [] : map.get(b) ?? [b]));
        i = end - 1;
      }
      const next = new Set(active);
      next.add(t);
      out.push(...this.expand(body, depth + 1, next));
    }
    return out;
  }

  // ---- pass 2 ---------------------------------------------------------------------------------
  parseAll() {
    for (const f of this.files) this.parseFile(f);
    // headers included from inside a namespace: parse them again within that namespace
    const done = new Set();
    for (let round = 0; round < 4; round++) {
      const todo = [...this.includeContext.keys()].filter((rel) => !done.has(rel));
      if (todo.length === 0) break;
      for (const rel of todo) {
        done.add(rel);
        const f = this.byRel.get(rel);
        this.symbols = this.symbols.filter((s) => s.header !== rel || s.kind === 'macro');
        this.usings = this.usings.filter((u) => u.header !== rel);
        this.parseFile(f, { ...this.includeContext.get(rel) });
      }
    }
  }

  record(f, symbol, kind, scope) {
    this.symbols.push({ symbol, kind, library: f.library, header: f.rel, private: !!scope?.private, macroLine: null });
  }

  parseFile(f, root = { path: [], private: false }) {
    if (!f.lines) f.lines = splitLines(stripSource(fs.readFileSync(f.full, 'utf8')));
    const lines = f.lines;
    for (const ln of lines) {
      if (ln.directive === null) ln.tokens = this.expand(tokenize(ln.raw));
      else if (ln.directive === 'include' && ln.rest) ln.tokens = [`#include:${ln.rest}`];
      else ln.tokens = [];
    }
    // macros of this file (only on the first parse)
    if (!f.parsed) this.collectFileMacros(f);
    f.parsed = true;
    const keep = selectLines(lines);
    const tokens = dropAttributes(keep.flatMap((k) => lines[k].tokens));
    let balance = 0;
    for (const t of tokens) balance += t === '{' ? 1 : t === '}' ? -1 : 0;
    if (balance !== 0) this.unbalanced.push(`${f.rel} (${balance > 0 ? '+' : ''}${balance})`);
    let i = 0;
    while (i < tokens.length) {
      i = this.parseScope(tokens, i, root, f);
      if (i < tokens.length) i++; // unbalanced '}' at file level: skip it
    }
    delete f.lines;
  }

  /** Resolve an #include spelling to one of the files read (relative to the includer first). */
  resolveInclude(from, spelled) {
    if (!this.byRel) {
      this.byRel = new Map(this.files.map((f) => [f.rel, f]));
      this.bySuffix = new Map();
      for (const f of this.files) {
        const parts = f.rel.split('/');
        for (let k = 0; k < parts.length; k++) {
          const suffix = parts.slice(k).join('/');
          if (!this.bySuffix.has(suffix)) this.bySuffix.set(suffix, f);
        }
      }
    }
    const local = path.posix.normalize(path.posix.join(path.posix.dirname(from.rel), spelled));
    return this.byRel.get(local) ?? this.bySuffix.get(spelled.replace(/^\.\//, '')) ?? null;
  }

  collectFileMacros(f) {
    const lines = f.lines;
    const directives = [];
    lines.forEach((ln, k) => {
      if (ln.directive) directives.push({ ...ln, line: k });
    });
    const firstCond = directives.find((d) => !['pragma', 'include', ''].includes(d.directive));
    const guardOf = (d) => {
      if (!d) return null;
      if (d.directive === 'ifndef') return d.rest.split(/\s+/)[0];
      const m = /^!\s*defined\s*\(?\s*([A-Za-z_]\w*)\s*\)?\s*$/.exec(d.rest);
      return d.directive === 'if' && m ? m[1] : null;
    };
    const fileGuard = guardOf(firstCond);
    const lastDefine = new Map();
    const lastUndef = new Map();
    directives.forEach((d, k) => {
      if (d.directive === 'define') {
        const def = parseDefine(d.rest);
        if (def) lastDefine.set(def.name, { k, def, prev: directives[k - 1] });
      } else if (d.directive === 'undef') {
        lastUndef.set(d.rest.split(/\s+/)[0], k);
      }
    });
    for (const [name, { k, def, prev }] of lastDefine) {
      if (name === fileGuard && guardOf(prev) === name) continue; // include guard
      if ((lastUndef.get(name) ?? -1) > k) continue; // header-local helper
      if (isPrivateMacro(name, def)) continue;
      this.symbols.push({ symbol: name, kind: 'macro', library: f.library, header: f.rel, private: false });
    }
  }

  /**
   * Parse declarations until the closing '}' of this scope (returns its index) or end of tokens.
   */
  parseScope(tokens, i, scope, f) {
    let head = [];
    while (i < tokens.length) {
      const t = tokens[i];
      if (t === '}') return i;
      if (t.startsWith('#include:')) {
        // a header included inside a namespace (libcu++ generated PTX wrappers) inherits it
        if (scope.path.length || scope.private) {
          const target = this.resolveInclude(f, t.slice(9));
          if (target && target !== f && !this.includeContext.has(target.rel)) {
            this.includeContext.set(target.rel, { path: [...scope.path], private: scope.private });
          }
        }
        i++;
        continue;
      }
      if (t === ';') {
        this.handleDecl(head, scope, f);
        head = [];
        i++;
        continue;
      }
      if (t === '{') {
        i = this.handleBrace(tokens, i, head, scope, f);
        head = this.pendingHead ?? [];
        this.pendingHead = null;
        continue;
      }
      head.push(t);
      i++;
    }
    return i;
  }

  /** tokens[i] === '{'. Returns the index to continue at; may set this.pendingHead. */
  handleBrace(tokens, i, rawHead, scope, f) {
    const head = stripTemplates(rawHead);
    // namespace
    const nsAt = head.lastIndexOf('namespace');
    if (nsAt >= 0 && !head.includes('using') && !head.includes('=')) {
      const inline = head[nsAt - 1] === 'inline';
      const rest = head.slice(nsAt + 1);
      let newScope = { ...scope, path: [...scope.path] };
      if (rest.length === 0) {
        // anonymous namespace: its names are usable by the including file, so it is transparent
      } else if (isIdent(rest[0]) && rest[1] === '(') {
        // namespace named by a function-like macro (ABI namespace): transparent
      } else {
        // a::b::inline c
        let inl = inline;
        const parts = [];
        for (const r of rest) {
          if (r === '::') continue;
          if (r === 'inline') {
            inl = true;
            continue;
          }
          parts.push({ name: r, inline: inl });
          inl = false;
        }
        for (const p of parts) {
          const name = p.name;
          if (!isIdent(name)) continue;
          if (p.inline || this.transparentNs.has(name) || (this.objMacros.has(name) && !['cuda', 'std', 'thrust', 'cub'].includes(name))) continue; // transparent
          if (name === 'std' && newScope.path.length === 0) continue; // ::std additions (overloads of std names): global
          newScope.path.push(name);
          if (isPrivateNamespace(name) || this.excludeNs.includes(newScope.path.join('::'))) newScope.private = true;
          if (!newScope.private) this.record(f, newScope.path.join('::'), 'namespace', newScope);
        }
      }
      const end = this.parseScope(tokens, i + 1, newScope, f);
      return end + 1;
    }
    // extern "C" { / extern "C++" {
    if (head.length >= 2 && head.at(-2) === 'extern' && head.at(-1) === '""') {
      const end = this.parseScope(tokens, i + 1, scope, f);
      return end + 1;
    }
    const after = skipGroup(tokens, i);
    const body = tokens.slice(i + 1, after - 1);
    // enum / class / struct / union
    const tagAt = findTag(head);
    if (tagAt >= 0) {
      const tag = head[tagAt];
      const info = parseTagHead(head, tagAt, this);
      if (info && !info.isFunction) {
        const isTypedef = head.slice(0, tagAt).includes('typedef');
        if (tag === 'enum') {
          if (info.name && !info.qualified) this.recordName(f, scope, info.name, 'enum');
          const scoped = head[tagAt + 1] === 'class' || head[tagAt + 1] === 'struct';
          for (const e of enumerators(body)) {
            const sym = scoped && info.name ? `${info.name}::${e}` : e;
            this.recordName(f, scope, sym, 'enumerator');
          }
        } else if (info.name && !info.qualified) {
          this.recordName(f, scope, info.name, 'type', true);
        }
        // anything after the body belongs to the same declaration: `} name, *pname;`
        this.pendingHead = isTypedef
          ? ['typedef', tag === 'enum' && !info.name ? '__ANON_ENUM__' : '__BODY__']
          : ['__BODY__'];
        return after;
      }
    }
    // function definition
    const fn = findFunctionName(head, this);
    if (fn && fn.name) {
      // a top-level `=` before the parameter list makes it an initialised variable
      const eq = topLevelEq(head);
      if (eq < 0 || eq > fn.at) this.recordName(f, scope, fn.name, 'function');
      else this.pendingHead = [...rawHead, '__BODY__'];
      return after;
    }
    // initializer or something unknown: skip the braces and keep reading the declaration
    this.pendingHead = [...rawHead, '__BODY__'];
    return after;
  }

  recordName(f, scope, name, kind, definition = false) {
    if (!name || !isIdent(name.split('::').at(-1))) return;
    const full = scope.path.length ? `${scope.path.join('::')}::${name}` : name;
    this.symbols.push({ symbol: full, kind, library: f.library, header: f.rel, private: !!scope.private, definition });
  }

  handleDecl(rawHead, scope, f) {
    if (rawHead.length === 0) return;
    let head = stripTemplates(rawHead);
    if (head.length === 0) return;
    if (head[0] === 'friend' || head.includes('friend')) return;
    if (head[0] === 'extern' && head[1] === 'template') return;
    if (rawHead[0] === 'template' && rawHead[1] !== '<') return; // explicit instantiation
    if (head[0] === 'extern' && head[1] === '""') head = head.slice(2);
    const usingAt = head.indexOf('using');
    if (usingAt > 0 && head.slice(0, usingAt).every((t) => isIdent(t) || t === '(' || t === ')')) head = head.slice(usingAt);
    if (head[0] === 'using') {
      if (head[1] === 'namespace') return;
      const eq = head.indexOf('=');
      if (eq > 1 && isIdent(head[1])) {
        this.recordName(f, scope, head[1], 'type');
        return;
      }
      // using-declaration: using a::b::c;
      const parts = head.slice(1).filter((t) => t !== 'typename');
      const name = parts.at(-1);
      if (isIdent(name) && parts.length >= 3 && parts.at(-2) === '::') {
        const target = this.normalizeQualified(parts);
        this.usings.push({ scope, name, target, library: f.library, header: f.rel });
      }
      return;
    }
    if (head[0] === 'namespace') return; // namespace alias
    if (head[0] === 'static_assert' || head[0] === '_Static_assert') return;
    const tdAt = head.indexOf('typedef');
    if (tdAt >= 0) {
      this.handleTypedef(head.slice(tdAt + 1), scope, f);
      return;
    }
    if (head.includes('__BODY__')) return; // variables declared after a class body / initializer
    // forward declarations: struct X; enum class E : int;
    const tagAt = findTag(head);
    if (tagAt >= 0) {
      const info = parseTagHead(head, tagAt, this);
      if (info && info.forward) {
        if (info.name && !info.qualified) this.recordName(f, scope, info.name, head[tagAt] === 'enum' ? 'enum' : 'type');
        return;
      }
    }
    const fn = findFunctionName(head, this);
    if (fn && fn.name) {
      const eq = topLevelEq(head);
      if (eq < 0 || eq > fn.at) this.recordName(f, scope, fn.name, 'function');
    }
  }

  handleTypedef(rest, scope, f) {
    let anonEnum = false;
    if (rest[0] === '__ANON_ENUM__') {
      anonEnum = true;
      rest = rest.slice(1);
    } else if (rest[0] === '__BODY__') {
      rest = rest.slice(1);
    } else {
      // struct tag named in the typedef: typedef struct CUctx_st *CUcontext;
      const tagAt = findTag(rest);
      if (tagAt >= 0 && isIdent(rest[tagAt + 1]) && !this.objMacros.has(rest[tagAt + 1])) {
        const name = rest[tagAt + 1];
        if (rest[tagAt + 2] !== '::') this.recordName(f, scope, name, rest[tagAt] === 'enum' ? 'enum' : 'type');
      }
    }
    // split declarators at top-level commas
    const segs = [];
    let cur = [];
    let depth = 0;
    for (const t of rest) {
      if (t === '(' || t === '[' || t === '<' || t === '{') depth++;
      else if (t === ')' || t === ']' || t === '>' || t === '}') depth = Math.max(0, depth - 1);
      if (t === ',' && depth === 0) {
        segs.push(cur);
        cur = [];
      } else cur.push(t);
    }
    segs.push(cur);
    for (const seg of segs) {
      const name = declaratorName(seg, this);
      if (name) this.recordName(f, scope, name, anonEnum ? 'enum' : 'type');
    }
  }

  /**
   * `_CUDA_VSTD::thread_scope` -> `cuda::std::thread_scope`: expand macros that spell a namespace
   * path, then drop ABI (macro-named) segments.
   */
  normalizeQualified(tokens) {
    let toks = tokens;
    for (let round = 0; round < 5; round++) {
      let changed = false;
      const out = [];
      for (const t of toks) {
        const defs = this.objMacros.has(t) ? this.macros.get(t) : null;
        const body = defs?.at(-1)?.body;
        if (body && body.length && body.every((b) => isIdent(b) || b === '::')) {
          out.push(...body);
          changed = true;
        } else out.push(t);
      }
      toks = out;
      if (!changed) break;
    }
    const segs = toks.join('').split('::').filter(Boolean);
    return segs.filter((x, k) => k === segs.length - 1 || !(this.macros.has(x) || /^__\d+$/.test(x))).join('::');
  }

  // ---- results --------------------------------------------------------------------------------
  /** Versioned aliases: `#define cuMemAlloc cuMemAlloc_v2` also declares the function cuMemAlloc_v2. */
  versionedAliases() {
    const byKey = new Map();
    for (const s of this.symbols) if (s.kind === 'function' || s.kind === 'type') byKey.set(`${s.symbol}\t${s.library}`, s);
    for (const [name, defs] of this.macros) {
      for (const d of defs) {
        // `#define cuMemAlloc cuMemAlloc_v2`, `#define cuGraphInstantiate cuGraphInstantiateWithFlags`
        if (d.params || d.body.length !== 1 || !isIdent(d.body[0]) || !d.body[0].startsWith(name) || d.body[0] === name) continue;
        const library = this.libraryFor(d.file);
        const base = byKey.get(`${name}\t${library}`);
        if (base) this.symbols.push({ ...base, symbol: d.body[0] });
        else if ((library === 'driver' || library === 'runtime') && /^cu(da)?[A-Z]/.test(name)) {
          this.symbols.push({ symbol: d.body[0], kind: 'function', library, header: d.file, private: false });
        }
      }
    }
  }

  resolveUsings() {
    const byName = new Map();
    for (const s of this.symbols) if (s.kind !== 'macro' && s.kind !== 'namespace') byName.set(s.symbol, s.kind);
    for (const u of this.usings) {
      const kind = byName.get(u.target);
      if (!kind) continue;
      const f = { library: u.library, rel: u.header };
      this.recordName(f, u.scope, u.name, kind);
    }
  }

  rows() {
    const KIND_RANK = { namespace: 0, enum: 1, type: 2, function: 3, enumerator: 4, macro: 5 };
    const headerRank = (s) => [
      s.definition ? 0 : 1,
      DEMOTED_HEADERS.test(s.header) ? 1 : 0,
      s.header.split('/').length,
      s.header,
    ];
    const better = (a, b) => {
      if (KIND_RANK[a.kind] !== KIND_RANK[b.kind]) return KIND_RANK[a.kind] < KIND_RANK[b.kind];
      const ra = headerRank(a);
      const rb = headerRank(b);
      for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return ra[k] < rb[k];
      return false;
    };
    const best = new Map();
    for (const s of this.symbols) {
      if (s.private) continue;
      if (DROPPED_NAMES.has(s.symbol)) continue;
      if (isPrivateSymbol(s)) continue;
      const key = `${s.symbol}\t${s.library}`;
      const prev = best.get(key);
      if (!prev || better(s, prev)) best.set(key, s);
    }
    // A macro that a core CUDA header defines and another library re-defines as a fallback
    // (`#ifndef __host__ #define __host__`) belongs to the core header only.
    const coreMacro = new Set([...best.values()].filter((s) => s.kind === 'macro' && CORE_LIBS.has(s.library)).map((s) => s.symbol));
    for (const [key, s] of best) if (s.kind === 'macro' && !CORE_LIBS.has(s.library) && coreMacro.has(s.symbol)) best.delete(key);
    const rows = [...best.values()].map((s) => ({
      symbol: s.symbol,
      kind: s.kind,
      library: s.library,
      header: s.header,
      std_overlap: !s.symbol.includes('::') && STD_NAMES.has(s.symbol) ? 'yes' : 'no',
    }));
    rows.sort((a, b) => cmp(a.symbol, b.symbol) || cmp(a.library, b.library));
    return rows;
  }

  versions() {
    const out = [];
    for (const [lib, names] of VERSION_MACROS) {
      const vals = [];
      for (const n of names) {
        const defs = this.macros.get(n);
        if (!defs) continue;
        const d = defs.find((x) => this.libraryFor(x.file) === lib) ?? defs[0];
        vals.push(`${n}=${d.body.join('')}`);
      }
      if (vals.length) out.push(`${lib}: ${vals.join(' ')}`);
    }
    return out;
  }
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Index of the first `=` outside (), [] and template argument lists, or -1. */
function topLevelEq(head) {
  for (let j = 0; j < head.length; j++) {
    const t = head[j];
    if (t === '(' || t === '[') j = skipGroup(head, j) - 1;
    else if (t === '<' && isIdent(head[j - 1]) && head[j - 1] !== 'operator') j = skipGroup(head, j) - 1;
    else if (t === '=') return j;
  }
  return -1;
}

/** Index of the first top-level struct/class/union/enum keyword in a head, or -1. */
function findTag(head) {
  let depth = 0;
  for (let k = 0; k < head.length; k++) {
    const t = head[k];
    if (t === '(' || t === '<' || t === '[') depth++;
    else if (t === ')' || t === '>' || t === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (t === 'struct' || t === 'class' || t === 'union' || t === 'enum')) {
      // `enum class` -> the enum keyword is the tag
      return k;
    }
  }
  return -1;
}

/**
 * Parse `struct ATTR NAME [final] [: bases] [<spec>]` starting at head[tagAt].
 * Returns {name, qualified, forward, isFunction}.
 */
function parseTagHead(head, tagAt, ex) {
  let j = tagAt + 1;
  if (head[tagAt] === 'enum' && (head[j] === 'class' || head[j] === 'struct')) j++;
  let name = null;
  let qualified = false;
  const n = head.length;
  for (; j < n; j++) {
    const t = head[j];
    if (t === '(') {
      // macro invocation before the name (e.g. __builtin_align__(16)), or a function parameter list
      if (name && !ex.funcMacros.has(name) && !/^[A-Z_][A-Z0-9_]*$/.test(name)) {
        return { isFunction: true };
      }
      if (name && (ex.funcMacros.has(name) || /^[A-Z_][A-Z0-9_]*$/.test(name))) name = null;
      j = skipGroup(head, j) - 1;
      continue;
    }
    if (t === '::') {
      qualified = true;
      continue;
    }
    if (isIdent(t)) {
      if (t === 'final' || t === 'alignas') continue;
      if (name && !ex.objMacros.has(name) && !/^__\w+__$/.test(name) && !TYPEISH_KEYWORDS.has(name) && !qualified) {
        // a second plain identifier after the tag name: `struct X var` / `struct X *f(...)`
        const rest = head.slice(j);
        if (rest.includes('(')) return { isFunction: true };
        return { name, qualified, forward: false, variable: true };
      }
      name = t;
      continue;
    }
    if (t === ':' || t === '<' || t === '{') break;
    if (t === '*' || t === '&' || t === '&&') {
      // elaborated type in a declaration
      const rest = head.slice(j);
      if (rest.includes('(')) return { isFunction: true };
      return { name, qualified, forward: false, variable: true };
    }
  }
  const forward = j >= n || head[j] === ':' && head[tagAt] === 'enum';
  return { name, qualified, forward: forward && !!name, isFunction: false };
}

/** Enumerator names in an enum body. */
function enumerators(body) {
  const out = [];
  let cur = [];
  let depth = 0;
  const flush = () => {
    const toks = dropAttributes(cur);
    const first = toks.find((t) => isIdent(t));
    if (first && (toks[0] === first)) out.push(first);
    cur = [];
  };
  for (const t of body) {
    if (t === '(' || t === '[' || t === '{') depth++;
    else if (t === ')' || t === ']' || t === '}') depth--;
    if (t === ',' && depth === 0) flush();
    else cur.push(t);
  }
  flush();
  return out;
}

/**
 * Find the declared function in a declaration head.
 * Returns {name, at} (at = index of '('), {name:null} for operators / qualified names, or null.
 */
function findFunctionName(head, ex) {
  let fallback = null;
  for (let j = 0; j < head.length; j++) {
    const t = head[j];
    if (t === '=') break;
    if (t === '(' || t === '[') {
      j = skipGroup(head, j) - 1;
      continue;
    }
    if (!isIdent(t)) continue;
    let k = j + 1;
    if (head[k] === '<' && !KEYWORDS_NOT_FN.has(t)) {
      const close = skipGroup(head, k);
      if (head[close] === '(') k = close;
      else {
        j = close - 1; // template arguments of a return type: `integral_constant<bool, a == b> f(...)`
        continue;
      }
    }
    if (head[k] !== '(') continue;
    let prev = head[j - 1];
    let name = t;
    // `min THRUST_PREVENT_MACRO_SUBSTITUTION (`: an empty object-like macro between name and '('
    if (ex.objMacros.has(t) && !ex.funcMacros.has(t) && isIdent(prev) && !TYPEISH_KEYWORDS.has(prev) &&
        ex.macros.get(t).every((d) => d.body.length === 0) && !ex.objMacros.has(prev)) {
      name = prev;
      prev = head[j - 2];
    }
    if (KEYWORDS_NOT_FN.has(t)) {
      if (t === 'operator') return { name: null };
      j = skipGroup(head, k) - 1;
      continue;
    }
    if (prev === 'operator') return { name: null };
    if (prev === '~' || prev === '.' || prev === '->') return { name: null };
    if (prev === '::') return { name: null, qualified: true };
    const groupEnd = skipGroup(head, k);
    const inner = head.slice(k + 1, groupEnd - 1);
    if (name === t && (ex.funcMacros.has(t) || (/^[A-Z][A-Z0-9_]*$/.test(t) && inner.length && ex.macros.has(t)))) {
      if (!fallback) fallback = { name: t, at: k };
      j = skipGroup(head, k) - 1;
      continue;
    }
    // `T (CALLCONV *name)(...)`: pointer declarator, not a function
    if (inner.some((x) => x === '*' || x === '^' || x === '&') && (head[groupEnd] === '(' || head[groupEnd] === '[')) return null;
    return { name, at: k };
  }
  if (fallback) {
    // `__func__(double fabs(double))`: the declaration is the macro's argument
    const end = skipGroup(head, fallback.at);
    const inner = findFunctionName(head.slice(fallback.at + 1, end - 1), ex);
    if (inner && inner.name) return { name: inner.name, at: fallback.at };
    if (!/^[A-Z_][A-Z0-9_]*$/.test(fallback.name) && !/^__\w+__$/.test(fallback.name)) return fallback;
  }
  return null;
}

/** The name a typedef declarator introduces. */
function declaratorName(seg, ex) {
  // pointer-to-function: ... ( [CALLCONV] * name ) ( ... )
  for (let j = 0; j < seg.length; j++) {
    if (seg[j] !== '(') continue;
    const end = skipGroup(seg, j);
    const inner = seg.slice(j + 1, end - 1);
    if (inner.some((x) => x === '*' || x === '^' || x === '&')) {
      const ids = inner.filter((x) => isIdent(x) && !ex.objMacros.has(x) && !TYPEISH_KEYWORDS.has(x));
      if (ids.length) return ids.at(-1);
      const all = inner.filter(isIdent);
      return all.at(-1) ?? null;
    }
    // function type: typedef void fn_t(int);
    const before = seg[j - 1];
    if (isIdent(before) && !ex.funcMacros.has(before) && !ATTR_GROUP_NAMES.has(before) && !KEYWORDS_NOT_FN.has(before) && end === seg.length) {
      return before;
    }
    j = end - 1;
  }
  // plain: last identifier at depth 0 (arrays and macro groups skipped)
  const ids = [];
  for (let j = 0; j < seg.length; j++) {
    const t = seg[j];
    if (t === '(' || t === '[' || t === '<') {
      j = skipGroup(seg, j) - 1;
      continue;
    }
    if (isIdent(t) && !TYPEISH_KEYWORDS.has(t)) ids.push(t);
  }
  if (ids.length === 0) return null;
  const nonMacro = ids.filter((x) => !ex.objMacros.has(x));
  return (nonMacro.length ? nonMacro : ids).at(-1);
}

// ---------------------------------------------------------------------------------------------
// Privacy rules
// ---------------------------------------------------------------------------------------------
const GUARD_NAME = /(^|_)(H|HPP|HXX|CUH|INL|INCLUDED|H_INCLUDED|HEADER|HEADER_INCLUDED)_*$/;

export function isPrivateMacro(name, def) {
  if (GUARD_NAME.test(name) && (!def || def.body === '' || def.body === '1')) return true;
  if (/^_[A-Za-z0-9]/.test(name) && !name.startsWith('__')) return true; // _X / _x
  if (/^__(cudart|cuda|internal|nv_internal)/.test(name)) return true;
  if (/^__CUDA(RT)?_/.test(name) && !/_TYPES_EXIST__$|^__CUDA_ARCH_HAS_FEATURE__$|^__CUDA_HAS_ARCH_/.test(name)) return true;
  if (/^__(UNDEF|DEF_IF|CUDACC|NV_|THRUST|CUB|LIBCUDACXX|CCCL|CG_)/.test(name)) return true;
  if (/(^|_)(DETAIL|INTERNAL|IMPL)(_|$)/.test(name)) return true;
  return false;
}

export function isPrivateNamespace(name) {
  return (
    /^_/.test(name) ||
    /^(detail|details|impl|internal|__detail)$/.test(name) ||
    /_(impl|detail|details|internal)$/.test(name)
  );
}

const CCCL_LIBS = new Set(['thrust', 'cub', 'libcudacxx']);

function isPrivateSymbol(s) {
  const parts = s.symbol.split('::');
  const last = parts.at(-1);
  if (s.kind === 'macro') {
    // libcu++ re-defines standard macros (INT_MAX, CHAR_BIT, INFINITY ...) for NVRTC: not CUDA names
    if (s.library === 'libcudacxx' && !/^(CCCL|LIBCUDACXX|CUDA|NV|__CUDA|_CCCL_CUDA)/.test(s.symbol)) return true;
    return false; // the rest is filtered by isPrivateMacro
  }
  // CCCL's global-namespace names are std specialisations or NVRTC shims (swap, tuple_size, time_t)
  if (CCCL_LIBS.has(s.library) && parts.length === 1 && s.kind !== 'namespace') return true;
  if (parts.length > 1) {
    if (parts.slice(0, -1).some(isPrivateNamespace)) return true;
    if (UNDERSCORE_PRIVATE_LIBS.has(s.library) && last.startsWith('_')) return true;
    if (/^_[A-Za-z0-9]/.test(last) && !last.startsWith('__')) return true;
    return false;
  }
  if (/^_[A-Za-z0-9]/.test(last) && !last.startsWith('__')) return true;
  if (/^__(cudart|cuda[A-Z_]|internal)/.test(last)) return true;
  if (UNDERSCORE_PRIVATE_LIBS.has(s.library) && last.startsWith('_')) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------
function parseArgs(argv) {
  const { values: v } = parseCommandLine({
    args: argv,
    options: {
      include: { type: 'string', short: 'I', multiple: true, default: [] },
      out: { type: 'string', short: 'o' },
      'cuda-version': { type: 'string' },
      note: { type: 'string', multiple: true, default: [] },
      date: { type: 'string' },
      'exclude-namespace': { type: 'string', multiple: true, default: [] },
      'with-predefined': { type: 'boolean', default: false },
      compare: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return {
    include: v.include, notes: v.note, excludeNamespaces: v['exclude-namespace'], out: v.out ?? null,
    cudaVersion: v['cuda-version'] ?? null, date: v.date ?? null, predefined: v['with-predefined'],
    compare: v.compare, quiet: v.quiet, help: v.help,
  };
}

/** Per-library coverage of another inventory by these rows (printed by --compare). */
export function compareInventories(rows, otherText) {
  const mine = new Set(rows.map((r) => r.symbol));
  const minePairs = new Set(rows.map((r) => `${r.symbol}\t${r.library}`));
  const per = new Map();
  const lines = otherText.split('\n').filter((l) => l && !l.startsWith('#'));
  for (const line of lines.slice(1)) {
    const [symbol, kind, library] = line.split('\t');
    const e = per.get(library) ?? { total: 0, have: 0, sameLibrary: 0, missingKinds: new Map() };
    e.total++;
    const sym = symbol.replace(/^std::/, '');
    if (mine.has(sym)) {
      e.have++;
      if (minePairs.has(`${sym}\t${library}`)) e.sameLibrary++;
    } else e.missingKinds.set(kind, (e.missingKinds.get(kind) ?? 0) + 1);
    per.set(library, e);
  }
  return [...per].sort((a, b) => cmp(a[0], b[0]));
}

function shellQuote(s) {
  return /^[A-Za-z0-9_./=:+,@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function extract({ include, excludeNamespaces = [], transparentNamespaces = [], predefined = false, libraryFor: lib }) {
  const ex = new Extractor({ excludeNamespaces, transparentNamespaces, libraryFor: lib });
  for (const dir of include) ex.addInclude(dir);
  ex.loadAll();
  ex.parseAll();
  ex.resolveUsings();
  ex.versionedAliases();
  if (predefined) {
    for (const m of NVCC_PREDEFINED) {
      ex.symbols.push({ symbol: m, kind: 'macro', library: 'nvcc', header: '(nvcc predefined)', private: false });
    }
  }
  return ex;
}

function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  if (o.help || o.include.length === 0 || !o.out) {
    process.stderr.write(
      'usage: node scripts/extract-cuda-inventory.mjs --include DIR [--include DIR ...] --cuda-version X.Y --out FILE\n' +
        '       [--note TEXT ...] [--date YYYY-MM-DD] [--with-predefined] [--exclude-namespace NS ...] [--quiet]\n',
    );
    process.exit(o.help ? 0 : 2);
  }
  const ex = extract(o);
  const rows = ex.rows();
  const date = o.date ?? new Date().toISOString().slice(0, 10);
  const perLib = new Map();
  for (const r of rows) perLib.set(r.library, (perLib.get(r.library) ?? 0) + 1);
  const fileCount = new Map();
  for (const f of ex.files) fileCount.set(f.root, (fileCount.get(f.root) ?? 0) + 1);
  const recorded = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--compare') i++; // a dev-time comparison is not part of how the file was made
    else if (argv[i] !== '--quiet') recorded.push(argv[i]);
  }
  const cmd = ['node', 'scripts/extract-cuda-inventory.mjs', ...recorded].map(shellQuote).join(' ');
  const header = [
    '# CUDA identifier inventory: public names declared by NVIDIA headers, one row per (symbol, library).',
    '# Generated by scripts/extract-cuda-inventory.mjs; do not edit by hand (see docs/inventory.md).',
    `# date: ${date}`,
    `# cuda-version: ${o.cudaVersion ?? 'unknown'}`,
    `# command: ${cmd}`,
    ...o.include.map((d) => `# include: ${d} (${fileCount.get(path.resolve(d)) ?? 0} headers read)`),
    ...ex.versions().map((v) => `# version macros: ${v}`),
    ...o.notes.map((n) => `# source: ${n}`),
    `# rows: ${rows.length} (${[...perLib].sort((a, b) => cmp(a[0], b[0])).map(([l, c]) => `${l}=${c}`).join(' ')})`,
    '# columns: symbol, kind (function|type|enum|enumerator|macro|namespace), library, header (relative to its include folder),',
    '#          std_overlap (yes = the C/C++ standard library declares the same name; count it only in device code)',
  ];
  const body = ['symbol\tkind\tlibrary\theader\tstd_overlap', ...rows.map((r) => `${r.symbol}\t${r.kind}\t${r.library}\t${r.header}\t${r.std_overlap}`)];
  fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
  fs.writeFileSync(o.out, `${header.join('\n')}\n${body.join('\n')}\n`);
  if (!o.quiet) {
    process.stderr.write(`wrote ${rows.length} rows to ${o.out}\n`);
    for (const [l, c] of [...perLib].sort((a, b) => b[1] - a[1])) process.stderr.write(`  ${l}\t${c}\n`);
    if (o.compare) {
      const table = compareInventories(rows, fs.readFileSync(o.compare, 'utf8'));
      process.stderr.write(`coverage of ${o.compare} (library: found/total, same library, missing by kind):\n`);
      let t = 0;
      let h = 0;
      for (const [lib, e] of table) {
        t += e.total;
        h += e.have;
        const miss = [...e.missingKinds].map(([k, c]) => `${k}=${c}`).join(' ');
        process.stderr.write(`  ${lib}\t${e.have}/${e.total}\t${((100 * e.have) / e.total).toFixed(1)}%\tsame-lib ${e.sameLibrary}\t${miss}\n`);
      }
      process.stderr.write(`  all\t${h}/${t}\t${((100 * h) / t).toFixed(1)}%\n`);
    }
    if (ex.unbalanced.length) {
      process.stderr.write(`${ex.unbalanced.length} headers with unbalanced braces after branch selection (names there may be missed):\n`);
      for (const u of ex.unbalanced.slice(0, 50)) process.stderr.write(`  ${u}\n`);
    }
    if (ex.unknownFiles.length) {
      process.stderr.write(`skipped ${ex.unknownFiles.length} headers with no library rule:\n`);
      for (const u of ex.unknownFiles.slice(0, 50)) process.stderr.write(`  ${u}\n`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1] && path.resolve(process.argv[1])}`) main();
