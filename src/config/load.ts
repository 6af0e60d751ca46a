/**
 * Project configuration: ascendify.config.yaml in the scanned root, or the file given with --config.
 * Validated against schemas/config.schema.json by the one loader; every problem names the file and field.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ConfigFile } from '../model/generated/config.js';
import { InputError, UsageError } from '../util/errors.js';
import { globTest } from '../util/glob.js';
import { readRegularText, RefusedFile } from '../util/read-file.js';
import { loadValidated } from '../util/validated.js';

export const CONFIG_FILE_NAME = 'ascendify.config.yaml';
/** A config file larger than this is refused (a real one is a few kB). */
export const MAX_CONFIG_SIZE = 1024 * 1024;

/** The `ignore` section: findings to suppress by path or by rule. */
export type IgnoreConfig = NonNullable<ConfigFile['ignore']>;

/** A validated configuration file. */
export interface Config extends Omit<ConfigFile, 'effort'> {
  /** The file it was read from, as given (for messages). */
  file: string;
  /** The folder holding the file (absolute), which relative paths in it are resolved against. */
  dir?: string;
  /** Overrides of the effort weights (rules/effort.yaml), merged over the defaults by score/weights.ts. */
  effort?: Record<string, unknown>;
}

/** Parse and validate a configuration text. Pure: `file` is only used in messages. */
export function parseConfig(text: string, file: string): Config {
  const data = loadValidated<ConfigFile | null>('config', text.trim() ? text : '{}', `config ${file}`) ?? {};
  (data.ignore?.paths ?? []).forEach((glob, i) => {
    try {
      globTest(glob); // matched in linear time, or refused here (src/util/glob.ts)
    } catch (e) {
      throw new InputError(`config ${file}`, (e as Error).message, ['ignore', 'paths', i], 'fix the file; its format is described in schemas/config.schema.json');
    }
  });
  return { file, ...(data as Omit<Config, 'file'>) };
}

/**
 * Read the configuration: `explicit` (--config) must exist; otherwise ascendify.config.yaml in
 * `root` is read when present. Returns undefined when there is none. Only a regular file is read, and a
 * file inside the scanned root that links out of it is refused (docs/security.md).
 */
export function loadConfig(root: string, explicit?: string): Config | undefined {
  const path = explicit ?? join(root, CONFIG_FILE_NAME);
  if (!explicit && !existsSync(path)) return undefined;
  let text: string;
  try {
    text = readRegularText(path, { maxBytes: MAX_CONFIG_SIZE, root });
  } catch (e) {
    if (!(e instanceof RefusedFile)) throw e;
    const hint = e.reason.includes('outside the scanned root')
      ? 'a config inside the scanned tree is not followed out of it; pass the file it links to with --config'
      : explicit ? 'check the --config path' : `${CONFIG_FILE_NAME} in the scanned root must be a regular file; fix it or pass --config`;
    throw new UsageError(`cannot read config ${path}: it ${e.reason}`, hint);
  }
  return { ...parseConfig(text, explicit ?? CONFIG_FILE_NAME), dir: dirname(resolve(path)) };
}
