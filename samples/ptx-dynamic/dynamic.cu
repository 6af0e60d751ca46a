// dynamic.cu - segmented sum with dynamic parallelism.
//
// The parent kernel gets one thread per segment. Short segments are summed
// inline; long ones are handed to a child grid launched from the device, so
// the host never has to know the segment-length distribution.
//
// Build: nvcc -rdc=true dynamic.cu -lcudadevrt   (device launches need RDC)
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>
#include <cooperative_groups.h>

namespace cg = cooperative_groups;

constexpr int kChildThreshold = 256;

// Visible to host and device without any cudaMemcpy.
__managed__ int g_childLaunches = 0;

__device__ __forceinline__ unsigned laneId()
{
    unsigned lane;
    asm volatile("mov.u32 %0, %%laneid;" : "=r"(lane));
    return lane;
}

// Plain add through PTX; no side effects, so the compiler may CSE or move it.
__device__ __forceinline__ int addPtx(int a, int b)
{
    int r;
    asm("add.s32 %0, %1, %2;" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

// One warp per long segment; the tile shuffle does the final reduction.
__global__ void child(const int* data, int begin, int len, int* out)
{
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);

    int acc = 0;
    for (int i = warp.thread_rank(); i < len; i += warp.size())
        acc = addPtx(acc, data[begin + i]);
    for (int off = warp.size() / 2; off > 0; off /= 2)
        acc += warp.shfl_down(acc, off);

    if (laneId() == 0) {
        *out = acc;
        if (begin == 0) printf("child: first segment len=%d sum=%d\n", len, acc);
    }
}

__global__ void parent(const int* data, const int* offsets, int numSegments, int* sums)
{
    int seg = blockIdx.x * blockDim.x + threadIdx.x;
    if (seg >= numSegments) return;
    int begin = offsets[seg];
    int len = offsets[seg + 1] - begin;

    if (len > kChildThreshold) {
        // Fire-and-forget: the child finishes before the parent grid is
        // considered complete, so the host-side sync covers it.
        child<<<1, 32>>>(data, begin, len, &sums[seg]);
        atomicAdd(&g_childLaunches, 1);
        return;
    }

    // Short segment: stage it in a heap buffer whose size is only known here
    // (the device heap defaults to 8 MB, see cudaLimitMallocHeapSize).
    int* scratch = static_cast<int*>(malloc(len * sizeof(int)));
    if (scratch == nullptr) {
        printf("parent: device malloc failed for segment %d\n", seg);
        return;
    }
    int acc = 0;
    for (int i = 0; i < len; ++i) scratch[i] = data[begin + i];
    for (int i = 0; i < len; ++i) acc = addPtx(acc, scratch[i]);
    free(scratch);
    sums[seg] = acc;
}

// Block-wide total of the per-segment sums using cooperative groups.
__global__ void totalCG(const int* sums, int n, int* total)
{
    __shared__ int partial[32];
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> tile = cg::tiled_partition<32>(block);

    int v = 0;
    for (int i = block.thread_rank(); i < n; i += block.size()) v += sums[i];
    for (int off = 16; off > 0; off /= 2) v += tile.shfl_down(v, off);
    if (tile.thread_rank() == 0) partial[tile.meta_group_rank()] = v;
    cg::sync(block);
    if (block.thread_rank() == 0) {
        int t = 0;
        for (unsigned w = 0; w < tile.meta_group_size(); ++w) t += partial[w];
        *total = t;
    }
}

int main()
{
    const int numSegments = 64;
    int hOffsets[numSegments + 1];
    hOffsets[0] = 0;
    for (int s = 0; s < numSegments; ++s)  // every 4th segment is long
        hOffsets[s + 1] = hOffsets[s] + ((s % 4 == 0) ? 1000 : 50);
    const int n = hOffsets[numSegments];

    int *dData, *dOffsets, *dSums, *dTotal;
    cudaMalloc(&dData, n * sizeof(int));
    cudaMalloc(&dOffsets, sizeof(hOffsets));
    cudaMalloc(&dSums, numSegments * sizeof(int));
    cudaMalloc(&dTotal, sizeof(int));
    int* hData = new int[n];
    for (int i = 0; i < n; ++i) hData[i] = 1;  // total == n
    cudaMemcpy(dData, hData, n * sizeof(int), cudaMemcpyHostToDevice);
    cudaMemcpy(dOffsets, hOffsets, sizeof(hOffsets), cudaMemcpyHostToDevice);

    parent<<<(numSegments + 31) / 32, 32>>>(dData, dOffsets, numSegments, dSums);
    totalCG<<<1, 256>>>(dSums, numSegments, dTotal);
    cudaError_t err = cudaDeviceSynchronize();
    if (err != cudaSuccess) {
        std::fprintf(stderr, "launch failed: %s\n", cudaGetErrorString(err));
        return 1;
    }

    int total = 0;
    cudaMemcpy(&total, dTotal, sizeof(int), cudaMemcpyDeviceToHost);
    // g_childLaunches is __managed__, so the host reads it directly.
    std::printf("total=%d expected=%d, child grids launched=%d\n", total, n, g_childLaunches);

    delete[] hData;
    cudaFree(dData); cudaFree(dOffsets); cudaFree(dSums); cudaFree(dTotal);
    return 0;
}
