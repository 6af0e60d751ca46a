// Fixture for rules/families/cub.yaml: block reductions in a kernel plus device-wide CUB calls.
#include <cstdio>
#include <cuda_runtime.h>
#include <cub/cub.cuh>

// ok: cub-device-reduce
static const char *kDoc = "cub::DeviceReduce::Sum two-phase call";

template <int BLOCK>
__global__ void row_sums(const float *in, float *out, int cols) {
  // ruleid: cub-block-reduce *=rewrite
  using BlockReduceT = cub::BlockReduce<float, BLOCK>;
  // ruleid: cub-block-reduce *=rewrite
  __shared__ typename cub::BlockReduce<float, BLOCK>::TempStorage tmp;
  float v = 0.f;
  for (int c = threadIdx.x; c < cols; c += BLOCK) v += in[blockIdx.x * cols + c];
  float total = BlockReduceT(tmp).Sum(v);
  if (threadIdx.x == 0) out[blockIdx.x] = total;
}

template <int BLOCK, int ITEMS>
__global__ void scan_tiles(const int *in, int *out) {
  // ruleid: cub-block-load-store *=rewrite
  using Load = cub::BlockLoad<int, BLOCK, ITEMS, cub::BLOCK_LOAD_TRANSPOSE>;
  // ruleid: cub-block-load-store *=rewrite
  using Store = cub::BlockStore<int, BLOCK, ITEMS, cub::BLOCK_STORE_TRANSPOSE>;
  // ruleid: cub-block-scan *=rewrite
  using Scan = cub::BlockScan<int, BLOCK>;
  // ruleid: cub-block-radix-sort *=rewrite
  using Sort = cub::BlockRadixSort<int, BLOCK, ITEMS>;
  __shared__ union {
    typename Load::TempStorage load;
    typename Store::TempStorage store;
    typename Scan::TempStorage scan;
    typename Sort::TempStorage sort;
  } tmp;
  int items[ITEMS];
  Load(tmp.load).Load(in + blockIdx.x * BLOCK * ITEMS, items);
  __syncthreads();
  Sort(tmp.sort).Sort(items);
  __syncthreads();
  Scan(tmp.scan).ExclusiveSum(items, items);
  __syncthreads();
  Store(tmp.store).Store(out + blockIdx.x * BLOCK * ITEMS, items);
}

__global__ void warp_sums(const float *in, float *out) {
  // ruleid: cub-warp-reduce ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
  __shared__ typename cub::WarpReduce<float>::TempStorage tmp[4];
  int warp = threadIdx.x / 32;
  // ruleid: cub-warp-reduce ascend-910b=rewrite ascend-910c=rewrite ascend-950=partial cambricon=rewrite
  float s = cub::WarpReduce<float>(tmp[warp]).Sum(in[threadIdx.x]);
  // ruleid: cub-thread-ops *=rewrite
  int lane = cub::LaneId();
  if (lane == 0) out[warp] = s;
}

__global__ void warp_prefix(int *data) {
  // ruleid: cub-warp-scan-other *=rewrite
  __shared__ typename cub::WarpScan<int>::TempStorage tmp;
  int v = data[threadIdx.x];
  // ruleid: cub-warp-scan-other *=rewrite
  cub::WarpScan<int>(tmp).InclusiveSum(v, v);
  // ruleid: cub-thread-ops *=rewrite
  int w = cub::ThreadLoad<cub::LOAD_LDG>(data + threadIdx.x);
  data[threadIdx.x] = v + w;
}

void device_wide(const float *d_in, float *d_out, int *d_keys, int *d_keys_out, float *d_vals, float *d_vals_out,
                 int *d_num, int n, cudaStream_t stream) {
  void *tmp = nullptr;
  size_t bytes = 0;
  // ruleid: cub-device-reduce *=partial
  cub::DeviceReduce::Sum(tmp, bytes, d_in, d_out, n, stream);
  cudaMalloc(&tmp, bytes);
  // ruleid: cub-device-reduce *=partial
  cub::DeviceReduce::Sum(tmp, bytes, d_in, d_out, n, stream);
  // ruleid: cub-device-reduce *=partial, cub-functors *=rewrite
  cub::DeviceReduce::ArgMax(tmp, bytes, d_in, (cub::KeyValuePair<int, float> *)d_out, n, stream);
  // ruleid: cub-device-scan *=partial
  cub::DeviceScan::ExclusiveSum(tmp, bytes, d_keys, d_keys_out, n, stream);
  // ruleid: cub-device-radix-sort *=partial
  cub::DeviceRadixSort::SortPairs(tmp, bytes, d_keys, d_keys_out, d_vals, d_vals_out, n, 0, 32, stream);
  // ruleid: cub-device-segmented-sort *=partial
  cub::DeviceSegmentedRadixSort::SortKeys(tmp, bytes, d_keys, d_keys_out, n, 4, d_num, d_num + 1, 0, 32, stream);
  // ruleid: cub-device-segmented-reduce *=partial
  cub::DeviceSegmentedReduce::Sum(tmp, bytes, d_in, d_out, 4, d_num, d_num + 1, stream);
  // ruleid: cub-device-select *=partial
  cub::DeviceSelect::Unique(tmp, bytes, d_keys, d_keys_out, d_num, n, stream);
  // ruleid: cub-device-run-length-encode *=partial
  cub::DeviceRunLengthEncode::Encode(tmp, bytes, d_keys, d_keys_out, d_vals, d_num, n, stream);
  // ruleid: cub-device-histogram *=partial
  cub::DeviceHistogram::HistogramEven(tmp, bytes, d_in, d_keys_out, 65, 0.0f, 1.0f, n, stream);
  // ruleid: cub-device-partition *=rewrite
  cub::DevicePartition::Flagged(tmp, bytes, d_in, (char *)d_keys, d_out, d_num, n, stream);
  // ruleid: cub-device-spmv *=none
  cub::DeviceSpmv::CsrMV(tmp, bytes, d_vals, d_keys, d_keys, d_keys, d_in, d_out, n, n, n, stream);
  // ruleid: cub-device-for-transform *=rewrite
  cub::DeviceFor::Bulk(n, [] __device__(int i) {}, stream);
}

void iterators_and_misc(float *d_out, int n) {
  // ruleid: cub-iterators *=rewrite
  cub::CountingInputIterator<int> it(0);
  // ruleid: cub-caching-allocator *=rewrite
  cub::CachingDeviceAllocator alloc;
  // ruleid: cub-functors *=rewrite
  cub::Sum op;
  // ruleid: cub-namespace *=rewrite
  int p = cub::RoundUpToPowerOfTwo(n);
  (void)it; (void)op; (void)p;
}
