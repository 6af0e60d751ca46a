import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/analyze.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { parseHistory, recordHistory, upgradeHistoryPoint } from '../../src/cli/history.js';
import { componentOf, computeProgress, opposite, percentMigrated, targetVendorOf } from '../../src/match/progress.js';
import type { FileEntry, Finding, Report, ReportTarget } from '../../src/model/index.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { cli } from '../helpers/cli.js';

const catalog = loadCatalog();
const targets = catalog.recognition.targets ?? [];
const SAMPLE = join(__dirname, '../../samples/half-ported');
const ASCEND: ReportTarget = { id: 'ascend-910b', vendor: 'ascend', product: 'A2', sdk: 'CANN 8.5', kernelModel: 'tile' };
const CAMBRICON: ReportTarget = { id: 'cambricon-mlu590', vendor: 'cambricon', product: 'MLU590', sdk: 'CNRT 6.14', kernelModel: 'bang' };

describe('target-side code', () => {
  it('recognises AscendCL, HCCL, aclnn, Ascend C, CNRT, CNNL, CNCL and BANG C names, and nothing of CUDA', () => {
    const vendor = (name: string, role: 'call' | 'include' | 'type' = 'call'): string | undefined => targetVendorOf({ name, role }, targets);
    for (const n of ['aclrtMalloc', 'aclnnMatmul', 'aclCreateTensor', 'HcclAllReduce', 'ACL_SUCCESS', '__aicore__', 'GM_ADDR', 'AscendC::DataCopy', 'AscendC::TPipe']) expect(vendor(n), n).toBe('ascend');
    for (const n of ['cnrtMalloc', 'cnnlMatMul', 'cnclAllReduce', 'cnCtxCreate', '__mlu_global__', '__nram__', '__bang_add']) expect(vendor(n), n).toBe('cambricon');
    // `taskId` is BANG C's builtin but also a common variable name (Ascend C code has `int taskId`): not a marker by itself.
    for (const n of ['cudaMalloc', 'cuCtxCreate', 'ncclAllReduce', '__global__', 'threadIdx', 'cublasSgemm', 'TILE', 'taskId']) expect(vendor(n), n).toBeUndefined();
    expect(vendor('acl/acl.h', 'include')).toBe('ascend');
    expect(vendor('cnrt.h', 'include')).toBe('cambricon');
    expect(vendor('cuda_runtime.h', 'include')).toBeUndefined();
  });

  it('pairs the two branches of a guard', () => {
    expect(opposite('!defined(USE_ASCEND)', 'defined(USE_ASCEND)')).toBe(true);
    expect(opposite('defined(A) && !(B > 2)', 'B > 2')).toBe(true);
    expect(opposite('defined(USE_ASCEND)', 'defined(USE_ASCEND)')).toBe(false);
    expect(opposite(undefined, 'defined(USE_ASCEND)')).toBe(false);
  });

  it('computes percent migrated, components and guarded uses', () => {
    expect(percentMigrated(3, 1, 4)).toBe(50);
    expect(percentMigrated(0, 0, 0)).toBe(0);
    expect(componentOf('src/a/b.cu')).toBe('src');
    expect(componentOf('main.cu')).toBe('.');
    const finding = (file: string, conditional?: string): Finding =>
      ({ file, conditional, symbol: 'cudaMalloc', line: 1 }) as Finding;
    const files: FileEntry[] = [
      { path: 'a/x.cpp', language: 'cpp', lines: 9, status: 'scanned', targetCode: { ascend: { uses: 1, conditions: ['defined(USE_ASCEND)'] } } },
      { path: 'a/z.cpp', language: 'cpp', lines: 9, status: 'scanned' },
      { path: 'b/y.cpp', language: 'cpp', lines: 9, status: 'scanned', targetCode: { ascend: { uses: 1 } } },
    ];
    const p = computeProgress(files, [finding('a/x.cpp', '!defined(USE_ASCEND)'), finding('a/z.cpp', '!defined(USE_ASCEND)'), finding('b/y.cpp')], [ASCEND, CAMBRICON])!;
    const ascend = p.byTarget.find((t) => t.target === 'ascend-910b')!;
    // a/x.cpp's CUDA use is guarded by its target branch; a/z.cpp has no target code, so its use remains.
    expect(ascend.components).toEqual([
      { component: 'a', targetUses: 1, cudaRemaining: 1, cudaGuarded: 1, percent: percentMigrated(1, 1, 1) },
      { component: 'b', targetUses: 1, cudaRemaining: 1, cudaGuarded: 0, percent: 50 },
    ]);
    expect(p.byTarget.find((t) => t.target === 'cambricon-mlu590')).toMatchObject({ targetUses: 0, cudaRemaining: 3, percent: 0 });
    expect(computeProgress([files[1]!], [finding('a.cu')], [ASCEND])).toBeUndefined();
  });
});

