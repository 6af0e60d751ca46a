/**
 * CMake front end: (path, text) -> FileFacts for CMakeLists.txt and *.cmake.
 *
 * No maintained tree-sitter grammar for CMake is published on npm, so `tokenizeCMake` reads the
 * language's command syntax itself: command invocations `name(args)`, bracket arguments
 * `[=[...]=]`, quoted arguments with escapes and line continuations, unquoted arguments
 * (nested parentheses included), line comments `#` and bracket comments `#[[...]]`.
 * The detector then looks only at code: command names and arguments, never comments.
 * Symbols: docs/build-and-python.md.
 */
import type { FileFacts, Language, Suppression } from '../model/index.js';
import type { VocabularyFile } from '../model/generated/vocabulary.js';
import { buildWords, linkFlags, nvccFlags, OccurrenceSink, suppressionsIn, type BuildWords } from './build-common.js';
import { lineOf } from './source-text.js';

export interface CMakeArgument {
  /** The argument's value: quoted arguments unescaped, unquoted ones as written (escapes kept). */
  value: string;
  kind: 'quoted' | 'unquoted' | 'bracket';
  /** Offset of the value's first character in the file text (after the opening quote or bracket). */
  start: number;
  end: number;
}

export interface CMakeCommand {
  /** As written; CMake command names are case-insensitive. */
  name: string;
  start: number;
  end: number;
  args: CMakeArgument[];
}

export interface CMakeComment {
  text: string;
  start: number;
}

export interface CMakeTokens {
  commands: CMakeCommand[];
  comments: CMakeComment[];
  /** Offsets where the text does not follow the grammar (an unclosed argument or a stray character). */
  errors: number[];
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const BRACKET_OPEN = /\[(=*)\[/y;

/** `[==[` at `at`: the index after the opening bracket and the closing text, or undefined. */
function bracketOpen(text: string, at: number): { after: number; close: string } | undefined {
  BRACKET_OPEN.lastIndex = at;
  const m = BRACKET_OPEN.exec(text);
  return m ? { after: at + m[0].length, close: `]${m[1] as string}]` } : undefined;
}

/** Unescape a quoted argument: `\"` -> `"`, `\\` -> `\`, `\n`/`\t` escapes, and `\`-newline continuations removed. */
function unquote(raw: string): string {
  return raw.replace(/\\(\r?\n|.)/g, (_, c: string) => (c === '\n' || c === '\r\n' ? '' : c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === ';' ? '\\;' : c));
}

/** Split CMake text into command invocations and comments. Never throws: bad regions are recorded in `errors`. */
export function tokenizeCMake(text: string): CMakeTokens {
  const commands: CMakeCommand[] = [];
  const comments: CMakeComment[] = [];
  const errors: number[] = [];
  const n = text.length;
  let i = 0;

  /** A comment at `i` (text[i] === '#'): returns the index after it. */
  const comment = (at: number): number => {
    const br = bracketOpen(text, at + 1);
    if (br) {
      const close = text.indexOf(br.close, br.after);
      const end = close < 0 ? n : close + br.close.length;
      if (close < 0) errors.push(at);
      comments.push({ text: text.slice(br.after, close < 0 ? n : close), start: br.after });
      return end;
    }
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? n : nl;
    comments.push({ text: text.slice(at + 1, end), start: at + 1 });
    return end;
  };

  while (i < n) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#') {
      i = comment(i);
      continue;
    }
    IDENT.lastIndex = i;
    const id = IDENT.exec(text);
    if (!id) {
      errors.push(i);
      // Skip to the next line: a stray character outside any command.
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
      continue;
    }
    const nameEnd = i + id[0].length;
    let j = nameEnd;
    while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text[j] !== '(') {
      errors.push(i);
      i = nameEnd;
      continue;
    }
    const command: CMakeCommand = { name: id[0], start: i, end: j, args: [] };
    j++;
    let depth = 1;
    while (j < n && depth > 0) {
      const ch = text[j] as string;
      if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
        j++;
      } else if (ch === '#') {
        j = comment(j);
      } else if (ch === '(') {
        depth++;
        j++;
      } else if (ch === ')') {
        depth--;
        j++;
      } else if (ch === '"') {
        let k = j + 1;
        while (k < n && text[k] !== '"') k += text[k] === '\\' ? 2 : 1;
        if (k >= n) errors.push(j);
        command.args.push({ value: unquote(text.slice(j + 1, Math.min(k, n))), kind: 'quoted', start: j + 1, end: Math.min(k, n) });
        j = Math.min(k + 1, n);
      } else {
        const br = ch === '[' ? bracketOpen(text, j) : undefined;
        if (br) {
          const close = text.indexOf(br.close, br.after);
          if (close < 0) errors.push(j);
          const end = close < 0 ? n : close;
          command.args.push({ value: text.slice(br.after, end), kind: 'bracket', start: br.after, end });
          j = close < 0 ? n : close + br.close.length;
          continue;
        }
        // Unquoted argument: up to whitespace, a parenthesis, '#' or a quote; `\x` escapes one character.
        let k = j;
        while (k < n) {
          const d = text[k] as string;
          if (d === '\\') {
            k += 2;
            continue;
          }
          if (d === ' ' || d === '\t' || d === '\r' || d === '\n' || d === '(' || d === ')' || d === '#') break;
          if (d === '"' && k > j) {
            // Legacy `-DX="y z"`: a quote inside an unquoted argument runs to the next quote.
            const q = text.indexOf('"', k + 1);
            k = q < 0 ? n : q + 1;
            continue;
          }
          if (d === '"') break;
          k++;
        }
        command.args.push({ value: text.slice(j, k), kind: 'unquoted', start: j, end: k });
        j = k;
      }
    }
    if (depth > 0) errors.push(command.start);
    command.end = j;
    commands.push(command);
    i = j;
  }
  return { commands, comments, errors };
}

