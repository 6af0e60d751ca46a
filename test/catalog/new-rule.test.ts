/** `npm run new-rule -- <family> <symbol>`: the scaffold loads, its fixture passes, and duplicates are refused. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog, SHIPPED_RULES_DIR } from '../../src/catalog/load.js';
import { checkFixture } from '../../src/core/rule-tests.js';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'new-rule.mjs');
const root = mkdtempSync(join(tmpdir(), 'ascendify-new-rule-'));
cpSync(SHIPPED_RULES_DIR, join(root, 'rules'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('new-rule scaffold', () => {
  it('appends a rule and an annotated use that load and pass as they are, marked TODO', () => {
    const out = execFileSync('node', [SCRIPT, '--root', root, 'cublas', 'cublasFancyGemmEx'], { encoding: 'utf8' });
    expect(out).toContain('rule cublas-fancy-gemm-ex');
    const catalog = loadCatalog({ rulesDir: join(root, 'rules') });
    const rule = catalog.rules.find((r) => r.id === 'cublas-fancy-gemm-ex')!;
    expect(rule.symbols).toEqual(['cublasFancyGemmEx']);
    expect(Object.values(rule.answers).every((a) => a.status === 'none' && a.confidence === 'uncertain' && a.note?.startsWith('TODO'))).toBe(true);
    const fixture = join(root, 'rules', 'families', 'cublas.fixture.cu');
    const text = readFileSync(fixture, 'utf8');
    expect(text).toContain('// ruleid: cublas-fancy-gemm-ex *=none');
    const rules = new Set(catalog.rules.filter((r) => r.file === 'families/cublas.yaml').map((r) => r.id));
    const result = checkFixture('families/cublas.fixture.cu', text, catalog, rules);
    expect({ errors: result.errors, missing: result.missing, wrong: result.wrong }).toEqual({ errors: [], missing: [], wrong: [] });
  });

  it('creates a new family with its fixture', () => {
    execFileSync('node', [SCRIPT, '--root', root, 'team-io', 'cudaTeamIoThing'], { encoding: 'utf8' });
    const catalog = loadCatalog({ rulesDir: join(root, 'rules') });
    expect(catalog.rules.find((r) => r.id === 'team-io-cuda-team-io-thing')?.family).toBe('team-io');
  });

  it('refuses a symbol a rule already answers, and bad arguments', () => {
    const dup = spawnSync('node', [SCRIPT, '--root', root, 'runtime', 'cudaMalloc'], { encoding: 'utf8' });
    expect(dup.status).toBe(2);
    expect(dup.stderr).toContain('cudaMalloc is already answered in rules/families/runtime.yaml');
    expect(spawnSync('node', [SCRIPT, '--root', root, 'Bad Family', 'x'], { encoding: 'utf8' }).status).toBe(2);
    expect(spawnSync('node', [SCRIPT], { encoding: 'utf8' }).status).toBe(2);
  });
});