describe('samples/half-ported', () => {
  let report: Report;
  beforeAll(() => {
    report = scan({ paths: [SAMPLE], catalog });
  });

  it('counts the target code as target uses, not CUDA findings', () => {
    expect(report.findings.filter((f) => /acl|kernel_operator|hccl|Hccl|AscendC|__aicore__|GM_ADDR|bang|__mlu|__nram|npu/.test(f.symbol))).toEqual([]);
    // Nothing in the Ascend C (.asc) and BANG C (.mlu) files is a CUDA finding: their `half`, scalar blockIdx, asm
    // barrier and <<<>>> launch are the target's own.
    expect(report.findings.filter((f) => /\.(asc|mlu)$/.test(f.file))).toEqual([]);
    // The Ascend C kernels (`__global__ __aicore__`) are not CUDA kernels; the CUDA branch of norm_mixed.cpp, scale.cu
    // and the HIP kernel are.
    expect(report.kernels.map((k) => k.name)).toEqual(['half_of', 'scale', 'scale_hip']);
    // HIP is reported as HIP, each hip* name answered through its CUDA counterpart.
    const hip = report.findings.filter((f) => f.file === 'kernels/scale_hip.hip');
    expect(new Set(hip.map((f) => f.family))).toEqual(new Set(['hip']));
    expect(hip.find((f) => f.symbol === 'hipMalloc')).toMatchObject({ ruleId: 'runtime-malloc', targets: { 'ascend-910b': { status: 'direct', replacement: ['aclrtMalloc'] } } });
  });

  it('shows the progress figures computed by hand', () => {
    // Target uses (Ascend), counted by hand:
    //   comm/reduce.cpp (USE_ASCEND branch): hccl/hccl.h, HcclComm, aclrtStream, HcclAllReduce,
    //     HCCL_DATA_TYPE_FP32, HCCL_REDUCE_SUM                                                    = 6
    //   host/buffers_acl.cpp: acl/acl.h, aclrtMalloc, ACL_MEM_MALLOC_HUGE_FIRST, aclrtMemcpy,
    //     ACL_MEMCPY_HOST_TO_DEVICE, aclrtFree                                                    = 6
    //   kernels/scale_ascendc.cpp: kernel_operator.h, __global__ (of `__global__ __aicore__`), __aicore__,
    //     GM_ADDR x3, AscendC::TPipe, AscendC::GlobalTensor, __gm__, AscendC::LocalTensor, AscendC::DataCopy = 11
    //   kernels/softmax.asc: kernel_operator.h, __global__, __aicore__, GM_ADDR x2, AscendC::TPipe,
    //     AscendC::GlobalTensor, half x3, AscendC::GetBlockIdx, __gm__, AscendC::LocalTensor, AscendC::DataCopy,
    //     asm("") (the compiler barrier), <<<>>> (the Ascend C launch); the scalar blockIdx is nothing    = 16
    //   kernels/norm_mixed.cpp (__CCE_AICORE__ branch): kernel_operator.h, __aicore__, half x3               = 5
    //   python/train_npu.py: import torch_npu, torch.npu.Event (the redirect line), torch.npu.set_device,
    //     .to("npu") (device="npu"), backend="hccl"                                                            = 5
    // CUDA uses:
    //   comm/reduce.cpp (#else branch, guarded by the USE_ASCEND branch): nccl.h, ncclComm_t, cudaStream_t,
    //     ncclAllReduce, ncclFloat, ncclSum                                                       = 6 guarded
    //   kernels/norm_mixed.cpp (#else branch, guarded by the __CCE_AICORE__ branch): cuda_fp16.h, __device__,
    //     half x2, __hmul, __float2half                                                           = 6 guarded
    //   host/buffers_cuda.cpp: cuda_runtime.h, cudaMalloc, cudaMemcpy, cudaMemcpyHostToDevice, cudaFree = 5
    //   kernels/scale.cu: __global__, blockIdx, blockDim, threadIdx                               = 4
    //   kernels/scale_hip.hip: hip/hip_runtime.h, __global__, blockIdx, blockDim, threadIdx, hipMalloc, hipMemcpy,
    //     hipMemcpyHostToDevice, hipLaunchKernelGGL, dim3 x2, hipFree                             = 12
    //   python/train_npu.py: torch.cuda.synchronize (the redirect line is migration, not CUDA)   = 1
    // percent = (target + guarded) / (target + guarded + remaining)
    const ascend = report.progress!.byTarget.find((t) => t.target === 'ascend-910b')!;
    expect(ascend.components).toEqual([
      { component: 'comm', targetUses: 6, cudaGuarded: 6, cudaRemaining: 0, percent: 100 },
      { component: 'host', targetUses: 6, cudaGuarded: 0, cudaRemaining: 5, percent: 54.5 }, // 6/11
      { component: 'kernels', targetUses: 32, cudaGuarded: 6, cudaRemaining: 16, percent: 70.4 }, // 38/54
      { component: 'python', targetUses: 5, cudaGuarded: 0, cudaRemaining: 1, percent: 83.3 }, // 5/6
    ]);
    expect(ascend).toMatchObject({ targetUses: 49, cudaGuarded: 12, cudaRemaining: 22, percent: 73.5 }); // 61/83
    // Cambricon: the BANG C file kernels/relu.mlu (bang.h, __nram__, half x5, __mlu_global__, __memcpy x2,
    // __bang_active_relu = 11); every CUDA use remains (the guards pair with Ascend branches, not Cambricon ones).
    const cambricon = report.progress!.byTarget.find((t) => t.target === 'cambricon-mlu590')!;
    expect(cambricon).toMatchObject({ targetUses: 11, cudaGuarded: 0, cudaRemaining: 34, percent: 24.4 }); // 11/45
  });

  it('prints the progress in the text and Markdown reports', () => {
    const text = renderText(report, { color: false });
    expect(text).toMatch(/Migration progress/);
    expect(text).toMatch(/ascend-910b\s+49\s+12\s+22\s+73\.5%/);
    expect(text).toMatch(/host\s+6\s+0\s+5\s+54\.5%/);
    expect(text).toMatch(/cambricon-mlu590\s+11\s+0\s+34\s+24\.4%/);
    expect(renderMarkdown(report)).toContain('| **ascend-910b** | 49 | 12 | 22 | **73.5%** |');
  });
});

