/**
 * The one way documents are read: YAML or JSON text -> data checked against its JSON Schema, or an InputError
 * that names the file, the field and what is wrong. Rules, profiles, recognition lists, effort weights, config
 * files, baselines and reports all come through here, so they fail the same way.
 *
 * Beyond the schema, every document is held to: no duplicate keys, no YAML alias expansion beyond a small
 * budget (an "alias bomb" is an error, not a hang), no alias that contains itself, no nesting deeper than
 * MAX_DEPTH, no non-finite numbers (1e400 is not a weight).
 */
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { baselineSchema } from '../model/generated/baseline.js';
import { calibrationSchema } from '../model/generated/calibration.js';
import { configSchema } from '../model/generated/config.js';
import { effortSchema } from '../model/generated/effort.js';
import { operatorsSchema } from '../model/generated/operators.js';
import { profilesSchema } from '../model/generated/profiles.js';
import { recognitionSchema } from '../model/generated/recognition.js';
import { reportSchema } from '../model/generated/report.js';
import { rulesSchema } from '../model/generated/rules.js';
import { vocabularySchema } from '../model/generated/vocabulary.js';
import { InputError } from './errors.js';

const SCHEMAS = {
  rules: rulesSchema,
  profiles: profilesSchema,
  recognition: recognitionSchema,
  vocabulary: vocabularySchema,
  effort: effortSchema,
  operators: operatorsSchema,
  config: configSchema,
  baseline: baselineSchema,
  calibration: calibrationSchema,
  report: reportSchema,
} as const;

export type SchemaName = keyof typeof SCHEMAS;

/** Where each kind of document is described, for hints. */
const HINTS: Record<SchemaName, string> = {
  rules: 'fix the file (format: docs/rules-format.md, schema: schemas/rules.schema.json)',
  profiles: 'fix the file (schema: schemas/profiles.schema.json)',
  recognition: 'fix the file (schema: schemas/recognition.schema.json)',
  vocabulary: 'fix the file (schema: schemas/vocabulary.schema.json)',
  effort: 'its format is described in schemas/effort.schema.json and docs/effort-model.md',
  operators: 'fix the file (schema: schemas/operators.schema.json, docs/effort-model.md#operators)',
  config: 'fix the file; its format is described in schemas/config.schema.json',
  baseline: 'create it with `ascendify baseline` (its format is schemas/baseline.schema.json)',
  calibration: 'fix the file (schema: schemas/calibration.schema.json, docs/effort-calibration.md)',
  report: 'use a JSON report written by `ascendify scan --format json` (schemas/report.schema.json)',
};

// ajv and yaml are loaded on first use: a run that reads no document (explain with the compiled catalog, a scan
// without config or baseline) does not pay for them at start-up.
const lazyRequire = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= lazyRequire('yaml') as typeof import('yaml'));

/** YAML aliases expanded per document before it counts as hostile. */
const MAX_ALIASES = 1000;

let ajv: Ajv | undefined;
const validators = new Map<SchemaName, ValidateFunction>();

function validatorOf(name: SchemaName): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    if (!ajv) {
      const { Ajv: AjvClass } = lazyRequire('ajv') as typeof import('ajv');
      ajv = new AjvClass({ allErrors: true, strict: false });
      // The config schema refers to the effort schema by its $id.
      ajv.addSchema(effortSchema);
    }
    v = name === 'effort' ? ajv.getSchema(effortSchema.$id as string)! : ajv.compile(SCHEMAS[name]);
    validators.set(name, v);
  }
  return v;
}

