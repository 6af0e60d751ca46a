/**
 * Annotated fixtures, semgrep style: each rules/families/<family>.fixture.cu marks the line after
 * `// ruleid: <id>[, <id>]` as one that must produce those rules' findings, and `// ok: <id>` as one
 * that must not. A finding of the family's rules on an unannotated line fails too (Noisy).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/analyze.js';
import { loadCatalog, SHIPPED_RULES_DIR } from '../../src/catalog/load.js';

const catalog = loadCatalog();
const dir = join(SHIPPED_RULES_DIR, 'families');
const fixtures = readdirSync(dir).filter((f) => /\.fixture\.(cu|cuh|cpp|h|cmake|mk|py|txt|toml|yml)$/.test(f)).sort();
/** `// ruleid: x` in C/C++/CUDA fixtures, `# ruleid: x` in CMake, Makefile and Python ones. */
const ANNOTATION = /^\s*(?:\/\/|#)\s*(ruleid|ok|todoruleid|todook):\s*(.+?)\s*$/;

interface Expectation {
  kind: string;
  ids: string[];
  line: number;
}

function annotations(text: string): Expectation[] {
  const lines = text.split('\n');
  const out: Expectation[] = [];
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (!m) return;
    let target = i + 1;
    while (target < lines.length && ANNOTATION.test(lines[target] as string)) target++;
    out.push({ kind: m[1] as string, ids: (m[2] as string).split(',').map((s) => s.trim()).filter(Boolean), line: target + 1 });
  });
  return out;
}

describe('rule fixtures', () => {
  it('every family file has a fixture', () => {
    const families = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    const missing = families.filter((f) => !fixtures.some((x) => x.startsWith(`${f}.fixture.`)));
    expect(missing).toEqual([]);
  });

  for (const fixture of fixtures) {
    it(fixture, () => {
      const family = fixture.replace(/\.fixture\..*$/, '');
      const ruleFile = `families/${family}.yaml`;
      const familyRules = new Set(catalog.rules.filter((r) => r.file === ruleFile).map((r) => r.id));
      const text = readFileSync(join(dir, fixture), 'utf8');
      const expected = annotations(text);
      const unknownIds = expected.flatMap((e) => e.ids).filter((id) => !familyRules.has(id));
      expect(unknownIds, `annotations must name rules of ${ruleFile}`).toEqual([]);
      const report = scan({ paths: [join(dir, fixture)], catalog });
      const found = new Set(report.findings.filter((f) => f.ruleId).map((f) => `${f.line}:${f.ruleId}`));
      const missing: string[] = [];
      const noisy: string[] = [];
      const allowed = new Set<string>();
      for (const e of expected) {
        for (const id of e.ids) {
          const key = `${e.line}:${id}`;
          if (e.kind === 'ruleid' && !found.has(key)) missing.push(key);
          if (e.kind === 'ok' && found.has(key)) noisy.push(key);
          if (e.kind === 'ruleid' || e.kind === 'todook' || e.kind === 'todoruleid') allowed.add(key);
        }
      }
      for (const f of report.findings) {
        if (f.ruleId && familyRules.has(f.ruleId) && !allowed.has(`${f.line}:${f.ruleId}`) && !noisy.includes(`${f.line}:${f.ruleId}`)) {
          noisy.push(`${f.line}:${f.ruleId} (unannotated: ${f.snippet})`);
        }
      }
      expect({ missing, noisy }).toEqual({ missing: [], noisy: [] });
      expect(expected.some((e) => e.kind === 'ruleid'), 'a fixture with no ruleid annotation tests nothing').toBe(true);
    });
  }
});
