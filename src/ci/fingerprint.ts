/**
 * Finding fingerprints that survive unrelated edits: a hash of the symbol, the file and the
 * whitespace-normalised source line, plus the finding's index among findings sharing those three.
 * Line numbers are left out on purpose, so moving code or editing other lines changes nothing.
 *
 * alt: hashing the rule id too was rejected: a catalog update that adds a rule for a symbol that was
 * `unknown` would make every old use of it look new.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../model/index.js';
import { codeSpans } from '../parse/c-lexer.js';

/**
 * The source line without comments and with runs of whitespace collapsed, so re-indenting or
 * adding a trailing comment (an ascendify-ignore, say) is not a change.
 */
export function normaliseContext(snippet: string): string {
  let code = '';
  let at = 0;
  const gap = (from: number, to: number): string => (snippet[from] === '/' ? ' ' : snippet.slice(from, to)); // comment -> space; literal kept
  for (const [s, e] of codeSpans(snippet)) {
    if (s > at) code += gap(at, s);
    code += snippet.slice(s, e);
    at = e;
  }
  if (at < snippet.length) code += gap(at, snippet.length);
  return code.replace(/\s+/g, ' ').trim();
}

function hash(parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 24);
}

/**
 * Fingerprints for a list of findings, in the same order. The occurrence index counts identical
 * (file, symbol, context) triples in line/column order, so the n-th such use keeps its fingerprint.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const order = findings.map((f, i) => i).sort((a, b) => {
    const x = findings[a]!;
    const y = findings[b]!;
    return x.line - y.line || x.column - y.column || a - b;
  });
  const seen = new Map<string, number>();
  const out = new Array<string>(findings.length);
  for (const i of order) {
    const f = findings[i]!;
    const key = [f.symbol, f.file, normaliseContext(f.snippet)];
    const k = key.join('\0');
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    out[i] = hash([...key, String(n)]);
  }
  return out;
}
