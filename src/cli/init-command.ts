/**
 * `ascendify init`: set a repository up for the CI gate in one command. Writes ascendify.config.yaml (commented
 * defaults), the baseline of today's findings, and a CI workflow for the platform it detects (GitHub Actions or
 * GitLab CI; --ci to choose). For a monorepo (--shards auto: three or more top-level folders with CUDA uses and
 * 200,000 lines or more; or --shards a,b,c) the workflow scans one shard per job of a matrix, each against its
 * own baseline, and merges the shards into one report. Existing files are kept unless --force.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { buildBaseline } from '../ci/baseline.js';
import { parseFailOn } from '../ci/gate.js';
import { CONFIG_FILE_NAME } from '../config/load.js';
import { messages, type Lang } from '../report/i18n/index.js';
import { componentOf } from '../util/component.js';
import { UsageError } from '../util/errors.js';
import { byCodePoint } from '../util/order.js';
import { TOOL_VERSION } from '../util/version.js';
import { writeBaseline } from '../ci/baseline-file.js';
import type { CliIo } from './io.js';
import { CONFIG_TEMPLATE, githubWorkflow, gitlabWorkflow, WORKFLOW_PATH, type InitPlan, type Platform, type Shard } from './init-templates.js';
import { addScanOptions, runScan } from './scan-options.js';

/** Monorepo thresholds of --shards auto. */
export const MONOREPO = { folders: 3, lines: 200_000 } as const;
export const DEFAULT_INSTALL = 'npm install -g github:ascendify/ascendify';

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The CI platform of a repository: its CI files first, then its remote's host; GitHub when nothing says. */
export function detectPlatform(root: string): { platform: Platform; why: string } {
  if (existsSync(join(root, '.gitlab-ci.yml'))) return { platform: 'gitlab', why: '.gitlab-ci.yml exists' };
  if (existsSync(join(root, '.github'))) return { platform: 'github', why: '.github/ exists' };
  const remote = git(root, ['remote', 'get-url', 'origin']) ?? '';
  if (/gitlab/i.test(remote)) return { platform: 'gitlab', why: `remote ${remote}` };
  if (/github\.com/i.test(remote)) return { platform: 'github', why: `remote ${remote}` };
  return { platform: 'github', why: 'nothing else detected; --ci gitlab for GitLab CI' };
}

function defaultBranch(root: string): string {
  const head = git(root, ['symbolic-ref', '--short', 'refs/remotes/origin/HEAD']);
  if (head?.startsWith('origin/')) return head.slice(7);
  return git(root, ['symbolic-ref', '--short', 'HEAD']) ?? 'main';
}

/** Shard names usable in file names and job names. */
const shardName = (folder: string): string => folder.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'root';

/** The shards of a monorepo: one per folder, and `rest` for everything else. */
export function planShards(folders: string[]): Shard[] {
  const sorted = [...folders].sort(byCodePoint);
  return [
    ...sorted.map((f) => ({ name: shardName(f), path: f, exclude: [], baseline: `.ascendify/baseline-${shardName(f)}.json` })),
    { name: 'rest', path: '.', exclude: sorted.map((f) => `${f}/**`), baseline: '.ascendify/baseline-rest.json' },
  ];
}

