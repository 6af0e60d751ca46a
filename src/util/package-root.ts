/** Where the package's data lives: dist/util/ and src/util/ both sit two levels below the package root. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
