// Fixture for rules/families/nvrtc.yaml (NVRTC + nvJitLink).
#include <nvrtc.h>
#include <nvJitLink.h>
#include <cuda.h>
#include <cstdio>
#include <vector>

static const char *kSource = R"(
extern "C" __global__ void axpy(float a, float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] += a * x[i];
}
)";

// ok: nvrtc-create-compile
// The JIT path below used to call nvrtcCreateProgram on every start.
// ruleid: nvrtc-types ascend=partial cambricon=none
static void check(nvrtcResult r) {
  // ruleid: nvrtc-success *=none, nvrtc-error-string *=none
  if (r != NVRTC_SUCCESS) printf("nvrtc: %s\n", nvrtcGetErrorString(r));
}

std::vector<char> build_cubin() {
  // ruleid: nvrtc-types ascend=partial cambricon=none
  nvrtcProgram prog;
  // ruleid: nvrtc-create-compile ascend=partial cambricon=rewrite
  check(nvrtcCreateProgram(&prog, kSource, "axpy.cu", 0, nullptr, nullptr));
  // ruleid: nvrtc-name-expression ascend=direct cambricon=none
  nvrtcAddNameExpression(prog, "axpy");
  const char *opts[] = {"--gpu-architecture=sm_90", "-dlto"};
  // ruleid: nvrtc-create-compile ascend=partial cambricon=rewrite, nvrtc-types ascend=partial cambricon=none
  nvrtcResult res = nvrtcCompileProgram(prog, 2, opts);
  size_t logSize = 0;
  // ruleid: nvrtc-program-log ascend=direct cambricon=none
  nvrtcGetProgramLogSize(prog, &logSize);
  std::vector<char> log(logSize);
  // ruleid: nvrtc-program-log ascend=direct cambricon=none
  nvrtcGetProgramLog(prog, log.data());
  check(res);
  const char *lowered = nullptr;
  // ruleid: nvrtc-name-expression ascend=direct cambricon=none
  nvrtcGetLoweredName(prog, "axpy", &lowered);
  size_t ltoSize = 0;
  // ruleid: nvrtc-get-code ascend=partial cambricon=none
  nvrtcGetLTOIRSize(prog, &ltoSize);
  std::vector<char> lto(ltoSize);
  // ruleid: nvrtc-get-code ascend=partial cambricon=none
  nvrtcGetLTOIR(prog, lto.data());
  size_t ptxSize = 0;
  // ruleid: nvrtc-get-code ascend=partial cambricon=none
  nvrtcGetPTXSize(prog, &ptxSize);
  // ruleid: nvrtc-destroy-program ascend=direct cambricon=none
  nvrtcDestroyProgram(&prog);

  // ruleid: nvjitlink-types *=none
  nvJitLinkHandle link;
  const char *lopts[] = {"-lto", "-arch=sm_90"};
  // ruleid: nvjitlink-create-destroy *=none
  nvJitLinkCreate(&link, 2, lopts);
  // ruleid: nvjitlink-add-complete *=none
  nvJitLinkAddData(link, NVJITLINK_INPUT_LTOIR, lto.data(), lto.size(), "axpy");
  // ruleid: nvjitlink-add-complete *=none, nvjitlink-success *=none
  if (nvJitLinkComplete(link) != NVJITLINK_SUCCESS) {
    size_t es = 0;
    // ruleid: nvjitlink-logs *=none
    nvJitLinkGetErrorLogSize(link, &es);
  }
  size_t cubinSize = 0;
  // ruleid: nvjitlink-get-output *=none
  nvJitLinkGetLinkedCubinSize(link, &cubinSize);
  std::vector<char> cubin(cubinSize);
  // ruleid: nvjitlink-get-output *=none
  nvJitLinkGetLinkedCubin(link, cubin.data());
  // ruleid: nvjitlink-create-destroy *=none
  nvJitLinkDestroy(&link);
  int major = 0, minor = 0;
  // ruleid: nvrtc-version-archs *=none
  nvrtcVersion(&major, &minor);
  return cubin;
}
