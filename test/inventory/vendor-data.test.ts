/**
 * The pure parts of the vendor-data scripts (scripts/lib/*.mjs, build-vendor-releases, index-cited-sources,
 * extract-vendor-support, the extractor's source column), on fixtures written for these tests: no vendor text.
 * The scripts are plain .mjs, imported through a computed specifier (so they are typed `any` here).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { replacementParts } from '../../src/catalog/verify.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const load = async (rel: string): Promise<any> => import(pathToFileURL(join(root, rel)).href);

const docs = await load('scripts/lib/support-docs.mjs');
const stubs = await load('scripts/lib/stubs.mjs');
const guards = await load('scripts/lib/arch-guards.mjs');
const chips = await load('scripts/lib/chips.mjs');
const mirrors = await load('scripts/lib/vendor-mirrors.mjs');
const releases = await load('scripts/build-vendor-releases.mjs');
const cited = await load('scripts/index-cited-sources.mjs');
const support = await load('scripts/extract-vendor-support.mjs');
const vendorInventory = await load('scripts/extract-vendor-inventory.mjs');

const scratch = mkdtempSync(join(tmpdir(), 'ascendify-vendor-data-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Names invented for the fixtures (fooLib*), products as the vendor docs name them.
const API = new Set(['fooCreate', 'fooDestroy', 'fooRun', 'fooRunGetWorkspaceSize', 'fooSolve', 'Ns::Widget']);
const apiName = (n: string): string | undefined => (API.has(n) ? n : API.has(`Ns::${n}`) ? `Ns::${n}` : undefined);

describe('support tables in API docs', () => {
  it('reads markdown tables, HTML tables and bullet lists, and ignores products of other chips', () => {
    const md = ['| 产品 | 是否支持 |', '| :-- | :-: |', '| <term>Ascend 950PR/Ascend 950DT</term> | √ |', '| <term>Atlas A3 训练系列产品/Atlas A3 推理系列产品</term> | × |', '| <term>Atlas 200I/500 A2 推理产品</term> | × |'].join('\n');
    expect(docs.parseSupportRows(md).map((r: { chips: string[]; supported: string }) => `${r.chips.join('+')}=${r.supported}`)).toEqual(['ascend-950=yes', 'ascend-910c=no']);
    const html = '<table><tr><th>产品</th><th>是否支持</th></tr><tr><td><p><span>Atlas A2 训练系列产品</span></p></td><td><p>√</p></td></tr></table>';
    expect(docs.parseSupportRows(html).map((r: { chips: string[]; supported: string }) => `${r.chips.join('+')}=${r.supported}`)).toEqual(['ascend-910b=yes']);
    const list = ['- Ascend 950PR / Ascend 950DT：支持', '- Atlas A2 训练系列产品 / Atlas A2 推理系列产品：不支持（see elsewhere）', '- Atlas A3 训练系列产品：{支持/不支持}'].join('\n');
    expect(docs.parseSupportRows(list).map((r: { chips: string[]; supported: string }) => `${r.chips.join('+')}=${r.supported}`)).toEqual(['ascend-950=yes', 'ascend-910b=no']);
  });

  it('maps product names and SoC names to chips', () => {
    expect(chips.chipsOfProduct('Atlas 350 加速卡')).toEqual(['ascend-950']);
    expect(chips.chipsOfProduct('Ascend 910B')).toEqual(['ascend-910b']);
    expect(chips.chipsOfProduct('Atlas 200I/500 A2 推理产品')).toEqual([]);
    expect(chips.SOC_CHIPS.ascend910_93).toBe('ascend-910c');
  });

  it('attributes a block to its section heading, the prototypes of the section, or whole sub-headings', () => {
    const doc = [
      '# Foo library',
      '## fooCreate',
      '### 产品支持情况',
      '| 产品 | 是否支持 |',
      '| Atlas A2 训练系列产品 | √ |',
      '### 函数原型',
      '```cpp',
      'int fooCreate(int *handle);',
      '```',
      '## fooRun (deprecated)',
      '**产品支持情况**：',
      '- Ascend 950PR：不支持',
      '**参数说明**：',
      '- Atlas A3 训练系列产品：支持',
    ].join('\n');
    const facts = docs.supportFacts(doc, apiName).map((f: { symbol: string; chip: string; supported: string }) => `${f.symbol}/${f.chip}=${f.supported}`);
    expect(facts.sort()).toEqual(['fooCreate/ascend-910b=yes', 'fooRun/ascend-950=no']);
    const shared = ['# FFT', '## 产品支持情况', '| 产品 | 是否支持 |', '| Ascend 910B | √ |', '## 函数原型', '```c', 'int fooRunGetWorkspaceSize(int n, long *size);', 'int fooRun(void *ws, long size);', '```', '## fooSolve', 'text'].join('\n');
    expect(docs.supportFacts(shared, apiName).map((f: { symbol: string }) => f.symbol).sort()).toEqual(['fooRun', 'fooRunGetWorkspaceSize', 'fooSolve']);
    expect(docs.headingName('Widget<a name="x"></a>')).toBe('Widget');
    expect(docs.headingName('Cast(float to half)')).toBe('Cast');
    expect(docs.headingName('2. 初始化与去初始化')).toBeUndefined();
    expect(docs.declaredFunctions('template <typename T> __aicore__ inline void Widget(const T& x, int n);\nstatic int other(int);')).toEqual(['Widget', 'other']);
  });
});

describe('not-implemented stubs', () => {
  const source = [
    '// a comment mentioning return FOO_NOT_IMPLEMENTED;',
    'fooStatus fooRun(fooHandle h, double* x) {',
    '    (void)x;',
    '    FOO_CHECK_NULL(h);',
    '    return FOO_NOT_IMPLEMENTED;',
    '}',
    'fooStatus fooSolve(fooHandle h) {',
    '    if (h->rank == 1 && impl1d) { return impl1d(h); }',
    '    return FOO_NOT_IMPLEMENTED;',
    '}',
    'namespace inner {',
    'fooStatus fooDestroy(fooHandle h) { LOG_WARN("x"); return FOO_STATUS_NOT_SUPPORTED; }',
    '}',
  ].join('\n');

  it('finds definitions that only return a not-implemented status, not partial dispatchers', () => {
    expect(stubs.findStubs(source).map((s: { name: string; status: string; line: number }) => `${s.name}:${s.status}:${s.line}`)).toEqual(['fooRun:FOO_NOT_IMPLEMENTED:2', 'fooDestroy:FOO_STATUS_NOT_SUPPORTED:12']);
  });

  it('finds declared functions no implementation file mentions, and knows which paths are implementations', () => {
    expect(stubs.undefinedFunctions(['fooRun', 'fooMissing'], [source])).toEqual(['fooMissing']);
    expect(stubs.isImplementationPath('lib/foo_api.cpp')).toBe(true);
    expect(stubs.isImplementationPath('include/foo.h')).toBe(false);
    expect(stubs.isImplementationPath('tests/foo_test.cpp')).toBe(false);
  });
});

describe('architecture guards', () => {
  it('evaluates conditions with three-valued logic', () => {
    const m = { __NPU_ARCH__: 2201 };
    expect(guards.evaluate('defined(__NPU_ARCH__) && (__NPU_ARCH__ == 3510 || __NPU_ARCH__ == 5102)', m)).toBe(0);
    expect(guards.evaluate('(__NPU_ARCH__ == 2201) || (__NPU_ARCH__ == 3510)', m)).toBe(1);
    expect(guards.isUnknown(guards.evaluate('__NPU_ARCH__ == 2201 && defined(OTHER)', m))).toBe(true);
    expect(guards.evaluate('__NPU_ARCH__ == 3510 && defined(OTHER)', m)).toBe(0);
    expect(guards.evaluate('__BANG_ARCH__ >= 592', { __BANG_ARCH__: 372 })).toBe(0);
  });

  it('keeps the taken branch of decided groups and leaves undecided groups for the reader', () => {
    const text = ['#if __NPU_ARCH__ == 3510', 'void only950();', '#else', 'void others();', '#endif', '#if OTHER', 'void a();', '#elif __NPU_ARCH__ == 2201', 'void b();', '#else', 'void c();', '#endif'].join('\n');
    const v2201 = guards.chipView(text, { __NPU_ARCH__: 2201 }, { relevant: ['__NPU_ARCH__'] });
    expect(v2201.split('\n')).toEqual(['', '', '', 'void others();', '', '#if OTHER', 'void a();', '#elif __NPU_ARCH__ == 2201', 'void b();', '#else', '', '#endif']);
    const v3510 = guards.chipView(text, { __NPU_ARCH__: 3510 }, { relevant: ['__NPU_ARCH__'] });
    expect(v3510).toContain('void only950();');
    expect(v3510).not.toContain('void b();');
    expect(v3510).toContain('void c();');
    expect(chips.NPU_ARCH['ascend-910c']).toBe(2201);
  });
});

describe('release resolution helpers', () => {
  it('parses build SoC lists, the torch_npu pairing table, mlu-ops arch lists and repo manifests', () => {
    expect(releases.parseSocList('X=1\nSUPPORT_COMPUTE_UNIT_SHORT=("ascend910b" "ascend950")\n')).toEqual(['ascend910b', 'ascend950']);
    const compat = '| 2.9.0 | v2.9.0-26.0.0 | 2.9.0 | CANN 9.0.0 |\n| 2.8.0 | v2.8.0-7.3.0 | 2.8.0 | CANN 8.5.0 |\n';
    expect(releases.parseTorchNpuCompat(compat)).toEqual([
      { torchNpu: '26.0.0', pytorch: '2.9.0', cann: '9.0.0' },
      { torchNpu: '7.3.0', pytorch: '2.8.0', cann: '8.5.0' },
    ]);
    expect(releases.parseBangArchs('set(F "--bang-mlu-arch=mtp_372"\n "--bang-mlu-arch=mtp_592")')).toEqual([372, 592]);
    const manifest = releases.parseManifest('<manifest><project groups="a" name="ops-math" path="ops/ops-math" revision="9.1.0"/><project name="hccl"/></manifest>');
    expect([...manifest]).toEqual([['ops-math', '9.1.0'], ['hccl', '']]);
  });

  it('parses owner/repo@ref:path sources and sorts by code point', () => {
    expect(mirrors.parseSource('hicann/runtime@v8.5.0:include/external/acl/acl_rt.h')).toEqual({ repo: 'hicann/runtime', ref: 'v8.5.0', path: 'include/external/acl/acl_rt.h' });
    expect(mirrors.parseSource('hicann/runtime:include/acl.h')).toBeUndefined();
    expect(mirrors.parseSource('https://example.com/x')).toBeUndefined();
    expect(['b', '\u{1F600}', '\uFF5E', 'a'].sort(mirrors.cmp)).toEqual(['a', 'b', '\uFF5E', '\u{1F600}']);
  });
});

describe('cited sources', () => {
  const file = (p: string, text: string): unknown => cited.prepareFile(p, text);
  const header = file('include/foo/ns_widget.h', '#include "foo/base.h"\n// fooHidden only in a comment\nnamespace Ns {\nclass Widget { void Init(); };\nint fooCreate(int*);\n}\n');

  it('matches plain, qualified, namespaced, dotted and header names as the catalog writes them', () => {
    expect(cited.matchName(header, 'fooCreate')).toBe('identifier');
    expect(cited.matchName(header, 'fooHidden')).toBeUndefined();
    expect(cited.matchName(header, 'Ns::Widget')).toBe('namespace');
    expect(cited.matchName(header, 'Ns::Widget::Init')).toBe('namespace');
    expect(cited.matchName(header, 'Other::Widget')).toBeUndefined();
    expect(cited.matchName(header, 'foo/base.h')).toBe('path');
    expect(cited.matchName(header, 'foo/ns_widget.h')).toBe('path');
    const user = file('src/use.cpp', 'void f() { Ns::Widget w; }');
    expect(cited.matchName(user, 'Ns::Widget')).toBe('qualified');
    const py = file('pkg/npu/__init__.py', '__all__ = ["synchronize"]\nfrom .streams import Stream\ndef current_device():\n    pass\n');
    expect(cited.matchName(py, 'pkg.npu.current_device')).toBe('defined');
    expect(cited.matchName(py, 'pkg.npu.synchronize')).toBe('defined');
    expect(cited.matchName(py, 'pkg.npu.Stream')).toBe('defined');
    expect(cited.matchName(py, 'pkg.npu.missing')).toBeUndefined();
    const dyn = file('pkg/npu/config.py', 'class _Conv:\n    def __getattr__(self, name):\n        if name == "allow_fast":\n            return True\n');
    expect(cited.matchName(dyn, 'pkg.npu.conv.allow_fast')).toBe('string');
    const doc = file('docs/api.md', 'Call pkg.npu.set_device(0) first.');
    expect(cited.matchName(doc, 'pkg.npu.set_device')).toBe('dotted-path');
    const struct = file('x.h', 'typedef struct { char name[64]; } fooProp_t;');
    expect(cited.matchName(struct, 'fooProp_t.name')).toBe('members');
  });

  it('collects every source and replacement of rule documents, normalised like the catalog verification', () => {
    const rules = [
      {
        rules: [
          {
            id: 'r1',
            targets: {
              ascend: { status: 'direct', replacement: ['fooCreate(&h)', 'fooRun + fooDestroy'], source: ['a/b@v1:x.h', 'a/b@v1:y.h'], profiles: { 'ascend-950': { status: 'none', source: 'a/b@0123456789012345678901234567890123456789:z.h' } } },
              cambricon: { status: 'partial', replacement: ['Ns::Widget<float>(x)'], source: 'c/d:free text' },
            },
          },
        ],
      },
    ];
    const c = cited.collectCatalog(rules);
    expect([...c.sources].sort()).toEqual(['a/b@0123456789012345678901234567890123456789:z.h', 'a/b@v1:x.h', 'a/b@v1:y.h']);
    expect([...c.other]).toEqual(['c/d:free text']);
    expect([...cited.catalogNames(c.replacements, replacementParts)].sort()).toEqual(['Ns::Widget', 'fooCreate', 'fooDestroy', 'fooRun']);
  });
});

/** A tiny vendor repository made for the tests: two tagged commits. */
function makeRepo(dir: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { env, encoding: 'utf8' });
  mkdirSync(join(dir, 'include'), { recursive: true });
  git('init', '-q', '-b', 'master');
  writeFileSync(join(dir, 'include', 'foo.h'), 'int fooCreate(int *h);\n');
  git('add', '.');
  execFileSync('git', ['-C', dir, 'commit', '-q', '-m', 'one'], { env: { ...env, GIT_COMMITTER_DATE: '2026-01-10T12:00:00+08:00', GIT_AUTHOR_DATE: '2026-01-10T12:00:00+08:00' } });
  git('tag', 'v1.0.0');
  writeFileSync(join(dir, 'include', 'foo.h'), 'int fooCreate(int *h);\nint fooRun(int h);\nint fooGone(void);\n');
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'lib', 'foo.cpp'), 'int fooCreate(int *h) { return 0; }\nint fooRun(int h) { (void)h; return FOO_NOT_IMPLEMENTED; }\n');
  git('add', '.');
  execFileSync('git', ['-C', dir, 'commit', '-q', '-m', 'two'], { env: { ...env, GIT_COMMITTER_DATE: '2026-03-10T12:00:00+08:00', GIT_AUTHOR_DATE: '2026-03-10T12:00:00+08:00' } });
  git('tag', 'v2.0.0');
}

