// Writes docs/rules/<family>.md and docs/rules/README.md from the shipped catalog (run: npm run docs:rules).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, PACKAGE_ROOT } from '../dist/catalog/load.js';
import { renderRuleIndex, renderRuleTables } from '../dist/report/rule-tables.js';

const dir = join(PACKAGE_ROOT, 'docs', 'rules');
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) if (f.endsWith('.md')) rmSync(join(dir, f));
const catalog = loadCatalog();
const tables = renderRuleTables(catalog);
for (const [family, text] of tables) writeFileSync(join(dir, `${family}.md`), text);
writeFileSync(join(dir, 'README.md'), renderRuleIndex(catalog, tables));
console.log(`wrote ${tables.size} family tables to docs/rules/`);
