/**
 * Parse stage entry: (path, text) -> FileFacts.
 *
 * The extractor does not walk the whole syntax tree. It scans the text for tokens the
 * lexicon cares about (catalog and inventory names, CUDA-looking names, language keywords,
 * `<<<`), then asks the tree only about those tokens: is it code or a comment/string, what
 * qualified name does it belong to, is it a call, a type or a definition, is it in device code.
 * Tokens inside ERROR regions still count (recall must not drop where the grammar gives up);
 * their role is guessed from the text.
 */
import type Parser from 'tree-sitter';
import type { Definition, FileFacts, KernelFact, Language, Lexicon, NamespaceFacts, Occurrence, Role } from '../model/index.js';
import { codeSpans, inSpans, matchBody } from './c-lexer.js';
import { parseText, type SyntaxNode } from './cuda-parser.js';
import { locateTokens, type Frame } from './locate.js';
import { conditionsByLine } from './preprocessor.js';
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
const ASM = new Set(['asm', '__asm__', '__asm']);
/**
 * Qualifiers of the target kernel languages (Ascend C, BANG C) that the CUDA grammar does not know: they are
 * blanked for the parser only (so `__global__ __aicore__ void k(...)` parses) and reported as qualifiers.
 */
const TARGET_QUALIFIERS = /\b(?:__aicore__|__gm__|__ubuf__|__mlu_(?:global|entry|func|device|host|shared|const)__|__(?:nram|wram|ldram)__)\b/g;
const TARGET_QUALIFIER = new RegExp(`^${TARGET_QUALIFIERS.source.replaceAll('\\b', '')}$`);
const DECLARATORS = new Set([
  'function_declarator', 'pointer_declarator', 'reference_declarator', 'array_declarator',
  'parenthesized_declarator', 'init_declarator', 'attributed_declarator',
]);
const DECLARATION_OWNERS = new Set([
  'function_definition', 'declaration', 'field_declaration', 'parameter_declaration',
  'optional_parameter_declaration', 'type_definition',
]);
const TYPE_SPECIFIERS = new Set(['struct_specifier', 'class_specifier', 'union_specifier', 'enum_specifier']);
const NAMESPACE_DIRECTIVES = new Set(['using_declaration', 'namespace_alias_definition', 'namespace_definition', 'nested_namespace_specifier']);
const NAME_NODES = new Set(['identifier', 'type_identifier', 'namespace_identifier', 'field_identifier']);

const TOKEN = /<<<|[A-Za-z_][A-Za-z0-9_]*/g;
const INCLUDE = /^\s*#\s*include\s*([<"])([^>"\n]+)[>"]/;
const NS_ALIAS = /\bnamespace\s+(\w+)\s*=\s*((?:::\s*)?\w+(?:\s*::\s*\w+)*)\s*;/g;
const USING_NS = /\busing\s+namespace\s+((?:::\s*)?\w+(?:\s*::\s*\w+)*)\s*;/g;
const USING_DECL = /\busing\s+((?:::\s*)?\w+(?:\s*::\s*\w+)+)\s*;/g;

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

