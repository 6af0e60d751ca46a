/**
 * Output does not depend on the locale or the time zone (issue 18, item 4): the same scan under LC_ALL=C,
 * da_DK.UTF-8 (where "aa" sorts after "z") and et_EE.UTF-8 (where "z" sorts between "s" and "t"), in several time
 * zones, gives byte-identical reports in every format. Node's Intl (ICU) takes its default locale from LC_ALL/LANG
 * whether or not the system has the locale installed, so the test needs no locale-gen.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/spawn.js';

const ENVIRONMENTS: Record<string, NodeJS.ProcessEnv> = {
  C: { LC_ALL: 'C', LANG: 'C', LANGUAGE: '', TZ: 'UTC' },
  da: { LC_ALL: 'da_DK.UTF-8', LANG: 'da_DK.UTF-8', LANGUAGE: 'da', TZ: 'Europe/Copenhagen' },
  et: { LC_ALL: 'et_EE.UTF-8', LANG: 'et_EE.UTF-8', LANGUAGE: 'et', TZ: 'Pacific/Chatham' },
  tr: { LC_ALL: 'tr_TR.UTF-8', LANG: 'tr_TR.UTF-8', LANGUAGE: 'tr', TZ: 'Asia/Kathmandu' },
};

let dir: string;
let tree: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ascendify-locale-'));
  tree = join(dir, 'tree');
  // Folder names whose order differs between code points and the collations above; the same code in each, so
  // every count ties and only the name can order them.
  // Team rule families with such names too (the HTML family chart breaks ties by name).
  const families = ['aa', 'z', 't', 's', 'ch', 'h', 'a-b', 'a0'];
  mkdirSync(join(dir, 'rules'));
  families.forEach((fam, i) => {
    writeFileSync(
      join(dir, 'rules', `f${i}.yaml`),
      `family: ${JSON.stringify(fam)}\nrules:\n  - id: team-${i}\n    symbols: [teamCall${i}]\n    kind: function\n    targets:\n      ascend: { status: direct, replacement: [npuCall${i}], source: "wiki" }\n      cambricon: { status: none, note: "none yet" }\n`,
    );
  });
  const calls = families.map((_, i) => `teamCall${i}();`).join(' ');
  const code = `#include <cuda_runtime.h>\nvoid f(float** p) { cudaMallocManaged(p, 4); cudaFree(*p); ${calls} }\n`;
  for (const name of ['aa', 'z', 't', 's', 'Zb', '_u', 'ä', 'I', 'ı', 'ch', 'h']) {
    mkdirSync(join(tree, name), { recursive: true });
    writeFileSync(join(tree, name, 'k.cu'), code);
  }
  writeFileSync(join(tree, 'aa', 'CMakeLists.txt'), 'project(x LANGUAGES CXX CUDA)\nfind_package(CUDAToolkit)\ntarget_link_libraries(x CUDA::cudart CUDA::cublas)\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything the CLI prints about the tree, as file name -> bytes. */
function outputs(env: NodeJS.ProcessEnv, tag: string): Record<string, string> {
  const out = join(dir, `out-${tag}`);
  const rules = ['--rules', join(dir, 'rules')];
  const scan = runBin(['scan', '.', '--target', 'all', '--format', 'text,json,md,html,csv,sarif,github', '--output-dir', out, '--no-cache', '-q', '--jobs', '1', ...rules], { cwd: tree, env });
  expect(scan.code, scan.stderr).toBe(0);
  const files: Record<string, string> = {};
  for (const f of readdirSync(out).sort()) files[f] = readFileSync(join(out, f), 'utf8');
  const more: [string, string[]][] = [
    ['text-stdout', ['scan', '.', '--target', 'all', '--no-cache', '-q', '--jobs', '1', ...rules]],
    ['effort', ['effort', '.', '--target', 'all', '--no-cache', '-q', '--jobs', '1', ...rules]],
    ['effort-json', ['effort', '.', '--format', 'json', '--no-cache', '-q', '--jobs', '1', ...rules]],
    ['rules-stats', ['rules', 'stats', ...rules]],
    ['rules', ['rules', ...rules]],
    ['explain', ['explain', 'cudaMallocManaged']],
  ];
  for (const [name, args] of more) {
    const r = runBin(args, { cwd: tree, env });
    expect(r.code, `${name}: ${r.stderr}`).toBe(0);
    files[name] = r.stdout;
  }
  return files;
}

describe('locale and time zone', () => {
  it('every output is byte-identical under C, da_DK, et_EE and tr_TR in four time zones', () => {
    const base = outputs(ENVIRONMENTS.C!, 'C');
    expect(Object.keys(base).length).toBeGreaterThan(10);
    for (const [tag, env] of Object.entries(ENVIRONMENTS)) {
      if (tag === 'C') continue;
      const other = outputs(env, tag);
      expect(Object.keys(other)).toEqual(Object.keys(base));
      const differ = Object.keys(base).filter((k) => other[k] !== base[k]);
      expect(differ, `outputs that differ under ${tag}`).toEqual([]);
    }
  }, 600_000);

  it('the child really runs in the other locale (the test would be empty otherwise)', () => {
    const probe = (env: NodeJS.ProcessEnv): string =>
      runBin([], { shell: `"$NODE" -e "process.stdout.write(['aa','z'].sort((a, b) => a.localeCompare(b)).join())"`, env }).stdout;
    expect(probe(ENVIRONMENTS.C!)).toBe('aa,z');
    expect(probe(ENVIRONMENTS.da!)).toBe('z,aa');
  });
});
