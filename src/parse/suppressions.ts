/**
 * `ascendify-ignore` comments: `// ascendify-ignore <rule-id|symbol>[, more] -- reason`.
 * Only comments count: the same words in code or in a string literal are not a suppression.
 *
 * What a comment covers: a comment after code (`cudaFoo(); // ascendify-ignore …`) covers its own line only; a
 * comment alone on its line (or lines, for a block comment) covers its line and the line after it. So one
 * reviewed use cannot silence a new use added on the next line.
 */
import type { Suppression } from '../model/index.js';
import { codeSpans } from './c-lexer.js';

const KEYWORD = /(?<![\w-])ascendify-ignore(?![\w-])/g;

/** Split the text after the keyword into targets and a reason: `a, b -- why` -> ['a', 'b'], 'why'. */
function parseDirective(rest: string): { targets: string[]; reason?: string } {
  const body = rest.replace(/\*\/\s*$/, '').trim();
  const dash = /(?:^|\s)--(?:\s|$)/.exec(body);
  const head = dash ? body.slice(0, dash.index) : body;
  const reason = dash ? body.slice(dash.index + dash[0].length).trim() : '';
  const targets = head.split(/[\s,]+/).filter(Boolean);
  return reason ? { targets, reason } : { targets };
}

/** Every `ascendify-ignore` comment in a C/C++/CUDA text, in order; one entry per named target. */
export function findSuppressions(text: string): Suppression[] {
  const out: Suppression[] = [];
  // Line starts, and which lines hold code (anything but whitespace outside comments; literals are code).
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const code = new Set<number>();
  const markCode = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) {
        code.add(lineOf(i));
        const next = text.indexOf('\n', i);
        if (next < 0 || next >= to) return;
        i = next; // the rest of this line is already known to hold code
      }
    }
  };
  const comments: [number, number][] = [];
  let at = 0;
  for (const [s, e] of codeSpans(text)) {
    if (s > at) {
      if (text[at] === '/') comments.push([at, s]);
      else markCode(at, s); // a string or char literal
    }
    markCode(s, e);
    at = e;
  }
  if (at < text.length) {
    if (text[at] === '/') comments.push([at, text.length]);
    else markCode(at, text.length);
  }
  for (const [s, e] of comments) {
    const comment = text.slice(s, e);
    KEYWORD.lastIndex = 0;
    const first = lineOf(s);
    const last = lineOf(Math.max(s, e - 1));
    const alone = !code.has(first) && !code.has(last);
    for (let m = KEYWORD.exec(comment); m; m = KEYWORD.exec(comment)) {
      const from = m.index + m[0].length;
      const nl = comment.indexOf('\n', from);
      const { targets, reason } = parseDirective(comment.slice(from, nl < 0 ? comment.length : nl));
      const line = lineOf(s + m.index);
      for (const target of targets.length ? targets : ['']) {
        const entry: Suppression = reason ? { line, target, reason } : { line, target };
        if (alone) entry.nextLine = last + 1;
        out.push(entry);
      }
    }
  }
  return out;
}