/** The most useful of ajv's errors: the deepest, with allowed values and unknown or missing fields spelled out. */
export function describeSchemaError(errors: readonly ErrorObject[]): { path: (string | number)[]; message: string } {
  const depth = (e: ErrorObject): number => e.instancePath.split('/').length;
  const e = [...errors].sort((a, b) => depth(b) - depth(a))[0]!;
  const path: (string | number)[] = e.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'enum') message += `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (e.keyword === 'additionalProperties') {
    path.push((e.params as { additionalProperty: string }).additionalProperty);
    message = 'is not a known field';
  }
  if (e.keyword === 'required') message = `misses the required field "${(e.params as { missingProperty: string }).missingProperty}"`;
  return { path, message };
}

/** Documents nested deeper than this are refused (real ones are under 10 levels; the validator recurses). */
const MAX_DEPTH = 256;

/**
 * What makes parsed data unusable beyond its schema: a non-finite number (YAML reads 1e400 and .inf as Infinity),
 * a cycle (a YAML alias inside the node it names), or nesting deeper than MAX_DEPTH. Iterative, so no document
 * can exhaust the stack here. Returns the path of the first problem and what it is.
 */
function unusable(root: unknown): { path: (string | number)[]; detail: string } | undefined {
  type Frame = { value: unknown; path: (string | number)[]; exit?: true };
  const stack: Frame[] = [{ value: root, path: [] }];
  const open = new Set<object>(); // the containers on the current path: meeting one again is a cycle
  const done = new Set<object>(); // containers already checked (aliases share nodes)
  while (stack.length) {
    const { value, path, exit } = stack.pop()!;
    if (exit) {
      open.delete(value as object);
      done.add(value as object);
      continue;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { path, detail: 'is not a finite number' };
      continue;
    }
    if (!value || typeof value !== 'object' || done.has(value)) continue;
    if (open.has(value)) return { path, detail: 'refers to itself (a YAML alias inside the node it names)' };
    if (path.length > MAX_DEPTH) return { path: path.slice(0, 8), detail: `is nested deeper than ${MAX_DEPTH} levels` };
    open.add(value);
    stack.push({ value, path, exit: true });
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
  }
  return undefined;
}

/** Parse YAML (JSON is YAML too) or JSON text; an InputError for anything malformed or hostile. */
export function parseText(text: string, file: string, format: 'yaml' | 'json', hint?: string): unknown {
  let data: unknown;
  if (format === 'json') {
    try {
      data = JSON.parse(text) as unknown;
    } catch (e) {
      throw new InputError(file, `is not valid JSON (${(e as Error).message})`, [], hint);
    }
  } else {
    const doc = yaml().parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) {
      const err = doc.errors[0]!;
      const line = err.linePos?.[0]?.line;
      throw new InputError(file, `is not valid YAML${line ? ` (line ${line})` : ''}: ${err.message.split('\n')[0]}`, [], hint);
    }
    // A list or mapping used as a key (`? [a, b]: x`) has no JSON form (the library would stringify it, with a warning).
    let collectionKey: number | undefined;
    const { visit, isAlias, isCollection } = yaml();
    visit(doc, {
      Pair(_, pair) {
        const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
        if (isCollection(key)) {
          collectionKey = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    if (collectionKey !== undefined) {
      const line = text.slice(0, collectionKey).split('\n').length;
      throw new InputError(file, `is not usable YAML (line ${line}): a list or mapping is used as a key`, [], hint);
    }
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
    } catch (e) {
      throw new InputError(file, `is not usable YAML: ${(e as Error).message.split('\n')[0]}`, [], hint);
    }
  }
  const bad = unusable(data);
  if (bad) throw new InputError(file, bad.detail, bad.path, hint);
  return data;
}

/** Check parsed data against a schema; returns it typed, or throws an InputError naming the field. */
export function validated<T>(schema: SchemaName, data: unknown, file: string): T {
  const validate = validatorOf(schema);
  if (validate(data)) return data as T;
  const { path, message } = describeSchemaError(validate.errors ?? []);
  throw new InputError(file, message, path, HINTS[schema]);
}

/** Parse and validate a document: the loader every reader uses. `file` appears in messages only. */
export function loadValidated<T>(schema: SchemaName, text: string, file: string, format: 'yaml' | 'json' = 'yaml'): T {
  return validated<T>(schema, parseText(text, file, format, HINTS[schema]), file);
}
