/**
 * Makefile front end: (path, text) -> FileFacts for Makefile, makefile, GNUmakefile and *.mk.
 *
 * Make is line-oriented, so the reader works on logical lines (backslash continuations joined,
 * each character mapped back to its place in the file), drops comments (`#` unless escaped;
 * recipe lines lose their shell comments too), and tells recipe lines (tab-indented),
 * variable assignments (`=`, `:=`, `::=`, `?=`, `+=`, `!=`) and rule lines apart.
 * It reports: nvcc named or invoked (also through a variable that holds it, `$(NVCC)`),
 * nvcc flags, CUDA link libraries, `.cu` sources and pattern rules, and the CUDA install
 * location (CUDA_HOME and friends). Symbols: docs/build-and-python.md.
 */
import type { FileFacts, Language, Suppression } from '../model/index.js';
import type { VocabularyFile } from '../model/generated/vocabulary.js';
import { buildWords, linkFlags, nvccFlags, OccurrenceSink, suppressionsIn } from './build-common.js';

export interface LogicalLine {
  /** The code of the line: continuations joined with one space, the comment removed. */
  code: string;
  /** Offset in the file of each character of `code`. */
  offsets: number[];
  /** The comment text after `#`, when there is one. */
  comment?: { text: string; offset: number };
  recipe: boolean;
}

/** Split a Makefile into logical lines (continuations joined, comments split off). */
export function makeLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const recipe = text[i] === '\t';
    let code = '';
    const offsets: number[] = [];
    let comment: LogicalLine['comment'];
    let inComment = false;
    let commentText = '';
    let commentStart = 0;
    while (i < n) {
      const c = text[i] as string;
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
        continue;
      }
      if (c === '\n') {
        i++;
        break;
      }
      if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
        // A continuation: the line goes on (a comment goes on too, as in make).
        i += text[i + 1] === '\r' ? 3 : 2;
        if (inComment) commentText += ' ';
        else {
          code += ' ';
          offsets.push(i - 1);
        }
        // A recipe continuation line may start with a tab that make strips.
        if (recipe && text[i] === '\t') i++;
        continue;
      }
      if (inComment) {
        commentText += c;
        i++;
        continue;
      }
      if (c === '\\' && text[i + 1] === '#') {
        code += '#';
        offsets.push(i + 1);
        i += 2;
        continue;
      }
      if (c === '#') {
        inComment = true;
        commentStart = i + 1;
        i++;
        continue;
      }
      code += c;
      offsets.push(i);
      i++;
    }
    if (inComment) comment = { text: commentText, offset: commentStart };
    out.push(comment ? { code, offsets, comment, recipe } : { code, offsets, recipe });
  }
  return out;
}

const ASSIGNMENT = /^\s*(?:(?:override|export|private)\s+)*([A-Za-z_][\w.-]*)\s*(::?=|:::=|\?=|\+=|!=|=)/;
const NVCC_WORD = /(?<![\w.-])nvcc(?:\.exe)?(?![\w.-])/g;
const VAR_USE = /\$[({]([A-Za-z_][\w.-]*)[)}]/g;
const CUDA_INSTALL_PATH = /\/usr\/local\/cuda(?:-[\d.]+)?(?![\w.-])/g;
const CU_WORD = /(?<![\w.-])[\w./%*$(){}-]*\.cu(?![\w.])/g;
/** Variables whose values are nvcc flags by convention. */

/** Facts of one Makefile. */
export function extractMakefileFacts(path: string, language: Language, text: string, vocabulary: VocabularyFile): FileFacts {
  const words = buildWords(vocabulary);
  const sink = new OccurrenceSink(text);
  const lines = makeLines(text);
  const suppressions: Suppression[] = [];
  // Variables that hold the nvcc command (NVCC ?= nvcc, CUDA_CC = $(CUDA_HOME)/bin/nvcc); two passes so order does not matter.
  const nvccVars = new Set<string>(['NVCC']);
  for (const line of lines) {
    if (line.recipe) continue;
    const a = ASSIGNMENT.exec(line.code);
    NVCC_WORD.lastIndex = 0;
    if (a && NVCC_WORD.test(line.code.slice(a[0].length))) nvccVars.add(a[1] as string);
  }
  const at = (line: LogicalLine, index: number): number => line.offsets[Math.min(index, line.offsets.length - 1)] ?? 0;
  const add = (line: LogicalLine, symbol: string, start: number, end: number): void => {
    sink.add(symbol, 'value', at(line, start), at(line, Math.max(start, end - 1)) + 1);
  };

  for (const line of lines) {
    if (line.comment?.text.includes('ascendify-ignore')) {
      const row = sink.lines.starts.findLastIndex((s) => s <= line.comment!.offset);
      suppressions.push(...suppressionsIn(line.comment.text, row + 1, line.code.trim() ? undefined : row + 2));
    }
    const code = line.code;
    if (!code.trim()) continue;
    const assignment = line.recipe ? null : ASSIGNMENT.exec(code);
    let invokesNvcc = false;
    NVCC_WORD.lastIndex = 0;
    for (let m = NVCC_WORD.exec(code); m; m = NVCC_WORD.exec(code)) {
      add(line, 'nvcc', m.index, m.index + m[0].length);
      invokesNvcc = true;
    }
    VAR_USE.lastIndex = 0;
    for (let m = VAR_USE.exec(code); m; m = VAR_USE.exec(code)) {
      const name = m[1] as string;
      if (line.recipe && nvccVars.has(name)) {
        add(line, 'nvcc', m.index, m.index + m[0].length);
        invokesNvcc = true;
      }
      if (words.make.homeVariables.has(name)) add(line, 'CUDA_HOME', m.index, m.index + m[0].length);
    }
    if (assignment && words.make.homeVariables.has(assignment[1] as string)) {
      const start = code.indexOf(assignment[1] as string);
      add(line, 'CUDA_HOME', start, start + (assignment[1] as string).length);
    }
    CUDA_INSTALL_PATH.lastIndex = 0;
    for (let m = CUDA_INSTALL_PATH.exec(code); m; m = CUDA_INSTALL_PATH.exec(code)) add(line, 'CUDA_HOME', m.index, m.index + m[0].length);

    const nvccContext = invokesNvcc || (assignment !== null && words.make.flagVariable.test(assignment[1] as string));
    for (const hit of nvccFlags(code, nvccContext, words)) add(line, hit.symbol, hit.start, hit.end);
    for (const hit of linkFlags(code, words)) add(line, hit.symbol, hit.start, hit.end);
    if (!line.recipe) {
      CU_WORD.lastIndex = 0;
      for (let m = CU_WORD.exec(code); m; m = CU_WORD.exec(code)) add(line, '.cu', m.index, m.index + m[0].length);
    }
  }
  return sink.facts(path, language, suppressions);
}
