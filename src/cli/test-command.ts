/**
 * `ascendify test [rules-dirs…]`: run rule fixtures (src/core/rule-tests.ts). Without a folder, the shipped
 * families; with folders, a team's own rule files, each beside its `<name>.fixture.<ext>`. `--update` rewrites
 * the expected answers of every `ruleid` annotation to what the catalog answers now.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { loadCatalog, SHIPPED_RULES_DIR } from '../catalog/load.js';
import { checkFixture, passed, updateFixture, type FixtureResult } from '../core/rule-tests.js';
import type { Catalog } from '../model/index.js';
import { UsageError } from '../util/errors.js';
import { byCodePoint } from '../util/order.js';
import { readRegularText, RefusedFile } from '../util/read-file.js';
import type { CliIo } from './io.js';
import { colorOf } from './scan-options.js';

/** A rule file and the fixtures beside it. */
interface Suite {
  /** The rule file, as the catalog names it (families/runtime.yaml, or the path given for user rules). */
  ruleFile: string;
  fixtures: string[];
}

/** Fixtures are small source files; a larger one is refused, not read. */
const MAX_FIXTURE_SIZE = 4 * 1024 * 1024;

function suitesIn(dir: string, ruleFileName: (path: string) => string): Suite[] {
  const out: Suite[] = [];
  // Folders linked from elsewhere are not followed (a link cycle would never end).
  const walk = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => byCodePoint(a.name, b.name));
    const names = entries.map((e) => e.name);
    for (const e of entries) {
      const n = e.name;
      const p = join(d, n);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(n)) {
        const stem = n.replace(/\.ya?ml$/, '');
        const fixtures = names.filter((x) => x.startsWith(`${stem}.fixture.`)).map((x) => join(d, x));
        out.push({ ruleFile: ruleFileName(p), fixtures });
      }
    }
  };
  walk(dir);
  return out;
}

export interface TestRun {
  results: FixtureResult[];
  /** Rule files without a fixture. */
  untested: string[];
  updated: string[];
}

export function runRuleTests(dirs: string[], update: boolean): TestRun {
  let catalog: Catalog;
  let suites: Suite[];
  if (dirs.length) {
    for (const d of dirs) {
      let isDir = false;
      try {
        isDir = statSync(d).isDirectory();
      } catch {
        throw new UsageError(`rules folder not found: ${d}`, 'give the folder that holds your rule files and their fixtures');
      }
      if (!isDir) throw new UsageError(`${d} is not a folder`, 'give the folder that holds your rule files and their fixtures');
    }
    catalog = loadCatalog({ userRules: dirs });
    suites = dirs.flatMap((d) => suitesIn(d, (p) => p));
  } else {
    catalog = loadCatalog();
    suites = suitesIn(join(SHIPPED_RULES_DIR, 'families'), (p) => relative(SHIPPED_RULES_DIR, p).split('\\').join('/'));
  }
  const results: FixtureResult[] = [];
  const untested: string[] = [];
  const updated: string[] = [];
  for (const suite of suites) {
    if (!suite.fixtures.length) {
      untested.push(suite.ruleFile);
      continue;
    }
    const rules = new Set(catalog.rules.filter((r) => r.file === suite.ruleFile).map((r) => r.id));
    for (const fixture of suite.fixtures) {
      const shown = dirs.length ? fixture : relative(SHIPPED_RULES_DIR, fixture).split('\\').join('/');
      let text: string;
      try {
        text = readRegularText(fixture, { maxBytes: MAX_FIXTURE_SIZE });
      } catch (e) {
        if (!(e instanceof RefusedFile)) throw e;
        throw new UsageError(`cannot read the fixture ${shown}: it ${e.reason}`, 'a fixture is a regular file next to its rule file, at most 4 MB');
      }
      if (update) {
        const next = updateFixture(shown, text, catalog);
        if (next !== text) {
          writeFileSync(fixture, next);
          updated.push(shown);
          text = next;
        }
      }
      results.push(checkFixture(shown, text, catalog, rules));
    }
  }
  return { results, untested, updated };
}

export function renderTestRun(run: TestRun, color: boolean): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  for (const r of run.results) {
    const ok = passed(r);
    out.push(`${ok ? c.green('pass') : c.red('FAIL')}  ${r.file}  ${c.dim(`${r.validated.length} validated`)}`);
    for (const e of r.errors) out.push(`        ${c.red('error')}    ${e}`);
    for (const m of r.missing) out.push(`        ${c.red('missing')}  ${m}`);
    for (const n of r.noisy) out.push(`        ${c.red('noisy')}    ${n}`);
    for (const w of r.wrong) out.push(`        ${c.red('wrong')}    ${w.line}:${w.ruleId} on ${w.target}: expected ${w.expected}, got ${w.actual}`);
  }
  for (const u of run.untested) out.push(`${c.yellow('none')}  ${u}: no fixture (${basename(u).replace(/\.ya?ml$/, '')}.fixture.<ext> beside it)`);
  for (const u of run.updated) out.push(`${c.cyan('updated')}  ${u}`);
  const failed = run.results.filter((r) => !passed(r)).length;
  out.push('', `${run.results.length} fixture${run.results.length === 1 ? '' : 's'}, ${failed ? c.red(`${failed} failed`) : c.green('all passed')}${run.untested.length ? `, ${run.untested.length} rule file${run.untested.length === 1 ? '' : 's'} without a fixture` : ''}`);
  return `${out.join('\n')}\n`;
}

export function registerTestCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('test')
    .description('run rule fixtures: the shipped families, or your own rule folders (each rule file beside its <name>.fixture.<ext>)')
    .argument('[rules-dirs...]', 'folders of your rule files and fixtures (default: the shipped catalog)')
    .option('--update', 'rewrite the expected answers of every ruleid annotation to what the catalog answers now (review the diff)')
    .option('--no-color', 'no colour')
    .action((dirs: string[], opts: Record<string, unknown>) => {
      const run = runRuleTests(dirs, Boolean(opts.update));
      io.stdout(renderTestRun(run, colorOf(io, opts)));
      setExit(run.results.every(passed) ? 0 : 1);
    });
}
