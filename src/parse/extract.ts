/**
 * Parse stage entry: (path, text) -> FileFacts.
 *
 * The extractor does not walk the whole syntax tree. It scans the text for tokens the lexicon
 * cares about (catalog and inventory names, CUDA-looking names, language keywords,
 * `<<<`), then asks the tree only about those tokens: is it code or a comment/string, what
 * qualified name does it belong to, is it a call, a type, a value or a definition, is it in device code.
 * Tokens inside ERROR regions still count (recall must not drop where the grammar gives up);
 * their role is guessed from the text.
 *
 * What the code itself declares is set aside: a variable, parameter, member or template parameter named
 * like a CUDA API (`float max`, `template <bool norm>`) hides that name where it is visible. Functions marked
 * device code through a macro (`CUTLASS_DEVICE`, a project's `#define HDI __host__ __device__`) are device code.
 */
import type Parser from 'tree-sitter';
import type { Definition, FileFacts, KernelFact, Language, Lexicon, NamespaceFacts, Occurrence, Role } from '../model/index.js';
import { codeSpans, inSpans, matchBody } from './c-lexer.js';
import { cppWords, type CppWords } from './cpp-words.js';
import { parseText, type SyntaxNode } from './cuda-parser.js';
import { locateTokens, type Frame } from './locate.js';
import { preprocessorContext } from './preprocessor.js';
import { indexLines, lineOf, occurrenceAt, type LineIndex } from './source-text.js';
import { findSuppressions } from './suppressions.js';
import { byCodePoint } from '../util/order.js';

const NON_CODE = new Set([
  'comment', 'string_literal', 'string_content', 'char_literal', 'raw_string_literal', 'raw_string_content',
  'raw_string_delimiter', 'system_lib_string', 'escape_sequence', 'character',
]);
const QUALIFIERS = new Set([
  '__global__', '__device__', '__host__', '__shared__', '__constant__', '__managed__', '__launch_bounds__',
  '__grid_constant__', '__forceinline__', '__noinline__',
]);
const BUILTINS = new Set(['threadIdx', 'blockIdx', 'blockDim', 'gridDim', 'warpSize']);
/** Builtins that are structs (`threadIdx.x`): the name alone, without a member, is a variable of the code. */
const DIM_BUILTINS = new Set(['threadIdx', 'blockIdx', 'blockDim', 'gridDim']);
const ASM = new Set(['asm', '__asm__', '__asm']);
/**
 * Qualifiers of the target kernel languages (Ascend C, BANG C) that the CUDA grammar does not know: they are
 * blanked for the parser only (so `__global__ __aicore__ void k(...)` parses) and reported as qualifiers.
 */
const TARGET_QUALIFIERS = /\b(?:__aicore__|__gm__|__ubuf__|__simt_vf__|__simt_callee__|__mlu_(?:global|entry|func|device|host|shared|const)__|__(?:nram|wram|ldram)__)\b/g;
const TARGET_QUALIFIER = new RegExp(`^${TARGET_QUALIFIERS.source.replaceAll('\\b', '')}$`);
const DECLARATORS = new Set([
  'function_declarator', 'pointer_declarator', 'reference_declarator', 'array_declarator',
  'parenthesized_declarator', 'init_declarator', 'attributed_declarator',
]);
const DECLARATION_OWNERS = new Set([
  'function_definition', 'declaration', 'field_declaration', 'parameter_declaration',
  'optional_parameter_declaration', 'type_definition',
]);
const TYPE_PARAMETERS = new Set(['type_parameter_declaration', 'optional_type_parameter_declaration', 'variadic_type_parameter_declaration']);
const TYPE_SPECIFIERS = new Set(['struct_specifier', 'class_specifier', 'union_specifier', 'enum_specifier']);
const NAMESPACE_DIRECTIVES = new Set(['using_declaration', 'namespace_alias_definition', 'namespace_definition', 'nested_namespace_specifier']);
const NAME_NODES = new Set(['identifier', 'type_identifier', 'namespace_identifier', 'field_identifier']);
/** Where a declared name stops being visible: the nearest of these around its declaration. */
const SCOPES = new Set([
  'compound_statement', 'for_statement', 'for_range_loop', 'if_statement', 'while_statement', 'switch_statement',
  'catch_clause', 'lambda_expression', 'field_declaration_list', 'template_declaration',
]);
/** Where a parameter stops being visible: the function (or prototype, lambda, template) it belongs to. */
const PARAMETER_OWNERS = new Set(['function_definition', 'declaration', 'field_declaration', 'lambda_expression', 'template_declaration', 'type_definition']);