export function registerInitCommand(program: Command, io: CliIo, setExit: (code: number) => void, lang: Lang): void {
  const cmd = program
    .command('init')
    .description('set up the CI gate: write ascendify.config.yaml, the baseline and a CI workflow (GitHub Actions or GitLab CI) for this repository')
    .argument('[path]', 'the repository root', '.')
    .option('--ci <platform>', 'auto, github, gitlab or none (no workflow)', 'auto')
    .option('--shards <folders>', 'auto (a matrix for monorepos), none, or the folders to scan in parallel jobs, comma-separated', 'auto')
    .option('--fail-on <status>', 'what the gate fails on (see docs/ci.md)', 'none')
    .option('--install <command>', 'how CI installs ascendify', DEFAULT_INSTALL)
    .option('--force', 'overwrite files that exist');
  addScanOptions(cmd, { description: 'the baseline file (default .ascendify-baseline.json; with shards .ascendify/baseline-<shard>.json)' }).action(
    async (path: string, opts: Record<string, unknown>) => {
      const m = messages(lang);
      const root = resolve(io.cwd, path);
      if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`not a folder: ${path}`, 'run ascendify init in the repository root, or give its path');
      const failOn = parseFailOn(String(opts.failOn));
      const ci = String(opts.ci);
      if (!['auto', 'github', 'gitlab', 'none'].includes(ci)) throw new UsageError(`unknown --ci "${ci}"`, 'use auto, github, gitlab or none');
      const force = Boolean(opts.force);
      /** Write a file (relative to the root) unless it exists and there is no --force. */
      const put = (rel: string, write: string | ((file: string) => void)): void => {
        const file = join(root, rel);
        if (existsSync(file) && !force) {
          io.stderr(`${m.initKept(rel)}\n`);
          return;
        }
        mkdirSync(dirname(file), { recursive: true });
        if (typeof write === 'string') writeFileSync(file, write);
        else write(file);
        io.stderr(`${m.initWrote(rel)}\n`);
      };
      const top = git(root, ['rev-parse', '--show-toplevel']);
      if (top && resolve(top) !== root) io.stderr(`ascendify: the workflow assumes ${path} is the repository root (${top}); paths in it are relative to ${path}\n`);

      // One scan of everything: the baseline (one job) and what --shards auto looks at.
      const whole = await runScan([root], opts, io);
      const shardsOpt = String(opts.shards);
      let folders: string[] = [];
      if (shardsOpt === 'auto') {
        const counted = whole.report.findings.filter((f) => !f.suppressed);
        const withUses = [...new Set(counted.map((f) => componentOf(f.file, 1)))].filter((c) => c !== '.');
        if (withUses.length >= MONOREPO.folders && whole.report.summary.lines >= MONOREPO.lines) folders = withUses;
      } else if (shardsOpt !== 'none') {
        folders = shardsOpt.split(',').map((s) => s.trim().replace(/^\.\//, '').replace(/\/+$/, '')).filter(Boolean);
        for (const f of folders) {
          if (!existsSync(join(root, f)) || !statSync(join(root, f)).isDirectory()) throw new UsageError(`--shards: not a folder: ${f}`, 'name folders relative to the repository root, comma-separated');
        }
      }
      const shards = folders.length ? planShards(folders) : [];
      const baseline = (opts.output as string | undefined) ?? '.ascendify-baseline.json';
      if (!shards.length) {
        put(baseline, (file) => writeBaseline(file, buildBaseline(whole.report.findings, whole.fingerprints, TOOL_VERSION)));
      } else {
        const userExcludes = (opts.exclude as string[]) ?? [];
        for (const s of shards) {
          const result = await runScan([join(root, s.path)], { ...opts, exclude: [...userExcludes, ...s.exclude], quiet: true }, io);
          put(s.baseline, (file) => writeBaseline(file, buildBaseline(result.report.findings, result.fingerprints, TOOL_VERSION)));
        }
        io.stderr(`${m.initShards(shards.length)}\n`);
      }
      put(CONFIG_FILE_NAME, CONFIG_TEMPLATE);
      if (ci !== 'none') {
        const detected = ci === 'auto' ? detectPlatform(root) : { platform: ci as Platform, why: '--ci' };
        io.stderr(`${m.initPlatform(detected.platform === 'github' ? 'GitHub Actions' : 'GitLab CI', detected.why)}\n`);
        const target = opts.target && opts.target !== 'all' ? String(opts.target) : undefined;
        const plan: InitPlan = {
          platform: detected.platform, branch: defaultBranch(root), install: String(opts.install), baseline, shards, failOn, version: TOOL_VERSION,
          ...(target ? { target } : {}),
        };
        let file = WORKFLOW_PATH[plan.platform];
        if (plan.platform === 'gitlab' && existsSync(join(root, file)) && !force) {
          // A project's own pipeline stays; ours goes beside it, to be included.
          file = 'ci/ascendify.gitlab-ci.yml';
          io.stderr(`  .gitlab-ci.yml exists: add \`include: { local: ${file} }\` to it\n`);
        }
        put(file, plan.platform === 'github' ? githubWorkflow(plan) : gitlabWorkflow(plan));
      }
      io.stderr(`${m.initNext}\n`);
      setExit(0);
    },
  );
}
