#!/usr/bin/env node
/**
 * Scaffold a new mapping: `npm run new-rule -- <family> <symbol>` (CONTRIBUTING.md walks through the rest).
 *
 * Appends a rule for <symbol> to rules/families/<family>.yaml (creating the family file when it is new) and an
 * annotated use of it to the family's fixture, both marked TODO: the rule starts as `none`, `confidence:
 * uncertain`, so the catalog loads and `ascendify test` passes at once, and you replace the TODOs with the
 * real answer per target (status, replacement, source, note), then run `ascendify test --update` and
 * `npm run docs:rules`. Refuses a symbol a shipped rule already answers.
 *
 *   node scripts/new-rule.mjs [--root DIR] <family> <symbol>      (--root: a copy of the package, for tests)
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
let root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (args[0] === '--root') {
  root = args[1];
  args.splice(0, 2);
}
const [family, symbol] = args;
const usage = 'usage: npm run new-rule -- <family> <symbol>   e.g. npm run new-rule -- cublas cublasSgemmStridedBatched';
if (!family || !symbol || args.length !== 2) {
  console.error(usage);
  process.exit(2);
}
if (!/^[a-z][a-z0-9-]*$/.test(family)) {
  console.error(`ascendify new-rule: the family "${family}" must be lower-case letters, digits and dashes (the file name under rules/families/)`);
  process.exit(2);
}
if (!/^[A-Za-z_][A-Za-z0-9_:.<>-]*$/.test(symbol)) {
  console.error(`ascendify new-rule: "${symbol}" does not look like a CUDA name`);
  process.exit(2);
}

const families = join(root, 'rules', 'families');
const yamlFile = join(families, `${family}.yaml`);
const kebab = symbol.replace(/::/g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
const id = kebab.startsWith(`${family}-`) ? kebab : `${family}-${kebab}`;

// Already answered? Every shipped rule file lists its symbols; a plain text search is enough to refuse duplicates.
for (const f of readdirSync(families).filter((n) => n.endsWith('.yaml'))) {
  const text = readFileSync(join(families, f), 'utf8');
  if (new RegExp(`^\\s*- id: ${id}\\s*$`, 'm').test(text)) {
    console.error(`ascendify new-rule: rule ${id} exists in rules/families/${f}`);
    process.exit(2);
  }
  const quoted = symbol.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`symbols:\\s*\\[[^\\]]*(?<![\\w:])${quoted}(?![\\w:])[^\\]]*\\]`).test(text)) {
    console.error(`ascendify new-rule: ${symbol} is already answered in rules/families/${f} (see: ascendify explain ${symbol})`);
    process.exit(2);
  }
}

const kind = /^[A-Z0-9_]+$/.test(symbol) ? 'macro' : /_t$|^cuda[A-Z][a-z]+_t$/.test(symbol) ? 'type' : 'function';
/** The rule's text, its list items indented like the file's own (`rules:` items at column 0 or 2). */
const ruleText = (indent) =>
  [
    '',
    `# TODO(new-rule): fill in what ${symbol} becomes on each target, with the source that proves it`,
    '# (CONTRIBUTING.md, docs/rules-format.md); then ascendify test --update and npm run docs:rules.',
    `- id: ${id}`,
    `  symbols: [${symbol.includes(':') || symbol.includes('<') ? JSON.stringify(symbol) : symbol}]`,
    `  kind: ${kind}`,
    '  targets:',
    ...['ascend', 'cambricon'].flatMap((vendor) => [
      `    ${vendor}:`,
      '      status: none',
      '      confidence: uncertain',
      `      note: "TODO: what ${symbol} becomes on ${vendor === 'ascend' ? 'Ascend (CANN)' : 'Cambricon (Neuware)'}, or why there is no counterpart and what to do instead."`,
    ]),
  ]
    .map((l) => (l ? indent + l : l))
    .join('\n') + '\n';

const created = !existsSync(yamlFile);
if (created) {
  writeFileSync(yamlFile, `family: ${family}\ndescription: "TODO: what this family covers (library, header)."\nrules:${ruleText('  ')}`);
} else {
  const text = readFileSync(yamlFile, 'utf8');
  const indent = /^( *)- id:/m.exec(text)?.[1] ?? '  ';
  appendFileSync(yamlFile, `${text.endsWith('\n') ? '' : '\n'}${ruleText(indent)}`);
}

// The fixture: an annotated use that must produce the rule's finding, in the family's fixture file.
const fixtures = readdirSync(families).filter((n) => n.startsWith(`${family}.fixture.`));
const fixture = join(families, fixtures[0] ?? `${family}.fixture.cu`);
const hash = /\.(cmake|mk|py|txt|toml|yml|yaml)$/.test(fixture);
const c = hash ? '#' : '//';
const use = hash ? `${symbol}` : kind === 'function' ? `void ascendify_fixture_${kebab.replace(/-/g, '_')}() { ${symbol}(/* TODO: real arguments */); }` : kind === 'type' ? `${symbol} ascendify_fixture_${kebab.replace(/-/g, '_')};` : `int ascendify_fixture_${kebab.replace(/-/g, '_')} = ${symbol};`;
const block = `\n${c} TODO(new-rule): a realistic use of ${symbol}; the statuses below must match the rule's answers.\n${c} ruleid: ${id} *=none\n${use}\n`;
if (existsSync(fixture)) appendFileSync(fixture, block);
else writeFileSync(fixture, `${c} Annotated fixture for rules/families/${family}.yaml (ascendify test).\n#include <cuda_runtime.h>\n${block}`);

const rel = (p) => p.slice(root.length + 1);
console.log(`${created ? 'created' : 'appended to'} ${rel(yamlFile)}: rule ${id}`);
console.log(`${existsSync(fixture) ? 'appended to' : 'created'} ${rel(fixture)}: an annotated use`);
console.log(`next:
  1. edit the TODOs in ${rel(yamlFile)}: status, replacement and source per target (docs/rules-format.md)
  2. make the fixture line a realistic use, then: node bin/ascendify.js test --update   (writes the statuses)
  3. npm run docs:rules   (the rule tables)   and   npx vitest run test/catalog
  4. CHANGELOG.md: note the new mapping under "Catalog"`);
