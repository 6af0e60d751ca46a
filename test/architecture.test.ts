/**
 * The pipeline's shape, enforced: each folder of src/ may import only the folders listed for it,
 * so imports point one way (discover -> parse -> match -> score -> report) and nothing imports cli/.
 */
import { dirname, relative, resolve } from 'node:path';
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');

/** Folder (or top-level file) -> folders it may import. */
const ALLOWED: Record<string, string[]> = {
  model: [],
  util: ['model'],
  discover: ['model', 'util'],
  parse: ['model', 'util'],
  catalog: ['model', 'util'],
  config: ['model', 'util'],
  cache: ['model', 'util'],
  match: ['model', 'util'],
  score: ['model', 'util', 'match'],
  report: ['model', 'util', 'score'],
  ci: ['model', 'util', 'match', 'parse'],
  core: ['model', 'util', 'parse', 'catalog', 'match', 'ci', 'score'],
  parallel: ['model', 'util', 'discover', 'parse', 'catalog', 'cache', 'config', 'core'],
  'analyze.ts': ['model', 'util', 'discover', 'parse', 'catalog', 'config', 'cache', 'match', 'score', 'report', 'ci', 'parallel', 'core', 'pipeline.ts'],
  'pipeline.ts': ['model', 'util', 'discover', 'catalog', 'config', 'cache', 'match', 'score', 'report', 'ci', 'parallel', 'core'],
  cli: ['*'],
};

function layerOf(file: string): string {
  const rel = relative(resolve(ROOT, 'src'), file).split('\\').join('/');
  return rel.includes('/') ? (rel.split('/')[0] as string) : rel;
}

describe('architecture', () => {
  const project = new Project({ skipAddingFilesFromTsConfig: true });
  project.addSourceFilesAtPaths(resolve(ROOT, 'src/**/*.ts'));
  const files = project.getSourceFiles();

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('every src folder has a place in the layer table', () => {
    const unknown = [...new Set(files.map((f) => layerOf(f.getFilePath())))].filter((l) => !(l in ALLOWED));
    expect(unknown, 'add new folders to ALLOWED in test/architecture.test.ts').toEqual([]);
  });

  it('imports point down the pipeline', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file.getFilePath());
      const allowed = ALLOWED[from] ?? [];
      for (const decl of file.getImportDeclarations()) {
        const spec = decl.getModuleSpecifierValue();
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file.getFilePath()), spec);
        const to = layerOf(target.replace(/\.js$/, '.ts'));
        if (to === from || allowed.includes('*') || allowed.includes(to)) continue;
        violations.push(`${relative(ROOT, file.getFilePath())} imports ${spec} (${from} -> ${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('nothing outside cli/ imports cli/', () => {
    const bad = files
      .filter((f) => layerOf(f.getFilePath()) !== 'cli')
      .flatMap((f) => f.getImportDeclarations().map((d) => [f, d.getModuleSpecifierValue()] as const))
      .filter(([, spec]) => spec.startsWith('.') && /(^|\/)cli\//.test(spec))
      .map(([f, spec]) => `${relative(ROOT, f.getFilePath())} -> ${spec}`);
    expect(bad).toEqual([]);
  });
});
