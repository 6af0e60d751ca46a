/**
 * Python front end: (path, text) -> FileFacts for *.py (setup.py, PyTorch code, CUDA Python libraries).
 *
 * tree-sitter-python parses the file; the detector walks the tree once and reports
 * - dotted names under tracked modules after import aliases are resolved (`import torch as th`,
 *   `from torch.cuda import amp`, `from torch.cuda.amp import autocast`): `torch.cuda.synchronize`,
 *   `torch.backends.cudnn.benchmark`, `torch.utils.cpp_extension.CUDAExtension`, `numba.cuda.jit` ...
 * - `.cuda()` and `.is_cuda` on any object;
 * - the strings that ARE the CUDA use: `device="cuda"`, `.to("cuda")`, `torch.device("cuda:0")`,
 *   `backend="nccl"`, `device_type="cuda"`; other strings, comments and docstrings never count;
 * - imports of CUDA-only Python libraries: `import cupy`, `import numba.cuda`, `import pycuda`, `import triton` ...;
 * - `torch.utils.cpp_extension.load`/`load_inline` only when they compile CUDA sources.
 * Symbols: docs/build-and-python.md.
 */
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import type { FileFacts, Language, Suppression } from '../model/index.js';
import type { VocabularyFile } from '../model/generated/vocabulary.js';
import { buildWords, linkFlags, nvccFlags, OccurrenceSink, suppressionsIn, type BuildWords } from './build-common.js';

type Node = Parser.SyntaxNode;

let parser: Parser | undefined;

/** One parser per thread (module state is per worker). */
export function createPythonParser(): Parser {
  const p = new Parser();
  p.setLanguage(Python as unknown as Parser.Language);
  return p;
}

interface Scope {
  aliases: Map<string, string>;
  /** The vocabulary (rules/vocabulary.yaml): tracked prefixes, CUDA-only libraries, the device strings. */
  words: BuildWords;
  /** String nodes already reported by a more specific pattern (`.to("cuda")`, `device="cuda"`). */
  consumed: Set<number>;
  /** Left-hand sides of lines that redirect CUDA to the target (`torch.cuda.Event = torch.npu.Event`): migration. */
  redirected: Set<number>;
}

/** Is `name` (after alias resolution) under one of the target modules (torch_npu, torch.npu, torch_mlu)? */
function targetName(name: string, scope: Scope): boolean {
  return scope.words.python.targets.some((t) => t.modules.some((m) => name === m || name.startsWith(`${m}.`)));
}

/** Is `name` (after alias resolution) under one of the prefixes? */
function tracked(name: string, scope: Scope): boolean {
  return scope.words.python.tracked.some((p) => name === p || name.startsWith(`${p}.`));
}

/** The CUDA library an imported module belongs to: `cupy.cuda` -> `import cupy`, `numba.cuda.random` -> `import numba.cuda`. */
function libraryOf(module: string, scope: Scope): string | undefined {
  for (const [prefix, symbol] of scope.words.python.libraries) {
    if (module === prefix || module.startsWith(`${prefix}.`)) return symbol;
  }
  return undefined;
}

/** The string value of a plain string literal node (no f-string interpolation), else undefined. */
function stringValue(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  if (node.namedChildren.some((c) => c.type === 'interpolation')) return undefined;
  return node.namedChildren.filter((c) => c.type === 'string_content').map((c) => c.text).join('');
}

/** A string literal, or a conditional expression with one (`"cuda" if ok else "cpu"`), whose value names a CUDA device. */
function cudaString(node: Node | null | undefined, scope: Scope): Node | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return scope.words.python.cudaDevice.test(stringValue(node) ?? '') ? node : undefined;
  if (node.type === 'conditional_expression') {
    for (const c of node.namedChildren) {
      const hit = cudaString(c, scope);
      if (hit) return hit;
    }
  }
  if (node.type === 'parenthesized_expression') return cudaString(node.namedChildren[0], scope);
  return undefined;
}

/** `a.b.c` for identifier/attribute chains, else undefined. */
function dottedName(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const attr = node.childForFieldName('attribute');
    if (!object || !attr) return undefined;
    const left = dottedName(object);
    return left === undefined ? undefined : `${left}.${attr.text}`;
  }
  return undefined;
}

function resolveAlias(name: string, scope: Scope): string {
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const target = scope.aliases.get(head);
  return target === undefined ? name : target + (dot < 0 ? '' : name.slice(dot));
}

/** `import torch_npu`, `from torch_npu.contrib import transfer_to_npu`: the target's Python package is loaded. */
function targetImport(module: string, scope: Scope): string | undefined {
  for (const t of scope.words.python.targets) {
    for (const m of t.modules) if (!m.includes('.') && (module === m || module.startsWith(`${m}.`))) return `import ${m}`;
  }
  return undefined;
}

