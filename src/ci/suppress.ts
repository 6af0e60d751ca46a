/**
 * Applying suppressions to findings: `ascendify-ignore` comments and the config file's `ignore` section.
 * A comment after code covers its own line; a comment alone on its line covers that line and the next
 * (`Suppression.nextLine`), never more. Suppressed findings are marked, not dropped.
 * An inline suppression without a `-- reason` is not applied: it is reported as a diagnostic and
 * the finding keeps counting, so a bare ignore cannot silence the gate.
 */
import type { Diagnostic, Finding, Suppression } from '../model/index.js';
import { globTest } from '../util/glob.js';
import { byCodePoint } from '../util/order.js';

export interface IgnoreRules {
  /** Where the rules come from, for the `reason` of suppressed findings. */
  file: string;
  paths?: string[];
  rules?: string[];
}

export interface SuppressResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
}

const names = (f: Finding): string[] => (f.ruleId ? [f.ruleId, f.symbol] : [f.symbol]);

/** The lines a suppression covers: its own, and the next one when it stands alone on its line. */
const covers = (s: Suppression, line: number): boolean => s.line === line || s.nextLine === line;

/** Mark suppressed findings (new objects; the input is not changed) and report unusable suppressions. */
export function applySuppressions(
  findings: readonly Finding[],
  inline: ReadonlyMap<string, readonly Suppression[]>,
  ignore?: IgnoreRules,
): SuppressResult {
  const diagnostics: Diagnostic[] = [];
  const used = new Set<Suppression>();
  const reported = new Set<string>();
  for (const [file, list] of inline) {
    for (const s of list) {
      const key = `${file}:${s.line}`;
      if (!s.target) {
        diagnostics.push({ code: 'ascendify-ignore-without-target', severity: 'warning', file, line: s.line, message: 'ascendify-ignore names no rule id or symbol, so it suppresses nothing: write `// ascendify-ignore <rule-id|symbol> -- reason`.' });
      } else if (!s.reason && !reported.has(key)) {
        reported.add(key);
        diagnostics.push({ code: 'ascendify-ignore-without-reason', severity: 'warning', file, line: s.line, message: `ascendify-ignore ${s.target} has no reason, so it is not applied: add \`-- <why this use is acceptable>\`.` });
      }
    }
  }
  // Linear-time globs (src/util/glob.ts); the config loader has already refused the ones that cannot be.
  const pathTests = (ignore?.paths ?? []).map((g) => [g, globTest(g)] as const);
  const ruleSet = new Set(ignore?.rules ?? []);

  const out = findings.map((f) => {
    const hit = inline.get(f.file)?.find((s) => s.reason && s.target && covers(s, f.line) && names(f).includes(s.target));
    if (hit) {
      used.add(hit);
      return { ...f, suppressed: { kind: 'inline' as const, reason: hit.reason } };
    }
    if (ignore) {
      const rule = names(f).find((n) => ruleSet.has(n));
      if (rule) return { ...f, suppressed: { kind: 'config' as const, reason: `${ignore.file}: ignore.rules ${rule}` } };
      const glob = pathTests.find(([, test]) => test(f.file))?.[0];
      if (glob !== undefined) return { ...f, suppressed: { kind: 'config' as const, reason: `${ignore.file}: ignore.paths ${glob}` } };
    }
    return f;
  });

  for (const [file, list] of inline) {
    for (const s of list) {
      if (s.target && s.reason && !used.has(s)) {
        diagnostics.push({ code: 'ascendify-ignore-unused', severity: 'warning', file, line: s.line, message: `ascendify-ignore ${s.target} matches no finding on ${s.nextLine ? 'this line or the next' : 'its own line (a comment after code covers only that line)'}: remove it, or fix the rule id or symbol.` });
      }
    }
  }
  diagnostics.sort((a, b) => byCodePoint(a.file, b.file) || a.line - b.line || byCodePoint(a.code, b.code));
  return { findings: out, diagnostics };
}
