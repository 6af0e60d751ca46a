// Fixture for rules/families/cooperative-groups.yaml.
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
#include <cooperative_groups/scan.h>
#include <cooperative_groups/memcpy_async.h>

namespace cg = cooperative_groups;

__device__ float tile_sum(float v) {
  // ruleid: cg-this-thread-block ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  auto block = cg::this_thread_block();
  // ruleid: cg-tiled-partition ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  auto warp = cg::tiled_partition<32>(block);
  // ruleid: cg-reduce ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
  return cg::reduce(warp, v, cg::plus<float>());
}

__global__ void groups_demo(const float* in, float* out, int n) {
  // ruleid: cg-thread-block ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite, cg-this-thread-block ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  cg::thread_block block = cg::this_thread_block();
  // ruleid: cg-tiled-partition ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  cg::thread_block_tile<16> half_warp = cg::tiled_partition<16>(block);
  float v = in[block.thread_rank()];
  v = tile_sum(v) + half_warp.shfl_down(v, 1);
  // ruleid: cg-sync ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=partial
  cg::sync(block);
  if (v > 0.0f) {
    // ruleid: cg-coalesced-threads ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
    cg::coalesced_group active = cg::coalesced_threads();
    // ruleid: cg-binary-partition ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=none
    auto parts = cg::binary_partition(active, v > 1.0f);
    // ruleid: cg-labeled-partition ascend-910b=rewrite ascend-910c=rewrite ascend-950=none cambricon=none
    auto labelled = cg::labeled_partition(active, (int)v);
    v += parts.size() + labelled.size();
  }
  // ruleid: cg-scan ascend-910b=rewrite ascend-910c=rewrite ascend-950=none cambricon=none, cg-tiled-partition ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  float prefix = cg::inclusive_scan(cg::tiled_partition<32>(block), v);
  // ruleid: cg-invoke-one ascend-910b=rewrite ascend-910c=rewrite ascend-950=none cambricon=none
  cg::invoke_one(block, [&] { out[n] = prefix; });
  // ruleid: cg-free-queries ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=none
  out[cg::thread_rank(block)] = prefix;
}

__global__ void grid_demo(float* data, int n) {
  // ruleid: cg-this-grid *=partial
  cg::grid_group grid = cg::this_grid();
  data[grid.thread_rank()] += 1.0f;
  grid.sync();
  // ruleid: cg-multi-grid *=none
  auto mg = cg::this_multi_grid();
  mg.sync();
}

__global__ void copy_demo(const float* in, float* out) {
  __shared__ float stage[256];
  // ruleid: cg-this-thread-block ascend-910b=rewrite ascend-910c=rewrite ascend-950=direct cambricon=rewrite
  auto block = cg::this_thread_block();
  // ruleid: cg-memcpy-async *=rewrite
  cg::memcpy_async(block, stage, in, sizeof(float) * 256);
  // ruleid: cg-memcpy-async *=rewrite
  cg::wait(block);
  out[block.thread_rank()] = stage[block.thread_rank()];
}

__global__ void __cluster_dims__(2, 1, 1) cluster_demo(float* out) {
  // ruleid: cg-cluster ascend=none cambricon=partial
  cg::cluster_group cluster = cg::this_cluster();
  cluster.sync();
  out[cluster.block_rank()] = 1.0f;
}

void host_side() {
  // ok: cg-this-grid
  const char* doc = "cooperative_groups::this_grid() needs a cooperative launch";
  (void)doc;
}
