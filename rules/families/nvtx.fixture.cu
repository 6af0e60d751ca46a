// Fixture for rules/families/nvtx.yaml: profiler annotations around a training step.
#include <cstdint>
#include <cuda_runtime.h>
#include <nvtx3/nvToolsExt.h>
#include <nvtx3/nvtx3.hpp>

// ok: nvtx-range-push
static const char *kHelp = "wrap phases in nvtxRangePushA/nvtxRangePop";

void train_step(cudaStream_t stream) {
  // ruleid: nvtx-name-thread ascend=none cambricon=partial
  nvtxNameOsThreadA(0, "trainer");
  // ruleid: nvtx-name-cuda-objects ascend=none cambricon=partial
  nvtxNameCudaStreamA(stream, "compute");
  // ruleid: nvtx-range-push ascend=partial cambricon=direct
  nvtxRangePushA("forward");
  // ruleid: nvtx-mark *=direct
  nvtxMarkA("loss computed");
  // ruleid: nvtx-range-pop ascend=partial cambricon=direct
  nvtxRangePop();

  // ruleid: nvtx-event-attributes ascend=none cambricon=partial
  nvtxEventAttributes_t attr = {0};
  // ruleid: nvtx-event-attributes ascend=none cambricon=partial
  attr.version = NVTX_VERSION;
  // ruleid: nvtx-event-attributes ascend=none cambricon=partial
  attr.size = NVTX_EVENT_ATTRIB_STRUCT_SIZE;
  // ruleid: nvtx-event-attributes ascend=none cambricon=partial
  attr.colorType = NVTX_COLOR_ARGB;
  attr.color = 0xff00ff00;
  // ruleid: nvtx-event-attributes ascend=none cambricon=partial
  attr.messageType = NVTX_MESSAGE_TYPE_ASCII;
  attr.message.ascii = "backward";
  // ruleid: nvtx-range-push-ex *=partial
  nvtxRangePushEx(&attr);
  // ruleid: nvtx-range-pop ascend=partial cambricon=direct
  nvtxRangePop();

  // ruleid: nvtx-range-start ascend=direct cambricon=partial
  nvtxRangeId_t id = nvtxRangeStartA("optimizer");
  // ruleid: nvtx-range-end ascend=direct cambricon=partial
  nvtxRangeEnd(id);
}

void domains(void) {
  // ruleid: nvtx-initialize ascend=none cambricon=direct
  nvtxInitialize(nullptr);
  // ruleid: nvtx-domain *=direct
  nvtxDomainHandle_t dom = nvtxDomainCreateA("dataloader");
  // ruleid: nvtx-event-attributes ascend=none cambricon=partial
  nvtxEventAttributes_t attr = {0};
  // ruleid: nvtx-register-string ascend=none cambricon=partial
  nvtxStringHandle_t s = nvtxDomainRegisterStringA(dom, "batch");
  // ruleid: nvtx-domain-events *=partial
  nvtxDomainRangePushEx(dom, &attr);
  // ruleid: nvtx-domain-events *=partial
  nvtxDomainMarkEx(dom, &attr);
  // ruleid: nvtx-domain-events *=partial
  nvtxDomainRangePop(dom);
  // ruleid: nvtx-domain *=direct
  nvtxDomainDestroy(dom);
  (void)s;
}

// ruleid: nvtx-domain *=direct
void extensions(nvtxDomainHandle_t dom) {
  // ruleid: nvtx-mem-extension ascend=partial cambricon=none
  nvtxMemHeapRegister(dom, nullptr);
  // ruleid: nvtx-extensions *=none
  nvtxMemRegionsResize(dom, nullptr);
}

void cpp_api(void) {
  // ruleid: nvtx3-cpp *=rewrite
  nvtx3::scoped_range r{"epoch"};
  // ruleid: nvtx3-cpp *=rewrite
  nvtx3::mark("checkpoint");
}