function collectImports(root: Node, sink: OccurrenceSink, scope: Scope): void {
  for (const stmt of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (stmt.type === 'import_statement') {
      for (const item of stmt.namedChildren) {
        const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
        const alias = item.type === 'aliased_import' ? item.childForFieldName('alias')?.text : undefined;
        if (!dotted) continue;
        const module = dotted.text.replace(/\s+/g, '');
        // `import torch.cuda` binds `torch`; `import torch.cuda as tc` binds tc -> torch.cuda.
        if (alias) scope.aliases.set(alias, module);
        const lib = libraryOf(module, scope) ?? targetImport(module, scope);
        if (lib) sink.add(lib, 'value', dotted.startIndex, dotted.endIndex);
      }
      continue;
    }
    const moduleNode = stmt.childForFieldName('module_name');
    if (!moduleNode || moduleNode.type === 'relative_import') continue;
    const module = moduleNode.text.replace(/\s+/g, '');
    const names = stmt.childrenForFieldName('name');
    let reported = false;
    const libOfModule = libraryOf(module, scope) ?? targetImport(module, scope);
    if (libOfModule) {
      sink.add(libOfModule, 'value', moduleNode.startIndex, moduleNode.endIndex);
      reported = true;
    }
    for (const item of names) {
      const nameNode = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
      const alias = item.type === 'aliased_import' ? item.childForFieldName('alias')?.text : nameNode?.text;
      if (!nameNode || !alias) continue;
      const full = `${module}.${nameNode.text.replace(/\s+/g, '')}`;
      scope.aliases.set(alias, full);
      // `from numba import cuda`, `from cuda import cudart`: the import is the library use.
      const lib = reported ? undefined : libraryOf(full, scope);
      if (lib) {
        sink.add(lib, 'value', nameNode.startIndex, nameNode.endIndex);
        reported = true;
      }
    }
  }
}

/** Is this identifier/attribute the head of a longer chain, or a name being bound rather than used? */
function isPartOfLargerName(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'attribute' && parent.childForFieldName('object')?.id === node.id) return true;
  if (parent.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id) return true;
  if (parent.type === 'keyword_argument' && parent.childForFieldName('name')?.id === node.id) return true;
  if (parent.type === 'function_definition' || parent.type === 'class_definition' || parent.type === 'parameters') return true;
  if (parent.type === 'default_parameter' || parent.type === 'typed_parameter' || parent.type === 'typed_default_parameter') {
    return parent.childForFieldName('name')?.id === node.id || parent.namedChildren[0]?.id === node.id;
  }
  for (let p: Node | null = parent; p; p = p.parent) {
    if (p.type === 'import_statement' || p.type === 'import_from_statement') return true;
  }
  return false;
}

function keywordArgs(call: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  const args = call.childForFieldName('arguments');
  for (const a of args?.namedChildren ?? []) {
    if (a.type !== 'keyword_argument') continue;
    const name = a.childForFieldName('name')?.text;
    const value = a.childForFieldName('value');
    if (name && value) out.set(name, value);
  }
  return out;
}

function positionalArgs(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  return (args?.namedChildren ?? []).filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
}

/** Does a list/tuple of source files name a .cu file? */
function namesCudaSource(node: Node | undefined): boolean {
  if (!node) return false;
  if (node.type === 'string') return /\.cu$/.test(stringValue(node) ?? '');
  return node.namedChildren.some((c) => namesCudaSource(c));
}

/** torch.float64 / torch.double -> `torch.float64`; complex128 / cdouble -> `torch.complex128`. */
function fp64Dtype(node: Node | undefined, scope: Scope): string | undefined {
  if (!node) return undefined;
  const name = dottedName(node);
  const resolved = name === undefined ? undefined : resolveAlias(name, scope);
  if (resolved === undefined || !scope.words.python.fp64.has(resolved)) return undefined;
  return /complex|cdouble/.test(resolved) ? 'torch.complex128' : 'torch.float64';
}

/** The method calls of a chain `a.b(...).c(...)`, innermost last: [call, method name] pairs. */
function methodChain(call: Node): { call: Node; method: string }[] {
  const out: { call: Node; method: string }[] = [];
  for (let c: Node | null | undefined = call; c?.type === 'call'; ) {
    const fn = c.childForFieldName('function');
    if (fn?.type !== 'attribute') break;
    out.push({ call: c, method: fn.childForFieldName('attribute')?.text ?? '' });
    c = fn.childForFieldName('object');
  }
  return out;
}

