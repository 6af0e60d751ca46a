#!/usr/bin/env node
// Build step (`npm run build` runs it after tsc): parse and validate the shipped rules once and write them,
// keyed by the texts they came from, to dist/catalog.json. A run loads that file instead of parsing YAML when
// the key still matches the rule files (src/catalog/load.ts); a malformed rule file fails the build here.
import { writeCompiledCatalog } from '../dist/catalog/load.js';

try {
  const file = writeCompiledCatalog();
  process.stderr.write(`compiled catalog: ${file}\n`);
} catch (e) {
  process.stderr.write(`build-catalog: ${e.message}\n`);
  process.exit(1);
}
