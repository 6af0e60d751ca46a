/** Reading and writing baseline files; a missing or malformed baseline is a UsageError naming the file, never "empty". */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { UsageError } from '../util/errors.js';
import { serializeBaseline, type Baseline } from './baseline.js';

let validator: ValidateFunction | undefined;
function baselineValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', 'baseline.schema.json'), 'utf8')) as object;
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator;
}

const HINT = 'create it with `ascendify baseline` (its format is schemas/baseline.schema.json)';

/** Validate a baseline text. `file` is only used in messages. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`baseline ${file} is not valid JSON: ${(e as Error).message}`, HINT);
  }
  const validate = baselineValidator();
  if (!validate(data)) {
    const e = [...(validate.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length)[0]!;
    const field = e.instancePath.split('/').filter(Boolean).join('.') || '(top level)';
    const detail = e.keyword === 'additionalProperties' ? `unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"` : e.message;
    throw new UsageError(`baseline ${file} is malformed: ${field}: ${detail}`, HINT);
  }
  return data as Baseline;
}

export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `baseline file not found: ${path}` : `cannot read baseline ${path}: ${code ?? (e as Error).message}`, HINT);
  }
  return parseBaseline(text, path);
}

export function writeBaseline(path: string, baseline: Baseline): void {
  try {
    writeFileSync(path, serializeBaseline(baseline));
  } catch (e) {
    throw new UsageError(`cannot write baseline ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'choose a writable --output path');
  }
}
