#!/usr/bin/env node
/**
 * Re-reads every source cited in rules/operators.yaml and checks that the file, at the cited ref, contains
 * every operator name as an identifier (the catalog convention for sources, research/CATALOG-CONVENTIONS.md).
 *
 *   node scripts/check-operator-sources.mjs --mirrors /work/.mirror
 *
 * A mirror is a bare git directory at <mirrors>/<owner>+<repo>/repo. Prints one line per (pattern, vendor) and
 * exits 1 when a name is missing from its source or a source cannot be read.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const mirrors = args[args.indexOf('--mirrors') + 1];
if (!args.includes('--mirrors') || !mirrors) {
  console.error('usage: check-operator-sources.mjs --mirrors DIR');
  process.exit(2);
}
const doc = parse(readFileSync(join(ROOT, 'rules', 'operators.yaml'), 'utf8'));
const cache = new Map();
function show(source) {
  if (cache.has(source)) return cache.get(source);
  const m = /^([^/]+)\/([^@]+)@([^:]+):(.+)$/.exec(source);
  let text;
  if (m) {
    // The owner's mirror first, then other mirrors of the same repository (vendor mirrors carry the release tags).
    const dirs = [`${m[1]}+${m[2]}`, ...readdirSync(mirrors).filter((d) => d.endsWith(`+${m[2]}`) && d !== `${m[1]}+${m[2]}`).sort()];
    for (const d of dirs) {
      const git = join(mirrors, d, 'repo');
      if (!existsSync(git)) continue;
      try {
        text = execFileSync('git', ['--git-dir', git, 'show', `${m[3]}:${m[4]}`], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
        break;
      } catch {
        text = undefined;
      }
    }
  }
  cache.set(source, text);
  return text;
}
let bad = 0;
for (const p of doc.operators) {
  for (const [vendor, answer] of Object.entries(p.targets)) {
    if (!answer.operators.length) continue;
    const sources = answer.source === undefined ? [] : Array.isArray(answer.source) ? answer.source : [answer.source];
    if (!sources.length) {
      console.log(`MISSING SOURCE ${p.id} ${vendor}`);
      bad++;
      continue;
    }
    const texts = sources.map(show);
    if (texts.some((t) => t === undefined)) {
      console.log(`UNREADABLE ${p.id} ${vendor}: ${sources.filter((s, i) => texts[i] === undefined).join(', ')}`);
      bad++;
      continue;
    }
    const missing = answer.operators.filter((name) => !texts.some((t) => new RegExp(`\\b${name}\\b`).test(t)));
    if (missing.length) {
      console.log(`NOT IN SOURCE ${p.id} ${vendor}: ${missing.join(', ')}`);
      bad++;
    } else {
      console.log(`ok ${p.id} ${vendor}`);
    }
  }
}
process.exit(bad ? 1 : 0);
