/**
 * `ascendify-ignore` comments: `// ascendify-ignore <rule-id|symbol>[, more] -- reason`.
 * Only comments count: the same words in code or in a string literal are not a suppression.
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
  let prev = 0;
  let line = 1;
  const lineAt = (offset: number): number => {
    for (let i = prev; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
    prev = offset;
    return line;
  };
  const gaps: [number, number][] = [];
  let at = 0;
  for (const [s, e] of codeSpans(text)) {
    if (s > at) gaps.push([at, s]);
    at = e;
  }
  if (at < text.length) gaps.push([at, text.length]);
  for (const [s, e] of gaps) {
    if (text[s] !== '/') continue; // a string or char literal, not a comment
    const comment = text.slice(s, e);
    KEYWORD.lastIndex = 0;
    for (let m = KEYWORD.exec(comment); m; m = KEYWORD.exec(comment)) {
      const from = m.index + m[0].length;
      const nl = comment.indexOf('\n', from);
      const { targets, reason } = parseDirective(comment.slice(from, nl < 0 ? comment.length : nl));
      const where = lineAt(s + m.index);
      for (const target of targets.length ? targets : ['']) {
        out.push(reason ? { line: where, target, reason } : { line: where, target });
      }
    }
  }
  return out;
}
