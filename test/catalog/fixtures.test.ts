/**
 * The shipped rule fixtures (rules/families/<family>.fixture.*), run the way `ascendify test` runs them: every
 * `ruleid` line produces its rule's finding with the answers its annotation states per target, no `ok` line does,
 * and no finding of the family's rules lands on an unannotated line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, SHIPPED_RULES_DIR } from '../../src/catalog/load.js';
import { checkFixture, parseAnnotations, statusList, updateFixture } from '../../src/core/rule-tests.js';

const catalog = loadCatalog();
const dir = join(SHIPPED_RULES_DIR, 'families');
const fixtures = readdirSync(dir).filter((f) => f.includes('.fixture.')).sort();

describe('rule fixtures', () => {
  it('every family file has a fixture', () => {
    const families = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    expect(families.filter((f) => !fixtures.some((x) => x.startsWith(`${f}.fixture.`)))).toEqual([]);
  });

  for (const fixture of fixtures) {
    it(fixture, () => {
      const family = fixture.replace(/\.fixture\..*$/, '');
      const rules = new Set(catalog.rules.filter((r) => r.file === `families/${family}.yaml`).map((r) => r.id));
      const text = readFileSync(join(dir, fixture), 'utf8');
      const result = checkFixture(`families/${fixture}`, text, catalog, rules);
      expect({ errors: result.errors, missing: result.missing, noisy: result.noisy, wrong: result.wrong }).toEqual({ errors: [], missing: [], noisy: [], wrong: [] });
      // Every ruleid annotation states the answers, so a changed answer fails here (npm run update-expected after a deliberate change).
      const expectations = parseAnnotations(text).filter((e) => e.kind === 'ruleid');
      expect(expectations.filter((e) => !Object.keys(e.statuses).length).map((e) => `${e.line}:${e.ruleId}`)).toEqual([]);
    });
  }
});

describe('the fixture checker', () => {
  const rules = new Set(['runtime-malloc', 'runtime-free']);
  const check = (text: string) => checkFixture('t.fixture.cu', text, catalog, rules);

  it('tells validated, missing, noisy and wrong apart', () => {
    const r = check([
      '// ruleid: runtime-malloc *=direct',
      'void a() { cudaMalloc(0, 1); }',
      '// ruleid: runtime-free ascend=none',
      'void b() { cudaFree(0); }',
      '// ruleid: runtime-malloc',
      'void c() { }',
      'void d() { cudaFree(0); }',
      '// ok: runtime-malloc',
      'void e() { cudaMalloc(0, 1); }',
    ].join('\n'));
    expect(r.validated).toEqual(['2:runtime-malloc']);
    expect(r.wrong.map((w) => `${w.line}:${w.target}:${w.expected}->${w.actual}`)).toEqual(['4:ascend-910b:none->direct', '4:ascend-910c:none->direct', '4:ascend-950:none->direct']);
    expect(r.missing).toEqual(['6:runtime-malloc']);
    expect(r.noisy).toEqual(['9:runtime-malloc', '7:runtime-free (unannotated: void d() { cudaFree(0); })']);
  });

  it('reports a fixture that names foreign rules, tests nothing or writes a bad status', () => {
    expect(check('// ruleid: nccl-all-reduce\nncclAllReduce(0);\n').errors).toEqual([
      'annotations name rules this rule file does not define: nccl-all-reduce',
    ]);
    expect(check('// ok: runtime-malloc\nint x;\n').errors).toEqual(['no ruleid annotation: the fixture tests nothing']);
    expect(check('// ruleid: runtime-malloc ascend=fine\ncudaMalloc(0, 1);\n').errors[0]).toMatch(/"ascend=fine" is not target=status/);
    expect(check('// ruleid: runtime-malloc mars=direct\nvoid a() { cudaMalloc(0, 1); }\n').errors[0]).toMatch(/"mars" is no profile or vendor/);
  });

  it('writes answers the short way and rewrites them on update', () => {
    const profiles = catalog.profiles;
    const all = Object.fromEntries(profiles.map((p) => [p.id, 'direct' as const]));
    expect(statusList(all, profiles)).toBe('*=direct');
    expect(statusList({ ...all, 'ascend-950': 'partial' }, profiles)).toBe('ascend-910b=direct ascend-910c=direct ascend-950=partial cambricon=direct');
    const updated = updateFixture('t.fixture.cu', '// ruleid: runtime-malloc ascend=none\nvoid a() { cudaMalloc(0, 1); }\n', catalog);
    expect(updated).toBe('// ruleid: runtime-malloc *=direct\nvoid a() { cudaMalloc(0, 1); }\n');
  });
});