/** CMake commands whose arguments list source files and link libraries (CMake's own vocabulary, not CUDA's). */
const SOURCE_COMMANDS = new Set([
  'add_library', 'add_executable', 'target_sources', 'set_source_files_properties', 'file', 'set', 'list', 'cuda_add_library',
  'cuda_add_executable', 'cuda_compile', 'cuda_compile_ptx', 'cuda_wrap_srcs',
]);
const LINK_COMMANDS = new Set(['target_link_libraries', 'link_libraries', 'cuda_add_library', 'cuda_add_executable']);

const VAR_REF = /\$(?:ENV|CACHE)?\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const IMPORTED_TARGET = /(?<![\w:])CUDA::[A-Za-z_][\w-]*/g;
const LANGUAGE_GENEX = /\$<(?:COMPILE|LINK)_LANG(?:UAGE|_AND_ID):CUDA\b[^>]*>?/g;
const CU_SOURCE = /\.cu$/i;

function isCudaVariable(name: string, words: BuildWords): boolean {
  return words.cmake.variables.has(name) || words.cmake.variablePatterns.some((p) => p.test(name));
}

/** Does a command set or append to a CUDA flags variable (its first argument)? Its values are then an nvcc context. */
function setsCudaFlags(name: string, args: CMakeArgument[], words: BuildWords): boolean {
  const first = name === 'list' || name === 'string' ? args[1]?.value : args[0]?.value;
  return (name === 'set' || name === 'list' || name === 'string') && first !== undefined && words.cmake.flagVariable.test(first);
}