describe('mirrors and the scripts on a fixture repository', () => {
  const mirrorDir = join(scratch, 'mirrors');
  makeRepo(join(mirrorDir, 'acme', 'foo'));

  it('opens clones named owner/name and reads files at tags and dates', () => {
    const repo = mirrors.openRepo(mirrorDir, 'acme/foo');
    expect(repo).toBeDefined();
    expect(mirrors.openRepo(mirrorDir, 'acme/absent')).toBeUndefined();
    expect(repo.read('v1.0.0', 'include/foo.h')).not.toContain('fooRun');
    expect(repo.read('v2.0.0', 'include/foo.h')).toContain('fooRun');
    expect(repo.read('v1.0.0', 'lib/foo.cpp')).toBeUndefined();
    expect(repo.tags().map((t: { name: string }) => t.name).sort()).toEqual(['v1.0.0', 'v2.0.0']);
    expect(repo.commitOnOrBefore('HEAD', '2026-02-01')).toBe(repo.commit('v1.0.0'));
    expect(repo.files('v2.0.0').map((f: { path: string }) => f.path)).toEqual(['include/foo.h', 'lib/foo.cpp']);
  });

  it('indexes cited sources, with rows for missing files, refs and repositories', () => {
    const { rows } = cited.indexSources({
      mirrors: mirrorDir,
      sources: new Set(['acme/foo@v1.0.0:include/foo.h', 'acme/foo@v2.0.0:include/foo.h', 'acme/foo@v1.0.0:lib/foo.cpp', 'acme/foo@v9.9.9:include/foo.h', 'acme/bar@v1.0.0:x.h']),
      names: new Set(['fooCreate', 'fooRun']),
    });
    expect(rows.map((r: string[]) => r.join(' '))).toEqual([
      'acme/bar@v1.0.0:x.h (missing-repo) -',
      'acme/foo@v1.0.0:include/foo.h fooCreate identifier',
      'acme/foo@v1.0.0:lib/foo.cpp (missing-file) -',
      'acme/foo@v2.0.0:include/foo.h fooCreate identifier',
      'acme/foo@v2.0.0:include/foo.h fooRun identifier',
      'acme/foo@v9.9.9:include/foo.h (missing-ref) -',
    ]);
  });

  it('turns a stub of a declared function into supported=no rows for every Ascend chip', () => {
    const repo = mirrors.openRepo(mirrorDir, 'acme/foo');
    // fooLater is in the inventory (of another release) but not declared at this commit: no row.
    const inventory = support.readInventory('symbol\tkind\tlibrary\theader\tsource\nfooCreate\tfunction\tfoo\tfoo/include/foo.h\nfooRun\tfunction\tfoo\tfoo/include/foo.h\nfooGone\tfunction\tfoo\tfoo/include/foo.h\nfooLater\tfunction\tfoo\tfoo/include/foo.h\n');
    const rows = support.stubRows({ repo, repoName: 'acme/foo', ref: 'v2.0.0', commit: repo.commit('v2.0.0'), release: '2.0', inventory, libraries: ['foo'], checkUndefined: true });
    expect(rows.map((r: { symbol: string; chip: string; supported: string; source: string }) => `${r.symbol} ${r.chip} ${r.supported} ${r.source}`)).toEqual([
      'fooRun ascend-910b no acme/foo@v2.0.0:lib/foo.cpp',
      'fooRun ascend-910c no acme/foo@v2.0.0:lib/foo.cpp',
      'fooRun ascend-950 no acme/foo@v2.0.0:lib/foo.cpp',
      'fooGone ascend-910b no acme/foo@v2.0.0:include/foo.h',
      'fooGone ascend-910c no acme/foo@v2.0.0:include/foo.h',
      'fooGone ascend-950 no acme/foo@v2.0.0:include/foo.h',
    ]);
    const namer = support.apiNamer(support.readInventory('symbol\tkind\tlibrary\theader\nNs\tnamespace\tfoo\th\nNs::Widget\ttype\tfoo\th\nbarX\tfunction\tbar\th\n'), ['foo']);
    expect(namer.name('Widget')).toBe('Ns::Widget');
    expect(namer.name('Widget', 'function')).toBeUndefined();
    expect(namer.name('barX')).toBeUndefined();
  });

  it('fills the inventory source column from a staged folder\'s .provenance.tsv', () => {
    const stage = join(scratch, 'stage');
    mkdirSync(join(stage, 'foo', 'include'), { recursive: true });
    writeFileSync(join(stage, 'foo', 'include', 'foo.h'), 'int fooCreate(int *h);\nstatic const int FOO_OK = 0;\n');
    writeFileSync(join(stage, '.provenance.tsv'), '# staged\tsource\nfoo/include/foo.h\tacme/foo@v2.0.0:include/foo.h\n');
    const { rows } = vendorInventory.declaredRows([stage]);
    expect(rows.map((r: { symbol: string; source: string }) => `${r.symbol} ${r.source}`).sort()).toEqual(['FOO_OK acme/foo@v2.0.0:include/foo.h', 'fooCreate acme/foo@v2.0.0:include/foo.h']);
    const out = join(scratch, 'inv.tsv');
    execFileSync(process.execPath, [join(root, 'scripts/extract-vendor-inventory.mjs'), '--sdk', 'X', '--version', '1.0', '--include', stage, '--out', out, '--quiet', '--date', '2026-01-01']);
    const lines = readFileSync(out, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toBe('symbol\tkind\tlibrary\theader\tsource');
    expect(lines).toContain('fooCreate\tfunction\tfoo\tfoo/include/foo.h\tacme/foo@v2.0.0:include/foo.h');
  });
});
