#!/usr/bin/env node
/**
 * The JSON Schemas in schemas/ are the source of truth for every document ascendify reads or writes
 * (reports, rules, profiles, recognition, config, baseline, effort weights). This script turns each into
 * src/model/generated/<name>.ts: the TypeScript types (json-schema-to-typescript) and the schema object
 * itself, so the code validates with the very schema its types come from and no file is read at run time.
 *
 *   node scripts/gen-schema-types.mjs           write the files
 *   node scripts/gen-schema-types.mjs --check   exit 1 when a file is stale (test/model/schemas.test.ts runs this check)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMAS = join(ROOT, 'schemas');
const OUT = join(ROOT, 'src', 'model', 'generated');

/** Types the schemas name through `tsType` (resolved forms that have no schema of their own), and where they live. */
const TS_IMPORTS = { EffortWeights: '../effort.js' };

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** The generated text of one schema file (pure but for reading the schemas folder, which $refs resolve against). */
export async function generate(file) {
  const name = file.replace(/\.schema\.json$/, '');
  const schema = JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8'));
  const types = await compile(schema, schema.title ?? name, {
    bannerComment: '',
    cwd: SCHEMAS,
    additionalProperties: false,
    unreachableDefinitions: true,
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true, printWidth: 140 },
  });
  const imports = Object.entries(TS_IMPORTS)
    .filter(([type]) => new RegExp(`\\b${type}\\b`).test(types))
    .map(([type, from]) => `import type { ${type} } from '${from}';`);
  return [
    `/**`,
    ` * Generated from schemas/${file} by scripts/gen-schema-types.mjs: do not edit; edit the schema and run`,
    ` * \`npm run gen:schemas\`. A test fails while this file is stale.`,
    ` */`,
    ...(imports.length ? ['', ...imports] : []),
    '',
    types.trimEnd(),
    '',
    `/** schemas/${file}, as data (validators compile it; nothing reads the file at run time). */`,
    `export const ${camel(name)}Schema: Record<string, unknown> = ${JSON.stringify(schema, null, 2)};`,
    '',
  ].join('\n');
}

export const schemaFiles = () => readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json')).sort();
export const outputPath = (file) => join(OUT, `${file.replace(/\.schema\.json$/, '')}.ts`);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const file of schemaFiles()) {
    const text = await generate(file);
    const path = outputPath(file);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // new
    }
    if (current === text) continue;
    stale++;
    if (check) console.error(`stale: ${path} (run npm run gen:schemas)`);
    else writeFileSync(path, text);
  }
  if (check && stale) process.exit(1);
  if (!check) console.log(`${schemaFiles().length} schemas, ${stale} file(s) written`);
}
