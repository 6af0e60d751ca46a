// pipeline.cu - overlapping copies and compute with streams and events, then
// replaying the same work as a CUDA graph, then a unified-memory variant.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CK(x)                                                               \
    do {                                                                    \
        cudaError_t e_ = (x);                                               \
        if (e_ != cudaSuccess) {                                            \
            std::fprintf(stderr, "%s -> %s\n", #x, cudaGetErrorString(e_)); \
            std::exit(1);                                                   \
        }                                                                   \
    } while (0)

// y = a * x + b, then clamp to [0, 1]: stand-in for a normalisation step.
__global__ void scaleClamp(const float* x, float* y, int n, float a, float b)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = fminf(fmaxf(a * x[i] + b, 0.0f), 1.0f);
}

__global__ void square(float* y, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] *= y[i];
}

// Prefetch a managed range to a device (or to the host with cudaCpuDeviceId).
// CUDA 13 dropped the int-device overload in favour of cudaMemLocation.
static void prefetch(const void* p, size_t bytes, int device, cudaStream_t s)
{
#if CUDART_VERSION >= 13000
    cudaMemLocation loc{};
    loc.type = (device == cudaCpuDeviceId) ? cudaMemLocationTypeHost : cudaMemLocationTypeDevice;
    loc.id = (device == cudaCpuDeviceId) ? 0 : device;
    CK(cudaMemPrefetchAsync(p, bytes, loc, 0, s));
#else
    CK(cudaMemPrefetchAsync(p, bytes, device, s));
#endif
}

int main()
{
    const int n = 1 << 22, threads = 256, blocks = (n + threads - 1) / threads;
    const size_t bytes = n * sizeof(float);

    // Pinned host memory: required for cudaMemcpyAsync to actually overlap.
    float *hIn, *hOut, *dIn, *dOut;
    CK(cudaMallocHost(&hIn, bytes));
    CK(cudaMallocHost(&hOut, bytes));
    CK(cudaMalloc(&dIn, bytes));
    CK(cudaMalloc(&dOut, bytes));
    for (int i = 0; i < n; ++i) hIn[i] = (i % 1000) / 500.0f;

    // Non-blocking streams don't implicitly sync with the legacy default stream.
    cudaStream_t copyStream, computeStream;
    CK(cudaStreamCreateWithFlags(&copyStream, cudaStreamNonBlocking));
    CK(cudaStreamCreateWithFlags(&computeStream, cudaStreamNonBlocking));
    cudaEvent_t uploaded, computed, start, stop;
    CK(cudaEventCreate(&uploaded));
    CK(cudaEventCreate(&computed));
    CK(cudaEventCreate(&start));
    CK(cudaEventCreate(&stop));

    // --- 1. Explicit two-stream pipeline, ordered with events ---------------
    CK(cudaEventRecord(start, copyStream));
    CK(cudaMemcpyAsync(dIn, hIn, bytes, cudaMemcpyHostToDevice, copyStream));
    CK(cudaEventRecord(uploaded, copyStream));
    CK(cudaStreamWaitEvent(computeStream, uploaded, 0));   // compute waits for upload
    scaleClamp<<<blocks, threads, 0, computeStream>>>(dIn, dOut, n, 0.8f, 0.1f);
    square<<<blocks, threads, 0, computeStream>>>(dOut, n);
    CK(cudaEventRecord(computed, computeStream));
    CK(cudaStreamWaitEvent(copyStream, computed, 0));      // download waits for compute
    CK(cudaMemcpyAsync(hOut, dOut, bytes, cudaMemcpyDeviceToHost, copyStream));
    CK(cudaEventRecord(stop, copyStream));
    CK(cudaEventSynchronize(stop));
    float ms = 0.0f;
    CK(cudaEventElapsedTime(&ms, start, stop));
    std::printf("streams: %.3f ms, out[1]=%f\n", ms, hOut[1]);

    // --- 2. Capture the same sequence once and replay it as a graph ---------
    cudaGraph_t graph;
    cudaGraphExec_t graphExec;
    CK(cudaStreamBeginCapture(computeStream, cudaStreamCaptureModeGlobal));
    CK(cudaMemcpyAsync(dIn, hIn, bytes, cudaMemcpyHostToDevice, computeStream));
    scaleClamp<<<blocks, threads, 0, computeStream>>>(dIn, dOut, n, 0.8f, 0.1f);
    square<<<blocks, threads, 0, computeStream>>>(dOut, n);
    CK(cudaMemcpyAsync(hOut, dOut, bytes, cudaMemcpyDeviceToHost, computeStream));
    CK(cudaStreamEndCapture(computeStream, &graph));
#if CUDART_VERSION >= 12000
    CK(cudaGraphInstantiate(&graphExec, graph, 0));
#else
    CK(cudaGraphInstantiate(&graphExec, graph, nullptr, nullptr, 0));
#endif

    const int iters = 20;
    CK(cudaEventRecord(start, computeStream));
    for (int it = 0; it < iters; ++it) CK(cudaGraphLaunch(graphExec, computeStream));
    CK(cudaEventRecord(stop, computeStream));
    CK(cudaEventSynchronize(stop));
    CK(cudaEventElapsedTime(&ms, start, stop));
    std::printf("graph: %.3f ms per launch\n", ms / iters);

    // --- 3. Unified memory: no explicit copies, prefetch instead of faulting -
    float* managed;
    CK(cudaMallocManaged(&managed, bytes));
    for (int i = 0; i < n; ++i) managed[i] = hIn[i];
    int dev = 0;
    CK(cudaGetDevice(&dev));
    prefetch(managed, bytes, dev, computeStream);
    scaleClamp<<<blocks, threads, 0, computeStream>>>(managed, managed, n, 0.8f, 0.1f);
    prefetch(managed, bytes, cudaCpuDeviceId, computeStream);
    CK(cudaStreamSynchronize(computeStream));
    std::printf("managed: out[1]=%f\n", managed[1]);

    // Cleanup. (A failed cudaFreeHost usually means a sticky earlier error.)
    CK(cudaGraphExecDestroy(graphExec));
    CK(cudaGraphDestroy(graph));
    CK(cudaFree(managed));
    for (cudaEvent_t e : {uploaded, computed, start, stop}) CK(cudaEventDestroy(e));
    CK(cudaStreamDestroy(copyStream));
    CK(cudaStreamDestroy(computeStream));
    CK(cudaFree(dIn));
    CK(cudaFree(dOut));
    CK(cudaFreeHost(hIn));
    CK(cudaFreeHost(hOut));
    return 0;
}
