/**
 * What `ascendify init` writes, as pure functions of a plan: the commented config file and the CI workflow
 * for GitHub Actions or GitLab CI (one job, or for a monorepo a job matrix of shards and a merge job).
 * test/cli/init.test.ts validates the workflows (docs/ci.md describes them).
 */

export type Platform = 'github' | 'gitlab';

/** One shard of a monorepo scan: a folder, or the rest of the tree (`path: '.'` with the sharded folders excluded). */
export interface Shard {
  name: string;
  path: string;
  exclude: string[];
  baseline: string;
}

export interface InitPlan {
  platform: Platform;
  /** The branch pushes to which are gated as well as pull requests. */
  branch: string;
  /** How CI installs ascendify. */
  install: string;
  /** `--target` of every scan (undefined: the default). */
  target?: string;
  /** The baseline (no shards). */
  baseline: string;
  /** Shards: empty for one job. */
  shards: Shard[];
  /** The gate's threshold. */
  failOn: string;
  version: string;
}

export const CONFIG_TEMPLATE = `# ascendify configuration (schema: schemas/config.schema.json; docs: README.md, docs/ci.md)
# Written by \`ascendify init\`. Every setting is optional; the commented values are the defaults.

# Findings to suppress everywhere. Suppressed findings stay in the JSON and SARIF reports, marked,
# and do not count toward --fail-on or the totals. In code: // ascendify-ignore <rule|symbol> -- reason
ignore:
  paths: []            # globs relative to this folder, e.g. ["third_party/**", "**/*_test.cu"]
  rules: []            # rule ids or CUDA symbols, e.g. [runtime-malloc-managed, cudaGraphLaunch]

# Extra rule folders (your team's wrappers), relative to this file; same format as rules/families/*.yaml.
# rules: [team-rules]

# Effort weights, merged over rules/effort.yaml (docs/effort-model.md).
# effort:
#   hoursPerDay: 7
#   uses: { partial: 0.5 }
#   kernels: { models: { tile: { features: { tensor-core: 1.5 } } } }
`;

const q = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;
const targetArg = (plan: InitPlan): string => (plan.target ? ` --target ${plan.target}` : '');
const excludes = (s: Shard): string => s.exclude.map((e) => ` --exclude ${q(e)}`).join('');
/** A YAML double-quoted scalar. */
const yq = (s: string): string => JSON.stringify(s);

function header(plan: InitPlan): string {
  return `# Written by \`ascendify init\` (ascendify ${plan.version}); see docs/ci.md.
# Gates pull requests on new CUDA-only code (uses with no counterpart, --fail-on ${plan.failOn}) against the
# committed baseline, uploads SARIF and keeps the HTML report as an artifact.
`;
}

export function githubWorkflow(plan: InitPlan): string {
  const setup = `      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install ascendify
        run: ${plan.install}
`;
  const top = `${header(plan)}name: ascendify
on:
  pull_request:
  push:
    branches: [${yq(plan.branch)}]

permissions:
  contents: read
  security-events: write   # upload SARIF to code scanning

jobs:
`;
  const publish = (dir: string, indent = '      '): string =>
    `${indent}- name: Upload SARIF to code scanning
${indent}  if: always()
${indent}  uses: github/codeql-action/upload-sarif@v3
${indent}  with:
${indent}    sarif_file: ${dir}/ascendify-report.sarif
${indent}    category: ascendify
${indent}- name: Keep the HTML report
${indent}  if: always()
${indent}  uses: actions/upload-artifact@v4
${indent}  with:
${indent}    name: ascendify-report
${indent}    path: ${dir}/
`;
  if (!plan.shards.length) {
    return `${top}  ascendify:
    runs-on: ubuntu-latest
    steps:
${setup}      - name: Gate new CUDA-only code, write the reports
        run: ascendify scan .${targetArg(plan)} --baseline ${plan.baseline} --fail-on ${plan.failOn} --format sarif,html,md,json --output-dir ascendify-report
${publish('ascendify-report')}`;
  }
  const matrix = plan.shards
    .map((s) => `          - shard: ${yq(s.name)}\n            path: ${yq(s.path)}\n            args: ${yq(excludes(s).trim())}\n            baseline: ${yq(s.baseline)}`)
    .join('\n');
  return `${top}  scan:
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
      matrix:
        include:
${matrix}
    steps:
${setup}      - name: Gate new CUDA-only code in \${{ matrix.shard }}
        run: ascendify scan \${{ matrix.path }} \${{ matrix.args }}${targetArg(plan)} --baseline \${{ matrix.baseline }} --fail-on ${plan.failOn} --format json --output shards/\${{ matrix.shard }}.json
      - name: Keep the shard's report
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: ascendify-shard-\${{ matrix.shard }}
          path: shards/

  report:
    needs: scan
    if: always()
    runs-on: ubuntu-latest
    steps:
${setup}      - uses: actions/download-artifact@v4
        with:
          pattern: ascendify-shard-*
          path: shards
          merge-multiple: true
      - name: Merge the shards
        run: ascendify merge shards/*.json --format sarif,html,md,json --output-dir ascendify-report
${publish('ascendify-report')}`;
}

export function gitlabWorkflow(plan: InitPlan): string {
  const rules = (when = ''): string => `  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"${when}
    - if: $CI_COMMIT_BRANCH == ${yq(plan.branch)}${when}
`;
  const base = `  image: node:20
  before_script:
    - ${plan.install}
`;
  const top = `${header(plan)}# GitLab has no SARIF code scanning: the SARIF, HTML and Markdown reports are kept as artifacts.

`;
  if (!plan.shards.length) {
    return `${top}ascendify:
  stage: test
${base}  script:
    - ascendify scan .${targetArg(plan)} --baseline ${plan.baseline} --fail-on ${plan.failOn} --format sarif,html,md,json --output-dir ascendify-report
  artifacts:
    when: always
    expose_as: ascendify report
    paths: [ascendify-report/]
${rules()}`;
  }
  const matrix = plan.shards
    .map((s) => `      - SHARD: ${yq(s.name)}\n        SCAN_PATH: ${yq(s.path)}\n        SCAN_ARGS: ${yq(excludes(s).trim())}\n        BASELINE: ${yq(s.baseline)}`)
    .join('\n');
  return `${top}ascendify-scan:
  stage: test
${base}  parallel:
    matrix:
${matrix}
  script:
    - mkdir -p shards
    - eval "ascendify scan \\"$SCAN_PATH\\" $SCAN_ARGS${targetArg(plan)} --baseline \\"$BASELINE\\" --fail-on ${plan.failOn} --format json --output shards/$SHARD.json"
  artifacts:
    when: always
    paths: [shards/]
${rules()}
ascendify-report:
  stage: test
${base}  needs: [ascendify-scan]
  script:
    - ascendify merge shards/*.json --format sarif,html,md,json --output-dir ascendify-report
  artifacts:
    when: always
    expose_as: ascendify report
    paths: [ascendify-report/]
${rules('\n      when: always')}`;
}

/** Where a platform's workflow goes. */
export const WORKFLOW_PATH: Record<Platform, string> = { github: '.github/workflows/ascendify.yml', gitlab: '.gitlab-ci.yml' };
