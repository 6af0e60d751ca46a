/** Offsets to line/column and line snippets, for a text that is dropped once its facts are out. */
import type { Occurrence, Role } from '../model/index.js';

export interface LineIndex {
  lines: string[];
  starts: number[];
  /** Snippets made so far, by row (a line with several uses is trimmed once). */
  snippets?: Map<number, string>;
}

export function indexLines(text: string): LineIndex {
  if (text === '') return { lines: [], starts: [] };
  const lines = text.split('\n');
  const starts = new Array<number>(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = offset;
    offset += (lines[i] as string).length + 1;
    if ((lines[i] as string).endsWith('\r')) lines[i] = (lines[i] as string).slice(0, -1);
  }
  // A trailing newline does not start a line of its own.
  if (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
    starts.pop();
  }
  return { lines, starts };
}

/** 0-based line of a UTF-16 offset. */
export function lineOf(index: LineIndex, offset: number): number {
  const { starts } = index;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 1-based line and column of a UTF-16 offset. */
export function position(index: LineIndex, offset: number): { line: number; column: number } {
  const row = lineOf(index, offset);
  return { line: row + 1, column: offset - (index.starts[row] as number) + 1 };
}

const SNIPPET_MAX = 160;

export function snippetOf(index: LineIndex, row: number): string {
  const cached = index.snippets?.get(row);
  if (cached !== undefined) return cached;
  const text = (index.lines[row] ?? '').trim();
  const snippet = text.length > SNIPPET_MAX ? `${text.slice(0, SNIPPET_MAX - 1)}…` : text;
  (index.snippets ??= new Map()).set(row, snippet);
  return snippet;
}

/** An occurrence spanning [start, end) of the text, with its snippet (every front end builds them this way). */
export function occurrenceAt(index: LineIndex, name: string, role: Role, start: number, end: number, device: boolean): Occurrence {
  const from = position(index, start);
  const to = position(index, Math.max(start, end));
  return { name, role, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, device, snippet: snippetOf(index, from.line - 1) };
}
