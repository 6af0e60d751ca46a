// Fixture for rules/families/driver.yaml (CUDA Driver API).
#include <cuda.h>
#include <cstdio>
#include <vector>

// ruleid: driver-result-type
static void check(CUresult r, const char *what) {
  // ruleid: driver-success
  if (r != CUDA_SUCCESS) {
    const char *s = nullptr;
    // ruleid: driver-error-string
    cuGetErrorString(r, &s);
    printf("%s: %s\n", what, s);
  }
}

int main() {
  // ok: driver-init
  const char *banner = "call cuInit first";
  // ruleid: driver-init
  check(cuInit(0), "init");
  int ver = 0;
  // ruleid: driver-version
  cuDriverGetVersion(&ver);
  int count = 0;
  // ruleid: driver-device-get-count
  cuDeviceGetCount(&count);
  // ruleid: driver-device-type
  CUdevice dev;
  // ruleid: driver-device-get
  cuDeviceGet(&dev, 0);
  char name[128];
  // ruleid: driver-device-get-name
  cuDeviceGetName(name, sizeof(name), dev);
  int cc = 0;
  // ruleid: driver-device-get-attribute
  cuDeviceGetAttribute(&cc, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev);
  size_t total = 0;
  // ruleid: driver-device-total-mem
  cuDeviceTotalMem(&total, dev);

  // ruleid: driver-context-type
  CUcontext ctx, primary;
  // ruleid: driver-primary-ctx
  cuDevicePrimaryCtxRetain(&primary, dev);
  // ruleid: driver-ctx-create
  cuCtxCreate_v2(&ctx, 0, dev);
  // ruleid: driver-ctx-current
  cuCtxSetCurrent(ctx);
  // ruleid: driver-ctx-push-pop
  cuCtxPushCurrent(primary);
  // ruleid: driver-ctx-push-pop
  cuCtxPopCurrent(&primary);
  // ruleid: driver-ctx-get-device
  cuCtxGetDevice(&dev);

  // ruleid: driver-module-types
  CUmodule mod;
  // ruleid: driver-function-types
  CUfunction fn;
  // ruleid: driver-module-load
  check(cuModuleLoad(&mod, "kernels.cubin"), "load");
  // ruleid: driver-module-get-function
  cuModuleGetFunction(&fn, mod, "saxpy");
  // ruleid: driver-deviceptr-type
  CUdeviceptr d_x, gptr;
  size_t gsize = 0;
  // ruleid: driver-module-get-global
  cuModuleGetGlobal(&gptr, &gsize, mod, "g_table");

  const size_t n = 1 << 20;
  std::vector<float> h(n, 1.0f);
  // ruleid: driver-mem-alloc
  cuMemAlloc(&d_x, n * sizeof(float));
  // ruleid: driver-memcpy-htod-dtoh
  cuMemcpyHtoD(d_x, h.data(), n * sizeof(float));
  // ruleid: driver-memset
  cuMemsetD32(d_x, 0, n);

  // ruleid: driver-stream-type
  CUstream stream;
  // ruleid: driver-stream-create
  cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING);
  // ruleid: driver-event-type
  CUevent ev0, ev1;
  // ruleid: driver-event-api
  cuEventCreate(&ev0, CU_EVENT_DEFAULT);
  // ruleid: driver-event-api
  cuEventCreate(&ev1, CU_EVENT_DEFAULT);
  // ruleid: driver-event-api
  cuEventRecord(ev0, stream);
  float a = 2.0f;
  int nn = (int)n;
  void *params[] = {&a, &d_x, &nn};
  // ruleid: driver-launch-kernel
  cuLaunchKernel(fn, (unsigned)(n / 256), 1, 1, 256, 1, 1, 0, stream, params, nullptr);
  // ruleid: driver-event-api
  cuEventRecord(ev1, stream);
  // ruleid: driver-stream-wait-event
  cuStreamWaitEvent(stream, ev1, 0);
  // ruleid: driver-memcpy-async
  cuMemcpyDtoHAsync(h.data(), d_x, n * sizeof(float), stream);
  // ruleid: driver-stream-destroy-sync
  cuStreamSynchronize(stream);
  float ms = 0.f;
  // ruleid: driver-event-elapsed
  cuEventElapsedTime(&ms, ev0, ev1);

  // Virtual memory management
  // ruleid: driver-vmm-create
  CUmemAllocationProp prop = {};
  prop.type = CU_MEM_ALLOCATION_TYPE_PINNED;
  prop.location.type = CU_MEM_LOCATION_TYPE_DEVICE;
  prop.location.id = 0;
  size_t gran = 0;
  // ruleid: driver-vmm-granularity
  cuMemGetAllocationGranularity(&gran, &prop, CU_MEM_ALLOC_GRANULARITY_MINIMUM);
  // ruleid: driver-deviceptr-type
  CUdeviceptr va;
  // ruleid: driver-vmm-reserve
  cuMemAddressReserve(&va, gran, 0, 0, 0);
  // ruleid: driver-vmm-create
  CUmemGenericAllocationHandle hdl;
  // ruleid: driver-vmm-create
  cuMemCreate(&hdl, gran, &prop, 0);
  // ruleid: driver-vmm-map
  cuMemMap(va, gran, 0, hdl, 0);
  // ruleid: driver-vmm-access
  CUmemAccessDesc acc = {};
  acc.location = prop.location;
  acc.flags = CU_MEM_ACCESS_FLAGS_PROT_READWRITE;
  // ruleid: driver-vmm-access
  cuMemSetAccess(va, gran, &acc, 1);
  // ruleid: driver-vmm-map
  cuMemUnmap(va, gran);
  // ruleid: driver-vmm-create
  cuMemRelease(hdl);
  // ruleid: driver-vmm-reserve
  cuMemAddressFree(va, gran);

  // ruleid: driver-graph-types
  CUgraph g;
  // ruleid: driver-graph-types
  CUgraphExec ge;
  // ruleid: driver-graph-capture
  cuStreamBeginCapture(stream, CU_STREAM_CAPTURE_MODE_GLOBAL);
  // ruleid: driver-graph-capture
  cuStreamEndCapture(stream, &g);
  // ruleid: driver-graph-exec
  cuGraphInstantiate(&ge, g, 0);
  // ruleid: driver-graph-exec
  cuGraphLaunch(ge, stream);

  // ruleid: driver-mem-free
  cuMemFree(d_x);
  // ruleid: driver-module-unload
  cuModuleUnload(mod);
  // ruleid: driver-ctx-destroy
  cuCtxDestroy(ctx);
  printf("%s %d %d %d\n", banner, ver, count, cc);
  return 0;
}

// Arrays, texture references and the CUDAAPI macro (dynamic-loading shims).
// ruleid: driver-cudaapi-macro, driver-result-type
typedef CUresult CUDAAPI tcuInitShim(unsigned int flags);
// ruleid: driver-arrays-and-texrefs
void arrays(CUDA_ARRAY_DESCRIPTOR* d) {
  // ruleid: driver-arrays-and-texrefs
  CUarray arr;
  // ruleid: driver-arrays-and-texrefs
  cuArrayCreate(&arr, d);
}
