#!/usr/bin/env node
/**
 * Materialise the CUDA originals of the calibration ports (calibration/ports.yaml, or the file given) into each
 * port's `source` folder, at the pinned commit and paths. Third-party code: the folders are git-ignored and never
 * committed.
 *
 *   node scripts/calibration-sources.mjs --mirrors /work/.mirror [ports.yaml]   # bare mirrors <owner>+<repo>/repo
 *   node scripts/calibration-sources.mjs --clone [ports.yaml]                   # git clone from GitHub
 *
 * A folder already holding the pinned commit (its .ascendify-source file says so) is left alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--mirrors');
const mirrors = at >= 0 ? args[at + 1] : undefined;
const clone = args.includes('--clone');
const positional = args.filter((a, i) => !a.startsWith('--') && !(at >= 0 && i === at + 1));
const file = resolve(positional[0] ?? join(ROOT, 'calibration', 'ports.yaml'));
if (!mirrors && !clone) {
  console.error('usage: calibration-sources.mjs (--mirrors DIR | --clone) [ports.yaml]');
  process.exit(2);
}
const doc = parse(readFileSync(file, 'utf8'));
let failed = 0;
for (const port of doc.ports) {
  if (!port.cuda) {
    console.log(`${port.id}: no cuda: section, skipped`);
    continue;
  }
  const dir = isAbsolute(port.source) ? port.source : join(dirname(file), port.source);
  const marker = join(dir, '.ascendify-source');
  const want = `${port.cuda.repo}@${port.cuda.commit}\n${port.cuda.paths.join('\n')}\n`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want) {
    console.log(`${port.id}: up to date`);
    continue;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let git;
  let temp;
  if (mirrors) {
    const [owner, name] = port.cuda.repo.split('/');
    git = join(mirrors, `${owner}+${name}`, 'repo');
    if (!existsSync(git)) {
      console.error(`${port.id}: no mirror at ${git}`);
      failed++;
      continue;
    }
  } else {
    temp = mkdtempSync(join(tmpdir(), 'ascendify-calibration-'));
    execFileSync('git', ['clone', '--bare', '--filter=blob:none', `https://github.com/${port.cuda.repo}.git`, temp], { stdio: 'inherit' });
    git = temp;
  }
  try {
    const tar = execFileSync('git', ['--git-dir', git, 'archive', port.cuda.commit, '--', ...port.cuda.paths], { maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    writeFileSync(marker, want);
    console.log(`${port.id}: ${port.cuda.repo}@${port.cuda.commit.slice(0, 12)} -> ${dir}`);
  } catch (e) {
    console.error(`${port.id}: ${e.message}`);
    failed++;
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