/** Does this call put its result on a CUDA device (`.cuda()`, `.to("cuda")`, `device="cuda"`)? */
function toCuda(call: Node, method: string, scope: Scope): boolean {
  if (method === 'cuda') return true;
  const kw = keywordArgs(call);
  const device = kw.get('device');
  if (device && cudaString(device, scope)) return true;
  return method === 'to' && positionalArgs(call).some((a) => cudaString(a, scope) !== undefined);
}

/**
 * Double precision on the device: `torch.zeros(n, dtype=torch.float64, device="cuda")`, `x.to("cuda", torch.float64)`,
 * `x.double().cuda()`. The AI Core has no FP64 units, so each is worth a look.
 */
function fp64OnDevice(call: Node, fn: Node, kw: Map<string, Node>, positional: Node[], sink: OccurrenceSink, scope: Scope): void {
  if (!scope.words.python.fp64.size) return;
  const method = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : '';
  const dtypeNode = kw.get('dtype') ?? (method === 'to' ? positional.find((a) => fp64Dtype(a, scope)) : undefined);
  const dtype = fp64Dtype(dtypeNode, scope);
  if (dtype && dtypeNode && toCuda(call, method, scope)) {
    sink.add(`${dtype} on cuda`, 'value', dtypeNode.startIndex, dtypeNode.endIndex);
    return;
  }
  // A chain: .double() and .cuda()/.to("cuda") on the same value, in either order.
  if (method !== 'double' && method !== 'cuda' && method !== 'to') return;
  const chain = methodChain(call);
  const double = chain.find((c) => c.method === 'double' || (c.method === 'to' && positionalArgs(c.call).some((a) => fp64Dtype(a, scope))));
  const device = chain.find((c) => c.method === 'cuda' || (c.method === 'to' && toCuda(c.call, 'to', scope)));
  if (double && device && chain[0]?.call.id === call.id) {
    const at = double.call.childForFieldName('function')?.childForFieldName('attribute') ?? double.call;
    sink.add('torch.float64 on cuda', 'value', at.startIndex, at.endIndex);
  }
}

/** `@triton.jit def kernel(...)`: a kernel (listed with the features of the triton.language calls it makes). */
function tritonKernel(node: Node, sink: OccurrenceSink, scope: Scope): void {
  const def = node.childForFieldName('definition');
  if (def?.type !== 'function_definition') return;
  const jit = node.namedChildren.some((d) => {
    if (d.type !== 'decorator') return false;
    let e = d.namedChildren[0];
    if (e?.type === 'call') e = e.childForFieldName('function') ?? undefined;
    const name = e ? dottedName(e) : undefined;
    return name !== undefined && scope.words.python.tritonDecorators.has(resolveAlias(name, scope));
  });
  if (!jit) return;
  const line = node.startPosition.row + 1;
  const endLine = node.endPosition.row + 1;
  sink.kernels.push({ name: def.childForFieldName('name')?.text ?? '(anonymous)', qualifier: 'global', line, endLine, lines: endLine - line + 1 });
}

