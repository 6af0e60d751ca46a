// Fixture for rules/families/driver.yaml (CUDA Driver API).
#include <cuda.h>
#include <cstdio>
#include <vector>

// ruleid: driver-result-type *=direct
static void check(CUresult r, const char *what) {
  // ruleid: driver-success *=direct
  if (r != CUDA_SUCCESS) {
    const char *s = nullptr;
    // ruleid: driver-error-string ascend=partial cambricon=direct
    cuGetErrorString(r, &s);
    printf("%s: %s\n", what, s);
  }
}

int main() {
  // ok: driver-init
  const char *banner = "call cuInit first";
  // ruleid: driver-init ascend=partial cambricon=direct
  check(cuInit(0), "init");
  int ver = 0;
  // ruleid: driver-version *=partial
  cuDriverGetVersion(&ver);
  int count = 0;
  // ruleid: driver-device-get-count *=direct
  cuDeviceGetCount(&count);
  // ruleid: driver-device-type ascend=partial cambricon=direct
  CUdevice dev;
  // ruleid: driver-device-get ascend=none cambricon=direct
  cuDeviceGet(&dev, 0);
  char name[128];
  // ruleid: driver-device-get-name ascend=partial cambricon=direct
  cuDeviceGetName(name, sizeof(name), dev);
  int cc = 0;
  // ruleid: driver-device-get-attribute *=partial
  cuDeviceGetAttribute(&cc, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev);
  size_t total = 0;
  // ruleid: driver-device-total-mem ascend=partial cambricon=direct
  cuDeviceTotalMem(&total, dev);

  // ruleid: driver-context-type *=direct
  CUcontext ctx, primary;
  // ruleid: driver-primary-ctx *=partial
  cuDevicePrimaryCtxRetain(&primary, dev);
  // ruleid: driver-ctx-create *=direct
  cuCtxCreate_v2(&ctx, 0, dev);
  // ruleid: driver-ctx-current *=direct
  cuCtxSetCurrent(ctx);
  // ruleid: driver-ctx-push-pop *=partial
  cuCtxPushCurrent(primary);
  // ruleid: driver-ctx-push-pop *=partial
  cuCtxPopCurrent(&primary);
  // ruleid: driver-ctx-get-device ascend=partial cambricon=direct
  cuCtxGetDevice(&dev);

  // ruleid: driver-module-types ascend=partial cambricon=direct
  CUmodule mod;
  // ruleid: driver-function-types ascend=partial cambricon=direct
  CUfunction fn;
  // ruleid: driver-module-load ascend=partial cambricon=direct
  check(cuModuleLoad(&mod, "kernels.cubin"), "load");
  // ruleid: driver-module-get-function *=direct
  cuModuleGetFunction(&fn, mod, "saxpy");
  // ruleid: driver-deviceptr-type ascend=partial cambricon=direct
  CUdeviceptr d_x, gptr;
  size_t gsize = 0;
  // ruleid: driver-module-get-global *=partial
  cuModuleGetGlobal(&gptr, &gsize, mod, "g_table");

  const size_t n = 1 << 20;
  std::vector<float> h(n, 1.0f);
  // ruleid: driver-mem-alloc *=direct
  cuMemAlloc(&d_x, n * sizeof(float));
  // ruleid: driver-memcpy-htod-dtoh *=direct
  cuMemcpyHtoD(d_x, h.data(), n * sizeof(float));
  // ruleid: driver-memset ascend=partial cambricon=direct
  cuMemsetD32(d_x, 0, n);

  // ruleid: driver-stream-type *=direct
  CUstream stream;
  // ruleid: driver-stream-create ascend=direct cambricon=partial
  cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING);
  // ruleid: driver-event-type *=direct
  CUevent ev0, ev1;
  // ruleid: driver-event-api *=direct
  cuEventCreate(&ev0, CU_EVENT_DEFAULT);
  // ruleid: driver-event-api *=direct
  cuEventCreate(&ev1, CU_EVENT_DEFAULT);
  // ruleid: driver-event-api *=direct
  cuEventRecord(ev0, stream);
  float a = 2.0f;
  int nn = (int)n;
  void *params[] = {&a, &d_x, &nn};
  // ruleid: driver-launch-kernel *=partial
  cuLaunchKernel(fn, (unsigned)(n / 256), 1, 1, 256, 1, 1, 0, stream, params, nullptr);
  // ruleid: driver-event-api *=direct
  cuEventRecord(ev1, stream);
  // ruleid: driver-stream-wait-event ascend=direct cambricon=partial
  cuStreamWaitEvent(stream, ev1, 0);
  // ruleid: driver-memcpy-async *=direct
  cuMemcpyDtoHAsync(h.data(), d_x, n * sizeof(float), stream);
  // ruleid: driver-stream-destroy-sync ascend=partial cambricon=direct
  cuStreamSynchronize(stream);
  float ms = 0.f;
  // ruleid: driver-event-elapsed ascend=direct cambricon=partial
  cuEventElapsedTime(&ms, ev0, ev1);

  // Virtual memory management
  // ruleid: driver-vmm-create *=direct
  CUmemAllocationProp prop = {};
  prop.type = CU_MEM_ALLOCATION_TYPE_PINNED;
  prop.location.type = CU_MEM_LOCATION_TYPE_DEVICE;
  prop.location.id = 0;
  size_t gran = 0;
  // ruleid: driver-vmm-granularity *=direct
  cuMemGetAllocationGranularity(&gran, &prop, CU_MEM_ALLOC_GRANULARITY_MINIMUM);
  // ruleid: driver-deviceptr-type ascend=partial cambricon=direct
  CUdeviceptr va;
  // ruleid: driver-vmm-reserve ascend=partial cambricon=direct
  cuMemAddressReserve(&va, gran, 0, 0, 0);
  // ruleid: driver-vmm-create *=direct
  CUmemGenericAllocationHandle hdl;
  // ruleid: driver-vmm-create *=direct
  cuMemCreate(&hdl, gran, &prop, 0);
  // ruleid: driver-vmm-map ascend=partial cambricon=direct
  cuMemMap(va, gran, 0, hdl, 0);
  // ruleid: driver-vmm-access *=direct
  CUmemAccessDesc acc = {};
  acc.location = prop.location;
  acc.flags = CU_MEM_ACCESS_FLAGS_PROT_READWRITE;
  // ruleid: driver-vmm-access *=direct
  cuMemSetAccess(va, gran, &acc, 1);
  // ruleid: driver-vmm-map ascend=partial cambricon=direct
  cuMemUnmap(va, gran);
  // ruleid: driver-vmm-create *=direct
  cuMemRelease(hdl);
  // ruleid: driver-vmm-reserve ascend=partial cambricon=direct
  cuMemAddressFree(va, gran);

  // ruleid: driver-graph-types ascend=partial cambricon=direct
  CUgraph g;
  // ruleid: driver-graph-types ascend=partial cambricon=direct
  CUgraphExec ge;
  // ruleid: driver-graph-capture ascend=partial cambricon=direct
  cuStreamBeginCapture(stream, CU_STREAM_CAPTURE_MODE_GLOBAL);
  // ruleid: driver-graph-capture ascend=partial cambricon=direct
  cuStreamEndCapture(stream, &g);
  // ruleid: driver-graph-exec ascend=partial cambricon=direct
  cuGraphInstantiate(&ge, g, 0);
  // ruleid: driver-graph-exec ascend=partial cambricon=direct
  cuGraphLaunch(ge, stream);

  // ruleid: driver-mem-free *=direct
  cuMemFree(d_x);
  // ruleid: driver-module-unload *=direct
  cuModuleUnload(mod);
  // ruleid: driver-ctx-destroy *=direct
  cuCtxDestroy(ctx);
  printf("%s %d %d %d\n", banner, ver, count, cc);
  return 0;
}

// Arrays, texture references and the CUDAAPI macro (dynamic-loading shims).
// ruleid: driver-cudaapi-macro *=none, driver-result-type *=direct
typedef CUresult CUDAAPI tcuInitShim(unsigned int flags);
// ruleid: driver-arrays-and-texrefs *=none
void arrays(CUDA_ARRAY_DESCRIPTOR* d) {
  // ruleid: driver-arrays-and-texrefs *=none
  CUarray arr;
  // ruleid: driver-arrays-and-texrefs *=none
  cuArrayCreate(&arr, d);
}
