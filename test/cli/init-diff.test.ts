/**
 * `ascendify init` (config, baseline, a CI workflow per platform, sharded for monorepos), `ascendify diff`, and the
 * report options on the command line (filters, --lang, --source-url, --sarif-max-results).
 *
 * The workflows are checked structurally here (the keys each platform requires, every step and job wired up), and
 * against the platform's JSON schema when one is given: ASCENDIFY_CI_SCHEMAS=<dir> holding SchemaStore's
 * github-workflow.json (GitHub) and GitLab's ci.json. The schemas are not part of this repository.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { githubWorkflow, gitlabWorkflow, type InitPlan } from '../../src/cli/init-templates.js';
import { planShards } from '../../src/cli/init-command.js';
import { parseConfig } from '../../src/config/load.js';
import { CONFIG_TEMPLATE } from '../../src/cli/init-templates.js';
import { cli } from '../helpers/cli.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');
const SCHEMAS = process.env.ASCENDIFY_CI_SCHEMAS;
const dir = mkdtempSync(join(tmpdir(), 'ascendify-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plan = (over: Partial<InitPlan> = {}): InitPlan => ({
  platform: 'github', branch: 'main', install: 'npm install -g ascendify', baseline: '.ascendify-baseline.json', shards: [], failOn: 'none', version: '9.9.9', ...over,
});

type Job = { steps?: { uses?: string; run?: string; with?: Record<string, unknown>; if?: string }[]; needs?: unknown; strategy?: { matrix?: { include?: Record<string, string>[] } } };

/** What GitHub requires of a workflow (on, jobs, runs-on, steps with uses or run) and what ours must do. */
function checkGithub(text: string): Record<string, Job> {
  const wf = parseYaml(text) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job & { 'runs-on': string }> };
  expect(Object.keys(wf.on)).toEqual(['pull_request', 'push']);
  expect(wf.permissions['security-events']).toBe('write');
  for (const [name, job] of Object.entries(wf.jobs)) {
    expect(job['runs-on'], name).toBeTruthy();
    for (const s of job.steps ?? []) expect(Boolean(s.uses) !== Boolean(s.run), `${name}: a step has uses or run`).toBe(true);
  }
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
  expect(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@') && String(s.with?.sarif_file).endsWith('.sarif'))).toBe(true);
  expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
  expect(steps.some((s) => /ascendify scan .*--baseline .*--fail-on none/.test(s.run ?? ''))).toBe(true);
  if (SCHEMAS) {
    const schema = JSON.parse(readFileSync(join(SCHEMAS, 'github-workflow.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    expect(validate(parseYaml(text)) ? [] : validate.errors).toEqual([]);
  }
  return wf.jobs;
}

/** What GitLab requires of a job (script; stage, image, rules of the documented shapes) and what ours must do. */
function checkGitlab(text: string): Record<string, Record<string, unknown>> {
  const wf = parseYaml(text) as Record<string, Record<string, unknown>>;
  const jobs = Object.fromEntries(Object.entries(wf).filter(([k]) => !['stages', 'variables', 'default', 'include', 'workflow'].includes(k)));
  for (const [name, job] of Object.entries(jobs)) {
    expect(Array.isArray(job.script), `${name}: script`).toBe(true);
    expect(job.when === undefined || job.rules === undefined, `${name}: when and rules do not mix`).toBe(true);
    expect((job.artifacts as { paths: string[] }).paths.length).toBeGreaterThan(0);
    for (const r of job.rules as { if: string }[]) expect(typeof r.if).toBe('string');
  }
  if (SCHEMAS && existsSync(join(SCHEMAS, 'ci.json'))) {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, 'ci.json'), 'utf8')));
    expect(validate(wf) ? [] : validate.errors).toEqual([]);
  }
  return jobs;
}

describe('init templates', () => {
  it('writes a config file that the config loader accepts, every setting commented', () => {
    expect(parseConfig(CONFIG_TEMPLATE, 'ascendify.config.yaml')).toMatchObject({ ignore: { paths: [], rules: [] } });
  });

  it('GitHub Actions: one job that gates, uploads SARIF and keeps the HTML report', () => {
    const jobs = checkGithub(githubWorkflow(plan({ target: 'ascend-910b' })));
    expect(Object.keys(jobs)).toEqual(['ascendify']);
    expect(jobs.ascendify!.steps!.map((s) => s.run ?? s.uses).join('\n')).toContain('--target ascend-910b --baseline .ascendify-baseline.json --fail-on none --format sarif,html,md,json');
  });

  it('GitHub Actions for a monorepo: a matrix of shards, each against its baseline, and a merge job', () => {
    const jobs = checkGithub(githubWorkflow(plan({ shards: planShards(['libs/b', 'apps']) })));
    const include = jobs.scan!.strategy!.matrix!.include!;
    expect(include.map((i) => i.shard)).toEqual(['apps', 'libs-b', 'rest']);
    expect(include[2]).toMatchObject({ path: '.', args: "--exclude 'apps/**' --exclude 'libs/b/**'", baseline: '.ascendify/baseline-rest.json' });
    expect(jobs.report!.needs).toBe('scan');
    expect(jobs.report!.steps!.some((s) => /ascendify merge shards\/\*\.json/.test(s.run ?? ''))).toBe(true);
  });

  it('GitLab CI: one job, or parallel shards and a merge job, reports kept as artifacts', () => {
    const one = checkGitlab(gitlabWorkflow(plan({ platform: 'gitlab' })));
    expect(Object.keys(one)).toEqual(['ascendify']);
    const sharded = checkGitlab(gitlabWorkflow(plan({ platform: 'gitlab', shards: planShards(['a', 'b']) })));
    expect(Object.keys(sharded)).toEqual(['ascendify-scan', 'ascendify-report']);
    const matrix = (sharded['ascendify-scan']!.parallel as { matrix: Record<string, string>[] }).matrix;
    expect(matrix.map((m) => m.SHARD)).toEqual(['a', 'b', 'rest']);
    expect(sharded['ascendify-report']!.needs).toEqual(['ascendify-scan']);
  });
});

