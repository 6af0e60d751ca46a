// Fixture for rules/families/cub.yaml: block reductions in a kernel plus device-wide CUB calls.
#include <cstdio>
#include <cuda_runtime.h>
#include <cub/cub.cuh>

// ok: cub-device-reduce
static const char *kDoc = "cub::DeviceReduce::Sum two-phase call";

template <int BLOCK>
__global__ void row_sums(const float *in, float *out, int cols) {
  // ruleid: cub-block-reduce
  using BlockReduceT = cub::BlockReduce<float, BLOCK>;
  // ruleid: cub-block-reduce
  __shared__ typename cub::BlockReduce<float, BLOCK>::TempStorage tmp;
  float v = 0.f;
  for (int c = threadIdx.x; c < cols; c += BLOCK) v += in[blockIdx.x * cols + c];
  float total = BlockReduceT(tmp).Sum(v);
  if (threadIdx.x == 0) out[blockIdx.x] = total;
}

template <int BLOCK, int ITEMS>
__global__ void scan_tiles(const int *in, int *out) {
  // ruleid: cub-block-load-store
  using Load = cub::BlockLoad<int, BLOCK, ITEMS, cub::BLOCK_LOAD_TRANSPOSE>;
  // ruleid: cub-block-load-store
  using Store = cub::BlockStore<int, BLOCK, ITEMS, cub::BLOCK_STORE_TRANSPOSE>;
  // ruleid: cub-block-scan
  using Scan = cub::BlockScan<int, BLOCK>;
  // ruleid: cub-block-radix-sort
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
  // ruleid: cub-warp-reduce
  __shared__ typename cub::WarpReduce<float>::TempStorage tmp[4];
  int warp = threadIdx.x / 32;
  // ruleid: cub-warp-reduce
  float s = cub::WarpReduce<float>(tmp[warp]).Sum(in[threadIdx.x]);
  // ruleid: cub-thread-ops
  int lane = cub::LaneId();
  if (lane == 0) out[warp] = s;
}

__global__ void warp_prefix(int *data) {
  // ruleid: cub-warp-scan-other
  __shared__ typename cub::WarpScan<int>::TempStorage tmp;
  int v = data[threadIdx.x];
  // ruleid: cub-warp-scan-other
  cub::WarpScan<int>(tmp).InclusiveSum(v, v);
  // ruleid: cub-thread-ops
  int w = cub::ThreadLoad<cub::LOAD_LDG>(data + threadIdx.x);
  data[threadIdx.x] = v + w;
}

void device_wide(const float *d_in, float *d_out, int *d_keys, int *d_keys_out, float *d_vals, float *d_vals_out,
                 int *d_num, int n, cudaStream_t stream) {
  void *tmp = nullptr;
  size_t bytes = 0;
  // ruleid: cub-device-reduce
  cub::DeviceReduce::Sum(tmp, bytes, d_in, d_out, n, stream);
  cudaMalloc(&tmp, bytes);
  // ruleid: cub-device-reduce
  cub::DeviceReduce::Sum(tmp, bytes, d_in, d_out, n, stream);
  // ruleid: cub-device-reduce, cub-functors
  cub::DeviceReduce::ArgMax(tmp, bytes, d_in, (cub::KeyValuePair<int, float> *)d_out, n, stream);
  // ruleid: cub-device-scan
  cub::DeviceScan::ExclusiveSum(tmp, bytes, d_keys, d_keys_out, n, stream);
  // ruleid: cub-device-radix-sort
  cub::DeviceRadixSort::SortPairs(tmp, bytes, d_keys, d_keys_out, d_vals, d_vals_out, n, 0, 32, stream);
  // ruleid: cub-device-segmented-sort
  cub::DeviceSegmentedRadixSort::SortKeys(tmp, bytes, d_keys, d_keys_out, n, 4, d_num, d_num + 1, 0, 32, stream);
  // ruleid: cub-device-segmented-reduce
  cub::DeviceSegmentedReduce::Sum(tmp, bytes, d_in, d_out, 4, d_num, d_num + 1, stream);
  // ruleid: cub-device-select
  cub::DeviceSelect::Unique(tmp, bytes, d_keys, d_keys_out, d_num, n, stream);
  // ruleid: cub-device-run-length-encode
  cub::DeviceRunLengthEncode::Encode(tmp, bytes, d_keys, d_keys_out, d_vals, d_num, n, stream);
  // ruleid: cub-device-histogram
  cub::DeviceHistogram::HistogramEven(tmp, bytes, d_in, d_keys_out, 65, 0.0f, 1.0f, n, stream);
  // ruleid: cub-device-partition
  cub::DevicePartition::Flagged(tmp, bytes, d_in, (char *)d_keys, d_out, d_num, n, stream);
  // ruleid: cub-device-spmv
  cub::DeviceSpmv::CsrMV(tmp, bytes, d_vals, d_keys, d_keys, d_keys, d_in, d_out, n, n, n, stream);
  // ruleid: cub-device-for-transform
  cub::DeviceFor::Bulk(n, [] __device__(int i) {}, stream);
}

void iterators_and_misc(float *d_out, int n) {
  // ruleid: cub-iterators
  cub::CountingInputIterator<int> it(0);
  // ruleid: cub-caching-allocator
  cub::CachingDeviceAllocator alloc;
  // ruleid: cub-functors
  cub::Sum op;
  // ruleid: cub-namespace
  int p = cub::RoundUpToPowerOfTwo(n);
  (void)it; (void)op; (void)p;
}
