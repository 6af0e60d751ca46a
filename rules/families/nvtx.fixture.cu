// Fixture for rules/families/nvtx.yaml: profiler annotations around a training step.
#include <cstdint>
#include <cuda_runtime.h>
#include <nvtx3/nvToolsExt.h>
#include <nvtx3/nvtx3.hpp>

// ok: nvtx-range-push
static const char *kHelp = "wrap phases in nvtxRangePushA/nvtxRangePop";

void train_step(cudaStream_t stream) {
  // ruleid: nvtx-name-thread
  nvtxNameOsThreadA(0, "trainer");
  // ruleid: nvtx-name-cuda-objects
  nvtxNameCudaStreamA(stream, "compute");
  // ruleid: nvtx-range-push
  nvtxRangePushA("forward");
  // ruleid: nvtx-mark
  nvtxMarkA("loss computed");
  // ruleid: nvtx-range-pop
  nvtxRangePop();

  // ruleid: nvtx-event-attributes
  nvtxEventAttributes_t attr = {0};
  // ruleid: nvtx-event-attributes
  attr.version = NVTX_VERSION;
  // ruleid: nvtx-event-attributes
  attr.size = NVTX_EVENT_ATTRIB_STRUCT_SIZE;
  // ruleid: nvtx-event-attributes
  attr.colorType = NVTX_COLOR_ARGB;
  attr.color = 0xff00ff00;
  // ruleid: nvtx-event-attributes
  attr.messageType = NVTX_MESSAGE_TYPE_ASCII;
  attr.message.ascii = "backward";
  // ruleid: nvtx-range-push-ex
  nvtxRangePushEx(&attr);
  // ruleid: nvtx-range-pop
  nvtxRangePop();

  // ruleid: nvtx-range-start
  nvtxRangeId_t id = nvtxRangeStartA("optimizer");
  // ruleid: nvtx-range-end
  nvtxRangeEnd(id);
}

void domains(void) {
  // ruleid: nvtx-initialize
  nvtxInitialize(nullptr);
  // ruleid: nvtx-domain
  nvtxDomainHandle_t dom = nvtxDomainCreateA("dataloader");
  // ruleid: nvtx-event-attributes
  nvtxEventAttributes_t attr = {0};
  // ruleid: nvtx-register-string
  nvtxStringHandle_t s = nvtxDomainRegisterStringA(dom, "batch");
  // ruleid: nvtx-domain-events
  nvtxDomainRangePushEx(dom, &attr);
  // ruleid: nvtx-domain-events
  nvtxDomainMarkEx(dom, &attr);
  // ruleid: nvtx-domain-events
  nvtxDomainRangePop(dom);
  // ruleid: nvtx-domain
  nvtxDomainDestroy(dom);
  (void)s;
}

// ruleid: nvtx-domain
void extensions(nvtxDomainHandle_t dom) {
  // ruleid: nvtx-mem-extension
  nvtxMemHeapRegister(dom, nullptr);
  // ruleid: nvtx-extensions
  nvtxMemRegionsResize(dom, nullptr);
}

void cpp_api(void) {
  // ruleid: nvtx3-cpp
  nvtx3::scoped_range r{"epoch"};
  // ruleid: nvtx3-cpp
  nvtx3::mark("checkpoint");
}
