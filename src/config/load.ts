/**
 * Project configuration: ascendify.config.yaml in the scanned root, or the file given with --config.
 * Validated against schemas/config.schema.json; every problem is a UsageError naming the file and field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { UsageError } from '../util/errors.js';
import { effortSchema, PACKAGE_ROOT } from './effort.js';

export const CONFIG_FILE_NAME = 'ascendify.config.yaml';

/** The `ignore` section: findings to suppress by path or by rule. */
export interface IgnoreConfig {
  /** Globs matched against paths relative to the scanned root. */
  paths?: string[];
  /** Rule ids or CUDA symbols. */
  rules?: string[];
}

/** A validated configuration file. */
export interface Config {
  /** The file it was read from, as given (for messages). */
  file: string;
  /** The folder holding the file (absolute), which relative paths in it are resolved against. */
  dir?: string;
  ignore?: IgnoreConfig;
  /** Extra rule files or folders, relative to the config file (like --rules). */
  rules?: string[];
  /** Overrides of the effort weights (rules/effort.yaml), merged over the defaults by config/effort.ts. */
  effort?: Record<string, unknown>;
}

const HINT = 'fix the file; its format is described in schemas/config.schema.json';

let validator: ValidateFunction | undefined;
function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', 'config.schema.json'), 'utf8')) as object;
    validator = new Ajv({ allErrors: true, strict: false }).addSchema(effortSchema()).compile(schema);
  }
  return validator(data) ? [] : (validator.errors ?? []);
}

function describe(e: ErrorObject): string {
  const field = e.instancePath.split('/').filter(Boolean).join('.');
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    return `unknown field "${field ? `${field}.` : ''}${extra}"`;
  }
  if (e.keyword === 'required') message = `missing required field "${(e.params as { missingProperty: string }).missingProperty}"`;
  return field ? `field "${field}" ${message}` : message;
}

/** Parse and validate a configuration text. Pure: `file` is only used in messages. */
export function parseConfig(text: string, file: string): Config {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    const line = err.linePos?.[0]?.line;
    throw new UsageError(`config ${file}: invalid YAML${line ? ` at line ${line}` : ''}: ${err.message.split('\n')[0]}`, HINT);
  }
  const data = (doc.toJS() as unknown) ?? {};
  const errors = validate(data);
  if (errors.length) {
    const deepest = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0]!;
    throw new UsageError(`config ${file}: ${describe(deepest)}`, HINT);
  }
  return { file, ...(data as Omit<Config, 'file'>) };
}

/**
 * Read the configuration: `explicit` (--config) must exist; otherwise ascendify.config.yaml in
 * `root` is read when present. Returns undefined when there is none.
 */
export function loadConfig(root: string, explicit?: string): Config | undefined {
  const path = explicit ?? join(root, CONFIG_FILE_NAME);
  if (!explicit && !existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read config ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'check the --config path');
  }
  return { ...parseConfig(text, explicit ?? CONFIG_FILE_NAME), dir: dirname(resolve(path)) };
}