describe('ascendify init', () => {
  it('writes the config, the baseline and the workflow; keeps them on a second run; the gate then passes', async () => {
    const repo = join(dir, 'repo');
    cpSync(join(SAMPLES, 'vector-add'), join(repo, 'src'), { recursive: true });
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);
    mkdirSync(join(repo, '.github'));
    const first = await cli(['init', repo, '--no-cache', '--jobs', '1', '-q']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('CI platform: GitHub Actions (.github/ exists)');
    for (const f of ['ascendify.config.yaml', '.ascendify-baseline.json', '.github/workflows/ascendify.yml']) expect(existsSync(join(repo, f)), f).toBe(true);
    checkGithub(readFileSync(join(repo, '.github/workflows/ascendify.yml'), 'utf8'));
    const baseline = JSON.parse(readFileSync(join(repo, '.ascendify-baseline.json'), 'utf8'));
    expect(baseline.entries.length).toBe(27);
    const again = await cli(['init', repo, '--no-cache', '--jobs', '1', '-q']);
    expect(again.stderr).toContain('kept ascendify.config.yaml (exists; --force to overwrite)');
    // The gate the workflow runs passes on the unchanged tree.
    const gate = await cli(['scan', repo, '--baseline', join(repo, '.ascendify-baseline.json'), '--fail-on', 'none', '--no-cache', '-j', '1', '-q', '--format', 'json']);
    expect(gate.code, gate.stderr).toBe(0);
  });

  it('shards a monorepo on request, one baseline per shard, and writes GitLab CI when asked', async () => {
    const repo = join(dir, 'mono');
    for (const s of ['vector-add', 'reduction', 'nccl-allreduce']) cpSync(join(SAMPLES, s), join(repo, s), { recursive: true });
    const r = await cli(['init', repo, '--ci', 'gitlab', '--shards', 'vector-add,reduction', '--no-cache', '--jobs', '1', '-q']);
    expect(r.code, r.stderr).toBe(0);
    for (const s of ['vector-add', 'reduction', 'rest']) expect(existsSync(join(repo, `.ascendify/baseline-${s}.json`)), s).toBe(true);
    const rest = JSON.parse(readFileSync(join(repo, '.ascendify/baseline-rest.json'), 'utf8'));
    expect(rest.entries.every((e: { file: string }) => e.file.startsWith('nccl-allreduce/'))).toBe(true);
    checkGitlab(readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8'));
    expect((await cli(['init', repo, '--ci', 'jenkins'])).code).toBe(2);
  });
});

describe('ascendify diff', () => {
  it('lists new, fixed and changed uses with deltas, in text, Markdown and JSON', async () => {
    const a = join(dir, 'diff-a');
    cpSync(join(SAMPLES, 'vector-add'), a, { recursive: true });
    const old = join(dir, 'old.json');
    expect((await cli(['scan', a, '--format', 'json', '--output', old, '--no-cache', '-j', '1', '-q'])).code).toBe(0);
    const file = join(a, 'vector_add.cu');
    const src = readFileSync(file, 'utf8');
    writeFileSync(file, `${src.replace('CUDA_CHECK(cudaSetDevice(dev));', 'CUDA_CHECK(aclrtSetDevice(dev));')}\nvoid extra() { cudaDeviceSynchronize(); cudaMallocManaged(0, 4); }\n`);
    const now = join(dir, 'new.json');
    expect((await cli(['scan', a, '--format', 'json', '--output', now, '--no-cache', '-j', '1', '-q'])).code).toBe(0);
    const json = await cli(['diff', old, now, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const d = JSON.parse(json.stdout);
    expect(d.new.map((f: { symbol: string }) => f.symbol).sort()).toEqual(['cudaDeviceSynchronize', 'cudaMallocManaged']);
    expect(d.fixed.map((f: { symbol: string }) => f.symbol)).toEqual(['cudaSetDevice']);
    expect(d.counts).toMatchObject({ new: 2, fixed: 1, changed: 0 });
    expect(d.targets[0].uses[1] - d.targets[0].uses[0]).toBe(1);
    expect(d.targets[0].days).toHaveLength(2);
    const text = await cli(['diff', old, now]);
    expect(text.stdout).toContain('2 new, 1 fixed, 0 changed');
    expect(text.stdout).toMatch(/New CUDA uses \(2\)/);
    const md = await cli(['diff', old, now, '--format', 'md', '--lang', 'zh-CN']);
    expect(md.stdout).toContain('## 两次扫描之间的变化');
    expect(md.stdout).toContain('### 新增的 CUDA 调用 (2)');
    expect((await cli(['diff', old, join(dir, 'missing.json')])).code).toBe(2);
    const filtered = join(dir, 'filtered.json');
    await cli(['scan', a, '--format', 'json', '--output', filtered, '--blockers', '--no-cache', '-j', '1', '-q']);
    const refused = await cli(['diff', old, filtered]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is a filtered report');
  });
});

describe('report options on the command line', () => {
  it('filters every format alike, the gate still judges the whole scan', async () => {
    const out = join(dir, 'filtered-out');
    const r = await cli(['scan', join(SAMPLES, 'vector-add'), '--status', 'rewrite', '--format', 'json,csv,sarif,md', '--output-dir', out, '--fail-on', 'partial', '--no-cache', '-j', '1', '-q']);
    expect(r.code).toBe(1); // partial uses exist, though only rewrites are listed
    const json = JSON.parse(readFileSync(join(out, 'ascendify-report.json'), 'utf8'));
    expect(json.filter).toEqual({ criteria: { status: ['rewrite'] }, listed: 2, total: 27 });
    expect(json.summary.findings).toBe(27);
    const csv = readFileSync(join(out, 'ascendify-report.csv'), 'utf8').trim().split('\r\n');
    expect(csv).toHaveLength(3);
    const sarif = JSON.parse(readFileSync(join(out, 'ascendify-report.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(2);
    expect(readFileSync(join(out, 'ascendify-report.md'), 'utf8')).toContain('Filtered (`--status rewrite`): 2 of 27 CUDA uses listed');
    const bad = await cli(['scan', SAMPLES, '--min-confidence', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown confidence "maybe"');
  });

  it('merge takes the same filters, applied to the merged report', async () => {
    const a = join(dir, 'shard-a.json');
    const b = join(dir, 'shard-b.json');
    await cli(['scan', join(SAMPLES, 'vector-add'), '--format', 'json', '--output', a, '--no-cache', '-j', '1', '-q']);
    await cli(['scan', join(SAMPLES, 'reduction'), '--format', 'json', '--output', b, '--no-cache', '-j', '1', '-q']);
    const r = await cli(['merge', a, b, '--path', 'samples/reduction/**', '--blockers']);
    expect(r.code, r.stderr).toBe(0);
    const merged = JSON.parse(r.stdout);
    expect(merged.filter.criteria).toEqual({ blockers: true, path: ['samples/reduction/**'] });
    expect(merged.findings.length).toBeGreaterThan(0);
    expect(merged.findings.every((f: { file: string }) => f.file.startsWith('samples/reduction/'))).toBe(true);
    expect(merged.summary.findings).toBe(merged.filter.total);
    // A filtered shard would bring wrong totals: refused.
    const filtered = join(dir, 'shard-filtered.json');
    await cli(['scan', join(SAMPLES, 'reduction'), '--blockers', '--format', 'json', '--output', filtered, '--no-cache', '-j', '1', '-q']);
    const refused = await cli(['merge', a, filtered]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is a filtered report');
  });

  it('--lang zh-CN switches messages and reports; a bad --lang is a usage error', async () => {
    const r = await cli(['scan', join(SAMPLES, 'vector-add'), '--lang', 'zh-CN', '--no-cache', '-j', '1', '-q']);
    expect(r.stdout).toContain('最常用的 CUDA API');
    const err = await cli(['scan', 'no/such/path', '--lang', 'zh-CN']);
    expect(err.stderr).toMatch(/^ascendify: 错误: path not found/);
    const env = await cli(['scan', join(SAMPLES, 'vector-add'), '--no-cache', '-j', '1', '-q'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(env.stdout).toContain('最常用的 CUDA API');
    expect((await cli(['scan', '.', '--lang', 'fr'])).code).toBe(2);
    const progress = await cli(['progress', join(SAMPLES, 'vector-add'), '--lang', 'zh-CN', '--no-cache', '-j', '1', '-q']);
    expect(progress.stdout).toContain('尚未发现目标代码');
  });

  it('--source-url needs a usable template; --sarif-max-results a number up to 25000', async () => {
    const bad = await cli(['scan', join(SAMPLES, 'vector-add'), '--source-url', 'javascript:alert(1)/{path}', '--no-cache', '-q']);
    expect(bad.code).toBe(2);
    const ok = await cli(['scan', join(SAMPLES, 'vector-add'), '--format', 'md', '--source-url', 'https://git.example/r/blob/main/{path}#L{line}', '--no-cache', '-j', '1', '-q']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/\]\(https:\/\/git\.example\/r\/blob\/main\/samples\/vector-add\/vector_add\.cu#L\d+\)/);
    expect((await cli(['scan', SAMPLES, '--sarif-max-results', '30000'])).code).toBe(2);
  });
});
