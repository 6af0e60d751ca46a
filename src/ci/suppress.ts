/**
 * Applying suppressions to findings: `ascendify-ignore` comments (on the finding's line or the line
 * before) and the config file's `ignore` section. Suppressed findings are marked, not dropped.
 * An inline suppression without a `-- reason` is not applied: it is reported as a diagnostic and
 * the finding keeps counting, so a bare ignore cannot silence the gate.
 */
import picomatch from 'picomatch';
import type { Diagnostic, Finding, Suppression } from '../model/index.js';

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
  const pathMatch = ignore?.paths?.length ? picomatch(ignore.paths, { dot: true }) : undefined;
  const ruleSet = new Set(ignore?.rules ?? []);

  const out = findings.map((f) => {
    const hit = inline.get(f.file)?.find((s) => s.reason && s.target && (s.line === f.line || s.line + 1 === f.line) && names(f).includes(s.target));
    if (hit) {
      used.add(hit);
      return { ...f, suppressed: { kind: 'inline' as const, reason: hit.reason } };
    }
    if (ignore) {
      const rule = names(f).find((n) => ruleSet.has(n));
      if (rule) return { ...f, suppressed: { kind: 'config' as const, reason: `${ignore.file}: ignore.rules ${rule}` } };
      if (pathMatch?.(f.file)) {
        const glob = ignore.paths!.find((g) => picomatch.isMatch(f.file, g, { dot: true })) ?? ignore.paths![0];
        return { ...f, suppressed: { kind: 'config' as const, reason: `${ignore.file}: ignore.paths ${glob}` } };
      }
    }
    return f;
  });

  for (const [file, list] of inline) {
    for (const s of list) {
      if (s.target && s.reason && !used.has(s)) {
        diagnostics.push({ code: 'ascendify-ignore-unused', severity: 'warning', file, line: s.line, message: `ascendify-ignore ${s.target} matches no finding on this line or the next: remove it, or fix the rule id or symbol.` });
      }
    }
  }
  diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.code.localeCompare(b.code));
  return { findings: out, diagnostics };
}
