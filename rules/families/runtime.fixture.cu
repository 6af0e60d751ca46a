// Fixture for rules/families/runtime.yaml (CUDA Runtime API).
#include <cuda_runtime.h>
#include <cstdio>

// ruleid: runtime-error-type
static void CHECK(cudaError_t e) {
  // ruleid: runtime-success, runtime-get-error-string
  if (e != cudaSuccess) printf("%s\n", cudaGetErrorString(e));
}

__constant__ float coeffs[16];

__global__ void scale(float *out, const float *in, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = in[i] * coeffs[i % 16];
}

// ruleid: runtime-stream-type, runtime-error-type
static void CUDART_CB on_done(cudaStream_t s, cudaError_t status, void *user) { (void)s; (void)status; (void)user; }
static void host_fn(void *user) { (void)user; }

int main() {
  // ok: runtime-malloc
  const char *msg = "cudaMalloc failed";
  // ok: runtime-memcpy
  // cudaMemcpy is described in the CUDA guide
  int count = 0;
  // ruleid: runtime-get-device-count
  cudaGetDeviceCount(&count);
  // ruleid: runtime-set-device
  cudaSetDevice(0);
  int dev = -1;
  // ruleid: runtime-get-device
  cudaGetDevice(&dev);
  // ruleid: runtime-device-prop-type
  cudaDeviceProp prop;
  // ruleid: runtime-get-device-properties
  cudaGetDeviceProperties(&prop, dev);
  int smCount = 0;
  // ruleid: runtime-device-get-attribute
  cudaDeviceGetAttribute(&smCount, cudaDevAttrMultiProcessorCount, dev);
  // ruleid: runtime-device-flags
  cudaSetDeviceFlags(cudaDeviceScheduleBlockingSync);
  // ruleid: runtime-device-limit
  cudaDeviceSetLimit(cudaLimitPrintfFifoSize, 1 << 20);
  int lo = 0, hi = 0;
  // ruleid: runtime-stream-priority-range
  cudaDeviceGetStreamPriorityRange(&lo, &hi);
  int canPeer = 0;
  // ruleid: runtime-peer-access-query
  cudaDeviceCanAccessPeer(&canPeer, 0, 1);
  // ruleid: runtime-peer-access-enable
  if (canPeer) cudaDeviceEnablePeerAccess(1, 0);
  char bus[32];
  // ruleid: runtime-pci-bus-id
  cudaDeviceGetPCIBusId(bus, sizeof(bus), dev);
  // ruleid: runtime-cache-config, runtime-func-attributes-type
  cudaDeviceSetCacheConfig(cudaFuncCachePreferShared);
  size_t freeB = 0, totalB = 0;
  // ruleid: runtime-mem-get-info
  cudaMemGetInfo(&freeB, &totalB);
  int drv = 0, rt = 0;
  // ruleid: runtime-driver-version
  cudaDriverGetVersion(&drv);
  // ruleid: runtime-runtime-version
  cudaRuntimeGetVersion(&rt);
// ruleid: runtime-version-macros
#if CUDART_VERSION >= 12000
  printf("new runtime\n");
#endif

  const int n = 1 << 20;
  float *d_in = nullptr, *d_out = nullptr, *h_buf = nullptr, *h_pinned = nullptr;
  // ruleid: runtime-malloc
  CHECK(cudaMalloc(&d_in, n * sizeof(float)));
  // ruleid: runtime-malloc
  CHECK(cudaMalloc(&d_out, n * sizeof(float)));
  // ruleid: runtime-malloc-host
  cudaMallocHost(&h_buf, n * sizeof(float));
  // ruleid: runtime-host-alloc, runtime-host-alloc-flags
  cudaHostAlloc(&h_pinned, n * sizeof(float), cudaHostAllocMapped);
  float *um = nullptr;
  // ruleid: runtime-malloc-managed
  cudaMallocManaged(&um, n * sizeof(float));
  // ruleid: runtime-mem-prefetch
  cudaMemPrefetchAsync(um, n * sizeof(float), dev, 0);
  // ruleid: runtime-memcpy, runtime-memcpy-host-to-device
  cudaMemcpy(d_in, h_buf, n * sizeof(float), cudaMemcpyHostToDevice);
  float hc[16] = {0};
  // ruleid: runtime-memcpy-symbol
  cudaMemcpyToSymbol(coeffs, hc, sizeof(hc));
  // ruleid: runtime-memset
  cudaMemset(d_out, 0, n * sizeof(float));
  // ruleid: runtime-memcpy-2d, runtime-memcpy-device-to-device
  cudaMemcpy2D(d_out, 256, d_in, 256, 256, 16, cudaMemcpyDeviceToDevice);
  // ruleid: runtime-pointer-attributes-type
  cudaPointerAttributes attr;
  // ruleid: runtime-pointer-get-attributes
  cudaPointerGetAttributes(&attr, d_in);

  // ruleid: runtime-stream-type
  cudaStream_t s1, s2;
  // ruleid: runtime-stream-create
  cudaStreamCreate(&s1);
  // ruleid: runtime-stream-create-with-flags, runtime-stream-flags
  cudaStreamCreateWithFlags(&s2, cudaStreamNonBlocking);
  // ruleid: runtime-event-type
  cudaEvent_t start, stop, sync;
  // ruleid: runtime-event-create
  cudaEventCreate(&start);
  // ruleid: runtime-event-create
  cudaEventCreate(&stop);
  // ruleid: runtime-event-create-with-flags, runtime-event-disable-timing
  cudaEventCreateWithFlags(&sync, cudaEventDisableTiming);
  // ruleid: runtime-event-record
  cudaEventRecord(start, s1);
  scale<<<n / 256, 256, 0, s1>>>(d_out, d_in, n);
  // ruleid: runtime-get-last-error
  CHECK(cudaGetLastError());
  void *args[] = {&d_out, &d_in, (void *)&n};
  // ruleid: runtime-launch-kernel
  cudaLaunchKernel((const void *)scale, dim3(n / 256), dim3(256), args, 0, s1);
  // ruleid: runtime-event-record
  cudaEventRecord(stop, s1);
  // ruleid: runtime-stream-wait-event
  cudaStreamWaitEvent(s2, stop, 0);
  // ruleid: runtime-memcpy-async, runtime-memcpy-device-to-host
  cudaMemcpyAsync(h_buf, d_out, n * sizeof(float), cudaMemcpyDeviceToHost, s2);
  // ruleid: runtime-memset-async
  cudaMemsetAsync(d_in, 0, n * sizeof(float), s2);
  // ruleid: runtime-launch-host-func
  cudaLaunchHostFunc(s2, host_fn, nullptr);
  // ruleid: runtime-stream-add-callback
  cudaStreamAddCallback(s2, on_done, nullptr, 0);
  // ruleid: runtime-stream-query, runtime-error-not-ready
  if (cudaStreamQuery(s2) == cudaErrorNotReady) {}
  // ruleid: runtime-event-synchronize
  cudaEventSynchronize(stop);
  float ms = 0.f;
  // ruleid: runtime-event-elapsed-time
  cudaEventElapsedTime(&ms, start, stop);
  // ruleid: runtime-stream-synchronize
  cudaStreamSynchronize(s2);

  int blocks = 0;
  // ruleid: runtime-occupancy
  cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, scale, 256, 0);
  // ruleid: runtime-func-attributes-type
  cudaFuncAttributes fa;
  // ruleid: runtime-func-get-attributes
  cudaFuncGetAttributes(&fa, scale);
  // ruleid: runtime-func-set-attribute, runtime-func-attributes-type
  cudaFuncSetAttribute(scale, cudaFuncAttributeMaxDynamicSharedMemorySize, 65536);

  // ruleid: runtime-graph-types
  cudaGraph_t graph;
  // ruleid: runtime-graph-types
  cudaGraphExec_t exec;
  // ruleid: runtime-stream-begin-capture, runtime-stream-capture-mode
  cudaStreamBeginCapture(s1, cudaStreamCaptureModeGlobal);
  scale<<<n / 256, 256, 0, s1>>>(d_out, d_in, n);
  // ruleid: runtime-stream-end-capture
  cudaStreamEndCapture(s1, &graph);
  // ruleid: runtime-graph-instantiate
  cudaGraphInstantiate(&exec, graph, 0);
  // ruleid: runtime-graph-launch
  cudaGraphLaunch(exec, s1);
  // ruleid: runtime-graph-add-nodes
  cudaGraphAddEmptyNode(nullptr, graph, nullptr, 0);
  // ruleid: runtime-graph-destroy
  cudaGraphExecDestroy(exec);
  // ruleid: runtime-graph-destroy
  cudaGraphDestroy(graph);

  float *pool_buf = nullptr;
  // ruleid: runtime-malloc-async
  cudaMallocAsync(&pool_buf, 1024, s1);
  // ruleid: runtime-free-async
  cudaFreeAsync(pool_buf, s1);
  // ruleid: runtime-ipc-handle-types
  cudaIpcMemHandle_t ipc;
  // ruleid: runtime-ipc-get-mem-handle
  cudaIpcGetMemHandle(&ipc, d_in);
  // ruleid: runtime-texture-types
  cudaTextureObject_t tex = 0;
  // ruleid: runtime-texture-object
  cudaDestroyTextureObject(tex);
  // ruleid: runtime-cuda-array-types
  cudaArray_t arr = nullptr;
  // ruleid: runtime-cuda-array-api
  cudaFreeArray(arr);
  // ruleid: runtime-profiler-start-stop
  cudaProfilerStart();

  // ruleid: runtime-event-destroy
  cudaEventDestroy(start);
  // ruleid: runtime-stream-destroy
  cudaStreamDestroy(s1);
  // ruleid: runtime-free-host
  cudaFreeHost(h_buf);
  // ruleid: runtime-free
  cudaFree(d_in);
  // ruleid: runtime-device-synchronize
  cudaDeviceSynchronize();
  // ruleid: runtime-peek-last-error, runtime-error-type
  cudaError_t last = cudaPeekAtLastError();
  // ruleid: runtime-get-error-name
  printf("%s %s\n", cudaGetErrorName(last), msg);
  // ruleid: runtime-device-reset
  cudaDeviceReset();
  return 0;
}

// Legacy runtime APIs that older code still calls.
void legacy_runtime(float* d, size_t n)
{
    // ruleid: runtime-device-synchronize
    cudaThreadSynchronize();
    // ruleid: runtime-legacy-texture-reference
    cudaUnbindTexture(texRef);
    // ruleid: runtime-legacy-launch-triple
    cudaConfigureCall(dim3(1), dim3(32));
    // ruleid: runtime-legacy-set-double
    cudaSetDoubleForDevice(reinterpret_cast<double*>(d));
}