interface Context {
  text: string;
  root: SyntaxNode;
  lines: LineIndex;
  conditions: (string | undefined)[];
  lexicon: Lexicon;
  deviceSpans: Span[];
  occurrences: Occurrence[];
  definitions: Definition[];
  kernels: KernelFact[];
  seen: Set<string>;
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

function addOccurrence(ctx: Context, name: string, role: Role, start: number, end: number, macro?: string): void {
  const key = `${start}:${end}:${name}`;
  if (ctx.seen.has(key)) return;
  ctx.seen.add(key);
  const occ = occurrenceAt(ctx.lines, name, role, start, end, inDevice(ctx, start));
  const condition = ctx.conditions[occ.line - 1];
  if (condition) occ.condition = condition;
  if (macro) occ.macro = macro;
  ctx.occurrences.push(occ);
}

/** The qualified name a node stands for, template arguments dropped: cub::BlockReduce::TempStorage. */
function qualifiedName(node: SyntaxNode): string {
  switch (node.type) {
    case 'qualified_identifier': {
      const scope = node.childForFieldName('scope');
      const name = node.childForFieldName('name');
      const left = scope ? qualifiedName(scope) : '';
      return name ? `${left}::${qualifiedName(name)}` : left;
    }
    case 'template_type':
    case 'template_function':
    case 'template_method': {
      const name = node.childForFieldName('name');
      return name ? qualifiedName(name) : stripSpaces(node.text);
    }
    default:
      return stripSpaces(node.text);
  }
}

const DECLARING_PARENTS = new Set([...DECLARATORS, ...DECLARATION_OWNERS, ...TYPE_SPECIFIERS, 'preproc_def', 'preproc_function_def', 'alias_declaration', 'namespace_definition', 'enumerator']);

/** Role guessed from the text after a token, where the tree cannot tell. */
function textRole(text: string, end: number): Role {
  const rest = text.slice(end, end + 40);
  if (/^\s*\(/.test(rest)) return 'call';
  return 'token';
}

/** Extend a token left over `a::b::` qualifiers written in plain text (macro bodies, ERROR regions). */
function textQualified(text: string, start: number, end: number): { name: string; start: number } | undefined {
  if (/^\s*::/.test(text.slice(end, end + 8))) return undefined; // not the last component
  const before = text.slice(Math.max(0, start - 200), start);
  const m = /((?:\w+\s*::\s*)+|::\s*)$/.exec(before);
  const head = m ? (m[1] as string) : '';
  const name = stripSpaces(head + text.slice(start, end)).replace(/^::/, '');
  return { name, start: start - head.length };
}

/** The name of a function definition's declarator (qualified, operator and template names included). */
function functionName(def: SyntaxNode): string {
  let d: SyntaxNode | null = def.childForFieldName('declarator');
  while (d && DECLARATORS.has(d.type)) d = d.childForFieldName('declarator');
  return d ? qualifiedName(d) : '(anonymous)';
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
  for (const m of tokens) {
    const tok = m[0];
    if (tok !== '__global__' && tok !== '__device__') continue;
    const start = m.index;
    const node = ctx.root.descendantForIndex(start, start + tok.length);
    if (isNonCode(node)) continue;
    if (node.type === 'preproc_arg') {
      if (codeSpans(node.text).some(([s, e]) => start - node.startIndex >= s && start - node.startIndex < e)) macroKernel(ctx, node, tok, start);
      continue;
    }
    let def: SyntaxNode | null = node.parent;
    for (let k = 0; def && k < 3 && def.type !== 'function_definition'; k++) def = def.parent;
    let name: string;
    let spanStart: number;
    let spanEnd: number;
    let bodyOpen: number;
    if (def?.type === 'function_definition' && def.childForFieldName('body')) {
      if (ctx.kernels.some((k) => k.line === def!.startPosition.row + 1 && k.name === functionName(def!))) {
        // `__host__ __device__` or `__global__ __launch_bounds__` seen twice: keep the stronger qualifier.
        const existing = ctx.kernels.find((k) => k.line === def!.startPosition.row + 1 && k.name === functionName(def!));
        if (existing && tok === '__global__') existing.qualifier = 'global';
        continue;
      }
      name = functionName(def);
      spanStart = def.startIndex;
      spanEnd = def.endIndex;
      bodyOpen = def.childForFieldName('body')!.startIndex;
    } else {
      // Declarations (`__device__ int x;`, prototypes) have no body; in ERROR regions match braces in the text.
      if (def?.type !== 'function_definition' && !inError(ctx, start)) continue;
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
    const line = lineOf(ctx.lines, spanStart) + 1;
    const endLine = lineOf(ctx.lines, Math.max(spanStart, spanEnd - 1)) + 1;
    ctx.deviceSpans.push({ start: spanStart, end: spanEnd });
    ctx.kernels.push({
      name, qualifier: tok === '__global__' ? 'global' : 'device', line, endLine, lines: endLine - line + 1,
      ...kernelShape(ctx, name, ctx.text.slice(spanStart, bodyOpen), bodyOpen, spanEnd),
    });
  }
}

/** Drops template argument lists and spaces: `cub::BlockReduce<float, 256>::TempStorage` -> `cub::BlockReduce::TempStorage`. */
function qualifiedNameText(text: string): string {
  let out = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '<') depth++;
    else if (ch === '>') depth = Math.max(0, depth - 1);
    else if (depth === 0 && ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') out += ch;
  }
  return out.replace(/^::/, '');
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
function declarationOf(ctx: Context, chain: Frame[], t: number): Definition['kind'] | 'prototype' | undefined {
  const top = chain[t] as Frame;
  const parent = chain[t + 1];
  if (!parent || !DECLARING_PARENTS.has(parent.type)) return undefined;
  if (TYPE_SPECIFIERS.has(parent.type) && top.field === 'name') {
    // `struct X {` or `struct X : Base {` defines X; `struct X*` only names it.
    return /^\s*(final\b\s*)?[{:]/.test(ctx.text.slice(top.end, top.end + 40)) ? 'type' : undefined;
  }
  if ((parent.type === 'preproc_def' || parent.type === 'preproc_function_def') && top.field === 'name') return 'macro';
  if (parent.type === 'alias_declaration' && top.field === 'name') return 'type';
  if (parent.type === 'namespace_definition') return 'namespace';
  if (parent.type === 'enumerator' && top.field === 'name') return 'variable';
  let d = t;
  let sawFunction = false;
  while (chain[d + 1] && DECLARATORS.has((chain[d + 1] as Frame).type)) {
    if ((chain[d] as Frame).field !== 'declarator') return undefined;
    if ((chain[d + 1] as Frame).type === 'function_declarator') sawFunction = true;
    d++;
  }
  const owner = chain[d + 1];
  // A declaration may declare several names (`int a, b;`): each is a `declarator` child.
  if (!owner || !DECLARATION_OWNERS.has(owner.type) || (chain[d] as Frame).field !== 'declarator') return undefined;
  if (owner.type === 'type_definition') return 'type';
  if (sawFunction) return owner.type === 'function_definition' ? 'function' : 'prototype';
  return 'variable';
}

function roleOf(chain: Frame[], t: number): Role {
  const top = chain[t] as Frame;
  const parent = chain[t + 1];
  if (parent?.type === 'call_expression' && top.field === 'function') return 'call';
  if (top.type === 'template_function') return 'call';
  if ((chain[0] as Frame).type === 'type_identifier' || top.type === 'template_type') return 'type';
  // A qualified name in a type position (`wmma::fragment<…> f;`, a template argument), whichever of its
  // tokens was looked at first.
  if (top.field === 'type' || parent?.type === 'type_descriptor') return 'type';
  // sizeof(float4): the grammar cannot tell a type from an expression there; it is usually a type.
  if (parent?.type === 'parenthesized_expression' && /^(sizeof|alignof)/.test(chain[t + 2]?.type ?? '')) return 'type';
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

/** Per lexicon, the answer for every token seen: most tokens (`int`, `i`, `float`) repeat thousands of times. */
const verdicts = new WeakMap<Lexicon, Map<string, boolean>>();
const VERDICT_LIMIT = 200_000; // bound the memo on huge, varied code bases

function isInteresting(lexicon: Lexicon, tok: string, pattern: RegExp | undefined): boolean {
  let memo = verdicts.get(lexicon);
  if (!memo) verdicts.set(lexicon, (memo = new Map()));
  const known = memo.get(tok);
  if (known !== undefined) return known;
  const verdict = lexicon.names.has(tok) || lexicon.deviceOnly.has(tok) || QUALIFIERS.has(tok) || ASM.has(tok) || (pattern !== undefined && pattern.test(tok));
  if (memo.size < VERDICT_LIMIT) memo.set(tok, verdict);
  return verdict;
}

function handleToken(ctx: Context, tok: string, start: number, chain: Frame[]): void {
  const end = start + tok.length;
  const leaf = chain[0];
  if (!leaf || NON_CODE.has(leaf.type)) return;

  if (leaf.type === 'preproc_arg') {
    const macro = macroBody(ctx, chain, start);
    if (macro === false) return;
    if (tok === '<<<') return addOccurrence(ctx, '<<<>>>', 'syntax', start, end, macro);
    if (ASM.has(tok)) return addOccurrence(ctx, 'asm', 'syntax', start, end, macro);
    if (QUALIFIERS.has(tok)) return addOccurrence(ctx, tok, 'qualifier', start, end, macro);
    const q = textQualified(ctx.text, start, end);
    if (q) addOccurrence(ctx, q.name, 'macro-body', q.start, end, macro);
    return;
  }
  if (tok === '<<<') return addOccurrence(ctx, '<<<>>>', 'syntax', start, end);
  if (ASM.has(tok)) return addOccurrence(ctx, 'asm', 'syntax', start, end);
  if (QUALIFIERS.has(tok) || TARGET_QUALIFIER.test(tok)) {
    if (tok === '__shared__') {
      const stmtStart = Math.max(ctx.text.lastIndexOf(';', start), ctx.text.lastIndexOf('{', start), ctx.text.lastIndexOf('}', start));
      if (/\bextern\b/.test(ctx.text.slice(stmtStart + 1, start))) return addOccurrence(ctx, 'extern __shared__', 'qualifier', start, end);
    }
    return addOccurrence(ctx, tok, 'qualifier', start, end);
  }
  if (!NAME_NODES.has(leaf.type) || leaf.start !== start) {
    // The grammar gave up here (ERROR) or the token is a keyword-like leaf: fall back to the text.
    if (leaf.type === 'ERROR' || inError(ctx, start) || leaf.type === tok) {
      const q = textQualified(ctx.text, start, end);
      if (q) addOccurrence(ctx, q.name, BUILTINS.has(tok) ? 'builtin' : textRole(ctx.text, end), q.start, end);
    }
    return;
  }
  // obj.member: a field name is only a CUDA name as part of a qualified name.
  if (leaf.type === 'field_identifier' && chain[1]?.type !== 'qualified_identifier') return;
  const t = qualifiedTop(chain);
  const top = chain[t] as Frame;
  if (top.type === 'namespace_identifier') return;
  // `using namespace nvcuda;`, `namespace cg = cooperative_groups;`: recorded as namespace facts, not uses.
  if (NAMESPACE_DIRECTIVES.has(chain[t + 1]?.type ?? '')) return;
  const decl = declarationOf(ctx, chain, t);
  if (decl === 'prototype') return;
  const name = qualifiedNameText(ctx.text.slice(top.start, top.end));
  if (decl) {
    const row = lineOf(ctx.lines, top.start);
    const def: Definition = { name, kind: decl, line: row + 1 };
    if (ctx.conditions[row]) def.conditional = true;
    ctx.definitions.push(def);
    return;
  }
  const role: Role = BUILTINS.has(name) ? 'builtin' : leaf.type === 'identifier' && inError(ctx, start) ? textRole(ctx.text, end) : roleOf(chain, t);
  addOccurrence(ctx, name, role, top.start, top.end);
}

/** Reports CUDA headers as uses; returns every included path (the match stage follows project headers). */
function collectIncludes(ctx: Context): string[] {
  const patterns = ctx.lexicon.headerPatterns;
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
    if (!patterns.some((p) => p.test(path))) return;
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

/**
 * Extract facts from one file's text. Pure apart from the parser object it is given,
 * which the caller owns (one per thread).
 */
export function extractFacts(parser: Parser, path: string, language: Language, text: string, lexicon: Lexicon): FileFacts {
  const tree = parseText(parser, text.includes('__') ? text.replace(TARGET_QUALIFIERS, (m) => ' '.repeat(m.length)) : text);
  const lines = indexLines(text);
  const errors = errorRegions(tree.rootNode);
  const ctx: Context = {
    text,
    root: tree.rootNode,
    lines,
    conditions: conditionsByLine(lines.lines),
    lexicon,
    deviceSpans: [],
    occurrences: [],
    definitions: [],
    kernels: [],
    seen: new Set(),
    macroCode: new Map(),
    errorSpans: errors.spans,
  };
  const pattern = combinedPattern(lexicon.identifierPatterns);
  const tokens: RegExpExecArray[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m[0] === '<<<' || isInteresting(lexicon, m[0], pattern)) tokens.push(m);
  }
  collectKernels(ctx, tokens);
  const wanted = tokens.filter((m) => !(lexicon.deviceOnly.has(m[0]) && !lexicon.names.has(m[0]) && !inDevice(ctx, m.index)));
  const chains = locateTokens(tree, wanted.map((m) => m.index));
  wanted.forEach((m, i) => handleToken(ctx, m[0], m.index, chains[i] as Frame[]));
  const includes = collectIncludes(ctx);
  const facts: FileFacts = {
    path,
    language,
    lines: lines.lines.length,
    includes,
    occurrences: ctx.occurrences.sort((a, b) => a.line - b.line || a.column - b.column || byCodePoint(a.name, b.name)),
    definitions: ctx.definitions,
    kernels: ctx.kernels.sort((a, b) => a.line - b.line),
    namespaces: collectNamespaces(ctx),
    parseErrorLines: errors.lines,
  };
  if (text.includes('ascendify-ignore')) facts.suppressions = findSuppressions(text);
  return facts;
}