describe('--history', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ascendify-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appends one JSON line per scan and charts the points', async () => {
    const file = join(dir, 'progress.jsonl');
    const first = await cli(['scan', SAMPLE, '--history', file, '--no-cache', '-q']);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toMatch(/Progress over time/); // one point: nothing to chart yet
    const second = await cli(['scan', SAMPLE, '--history', file, '--no-cache', '-q']);
    const points = parseHistory(readFileSync(file, 'utf8'), file);
    expect(points).toHaveLength(2);
    expect(points[1]!.targets['ascend-910b']).toMatchObject({ percent: 73.5, cudaRemaining: 22 });
    expect(second.stdout).toMatch(/Progress over time/);
    const html = await cli(['scan', SAMPLE, '--history', file, '--no-cache', '-q', '-f', 'html']);
    expect(html.stdout).toMatch(/<svg class="history"[^>]*>.*<polyline/s);
  });

  it('rejects a history file that is not JSON lines', async () => {
    const file = join(dir, 'broken.jsonl');
    writeFileSync(file, 'not json\n');
    const r = await cli(['scan', SAMPLE, '--history', file, '--no-cache', '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.jsonl:1: not a history line/);
  });

  it('reads lines written before report schema 2 (keyed by vendor) as the vendor\'s default profile', () => {
    const old = { date: '2026-01-01T00:00:00.000Z', targets: { ascend: { percent: 10, cudaRemaining: 90 }, cambricon: { percent: 0, cudaRemaining: 100 } } };
    expect(upgradeHistoryPoint(old, catalog.defaultProfile).targets).toEqual({
      'ascend-910b': { percent: 10, cudaRemaining: 90 },
      'cambricon-mlu590': { percent: 0, cudaRemaining: 100 },
    });
    const current = { date: old.date, targets: { 'ascend-950': { percent: 5, cudaRemaining: 1 } } };
    expect(upgradeHistoryPoint(current, catalog.defaultProfile)).toBe(current);
  });

  it('records the git commit when the scanned folder is in a work tree', () => {
    const file = join(dir, 'git.jsonl');
    const r = recordHistory({ targets: [ASCEND], findings: [], summary: { findings: 0 } } as unknown as Report, file, SAMPLE, {}, new Date('2026-01-02T03:04:05Z'));
    const [point] = parseHistory(readFileSync(file, 'utf8'), file);
    expect(point!.date).toBe('2026-01-02T03:04:05.000Z');
    expect(point!.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(r.progress!.history).toHaveLength(1);
  });
});