const TOKEN = /<<<|[A-Za-z_][A-Za-z0-9_]*/g;
const INCLUDE = /^\s*#\s*include\s*([<"])([^>"\n]+)[>"]/;
const NS_ALIAS = /\bnamespace\s+(\w+)\s*=\s*((?:::\s*)?\w+(?:\s*::\s*\w+)*)\s*;/g;
const USING_NS = /\busing\s+namespace\s+((?:::\s*)?\w+(?:\s*::\s*\w+)*)\s*;/g;
const USING_DECL = /\busing\s+((?:::\s*)?\w+(?:\s*::\s*\w+)+)\s*;/g;
/** A qualified name after extraction: identifiers joined with ::, nothing else. */
const IDENTIFIER_PATH = /^[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*$/;
/** Object-like #define whose body holds __device__ or __global__ (`#define HDI inline __host__ __device__`). */
const DEVICE_DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(?=[ \t])([^\n]*)$/gm;
/** What may stand before a device macro on its line: keywords, attributes, `template <...>`. */
const DECLARATION_START = /^\s*(?:(?:template\s*<.*>|inline|static|constexpr|extern|__forceinline__|__inline__|__host__|__device__|virtual|friend|explicit|"C"|\[\[[^\]]*\]\]|[A-Z_][A-Z0-9_]*)\s+)*$/;
/** Inline assembly that is PTX: a dotted mnemonic (`ld.global.nc.f32`), a directive (`.reg`), a special register, or a PTX-only instruction. */
const PTX_TEXT = /(?:^|[\s{};])(?:[a-z][a-z0-9_]*(?:\.[a-z0-9_:]+)+|\.(?:reg|pred|shared|global|local|param|const|b\d+|u\d+|s\d+|f\d+)\b)|%%\w|(?:^|[\s;{])(?:trap|exit|brkpt|ret|pmevent)\s*;/;

/** Compiled once per lexicon: one alternation instead of many regex tests per token. */
const combined = new WeakMap<readonly RegExp[], RegExp>();
function combinedPattern(patterns: readonly RegExp[]): RegExp | undefined {
  if (!patterns.length) return undefined;
  let re = combined.get(patterns);
  if (!re) {
    re = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'));
    combined.set(patterns, re);
  }
  return re;
}

interface Span {
  start: number;
  end: number;
}

/** A macro standing for __device__/__global__ before a function (blanked for the parser). */
interface Marker extends Span {
  name: string;
  qualifier: 'global' | 'device';
}

/** An occurrence waiting for the declarations of the whole file (members may be declared after their use). */
interface Pending {
  occ: Occurrence;
  start: number;
}

interface Context {
  text: string;
  root: SyntaxNode;
  lines: LineIndex;
  conditions: (string | undefined)[];
  platforms: (string | undefined)[];
  lexicon: Lexicon;
  words: CppWords;
  markers: Marker[];
  markerStarts: Set<number>;
  /** Declared names (variables, parameters, members, template parameters) -> where they hide a CUDA name. */
  scoped: Map<string, (Span & { loader?: boolean })[]>;
  deviceSpans: Span[];
  pending: Pending[];
  definitions: Definition[];
  kernels: KernelFact[];
  seen: Map<string, Pending>;
  macroCode: Map<number, [number, number][]>;
  /** Outermost ERROR nodes' offsets. */
  errorSpans: Span[];
}

const stripSpaces = (s: string): string => s.replace(/\s+/g, '');

/** Leaves of comments and literals are themselves typed as such (string_content, character, ...). */
function isNonCode(node: SyntaxNode): boolean {
  return NON_CODE.has(node.type);
}

/** Is the offset inside a region the grammar could not parse? (Spans computed once per file.) */
function inError(ctx: Context, offset: number): boolean {
  for (const s of ctx.errorSpans) if (offset >= s.start && offset < s.end) return true;
  return false;
}

function inDevice(ctx: Context, offset: number): boolean {
  return ctx.deviceSpans.some((s) => offset >= s.start && offset < s.end);
}

/** Roles that say more than an operand: a later token of the same qualified name may tell (`typename cub::X<T>::Y`). */
const SPECIFIC_ROLES = new Set<Role>(['call', 'type']);

function addOccurrence(ctx: Context, name: string, role: Role, start: number, end: number, macro?: string): void {
  const key = `${start}:${end}:${name}`;
  const earlier = ctx.seen.get(key);
  if (earlier) {
    if (SPECIFIC_ROLES.has(role) && !SPECIFIC_ROLES.has(earlier.occ.role)) earlier.occ.role = role;
    return;
  }
  const occ = occurrenceAt(ctx.lines, name, role, start, end, inDevice(ctx, start));
  const condition = ctx.conditions[occ.line - 1];
  if (condition) occ.condition = condition;
  const platform = ctx.platforms[occ.line - 1];
  if (platform) occ.platform = platform;
  if (macro) occ.macro = macro;
  const pending = { occ, start };
  ctx.seen.set(key, pending);
  ctx.pending.push(pending);
}

/**
 * The qualified name written in `text` (`cub::BlockReduce<float, 256>::TempStorage` -> `cub::BlockReduce::TempStorage`):
 * identifiers joined by ::, template argument lists skipped whole (nested brackets, parentheses, comments and
 * literals inside them included). Undefined when the text is anything else.
 */
export function qualifiedNameText(text: string): string | undefined {
  // Most names are plain identifiers or a::b paths.
  if (IDENTIFIER_PATH.test(text)) return text.startsWith('::') ? text.slice(2) : text;
  if (!/[</]/.test(text) && /^[\w:\s]+$/.test(text)) {
    const plain = text.replace(/\s+/g, '').replace(/^::/, '');
    return IDENTIFIER_PATH.test(plain) ? plain : undefined;
  }
  const parts: string[] = [];
  let i = 0;
  const n = text.length;
  const skipSpace = (): void => {
    for (;;) {
      while (i < n && /\s/.test(text[i] as string)) i++;
      if (text.startsWith('//', i)) {
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (text.startsWith('/*', i)) {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? n : close + 2;
      } else return;
    }
  };
  skipSpace();
  if (text.startsWith('::', i)) i += 2;
  for (;;) {
    skipSpace();
    if (text.startsWith('template', i) && !/\w/.test(text[i + 8] ?? '')) {
      i += 8;
      skipSpace();
    }
    const m = /^[A-Za-z_]\w*/.exec(text.slice(i, i + 256));
    if (!m) return undefined;
    parts.push(m[0]);
    i += m[0].length;
    skipSpace();
    if (text[i] === '<') {
      const end = skipTemplateArguments(text, i);
      if (end < 0) return undefined;
      i = end;
      skipSpace();
    }
    if (i >= n) break;
    if (!text.startsWith('::', i)) return undefined;
    i += 2;
  }
  const name = parts.join('::');
  return IDENTIFIER_PATH.test(name) ? name : undefined;
}

/** From `<` at `open`, the offset after its matching `>` (brackets inside parentheses, literals and comments do not count), or -1. */
function skipTemplateArguments(text: string, open: number): number {
  let depth = 0;
  let paren = 0;
  const spans = codeSpans(text.slice(open));
  for (const [s, e] of spans) {
    for (let k = open + s; k < open + e; k++) {
      const c = text[k];
      if (c === '(' || c === '[' || c === '{') paren++;
      else if (c === ')' || c === ']' || c === '}') paren = Math.max(0, paren - 1);
      else if (paren === 0 && c === '<') depth++;
      else if (paren === 0 && c === '>') {
        if (--depth === 0) return k + 1;
      }
    }
  }
  return -1;
}

const DECLARING_PARENTS = new Set([...DECLARATORS, ...DECLARATION_OWNERS, ...TYPE_SPECIFIERS, ...TYPE_PARAMETERS, 'preproc_def', 'preproc_function_def', 'alias_declaration', 'namespace_definition', 'enumerator']);

/** Role guessed from the text around a token, where the tree cannot tell. */
function textRole(text: string, start: number, end: number): Role {
  let rest = text.slice(end, end + 400);
  const lead = /^\s*/.exec(rest)?.[0].length ?? 0;
  if (rest[lead] === '<' && rest[lead + 1] !== '<' && rest[lead + 1] !== '=') {
    const close = skipTemplateArguments(rest, lead);
    if (close > 0) rest = rest.slice(close);
  }
  if (/^\s*\(/.test(rest)) return 'call';
  if (/(?:^|[^&\w)\]\s])\s*&\s*$/.test(text.slice(Math.max(0, start - 8), start))) return 'reference';
  return 'token';
}

/** Extend a token left over `a::b::` qualifiers written in plain text (macro bodies, ERROR regions). */
function textQualified(text: string, start: number, end: number): { name: string; start: number } | undefined {
  if (/^\s*::/.test(text.slice(end, end + 8))) return undefined; // not the last component
  const before = text.slice(Math.max(0, start - 200), start);
  const m = /((?:\w+\s*::\s*)+|::\s*)$/.exec(before);
  const head = m ? (m[1] as string) : '';
  const name = stripSpaces(head + text.slice(start, end)).replace(/^::/, '');
  if (!IDENTIFIER_PATH.test(name)) return { name: text.slice(start, end), start };
  return { name, start: start - head.length };
}

/** The name of a function definition's declarator (qualified, operator and template names included). */
function functionName(text: string, def: SyntaxNode): string {
  let d: SyntaxNode | null = def.childForFieldName('declarator');
  while (d && DECLARATORS.has(d.type)) d = d.childForFieldName('declarator');
  if (!d) return '(anonymous)';
  return qualifiedNameText(text.slice(d.startIndex, d.endIndex)) ?? stripSpaces(d.text).slice(0, 120);
}

/** The function definition a qualifier or marker at `offset` belongs to (a few levels up), if any. */
function enclosingDefinition(node: SyntaxNode | null): SyntaxNode | null {
  let def: SyntaxNode | null = node;
  for (let k = 0; def && k < 4 && def.type !== 'function_definition'; k++) def = def.parent;
  return def?.type === 'function_definition' ? def : null;
}

function addKernel(ctx: Context, name: string, qualifier: 'global' | 'device', spanStart: number, spanEnd: number, bodyOpen: number, marker?: string): void {
  const line = lineOf(ctx.lines, spanStart) + 1;
  const endLine = lineOf(ctx.lines, Math.max(spanStart, spanEnd - 1)) + 1;
  ctx.deviceSpans.push({ start: spanStart, end: spanEnd });
  const k: KernelFact = {
    name, qualifier, line, endLine, lines: endLine - line + 1,
    ...kernelShape(ctx, name, ctx.text.slice(spanStart, bodyOpen), bodyOpen, spanEnd),
  };
  const platform = ctx.platforms[line - 1];
  if (platform) k.platform = platform;
  if (marker) k.marker = marker;
  ctx.kernels.push(k);
}

const NOT_CALLS = new Set([
  'if', 'for', 'while', 'switch', 'return', 'sizeof', 'alignof', 'decltype', 'catch', 'static_cast', 'reinterpret_cast',
  'const_cast', 'dynamic_cast', 'defined', 'do', 'else', 'case', 'new', 'delete', 'throw', 'static_assert', 'noexcept',
  '__launch_bounds__', 'operator', 'typeid', 'assert', 'volatile', 'const', 'static', 'extern', 'inline', 'unsigned', 'signed',
  'int', 'float', 'double', 'char', 'long', 'short', 'void', 'bool', 'auto', 'struct', 'union', 'enum', 'typename', 'template',
  'asm', '__asm__', '__asm', 'alignas', 'constexpr', 'register', 'goto', 'co_await', 'co_return', 'requires',
]);
const CALL = /([A-Za-z_]\w*(?:\s*::\s*[A-Za-z_]\w*)*)\s*(?:<[^<>;{}()]*(?:<[^<>;{}()]*>[^<>;{}()]*)*>)?\s*\(/g;
const MAX_SIGNATURE = 240;

/** 53-bit string hash (cyrb53), as 14 hex digits: stable across runs and platforms. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The parenthesised list starting at `open` (a `(`), or undefined when it does not close. */
function balancedParens(text: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 4000; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return undefined;
}

/** What the effort model reads from a kernel's text: its project calls, a hash of its body's code, its parameters. */
function kernelShape(ctx: Context, name: string, header: string, bodyOpen: number, bodyEnd: number): Pick<KernelFact, 'calls' | 'hash' | 'signature'> {
  const body = ctx.text.slice(bodyOpen, bodyEnd);
  const code = codeSpans(body).map(([s, e]) => body.slice(s, e)).join(' ').replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
  const calls = new Set<string>();
  const short = name.slice(name.lastIndexOf('::') + 1).replace(/^:/, '');
  CALL.lastIndex = 0;
  for (let m = CALL.exec(code); m; m = CALL.exec(code)) {
    const called = stripSpaces(m[1] as string).replace(/^::/, '');
    const last = called.slice(called.lastIndexOf(':') + 1);
    if (NOT_CALLS.has(last) || last === short || ctx.lexicon.names.has(called) || ctx.lexicon.names.has(last) || ctx.lexicon.deviceOnly.has(last)) continue;
    calls.add(called);
  }
  const out: Pick<KernelFact, 'calls' | 'hash' | 'signature'> = { hash: hash53(code) };
  if (calls.size) out.calls = [...calls].sort().slice(0, 64);
  const at = new RegExp(`\\b${short.replace(/[^\w]/g, '')}\\s*(?:<[^(]*>)?\\s*\\(`).exec(header);
  const params = at ? balancedParens(header, at.index + at[0].length - 1) : undefined;
  if (params) {
    const flat = params.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ');
    out.signature = flat.length > MAX_SIGNATURE ? `${flat.slice(0, MAX_SIGNATURE - 1)}…` : flat;
  }
  return out;
}

/** A kernel stamped out by a #define: one entry per macro, named after it, the macro's lines as its span. */
function macroKernel(ctx: Context, node: SyntaxNode, tok: string, start: number): void {
  const def = node.parent;
  if (!def || (def.type !== 'preproc_function_def' && def.type !== 'preproc_def')) return;
  const name = def.childForFieldName('name')?.text;
  if (!name) return;
  const line = lineOf(ctx.lines, def.startIndex) + 1;
  const existing = ctx.kernels.find((k) => k.macro && k.line === line && k.name === name);
  if (existing) {
    if (tok === '__global__') existing.qualifier = 'global';
    return;
  }
  const body = matchBody(ctx.text, start + tok.length);
  if (!body || body.close >= def.endIndex) return;
  const endLine = lineOf(ctx.lines, Math.max(def.startIndex, def.endIndex - 1)) + 1;
  ctx.deviceSpans.push({ start: def.startIndex, end: def.endIndex });
  const header = ctx.text.slice(start + tok.length, body.open);
  ctx.kernels.push({
    name, qualifier: tok === '__global__' ? 'global' : 'device', line, endLine, lines: endLine - line + 1,
    ...kernelShape(ctx, name, header, body.open, body.close + 1), macro: true,
  });
}

function collectKernels(ctx: Context, tokens: RegExpExecArray[]): void {
  const qualifiers: { start: number; tok: string; qualifier: 'global' | 'device'; marker?: string }[] = [];
  for (const m of tokens) {
    if (m[0] === '__global__' || m[0] === '__device__') qualifiers.push({ start: m.index, tok: m[0], qualifier: m[0] === '__global__' ? 'global' : 'device' });
  }
  for (const mk of ctx.markers) qualifiers.push({ start: mk.start, tok: mk.name, qualifier: mk.qualifier, marker: mk.name });
  qualifiers.sort((a, b) => a.start - b.start);
  for (const q of qualifiers) {
    const { start, tok } = q;
    let node: SyntaxNode;
    if (q.marker) {
      // The marker is blanked for the parser: ask about the token after it.
      const next = /\S/.exec(ctx.text.slice(start + tok.length, start + tok.length + 200));
      if (!next) continue;
      const at = start + tok.length + next.index;
      node = ctx.root.descendantForIndex(at, at + 1);
    } else {
      node = ctx.root.descendantForIndex(start, start + tok.length);
      if (isNonCode(node)) continue;
      if (node.type === 'preproc_arg') {
        // A kernel stamped out by a #define.
        if (codeSpans(node.text).some(([s, e]) => start - node.startIndex >= s && start - node.startIndex < e)) macroKernel(ctx, node, tok, start);
        continue;
      }
    }
    const def = enclosingDefinition(q.marker ? node : node.parent);
    let name: string;
    let spanStart: number;
    let spanEnd: number;
    let bodyOpen: number;
    if (def && def.childForFieldName('body') && def.startIndex <= start + tok.length + 200) {
      const existing = ctx.kernels.find((k) => k.line === def.startPosition.row + 1 && k.name === functionName(ctx.text, def));
      if (existing) {
        // `__host__ __device__` or `__global__ __launch_bounds__` seen twice: keep the stronger qualifier.
        if (q.qualifier === 'global') existing.qualifier = 'global';
        continue;
      }
      name = functionName(ctx.text, def);
      spanStart = def.startIndex;
      spanEnd = def.endIndex;
      bodyOpen = def.childForFieldName('body')!.startIndex;
    } else {
      // Declarations (`__device__ int x;`, prototypes) have no body; in ERROR regions and after a marker match braces in the text.
      if (!q.marker && def?.type !== 'function_definition' && !inError(ctx, start)) continue;
      const body = matchBody(ctx.text, start + tok.length);
      if (!body) continue;
      const header = ctx.text.slice(start + tok.length, body.open);
      const nm = /([A-Za-z_]\w*(?:\s*::\s*[A-Za-z_]\w*)*)\s*(?:<[^(]*>)?\s*\(/.exec(header);
      if (!nm) continue;
      name = stripSpaces(nm[1] as string);
      spanStart = start;
      spanEnd = body.close + 1;
      bodyOpen = body.open;
      if (ctx.deviceSpans.some((s) => s.start <= spanStart && s.end >= spanEnd)) continue;
    }
    addKernel(ctx, name, q.qualifier, spanStart, spanEnd, bodyOpen, q.marker);
  }
}

/** Index in `chain` of the outermost node of the qualified name the leaf belongs to. */
function qualifiedTop(chain: Frame[]): number {
  let t = 0;
  for (;;) {
    const parent = chain[t + 1];
    const node = chain[t] as Frame;
    if (!parent) return t;
    if (parent.type === 'qualified_identifier' || ((parent.type === 'template_type' || parent.type === 'template_function') && node.field === 'name')) t++;
    else return t;
  }
}

/** Is chain[t] the name being declared, and if so what kind of definition is it (or a prototype)? */
function declarationOf(ctx: Context, chain: Frame[], t: number): { kind: Definition['kind'] | 'prototype'; owner: number } | undefined {
  const top = chain[t] as Frame;
  const parent = chain[t + 1];
  if (!parent || !DECLARING_PARENTS.has(parent.type)) return undefined;
  if (TYPE_SPECIFIERS.has(parent.type) && top.field === 'name') {
    // `struct X {` or `struct X : Base {` defines X; `struct X*` only names it.
    return /^\s*(final\b\s*)?[{:]/.test(ctx.text.slice(top.end, top.end + 40)) ? { kind: 'type', owner: t + 1 } : undefined;
  }
  // `template <typename extents>`: a type parameter, visible in its template only.
  if (TYPE_PARAMETERS.has(parent.type)) return top.type === 'type_identifier' && top.field !== 'default_type' ? { kind: 'variable', owner: t + 1 } : undefined;
  if ((parent.type === 'preproc_def' || parent.type === 'preproc_function_def') && top.field === 'name') return { kind: 'macro', owner: t + 1 };
  if (parent.type === 'alias_declaration' && top.field === 'name') return { kind: 'type', owner: t + 1 };
  if (parent.type === 'namespace_definition') return { kind: 'namespace', owner: t + 1 };
  if (parent.type === 'enumerator' && top.field === 'name') return { kind: 'variable', owner: t + 1 };
  let d = t;
  let sawFunction = false;
  while (chain[d + 1] && DECLARATORS.has((chain[d + 1] as Frame).type)) {
    const next = (chain[d + 1] as Frame).type;
    // `(&y)` and `&y` hold their declarator without a field name.
    const unnamed = (chain[d] as Frame).field === null && (next === 'parenthesized_declarator' || next === 'reference_declarator');
    if ((chain[d] as Frame).field !== 'declarator' && !unnamed) return undefined;
    // `CHECK( cudaFree(p) )` without a semicolon reads as `T (f(x))`: a call in a macro, not a declaration.
    if (next === 'parenthesized_declarator' && (chain[d] as Frame).type === 'function_declarator') return undefined;
    if ((chain[d + 1] as Frame).type === 'function_declarator') sawFunction = true;
    d++;
  }
  const owner = chain[d + 1];
  // A declaration may declare several names (`int a, b;`): each is a `declarator` child.
  if (!owner || !DECLARATION_OWNERS.has(owner.type) || (chain[d] as Frame).field !== 'declarator') return undefined;
  if (owner.type === 'type_definition') return { kind: 'type', owner: d + 1 };
  if (sawFunction) {
    if (owner.type === 'function_definition') return { kind: 'function', owner: d + 1 };
    // A "prototype" inside a function body is a macro call the grammar misread (`CHECK_CUDA( cudaFree(p) )`).
    for (let k = d + 2; k < chain.length; k++) if ((chain[k] as Frame).type === 'compound_statement') return undefined;
    return { kind: 'prototype', owner: d + 1 };
  }
  return { kind: 'variable', owner: d + 1 };
}

/** Where a declared variable, parameter, member or template parameter is visible (from the chain above its owner). */
function scopeOf(ctx: Context, chain: Frame[], owner: number, declStart: number): Span {
  let inParameters = false;
  for (let k = owner; k < chain.length; k++) {
    const f = chain[k] as Frame;
    if (f.type === 'parameter_list' || f.type === 'template_parameter_list' || f.type === 'lambda_capture_specifier') inParameters = true;
    if (inParameters) {
      if (PARAMETER_OWNERS.has(f.type)) return { start: f.start, end: f.end };
      continue;
    }
    if (f.type === 'field_declaration_list') {
      // A member is visible in its whole class, before and after its declaration.
      const cls = chain[k + 1];
      return cls ? { start: cls.start, end: cls.end } : { start: f.start, end: f.end };
    }
    // A local is visible from its declaration to the end of its block.
    if (SCOPES.has(f.type)) return { start: f.type === 'template_declaration' ? f.start : declStart, end: f.end };
    if (f.type === 'translation_unit' || f.type === 'declaration_list') return { start: declStart, end: f.end };
  }
  return { start: declStart, end: ctx.text.length };
}

function roleOf(ctx: Context, chain: Frame[], t: number): Role {
  const top = chain[t] as Frame;
  const parent = chain[t + 1];
  if (parent?.type === 'call_expression' && top.field === 'function') return 'call';
  if (top.type === 'template_function') return 'call';
  if ((chain[0] as Frame).type === 'type_identifier' || top.type === 'template_type' || parent?.type === 'dependent_type') return 'type';
  // A qualified name in a type position (`wmma::fragment<…> f;`, a template argument), whichever of its
  // tokens was looked at first.
  if (top.field === 'type' || parent?.type === 'type_descriptor') return 'type';
  // sizeof(float4): the grammar cannot tell a type from an expression there; it is usually a type.
  if (parent?.type === 'parenthesized_expression' && /^(sizeof|alignof)/.test(chain[t + 2]?.type ?? '')) return 'type';
  // Handed on, not computed with: &f, an argument, an initializer, a template argument.
  if (parent?.type === 'pointer_expression' && ctx.text[parent.start] === '&') return 'reference';
  if (parent?.type === 'argument_list' || parent?.type === 'template_argument_list' || parent?.type === 'initializer_list') return 'reference';
  if (parent?.type === 'init_declarator' && top.field === 'value') return 'reference';
  return 'value';
}

/** Is `offset` inside a #define body's code (not in a string or comment of it)? Returns the macro name. */
function macroBody(ctx: Context, chain: Frame[], offset: number): string | undefined | false {
  const arg = chain[0] as Frame;
  let spans = ctx.macroCode.get(arg.start);
  if (!spans) {
    spans = codeSpans(ctx.text.slice(arg.start, arg.end));
    ctx.macroCode.set(arg.start, spans);
  }
  if (!inSpans(spans, offset - arg.start)) return false;
  const def = chain[1];
  return def ? /^#\s*define\s+(\w+)/.exec(ctx.text.slice(def.start, def.start + 300))?.[1] : undefined;
}

/**
 * What an asm statement holds: `barrier` (an empty template: a compiler barrier, `asm volatile("" ::: "memory")`),
 * `ptx` (PTX text), `other` (readable text that is not PTX: host CPU assembly) or `unknown` (built from macros).
 */
export function asmKind(text: string, end: number): 'barrier' | 'ptx' | 'other' | 'unknown' {
  const m = /^\s*(?:(?:volatile|__volatile__|__volatile|goto|inline)\s*)*\(/.exec(text.slice(end, end + 80));
  if (!m) return 'unknown';
  let i = end + m[0].length;
  let body = '';
  let strings = 0;
  for (;;) {
    const ws = /^(?:\s|\\\n|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*/.exec(text.slice(i, i + 2000));
    i += ws ? ws[0].length : 0;
    const c = text[i];
    if (c === '"' || ((c === 'L' || c === 'u' || c === 'U') && text[i + 1] === '"')) {
      if (c !== '"') i++;
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      body += text.slice(i + 1, j);
      strings++;
      i = j + 1;
      continue;
    }
    if (c === ':' || c === ')') break;
    return 'unknown'; // a macro or a stringified parameter builds the template
  }
  if (!strings) return 'unknown';
  const code = body.replace(/\\[nt]/g, ' ');
  if (!code.trim()) return 'barrier';
  return PTX_TEXT.test(code) ? 'ptx' : 'other';
}

/** Per lexicon, the answer for every token seen: most tokens (`int`, `i`, `float`) repeat thousands of times. */
const verdicts = new WeakMap<Lexicon, Map<string, boolean>>();
const VERDICT_LIMIT = 200_000; // bound the memo on huge, varied code bases

function isInteresting(lexicon: Lexicon, words: CppWords, tok: string, pattern: RegExp | undefined): boolean {
  let memo = verdicts.get(lexicon);
  if (!memo) verdicts.set(lexicon, (memo = new Map()));
  const known = memo.get(tok);
  if (known !== undefined) return known;
  const verdict =
    (lexicon.names.has(tok) || lexicon.deviceOnly.has(tok) || QUALIFIERS.has(tok) || ASM.has(tok) || (pattern !== undefined && pattern.test(tok)) ||
      (words.dialectNames !== undefined && words.dialectNames.test(tok)) || words.members.has(tok)) &&
    !(words.notCuda?.test(tok) ?? false);
  if (memo.size < VERDICT_LIMIT) memo.set(tok, verdict);
  return verdict;
}

/** Does the text right after `end` start a member access (`threadIdx.x`)? */
const memberFollows = (text: string, end: number): boolean => /^\s*\./.test(text.slice(end, end + 16));

/** Is the token inside `__attribute__((…))` (a GCC attribute such as `__noinline__`, not CUDA's qualifier)? */
function inAttribute(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 120), start);
  const at = before.lastIndexOf('__attribute__');
  if (at < 0) return false;
  let depth = 0;
  for (let i = at + 13; i < before.length; i++) {
    if (before[i] === '(') depth++;
    else if (before[i] === ')') depth--;
  }
  return depth > 0;
}

function handleAsm(ctx: Context, tok: string, start: number, end: number, macro?: string): void {
  const kind = asmKind(ctx.text, end);
  if (kind === 'barrier') return addOccurrence(ctx, 'asm("")', 'syntax', start, end, macro);
  // Host CPU assembly (x86 rounding control, rdtsc) is not a CUDA dependency; in device code or a macro it is PTX.
  if (kind === 'other' && !inDevice(ctx, start) && macro === undefined) return;
  if (kind === 'unknown' && !inDevice(ctx, start) && macro === undefined && !/^\s*(?:volatile|__volatile__)?\s*\(/.test(ctx.text.slice(end, end + 40))) return;
  addOccurrence(ctx, 'asm', 'syntax', start, end, macro);
}

function handleToken(ctx: Context, tok: string, start: number, chain: Frame[]): void {
  const end = start + tok.length;
  const leaf = chain[0];
  if (!leaf || NON_CODE.has(leaf.type)) return;

  if (leaf.type === 'preproc_arg') {
    const macro = macroBody(ctx, chain, start);
    if (macro === false) return;
    if (tok === '<<<') return addOccurrence(ctx, '<<<>>>', 'syntax', start, end, macro);
    if (ASM.has(tok)) return handleAsm(ctx, tok, start, end, macro ?? '');
    if (QUALIFIERS.has(tok)) return inAttribute(ctx.text, start) ? undefined : addOccurrence(ctx, tok, 'qualifier', start, end, macro);
    if (DIM_BUILTINS.has(tok) && !memberFollows(ctx.text, end)) return;
    const q = textQualified(ctx.text, start, end);
    if (q) addOccurrence(ctx, q.name, textRole(ctx.text, q.start, end) === 'call' ? 'call' : 'macro-body', q.start, end, macro);
    return;
  }
  if (tok === '<<<') return addOccurrence(ctx, '<<<>>>', 'syntax', start, end);
  if (ASM.has(tok)) return handleAsm(ctx, tok, start, end);
  if (QUALIFIERS.has(tok) || TARGET_QUALIFIER.test(tok)) {
    if (inAttribute(ctx.text, start)) return;
    if (tok === '__shared__') {
      const stmtStart = Math.max(ctx.text.lastIndexOf(';', start), ctx.text.lastIndexOf('{', start), ctx.text.lastIndexOf('}', start));
      if (/\bextern\b/.test(ctx.text.slice(stmtStart + 1, start))) return addOccurrence(ctx, 'extern __shared__', 'qualifier', start, end);
    }
    return addOccurrence(ctx, tok, 'qualifier', start, end);
  }
  // A builtin struct without a member is a variable of the code (`int blockDim = …`, Ascend C's scalar blockIdx).
  if (DIM_BUILTINS.has(tok) && !memberFollows(ctx.text, end)) return;
  if (ctx.markerStarts.has(start)) return addOccurrence(ctx, tok, 'token', start, end);
  if (!NAME_NODES.has(leaf.type) || leaf.start !== start) {
    // The grammar gave up here (ERROR) or the token is a keyword-like leaf: fall back to the text.
    if (leaf.type === 'ERROR' || inError(ctx, start) || leaf.type === tok) {
      const q = textQualified(ctx.text, start, end);
      if (q) addOccurrence(ctx, q.name, BUILTINS.has(tok) ? 'builtin' : textRole(ctx.text, q.start, end), q.start, end);
    }
    return;
  }
  // A namespace name the parser invented a `::` for (`DS_D_INLINE __nv_bfloat16 init()`): a type before a declarator.
  if (leaf.type === 'namespace_identifier' && !/^\s*::/.test(ctx.text.slice(end, end + 8))) {
    if (/^\s*[*&]*\s*[A-Za-z_]/.test(ctx.text.slice(end, end + 40))) addOccurrence(ctx, tok, 'type', start, end);
    return;
  }
  // `cub::` where the grammar gave up: only the last component names the use (`operator cub::KeyValuePair<…>()`).
  if (chain[1]?.type === 'ERROR' && /^\s*::/.test(ctx.text.slice(end, end + 8))) return;
  const t = qualifiedTop(chain);
  const top = chain[t] as Frame;
  if (top.type === 'namespace_identifier') return;
  // `using namespace nvcuda;`, `namespace cg = cooperative_groups;`: recorded as namespace facts, not uses.
  if (NAMESPACE_DIRECTIVES.has(chain[t + 1]?.type ?? '')) return;
  const decl = declarationOf(ctx, chain, t);
  // obj.member: a field name is only a CUDA name as part of a qualified name, or when it is being declared, or a
  // method of a CUDA-aware class called (`x.is_cuda()`).
  if (leaf.type === 'field_identifier' && chain[1]?.type !== 'qualified_identifier' && !decl) {
    const member = ctx.words.members.get(tok);
    if (member && chain[1]?.type === 'field_expression' && /^\s*\(/.test(ctx.text.slice(end, end + 8))) addOccurrence(ctx, member, 'call', start - 1, end);
    return;
  }
  if (decl?.kind === 'prototype') return;
  const written = ctx.text.slice(top.start, top.end);
  const name = qualifiedNameText(written) ?? (IDENTIFIER_PATH.test(tok) ? tok : undefined);
  if (name === undefined) return;
  const nameStart = name === tok ? start : top.start;
  const nameEnd = name === tok ? end : top.end;
  if (decl) {
    // `cudaStream_t stream` where the grammar lost the declaration (`extern template … (P&, cudaStream_t stream);`):
    // a declarator is never followed by another name, so this one is a type.
    if (decl.kind === 'variable' && /^\s*(?:[*&]\s*)*[A-Za-z_]\w*\s*[,;)=[]/.test(ctx.text.slice(nameEnd, nameEnd + 80)) && !/^\s*(?:const|volatile|override|final|noexcept)\b/.test(ctx.text.slice(nameEnd, nameEnd + 20))) {
      addOccurrence(ctx, name, 'type', nameStart, nameEnd);
      return;
    }
    const row = lineOf(ctx.lines, top.start);
    const def: Definition = { name, kind: decl.kind, line: row + 1 };
    if (ctx.conditions[row]) def.conditional = true;
    ctx.definitions.push(def);
    if (decl.kind === 'variable' && !name.includes('::')) {
      const scope: Span & { loader?: boolean } = scopeOf(ctx, chain, decl.owner, top.start);
      // `auto aclCreateTensor = GET_OP_API_FUNC(aclCreateTensor);`: a pointer to the API loaded at run time; calls
      // through it are uses of the API.
      const init = ctx.text.slice(nameEnd, nameEnd + 240);
      const stop = init.indexOf(';');
      if (new RegExp(`\\b${name}\\b`).test(stop < 0 ? init : init.slice(0, stop))) scope.loader = true;
      const list = ctx.scoped.get(name);
      if (list) list.push(scope);
      else ctx.scoped.set(name, [scope]);
    }
    return;
  }
  let role: Role = BUILTINS.has(name) ? 'builtin' : leaf.type === 'identifier' && inError(ctx, start) ? textRole(ctx.text, start, end) : roleOf(ctx, chain, t);
  // `get<0>(t)` the grammar read as comparisons: the text shows a call.
  if (role === 'value' && textRole(ctx.text, nameStart, nameEnd) === 'call') role = 'call';
  addOccurrence(ctx, name, role, nameStart, nameEnd);
}

/** Reports CUDA headers as uses; returns every included path (the match stage follows project headers). */
function collectIncludes(ctx: Context): string[] {
  const patterns = ctx.lexicon.headerPatterns;
  const dialect = ctx.words.dialectHeaders;
  const all: string[] = [];
  ctx.lines.lines.forEach((line, row) => {
    if (!line.includes('include')) return;
    const m = INCLUDE.exec(line);
    if (!m) return;
    const offset = (ctx.lines.starts[row] as number) + line.indexOf('#');
    const node = ctx.root.descendantForIndex(offset, offset + 1);
    if (isNonCode(node)) return;
    const path = (m[2] as string).trim();
    all.push(path);
    if (!patterns.some((p) => p.test(path)) && !dialect.some((p) => p.test(path))) return;
    const col = line.indexOf(path);
    addOccurrence(ctx, path, 'include', (ctx.lines.starts[row] as number) + col, (ctx.lines.starts[row] as number) + col + path.length);
  });
  return all;
}

function collectNamespaces(ctx: Context): NamespaceFacts {
  const facts: NamespaceFacts = { aliases: {}, usingNamespaces: [], usingDeclarations: {} };
  const isCode = (offset: number): boolean => !isNonCode(ctx.root.descendantForIndex(offset, offset + 1));
  const text = ctx.text;
  if (!text.includes('namespace') && !text.includes('using')) return facts;
  for (const m of text.matchAll(NS_ALIAS)) {
    if (isCode(m.index)) facts.aliases[m[1] as string] = stripSpaces(m[2] as string).replace(/^::/, '');
  }
  for (const m of text.matchAll(USING_NS)) {
    const ns = stripSpaces(m[1] as string).replace(/^::/, '');
    if (isCode(m.index) && !facts.usingNamespaces.includes(ns)) facts.usingNamespaces.push(ns);
  }
  for (const m of text.matchAll(USING_DECL)) {
    const full = stripSpaces(m[1] as string).replace(/^::/, '');
    if (isCode(m.index)) facts.usingDeclarations[full.slice(full.lastIndexOf('::') + 2)] = full;
  }
  return facts;
}

/** ERROR regions: their offsets (outermost only) and the lines they cover. */
function errorRegions(root: SyntaxNode): { spans: Span[]; lines: number[] } {
  if (!root.hasError) return { spans: [], lines: [] };
  const rows = new Set<number>();
  const spans: Span[] = [];
  for (const e of root.descendantsOfType('ERROR')) {
    for (let r = e.startPosition.row; r <= e.endPosition.row; r++) rows.add(r + 1);
    const last = spans[spans.length - 1];
    if (last && e.startIndex >= last.start && e.endIndex <= last.end) continue; // nested in the previous one
    spans.push({ start: e.startIndex, end: e.endIndex });
  }
  return { spans, lines: [...rows].sort((a, b) => a - b) };
}

/** A file's own object-like macros that stand for __device__ or __global__ (`#define HDI inline __host__ __device__`). */
function ownDeviceMacros(text: string): Map<string, 'global' | 'device'> {
  const own = new Map<string, 'global' | 'device'>();
  if (!text.includes('define')) return own;
  DEVICE_DEFINE.lastIndex = 0;
  for (let m = DEVICE_DEFINE.exec(text); m; m = DEVICE_DEFINE.exec(text)) {
    const body = (m[2] as string).replace(/\/\*.*?\*\/|\/\/.*$/g, ' ');
    if (/\b__global__\b/.test(body)) own.set(m[1] as string, 'global');
    else if (/\b__device__\b/.test(body) && !own.has(m[1] as string)) own.set(m[1] as string, 'device');
  }
  return own;
}

/** Per vocabulary, what each macro-like name stands for (the vocabulary's patterns; files' own macros come first). */
const macroVerdicts = new WeakMap<CppWords, Map<string, 'global' | 'device' | null>>();
const MACRO_LIKE = /^_*[A-Z][A-Z0-9_]*$/;

function macroVerdict(words: CppWords, own: ReadonlyMap<string, 'global' | 'device'>, name: string): 'global' | 'device' | null {
  const mine = own.get(name);
  if (mine) return mine;
  if (!MACRO_LIKE.test(name)) return null;
  let memo = macroVerdicts.get(words);
  if (!memo) macroVerdicts.set(words, (memo = new Map()));
  let q = memo.get(name);
  if (q === undefined) {
    q = words.kernelMacro?.test(name) ? 'global' : words.deviceMacro?.test(name) ? 'device' : null;
    if (memo.size < VERDICT_LIMIT) memo.set(name, q);
  }
  return q;
}

/** Is the macro at [start, end) where a declaration starts, and followed by the rest of it? */
function isMarkerPosition(text: string, start: number, end: number): boolean {
  if (!/^\s+[A-Za-z_~]/.test(text.slice(end, end + 40))) return false;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const before = text.slice(lineStart, start);
  return !before.trimStart().startsWith('#') && DECLARATION_START.test(before);
}

/** The text the parser reads: target qualifiers and device macros blanked (same offsets). */
function parseTextOf(text: string, markers: readonly Marker[]): string {
  let out = text.includes('__') ? text.replace(TARGET_QUALIFIERS, (m) => ' '.repeat(m.length)) : text;
  if (markers.length) {
    const parts: string[] = [];
    let at = 0;
    for (const mk of markers) {
      parts.push(out.slice(at, mk.start), ' '.repeat(mk.end - mk.start));
      at = mk.end;
    }
    parts.push(out.slice(at));
    out = parts.join('');
  }
  return out;
}

/**
 * Classes and structs the project defines inside a CUDA library's namespace (`namespace cutlass { namespace epilogue {
 * class MyEpilogue {…} } }`): the project's own, recorded with their qualified names. A text scan, run only when the
 * file opens such a namespace.
 */
function namespacedDefinitions(ctx: Context): void {
  const text = ctx.text;
  if (!/\bnamespace\s+\w/.test(text)) return;
  const opens = [...text.matchAll(/\bnamespace\s+(\w+)/g)].some((m) => ctx.lexicon.names.has(m[1] as string));
  if (!opens) return;
  const stack: { name: string; depth: number }[] = [];
  let depth = 0;
  const re = /\bnamespace\s+([\w:]+)\s*\{|\b(?:class|struct)\s+(?:alignas\s*\([^)]*\)\s*|__align__\s*\([^)]*\)\s*)?(\w+)\s*(?:final\s*)?(?=[:{])|[{}]/g;
  for (const [s, e] of codeSpans(text)) {
    const span = text.slice(s, e);
    re.lastIndex = 0;
    for (let m = re.exec(span); m; m = re.exec(span)) {
      if (m[1]) {
        stack.push({ name: m[1], depth });
        depth++;
      } else if (m[2]) {
        if (!stack.length || !ctx.lexicon.names.has((stack[0] as { name: string }).name.split('::')[0] as string)) continue;
        const name = [...stack.map((f) => f.name), m[2]].join('::');
        ctx.definitions.push({ name, kind: 'type', line: lineOf(ctx.lines, s + m.index) + 1 });
      } else if (m[0] === '{') depth++;
      else if (m[0] === '}') {
        depth = Math.max(0, depth - 1);
        while (stack.length && (stack[stack.length - 1] as { depth: number }).depth >= depth) stack.pop();
      }
    }
  }
}

/**
 * A file that declares this many CUDA API names as variables of its own at file level is a dynamic-loading shim
 * (`tcuInit *cuInit;` in cuda_drvapi_dynlink.c): those variables are CUDA's API, loaded by hand, and stay uses.
 */
const MIRROR_VARIABLES = 20;

/** Drop uses of names the code declares where the declaration is visible (`float max = …; x == max`). */
function visibleUses(ctx: Context): Occurrence[] {
  const out: Occurrence[] = [];
  if (ctx.scoped.size >= MIRROR_VARIABLES) {
    const fileLevel = [...ctx.scoped].filter(([name, spans]) => ctx.lexicon.names.has(name) && spans.some((s) => s.end === ctx.text.length));
    if (fileLevel.length >= MIRROR_VARIABLES) for (const [name, spans] of fileLevel) ctx.scoped.set(name, spans.filter((s) => s.end !== ctx.text.length));
  }
  for (const { occ, start } of ctx.pending) {
    const spans = ctx.scoped.size ? ctx.scoped.get(occ.name) : undefined;
    if (spans && occ.role !== 'include' && occ.role !== 'qualifier' && occ.role !== 'syntax' && spans.some((s) => start >= s.start && start < s.end && !(s.loader && occ.role === 'call'))) continue;
    out.push(occ);
  }
  return out;
}

/**
 * Extract facts from one file's text. Pure apart from the parser object it is given,
 * which the caller owns (one per thread).
 */
export function extractFacts(parser: Parser, path: string, language: Language, text: string, lexicon: Lexicon): FileFacts {
  const words = cppWords(lexicon.vocabulary);
  // One pass over the tokens: those worth asking the tree about, and the macros that mark device code.
  const pattern = combinedPattern(lexicon.identifierPatterns);
  const own = ownDeviceMacros(text);
  const tokens: RegExpExecArray[] = [];
  const markers: Marker[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const tok = m[0];
    if (tok === '<<<' || isInteresting(lexicon, words, tok, pattern)) tokens.push(m);
    const c = tok.charCodeAt(0);
    if ((c === 95 || (c >= 65 && c <= 90) || own.size) && tok !== '<<<') {
      const q = macroVerdict(words, own, tok);
      if (q && isMarkerPosition(text, m.index, m.index + tok.length)) markers.push({ start: m.index, end: m.index + tok.length, name: tok, qualifier: q });
    }
  }
  const tree = parseText(parser, parseTextOf(text, markers));
  const lines = indexLines(text);
  const errors = errorRegions(tree.rootNode);
  const pre = preprocessorContext(lines.lines, words.platformOf);
  const ctx: Context = {
    text,
    root: tree.rootNode,
    lines,
    conditions: pre.conditions,
    platforms: pre.platforms,
    lexicon,
    words,
    markers,
    markerStarts: new Set(markers.map((m) => m.start)),
    scoped: new Map(),
    deviceSpans: [],
    pending: [],
    definitions: [],
    kernels: [],
    seen: new Map(),
    macroCode: new Map(),
    errorSpans: errors.spans,
  };
  collectKernels(ctx, tokens);
  const wanted = tokens.filter((m) => !(lexicon.deviceOnly.has(m[0]) && !lexicon.names.has(m[0]) && !inDevice(ctx, m.index)));
  const chains = locateTokens(tree, wanted.map((m) => m.index));
  wanted.forEach((m, i) => handleToken(ctx, m[0], m.index, chains[i] as Frame[]));
  const includes = collectIncludes(ctx);
  namespacedDefinitions(ctx);
  const occurrences = visibleUses(ctx);
  const facts: FileFacts = {
    path,
    language,
    lines: lines.lines.length,
    includes,
    occurrences: occurrences.sort((a, b) => a.line - b.line || a.column - b.column || byCodePoint(a.name, b.name)),
    definitions: ctx.definitions,
    kernels: ctx.kernels.sort((a, b) => a.line - b.line),
    namespaces: collectNamespaces(ctx),
    parseErrorLines: errors.lines,
  };
  if (text.includes('ascendify-ignore')) facts.suppressions = findSuppressions(text);
  return facts;
}