function scanCommand(sink: OccurrenceSink, cmd: CMakeCommand, words: BuildWords): void {
  const name = cmd.name.toLowerCase();
  const args = cmd.args;
  const values = args.map((a) => a.value);

  if (name === 'enable_language' && values.includes('CUDA')) {
    sink.add('enable_language(CUDA)', 'call', cmd.start, cmd.start + cmd.name.length);
  }
  if (name === 'project') {
    const cuda = args.find((a, i) => i > 0 && a.value === 'CUDA');
    if (cuda) sink.add('project(LANGUAGES CUDA)', 'call', cuda.start, cuda.end);
  }
  if (name === 'find_package' && args[0]) {
    const pkg = words.cmake.packages.get(args[0].value.toUpperCase());
    if (pkg) sink.add(`find_package(${pkg})`, 'call', args[0].start, args[0].end);
  }
  if (words.cmake.commands.has(name)) sink.add(name, 'call', cmd.start, cmd.start + cmd.name.length);

  const nvccContext = setsCudaFlags(name, args, words) || name === 'cuda_add_library' || name === 'cuda_add_executable';
  args.forEach((arg, index) => {
    const v = arg.value;
    if (arg.kind !== 'bracket') {
      // Variable names as arguments (set(CMAKE_CUDA_ARCHITECTURES ...), PROPERTIES CUDA_ARCHITECTURES) and ${references}.
      if (arg.kind === 'unquoted' && isCudaVariable(v, words)) sink.add(v, 'value', arg.start, arg.end);
      VAR_REF.lastIndex = 0;
      for (let m = VAR_REF.exec(v); m; m = VAR_REF.exec(v)) {
        const ref = m[1] as string;
        if (isCudaVariable(ref, words)) sink.add(ref, 'value', arg.start + m.index, arg.start + m.index + m[0].length);
      }
    }
    IMPORTED_TARGET.lastIndex = 0;
    for (let m = IMPORTED_TARGET.exec(v); m; m = IMPORTED_TARGET.exec(v)) sink.add(m[0], 'value', arg.start + m.index, arg.start + m.index + m[0].length);
    LANGUAGE_GENEX.lastIndex = 0;
    for (let m = LANGUAGE_GENEX.exec(v); m; m = LANGUAGE_GENEX.exec(v)) sink.add('$<COMPILE_LANGUAGE:CUDA>', 'value', arg.start + m.index, arg.start + m.index + m[0].length);
    if ((v === 'LANGUAGE' || v === 'LINKER_LANGUAGE') && args[index + 1]?.value === 'CUDA') {
      sink.add('LANGUAGE CUDA', 'value', arg.start, (args[index + 1] as CMakeArgument).end);
    }
    const inGenex = /\$<\$<COMPILE_LANG(?:UAGE|_AND_ID):CUDA/.test(v);
    for (const hit of nvccFlags(v, nvccContext || inGenex, words)) sink.add(hit.symbol, 'value', arg.start + hit.start, arg.start + hit.end);
    for (const hit of linkFlags(v, words)) sink.add(hit.symbol, 'value', arg.start + hit.start, arg.start + hit.end);
    if (LINK_COMMANDS.has(name) && index > 0 && words.libraries.has(v)) sink.add(`-l${v}`, 'value', arg.start, arg.end);
    if (SOURCE_COMMANDS.has(name) && CU_SOURCE.test(v)) sink.add('.cu', 'value', arg.start, arg.end);
  });
}

/** Facts of one CMake file, with the vocabulary of rules/vocabulary.yaml. */
export function extractCMakeFacts(path: string, language: Language, text: string, vocabulary: VocabularyFile): FileFacts {
  const words = buildWords(vocabulary);
  const sink = new OccurrenceSink(text);
  const tokens = tokenizeCMake(text);
  for (const cmd of tokens.commands) scanCommand(sink, cmd, words);
  const suppressions: Suppression[] = [];
  for (const c of tokens.comments) {
    if (c.text.includes('ascendify-ignore')) {
      // Alone on its line(s): only blanks and the comment's opening (`#`, `#[[`) before it, only its close after.
      const end = c.start + c.text.length;
      const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
      const lineEnd = text.indexOf('\n', end);
      const alone = /^\s*#(?:\[=*\[)?$/.test(text.slice(lineStart, c.start)) && /^(?:\]=*\])?\s*$/.test(text.slice(end, lineEnd < 0 ? text.length : lineEnd));
      const last = lineOf(sink.lines, Math.max(c.start, end - 1)) + 1;
      suppressions.push(...suppressionsIn(c.text, lineOf(sink.lines, c.start) + 1, alone ? last + 1 : undefined));
    }
  }
  const errorLines = [...new Set(tokens.errors.map((e) => lineOf(sink.lines, e) + 1))].sort((a, b) => a - b);
  return sink.facts(path, language, suppressions, errorLines);
}
