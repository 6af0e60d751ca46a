#!/usr/bin/env node
/**
 * Writes rules/inventory/vendor/replacement-evidence.tsv: for every name the catalog offers as a replacement, the
 * SDK inventories that declare it and the chips that do not support it (support.tsv). Reads committed files only;
 * run it after changing rules or vendor data (`npm run update-expected` does). A test fails while it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(join(ROOT, 'dist', p));
const { evidenceFile } = await dist('catalog/evidence-file.js');
const out = join(ROOT, 'rules', 'inventory', 'vendor', 'replacement-evidence.tsv');
const text = evidenceFile();
const before = (() => { try { return readFileSync(out, 'utf8'); } catch { return ''; } })();
if (text !== before) writeFileSync(out, text);
console.log(`${text === before ? 'unchanged' : 'wrote'} ${out}`);
