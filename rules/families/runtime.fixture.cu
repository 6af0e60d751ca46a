// Fixture for rules/families/runtime.yaml (CUDA Runtime API).
#include <cuda_runtime.h>
#include <cstdio>

// ruleid: runtime-error-type *=direct
static void CHECK(cudaError_t e) {
  // ruleid: runtime-success *=direct, runtime-get-error-string ascend=partial cambricon=direct
  if (e != cudaSuccess) printf("%s\n", cudaGetErrorString(e));
}

__constant__ float coeffs[16];

__global__ void scale(float *out, const float *in, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = in[i] * coeffs[i % 16];
}

// ruleid: runtime-stream-type *=direct, runtime-error-type *=direct
static void CUDART_CB on_done(cudaStream_t s, cudaError_t status, void *user) { (void)s; (void)status; (void)user; }
static void host_fn(void *user) { (void)user; }

int main() {
  // ok: runtime-malloc
  const char *msg = "cudaMalloc failed";
  // ok: runtime-memcpy
  // cudaMemcpy is described in the CUDA guide
  int count = 0;
  // ruleid: runtime-get-device-count *=direct
  cudaGetDeviceCount(&count);
  // ruleid: runtime-set-device *=direct
  cudaSetDevice(0);
  int dev = -1;
  // ruleid: runtime-get-device *=direct
  cudaGetDevice(&dev);
  // ruleid: runtime-device-prop-type ascend=none cambricon=partial
  cudaDeviceProp prop;
  // ruleid: runtime-get-device-properties *=partial
  cudaGetDeviceProperties(&prop, dev);
  int smCount = 0;
  // ruleid: runtime-device-get-attribute *=partial
  cudaDeviceGetAttribute(&smCount, cudaDevAttrMultiProcessorCount, dev);
  // ruleid: runtime-device-flags ascend=none cambricon=partial
  cudaSetDeviceFlags(cudaDeviceScheduleBlockingSync);
  // ruleid: runtime-device-limit ascend=none cambricon=partial
  cudaDeviceSetLimit(cudaLimitPrintfFifoSize, 1 << 20);
  int lo = 0, hi = 0;
  // ruleid: runtime-stream-priority-range *=direct
  cudaDeviceGetStreamPriorityRange(&lo, &hi);
  int canPeer = 0;
  // ruleid: runtime-peer-access-query *=direct
  cudaDeviceCanAccessPeer(&canPeer, 0, 1);
  // ruleid: runtime-peer-access-enable ascend=direct cambricon=none
  if (canPeer) cudaDeviceEnablePeerAccess(1, 0);
  char bus[32];
  // ruleid: runtime-pci-bus-id ascend=none cambricon=direct
  cudaDeviceGetPCIBusId(bus, sizeof(bus), dev);
  // ruleid: runtime-cache-config *=none, runtime-func-attributes-type *=none
  cudaDeviceSetCacheConfig(cudaFuncCachePreferShared);
  size_t freeB = 0, totalB = 0;
  // ruleid: runtime-mem-get-info ascend=partial cambricon=direct
  cudaMemGetInfo(&freeB, &totalB);
  int drv = 0, rt = 0;
  // ruleid: runtime-driver-version *=partial
  cudaDriverGetVersion(&drv);
  // ruleid: runtime-runtime-version *=partial
  cudaRuntimeGetVersion(&rt);
// ruleid: runtime-version-macros *=partial
#if CUDART_VERSION >= 12000
  printf("new runtime\n");
#endif

  const int n = 1 << 20;
  float *d_in = nullptr, *d_out = nullptr, *h_buf = nullptr, *h_pinned = nullptr;
  // ruleid: runtime-malloc *=direct
  CHECK(cudaMalloc(&d_in, n * sizeof(float)));
  // ruleid: runtime-malloc *=direct
  CHECK(cudaMalloc(&d_out, n * sizeof(float)));
  // ruleid: runtime-malloc-host *=direct
  cudaMallocHost(&h_buf, n * sizeof(float));
  // ruleid: runtime-host-alloc *=partial, runtime-host-alloc-flags *=none
  cudaHostAlloc(&h_pinned, n * sizeof(float), cudaHostAllocMapped);
  float *um = nullptr;
  // ruleid: runtime-malloc-managed *=none
  cudaMallocManaged(&um, n * sizeof(float));
  // ruleid: runtime-mem-prefetch *=none
  cudaMemPrefetchAsync(um, n * sizeof(float), dev, 0);
  // ruleid: runtime-memcpy *=direct, runtime-memcpy-host-to-device *=direct
  cudaMemcpy(d_in, h_buf, n * sizeof(float), cudaMemcpyHostToDevice);
  float hc[16] = {0};
  // ruleid: runtime-memcpy-symbol ascend=partial cambricon=direct
  cudaMemcpyToSymbol(coeffs, hc, sizeof(hc));
  // ruleid: runtime-memset *=direct
  cudaMemset(d_out, 0, n * sizeof(float));
  // ruleid: runtime-memcpy-2d *=direct, runtime-memcpy-device-to-device *=direct
  cudaMemcpy2D(d_out, 256, d_in, 256, 256, 16, cudaMemcpyDeviceToDevice);
  // ruleid: runtime-pointer-attributes-type *=partial
  cudaPointerAttributes attr;
  // ruleid: runtime-pointer-get-attributes ascend=partial cambricon=direct
  cudaPointerGetAttributes(&attr, d_in);

  // ruleid: runtime-stream-type *=direct
  cudaStream_t s1, s2;
  // ruleid: runtime-stream-create *=direct
  cudaStreamCreate(&s1);
  // ruleid: runtime-stream-create-with-flags *=partial, runtime-stream-flags *=none
  cudaStreamCreateWithFlags(&s2, cudaStreamNonBlocking);
  // ruleid: runtime-event-type *=direct
  cudaEvent_t start, stop, sync;
  // ruleid: runtime-event-create *=direct
  cudaEventCreate(&start);
  // ruleid: runtime-event-create *=direct
  cudaEventCreate(&stop);
  // ruleid: runtime-event-create-with-flags *=partial, runtime-event-disable-timing ascend=partial cambricon=direct
  cudaEventCreateWithFlags(&sync, cudaEventDisableTiming);
  // ruleid: runtime-event-record *=direct
  cudaEventRecord(start, s1);
  scale<<<n / 256, 256, 0, s1>>>(d_out, d_in, n);
  // ruleid: runtime-get-last-error ascend=partial cambricon=direct
  CHECK(cudaGetLastError());
  void *args[] = {&d_out, &d_in, (void *)&n};
  // ruleid: runtime-launch-kernel *=partial
  cudaLaunchKernel((const void *)scale, dim3(n / 256), dim3(256), args, 0, s1);
  // ruleid: runtime-event-record *=direct
  cudaEventRecord(stop, s1);
  // ruleid: runtime-stream-wait-event *=direct
  cudaStreamWaitEvent(s2, stop, 0);
  // ruleid: runtime-memcpy-async *=direct, runtime-memcpy-device-to-host *=direct
  cudaMemcpyAsync(h_buf, d_out, n * sizeof(float), cudaMemcpyDeviceToHost, s2);
  // ruleid: runtime-memset-async *=direct
  cudaMemsetAsync(d_in, 0, n * sizeof(float), s2);
  // ruleid: runtime-launch-host-func *=direct
  cudaLaunchHostFunc(s2, host_fn, nullptr);
  // ruleid: runtime-stream-add-callback *=partial
  cudaStreamAddCallback(s2, on_done, nullptr, 0);
  // ruleid: runtime-stream-query ascend=partial cambricon=direct, runtime-error-not-ready *=partial
  if (cudaStreamQuery(s2) == cudaErrorNotReady) {}
  // ruleid: runtime-event-synchronize *=direct
  cudaEventSynchronize(stop);
  float ms = 0.f;
  // ruleid: runtime-event-elapsed-time *=direct
  cudaEventElapsedTime(&ms, start, stop);
  // ruleid: runtime-stream-synchronize *=direct
  cudaStreamSynchronize(s2);

  int blocks = 0;
  // ruleid: runtime-occupancy *=none
  cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, scale, 256, 0);
  // ruleid: runtime-func-attributes-type *=none
  cudaFuncAttributes fa;
  // ruleid: runtime-func-get-attributes ascend=partial cambricon=none
  cudaFuncGetAttributes(&fa, scale);
  // ruleid: runtime-func-set-attribute *=none, runtime-func-attributes-type *=none
  cudaFuncSetAttribute(scale, cudaFuncAttributeMaxDynamicSharedMemorySize, 65536);

  // ruleid: runtime-graph-types ascend=partial cambricon=direct
  cudaGraph_t graph;
  // ruleid: runtime-graph-types ascend=partial cambricon=direct
  cudaGraphExec_t exec;
  // ruleid: runtime-stream-begin-capture ascend=partial cambricon=direct, runtime-stream-capture-mode *=direct
  cudaStreamBeginCapture(s1, cudaStreamCaptureModeGlobal);
  scale<<<n / 256, 256, 0, s1>>>(d_out, d_in, n);
  // ruleid: runtime-stream-end-capture ascend=partial cambricon=direct
  cudaStreamEndCapture(s1, &graph);
  // ruleid: runtime-graph-instantiate ascend=none cambricon=direct
  cudaGraphInstantiate(&exec, graph, 0);
  // ruleid: runtime-graph-launch *=direct
  cudaGraphLaunch(exec, s1);
  // ruleid: runtime-graph-add-nodes ascend=none cambricon=direct
  cudaGraphAddEmptyNode(nullptr, graph, nullptr, 0);
  // ruleid: runtime-graph-destroy ascend=partial cambricon=direct
  cudaGraphExecDestroy(exec);
  // ruleid: runtime-graph-destroy ascend=partial cambricon=direct
  cudaGraphDestroy(graph);

  float *pool_buf = nullptr;
  // ruleid: runtime-malloc-async ascend=none cambricon=direct
  cudaMallocAsync(&pool_buf, 1024, s1);
  // ruleid: runtime-free-async ascend=none cambricon=direct
  cudaFreeAsync(pool_buf, s1);
  // ruleid: runtime-ipc-handle-types *=partial
  cudaIpcMemHandle_t ipc;
  // ruleid: runtime-ipc-get-mem-handle *=partial
  cudaIpcGetMemHandle(&ipc, d_in);
  // ruleid: runtime-texture-types *=none
  cudaTextureObject_t tex = 0;
  // ruleid: runtime-texture-object *=none
  cudaDestroyTextureObject(tex);
  // ruleid: runtime-cuda-array-types ascend=none cambricon=partial
  cudaArray_t arr = nullptr;
  // ruleid: runtime-cuda-array-api *=none
  cudaFreeArray(arr);
  // ruleid: runtime-profiler-start-stop ascend=partial cambricon=direct
  cudaProfilerStart();

  // ruleid: runtime-event-destroy *=direct
  cudaEventDestroy(start);
  // ruleid: runtime-stream-destroy *=direct
  cudaStreamDestroy(s1);
  // ruleid: runtime-free-host *=direct
  cudaFreeHost(h_buf);
  // ruleid: runtime-free *=direct
  cudaFree(d_in);
  // ruleid: runtime-device-synchronize *=direct
  cudaDeviceSynchronize();
  // ruleid: runtime-peek-last-error ascend=partial cambricon=direct, runtime-error-type *=direct
  cudaError_t last = cudaPeekAtLastError();
  // ruleid: runtime-get-error-name ascend=none cambricon=direct
  printf("%s %s\n", cudaGetErrorName(last), msg);
  // ruleid: runtime-device-reset ascend=partial cambricon=direct
  cudaDeviceReset();
  return 0;
}

// Legacy runtime APIs that older code still calls.
void legacy_runtime(float* d, size_t n)
{
    // ruleid: runtime-device-synchronize *=direct
    cudaThreadSynchronize();
    // ruleid: runtime-legacy-texture-reference *=none
    cudaUnbindTexture(texRef);
    // ruleid: runtime-legacy-launch-triple *=rewrite
    cudaConfigureCall(dim3(1), dim3(32));
    // ruleid: runtime-legacy-set-double *=none
    cudaSetDoubleForDevice(reinterpret_cast<double*>(d));
}
