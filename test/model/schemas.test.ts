/**
 * The JSON Schemas are the source of truth: the generated types and schema objects in src/model/generated/ must be
 * what scripts/gen-schema-types.mjs makes of them (`npm run gen:schemas` after editing a schema), the version in
 * the code must be package.json's, and what the tool writes must validate against its schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/analyze.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { TOOL_VERSION } from '../../src/util/version.js';
import { loadValidated, validated } from '../../src/util/validated.js';
import { InputError } from '../../src/util/errors.js';

const ROOT = join(__dirname, '../..');

describe('schemas and generated types', () => {
  it('every generated file is current', async () => {
    const gen = (await import(join(ROOT, 'scripts/gen-schema-types.mjs'))) as {
      generate(file: string): Promise<string>;
      schemaFiles(): string[];
      outputPath(file: string): string;
    };
    const stale: string[] = [];
    for (const file of gen.schemaFiles()) {
      if ((await gen.generate(file)) !== readFileSync(gen.outputPath(file), 'utf8')) stale.push(file);
    }
    expect(stale, 'run npm run gen:schemas').toEqual([]);
  }, 60_000);

  it('the version in the code is package.json\'s', () => {
    expect(TOOL_VERSION).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('a scan report validates against schemas/report.schema.json', () => {
    const catalog = loadCatalog();
    const report = scan({ paths: [join(ROOT, 'samples')], catalog, targets: [catalog.profiles.map((p) => p.id).join(',')] });
    expect(() => validated('report', JSON.parse(JSON.stringify(report)), 'report.json')).not.toThrow();
  });
});

describe('the one loader', () => {
  const fail = (f: () => unknown): InputError => {
    try {
      f();
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error('did not throw');
  };

  it('names the file and the field', () => {
    const e = fail(() => loadValidated('config', 'ignore:\n  paths: 3\n', 'c.yaml'));
    expect(e.message).toBe('c.yaml: field "ignore.paths" must be array');
    expect(e.exitCode).toBe(2);
  });

  it('refuses duplicate keys, alias bombs and non-finite numbers', () => {
    expect(fail(() => loadValidated('config', 'rules: [a]\nrules: [b]\n', 'dup.yaml')).message).toMatch(/^dup\.yaml is not valid YAML \(line 2\)/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`), 'rules: *h'].join('\n');
    expect(fail(() => loadValidated('config', bomb, 'bomb.yaml')).message).toMatch(/^bomb\.yaml is not usable YAML/);
    expect(fail(() => loadValidated('config', 'effort:\n  hoursPerDay: 1e400\n', 'inf.yaml')).message).toBe('inf.yaml: field "effort.hoursPerDay" is not a finite number');
  });

  it('reads JSON documents too', () => {
    expect(fail(() => loadValidated('baseline', '{', 'b.json', 'json')).message).toMatch(/^b\.json is not valid JSON/);
  });
});
