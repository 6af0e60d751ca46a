/** The committed docs/rules tables are what `npm run docs:rules` generates from the current catalog. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, PACKAGE_ROOT } from '../../src/catalog/load.js';
import { renderRuleIndex, renderRuleTables } from '../../src/report/rule-tables.js';

const dir = join(PACKAGE_ROOT, 'docs', 'rules');
const catalog = loadCatalog();
const tables = renderRuleTables(catalog);

describe('generated rule tables', () => {
  it('has one committed page per family and no stale pages (run `npm run docs:rules` to fix)', () => {
    const committed = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort() : [];
    expect(committed).toEqual([...tables.keys()].map((f) => `${f}.md`).sort());
  });

  it('every page is current (run `npm run docs:rules` to fix)', () => {
    const stale = [...tables].filter(([family, text]) => !existsSync(join(dir, `${family}.md`)) || readFileSync(join(dir, `${family}.md`), 'utf8') !== text).map(([f]) => f);
    expect(stale).toEqual([]);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(renderRuleIndex(catalog, tables));
  });

  it('gives every rule an anchor and a column per profile', () => {
    const runtime = tables.get('runtime') ?? '';
    expect(runtime).toContain('<a id="runtime-malloc"></a>');
    for (const p of catalog.profiles) expect(runtime).toContain(`${p.id} (${p.sdk.name} ${p.sdk.version})`);
  });
});
