#!/usr/bin/env node
/**
 * After a deliberate change to the catalog or the front end: rewrite what the tests expect, then review the diff.
 *   - every shipped rule fixture's ruleid annotations (ascendify test --update);
 *   - test/samples/expected/<sample>.json: each sample's results for every profile (src/core/expected.ts).
 * Run through `npm run update-expected` (which builds first).
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(join(ROOT, 'dist', p));
const { runRuleTests, renderTestRun } = await dist('cli/test-command.js');
const { scan } = await dist('analyze.js');
const { loadCatalog } = await dist('catalog/load.js');
const { expectedResults, formatExpected } = await dist('core/expected.js');

const run = runRuleTests([], true);
process.stdout.write(renderTestRun(run, false).split('\n').filter((l) => !l.startsWith('pass')).join('\n'));

const catalog = loadCatalog();
const targets = [catalog.profiles.map((p) => p.id).join(',')];
const samples = join(ROOT, 'samples');
const out = join(ROOT, 'test', 'samples', 'expected');
for (const name of readdirSync(samples).sort()) {
  if (!statSync(join(samples, name)).isDirectory()) continue;
  const previous = process.cwd();
  process.chdir(samples);
  const report = scan({ paths: [name], catalog, targets });
  process.chdir(previous);
  writeFileSync(join(out, `${name}.json`), formatExpected(expectedResults(report)));
}
console.log(`wrote ${out}`);