function scanCall(call: Node, sink: OccurrenceSink, scope: Scope): void {
  const fn = call.childForFieldName('function');
  if (!fn) return;
  const kw = keywordArgs(call);
  const positional = positionalArgs(call);
  // String arguments that are CUDA uses.
  for (const [name, value] of kw) {
    const hit = name === 'device' || name === 'map_location' || name === 'device_type' ? cudaString(value, scope) : undefined;
    if (hit) {
      sink.add(name === 'device_type' ? 'device_type="cuda"' : 'device="cuda"', 'value', value.startIndex, value.endIndex);
      scope.consumed.add(hit.id);
    }
    if (name === 'backend' && stringValue(value)?.toLowerCase().includes('nccl')) {
      sink.add('backend="nccl"', 'value', value.startIndex, value.endIndex);
      scope.consumed.add(value.id);
    }
  }
  const callee = dottedName(fn);
  const resolved = callee === undefined ? undefined : resolveAlias(callee, scope);
  if (fn.type === 'attribute') {
    const attr = fn.childForFieldName('attribute')?.text;
    const objectName = dottedName(fn.childForFieldName('object') as Node);
    const objectIsModule = objectName !== undefined && /^(torch|torch\.\w+)$/.test(resolveAlias(objectName, scope));
    if (attr === 'cuda' && !objectIsModule) sink.add('.cuda()', 'call', (fn.childForFieldName('attribute') as Node).startIndex - 1, call.endIndex);
    if (attr === 'to' && !objectIsModule) {
      const first = positional[0] ? cudaString(positional[0], scope) : undefined;
      if (first) {
        sink.add('.to("cuda")', 'call', (fn.childForFieldName('attribute') as Node).startIndex - 1, call.endIndex);
        scope.consumed.add(first.id);
      }
    }
  }
  const firstCuda = positional[0] ? cudaString(positional[0], scope) : undefined;
  if (resolved === 'torch.device' && firstCuda) {
    sink.add('torch.device("cuda")', 'call', call.startIndex, call.endIndex);
    scope.consumed.add(firstCuda.id);
  }
  if (resolved !== undefined && scope.words.python.deviceTypeFunctions.has(resolved) && firstCuda) {
    sink.add('device_type="cuda"', 'value', (positional[0] as Node).startIndex, (positional[0] as Node).endIndex);
    scope.consumed.add(firstCuda.id);
  }
  if (resolved === 'torch.distributed.init_process_group' && positional[0] && stringValue(positional[0])?.toLowerCase().includes('nccl')) {
    sink.add('backend="nccl"', 'value', positional[0].startIndex, positional[0].endIndex);
    scope.consumed.add(positional[0].id);
  }
  // torch.compile(backend="npu"): compiled for the target already.
  if (resolved === 'torch.compile') {
    const backend = stringValue(kw.get('backend'));
    const target = backend === undefined ? undefined : scope.words.python.targets.find((t) => t.compileBackends.has(backend));
    if (target && backend !== undefined) {
      sink.add(`torch.compile(backend="${backend}")`, 'call', call.startIndex, call.endIndex);
      scope.redirected.add(fn.id);
      scope.consumed.add((kw.get('backend') as Node).id);
    }
  }
  // flash_attn_func(q, k, v), xformers' memory_efficient_attention: answered with the target's fused attention.
  const attention = resolved === undefined ? undefined : scope.words.python.attention.get(resolved);
  if (attention) sink.add(attention, 'call', fn.startIndex, fn.endIndex);
  fp64OnDevice(call, fn, kw, positional, sink, scope);
  if (resolved === 'torch.utils.cpp_extension.load') {
    const sources = kw.get('sources') ?? positional[1];
    const withCuda = kw.get('with_cuda')?.text === 'True';
    if (withCuda || namesCudaSource(sources)) sink.add('torch.utils.cpp_extension.load', 'call', fn.startIndex, fn.endIndex);
  }
  if (resolved === 'torch.utils.cpp_extension.load_inline' && (kw.has('cuda_sources') || positional.length >= 3 || kw.get('with_cuda')?.text === 'True')) {
    sink.add('torch.utils.cpp_extension.load_inline', 'call', fn.startIndex, fn.endIndex);
  }
}

/** nvcc options written as Python strings (a list, or one string). */
function nvccOptions(value: Node | null, sink: OccurrenceSink, scope: Scope): void {
  if (!value) return;
  const strings = value.type === 'string' ? [value] : value.descendantsOfType('string');
  for (const str of strings) {
    const text = stringValue(str);
    if (text === undefined) continue;
    const offset = str.startIndex + str.text.indexOf(text);
    for (const hit of [...nvccFlags(text, true, scope.words), ...linkFlags(text, scope.words)]) sink.add(hit.symbol, 'value', offset + hit.start, offset + hit.end);
  }
}

