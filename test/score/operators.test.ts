/** Kernel -> vendor operator candidates (rules/operators.yaml, src/score/operators.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, SHIPPED_RULES_DIR } from '../../src/catalog/load.js';
import { parseVendorInventory } from '../../src/catalog/verify.js';
import type { OperatorPatternsFile } from '../../src/model/generated/operators.js';
import { checkOperatorPatterns, matchOperator, nameWords, operatorCandidates } from '../../src/score/operators.js';
import { loadValidated } from '../../src/util/validated.js';
import { kernel } from './helpers.js';

const OPS = loadCatalog().operators;
const pattern = (name: string, file = 'src/kernels.cu'): string | undefined => matchOperator({ name, file }, OPS)?.pattern.id;

describe('names as matched', () => {
  it('splits names into lowercase words framed by _', () => {
    expect(nameWords('rmsNormKernel')).toBe('_rms_norm_kernel_');
    expect(nameWords('LayerNormForwardCUDAKernel')).toBe('_layer_norm_forward_cuda_kernel_');
    expect(nameWords('RoIAlignRotatedForward')).toBe('_roi_align_rotated_forward_');
    expect(nameWords('soft_max_f32')).toBe('_soft_max_f32_');
  });
});

describe('kernel -> operator patterns', () => {
  // The patterns the issue lists, by names seen in public CUDA code (ggml, vllm, mmcv, llm.c, apex).
  const cases: [string, string][] = [
    ['soft_max_f32', 'softmax'],
    ['softmax_warp_forward', 'softmax'],
    ['layer_norm_kernel', 'layer-norm'],
    ['norm_f32', 'layer-norm'],
    ['rms_norm_kernel', 'rms-norm'],
    ['fused_add_rms_norm_kernel', 'rms-norm'],
    ['group_norm_f32', 'group-norm'],
    ['sgemm_kernel', 'gemm'],
    ['mul_mat_vec_nc_f16_f32', 'gemm'],
    ['batched_matmul_kernel', 'gemm'],
    ['mul_mat_q', 'quant-gemm'],
    ['conv2d_forward', 'conv'],
    ['im2col_kernel', 'conv'],
    ['k_sum_rows_f32', 'reduction'],
    ['reduce_max_kernel', 'reduction'],
    ['gelu_f32', 'activation'],
    ['act_and_mul_kernel', 'activation'],
    ['k_bin_bcast', 'elementwise'],
    ['vectorAdd', 'elementwise'],
    ['flash_attn_ext_f16', 'attention'],
    ['paged_attention_v2_reduce_kernel', 'attention'],
    ['rotary_embedding_kernel', 'rotary-embedding'],
    ['rope_neox', 'rotary-embedding'],
    ['topk_kernel', 'top-k'],
    ['topk_softmax', 'moe-gating'],
    ['k_argsort_f32_i32', 'sort'],
    ['scatter_add_kernel', 'scatter'],
    ['k_get_rows', 'gather'],
    ['embedding_backward_kernel', 'embedding'],
    ['quantize_q8_1', 'quantize'],
    ['dequantize_block', 'quantize'],
    ['reshape_and_cache_kernel', 'kv-cache'],
    ['nms_cuda', 'nms'],
    ['roi_align_forward_cuda_kernel', 'roi-align'],
    ['ms_deformable_im2col_gpu_kernel', 'ms-deform-attn'],
    ['sigmoid_focal_loss_forward_cuda_kernel', 'focal-loss'],
  ];
  it.each(cases)('%s -> %s', (name, id) => {
    expect(pattern(name)).toBe(id);
  });

  it('does not match names that only contain a pattern word inside another word', () => {
    expect(pattern('convert_f16_to_f32')).toBe('data-movement');
    expect(pattern('addressing_mode_kernel')).toBeUndefined();
    expect(pattern('k_compute_batched_ptrs')).toBeUndefined();
  });

  it('falls back to the file name (a weaker match) and honours paths', () => {
    expect(matchOperator({ name: 'kernel', file: 'samples/softmax.cu' }, OPS)).toMatchObject({ match: 'file', pattern: { id: 'softmax' } });
    // MoE dispatch/combine: a generic name, so only under MoE/expert-parallel paths.
    expect(pattern('dispatch', 'csrc/kernels/internode_ll.cu')).toBe('moe-dispatch-combine');
    expect(pattern('dispatch', 'src/events.cu')).toBeUndefined();
  });

  it('gives candidates per vendor with operators, source and confidence; a file-only match is one step less sure', () => {
    const c = operatorCandidates(kernel('layer_norm_kernel', 'a.cu', 1, 10, []), OPS)!;
    expect(c.ascend).toMatchObject({ pattern: 'layer-norm', operators: ['aclnnLayerNorm'], confidence: 'confirmed', match: 'name', source: [expect.stringMatching(/^hicann\/ops-nn@v8\.5\.0:/)] });
    expect(c.cambricon).toMatchObject({ operators: ['cnnlLayerNormForward'], confidence: 'confirmed' });
    const f = operatorCandidates(kernel('kernel', 'layernorm.cu', 1, 10, []), OPS)!;
    expect(f.ascend).toMatchObject({ match: 'file', confidence: 'likely' });
    expect(operatorCandidates(kernel('helper', 'layernorm.cu', 1, 10, [], 'device'), OPS)).toBeUndefined();
  });
});

describe('rules/operators.yaml', () => {
  it('is valid: schema, regular expressions, unique ids', () => {
    expect(checkOperatorPatterns(OPS)).toEqual([]);
  });

  it('rejects a bad pattern with a message naming the pattern and field', () => {
    const bad = { operators: [{ id: 'x', title: 'x', kind: 'standard', match: { names: ['(' ] }, targets: {} }] } as unknown as OperatorPatternsFile;
    expect(checkOperatorPatterns(bad)[0]).toMatch(/operator pattern "x": match\.names "\(" is not a valid regular expression/);
    expect(() => loadValidated('operators', 'operators:\n  - id: y\n    title: y\n', 'rules/operators.yaml')).toThrow(/rules\/operators\.yaml/);
  });

  it('covers the patterns the effort model promises', () => {
    const ids = new Set(OPS.operators.map((p) => p.id));
    for (const id of ['softmax', 'layer-norm', 'rms-norm', 'gemm', 'conv', 'reduction', 'elementwise', 'activation', 'attention', 'rotary-embedding', 'top-k', 'sort', 'scatter', 'gather', 'embedding', 'quantize']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('says confirmed only when every operator name is in that vendor SDK inventory, and cites a source for every operator', () => {
    const inv = (names: string[]): Set<string> =>
      parseVendorInventory(names.map((n) => ({ file: n, text: readFileSync(join(SHIPPED_RULES_DIR, 'inventory', 'vendor', n), 'utf8') }))).symbols;
    const have = { ascend: inv(['cann-8.5.tsv', 'cann-9.0.tsv', 'cann-9.1.tsv']), cambricon: inv(['neuware-6.14.tsv', 'neuware-6.7.tsv']) };
    for (const p of OPS.operators) {
      for (const [vendor, a] of Object.entries(p.targets) as ['ascend' | 'cambricon', NonNullable<(typeof p.targets)['ascend']>][]) {
        if (!a.operators.length) {
          expect(a.note, `${p.id} ${vendor}: an empty answer says why`).toBeTruthy();
          continue;
        }
        expect(a.source, `${p.id} ${vendor}`).toBeDefined();
        if ((a.confidence ?? 'confirmed') === 'confirmed') {
          expect(a.operators.filter((n) => !have[vendor].has(n)), `${p.id} ${vendor}`).toEqual([]);
        }
      }
    }
  });
});