function walk(root: Node, sink: OccurrenceSink, scope: Scope): void {
  const cursor = root.walk();
  const visit = (): void => {
    const node = cursor.currentNode;
    switch (node.type) {
      case 'comment':
        return;
      case 'string':
        // A device string or backend name wherever it stands (an argument, a comparison, a default), unless a call
        // already reported it; never a docstring. An f-string's {interpolations} are code.
        if (!node.namedChildren.some((c) => c.type === 'interpolation')) {
          deviceString(node, sink, scope);
          return;
        }
        break;
      case 'decorated_definition':
        tritonKernel(node, sink, scope);
        break;
      case 'pair': {
        // extra_compile_args={"nvcc": ["--use_fast_math", ...]}: the strings are nvcc options.
        if (stringValue(node.childForFieldName('key')) === 'nvcc') nvccOptions(node.childForFieldName('value'), sink, scope);
        break;
      }
      case 'call':
        scanCall(node, sink, scope);
        break;
      case 'attribute':
      case 'identifier': {
        if (isPartOfLargerName(node)) break;
        const name = dottedName(node);
        if (name === undefined) {
          // `torch.cuda.Stream().synchronize`: the chain's head is a call; its own parts are visited below.
          if (node.type === 'attribute' && node.childForFieldName('attribute')?.text === 'is_cuda') {
            sink.add('.is_cuda', 'value', (node.childForFieldName('attribute') as Node).startIndex - 1, node.endIndex);
          }
          break;
        }
        const resolved = resolveAlias(name, scope);
        if (scope.redirected.has(node.id)) break;
        if (tracked(resolved, scope) || targetName(resolved, scope)) sink.add(resolved, node.parent?.type === 'call' ? 'call' : 'value', node.startIndex, node.endIndex);
        else if (name.endsWith('.is_cuda')) sink.add('.is_cuda', 'value', node.endIndex - '.is_cuda'.length, node.endIndex);
        break;
      }
      case 'assignment': {
        // device = "cuda" / self.device = "cuda:0"
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const hit = right ? cudaString(right, scope) : undefined;
        if (left && hit && /device$/i.test(left.text)) {
          sink.add('device="cuda"', 'value', hit.startIndex, hit.endIndex);
          scope.consumed.add(hit.id);
        }
        // `torch.cuda.Event = torch.npu.Event`: a line that redirects CUDA to the target is migration, not CUDA left.
        const leftName = left ? dottedName(left) : undefined;
        const rightName = right ? dottedName(right) : undefined;
        // Any assignment of a function or class to a torch.cuda name replaces it (a monkey-patch or a placeholder):
        // not a use of CUDA. Setting a switch to a value (`torch.backends.cudnn.benchmark = True`) is one.
        const patched = right !== null && (rightName !== undefined || right.type === 'lambda');
        if (left && leftName && patched && tracked(resolveAlias(leftName, scope), scope) && (rightName === undefined || targetName(resolveAlias(rightName, scope), scope) || !tracked(resolveAlias(rightName, scope), scope))) {
          scope.redirected.add(left.id);
        }
        break;
      }
      default:
        break;
    }
    if (cursor.gotoFirstChild()) {
      do visit();
      while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
  };
  visit();
}

/** A string literal that is a device or backend name: `"cuda"`, `"cuda:0"`, `"nccl"`, and the targets' `"npu"`, `"hccl"` ... */
function deviceString(node: Node, sink: OccurrenceSink, scope: Scope): void {
  if (scope.consumed.has(node.id)) return;
  const parent = node.parent;
  if (parent?.type === 'expression_statement' && parent.namedChildCount === 1) return; // a docstring
  if (parent?.type === 'concatenated_string') return;
  const value = stringValue(node);
  if (value === undefined) return;
  if (scope.words.python.cudaDevice.test(value)) return sink.add('device="cuda"', 'value', node.startIndex, node.endIndex);
  if (value === 'nccl' || /^(?:[\w-]+:)?nccl(?:,[\w:-]+)*$|,[\w-]+:nccl(?:,|$)/.test(value)) return sink.add('backend="nccl"', 'value', node.startIndex, node.endIndex);
  for (const t of scope.words.python.targets) {
    if (t.device.test(value)) return sink.add(`device="${value.replace(/:\d+$/, '')}"`, 'value', node.startIndex, node.endIndex);
    if (t.backends.has(value)) return sink.add(`backend="${value}"`, 'value', node.startIndex, node.endIndex);
  }
}

function errorLines(root: Node): number[] {
  if (!root.hasError) return [];
  const rows = new Set<number>();
  for (const e of root.descendantsOfType('ERROR')) for (let r = e.startPosition.row; r <= e.endPosition.row; r++) rows.add(r + 1);
  return [...rows].sort((a, b) => a - b);
}

/** Facts of one Python file. */
export function extractPythonFacts(path: string, language: Language, text: string, vocabulary: VocabularyFile): FileFacts {
  parser ??= createPythonParser();
  const tree = text.length < 1 << 20 ? parser.parse(text) : parser.parse((index: number) => text.slice(index, index + 65536));
  const sink = new OccurrenceSink(text);
  const scope: Scope = { aliases: new Map(), words: buildWords(vocabulary), consumed: new Set(), redirected: new Set() };
  collectImports(tree.rootNode, sink, scope);
  walk(tree.rootNode, sink, scope);
  const suppressions: Suppression[] = [];
  if (text.includes('ascendify-ignore')) {
    for (const c of tree.rootNode.descendantsOfType('comment')) {
      const row = c.startPosition.row;
      // Alone on its line: nothing but blanks before the `#` (a Python comment runs to the end of the line).
      const alone = sink.lines.lines[row]?.trimStart().startsWith('#') ?? false;
      suppressions.push(...suppressionsIn(c.text.replace(/^#/, ''), row + 1, alone ? row + 2 : undefined));
    }
  }
  return sink.facts(path, language, suppressions, errorLines(tree.rootNode));
}
