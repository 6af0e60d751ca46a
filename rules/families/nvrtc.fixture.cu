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
// ruleid: nvrtc-types
static void check(nvrtcResult r) {
  // ruleid: nvrtc-success, nvrtc-error-string
  if (r != NVRTC_SUCCESS) printf("nvrtc: %s\n", nvrtcGetErrorString(r));
}

std::vector<char> build_cubin() {
  // ruleid: nvrtc-types
  nvrtcProgram prog;
  // ruleid: nvrtc-create-compile
  check(nvrtcCreateProgram(&prog, kSource, "axpy.cu", 0, nullptr, nullptr));
  // ruleid: nvrtc-name-expression
  nvrtcAddNameExpression(prog, "axpy");
  const char *opts[] = {"--gpu-architecture=sm_90", "-dlto"};
  // ruleid: nvrtc-create-compile, nvrtc-types
  nvrtcResult res = nvrtcCompileProgram(prog, 2, opts);
  size_t logSize = 0;
  // ruleid: nvrtc-program-log
  nvrtcGetProgramLogSize(prog, &logSize);
  std::vector<char> log(logSize);
  // ruleid: nvrtc-program-log
  nvrtcGetProgramLog(prog, log.data());
  check(res);
  const char *lowered = nullptr;
  // ruleid: nvrtc-name-expression
  nvrtcGetLoweredName(prog, "axpy", &lowered);
  size_t ltoSize = 0;
  // ruleid: nvrtc-get-code
  nvrtcGetLTOIRSize(prog, &ltoSize);
  std::vector<char> lto(ltoSize);
  // ruleid: nvrtc-get-code
  nvrtcGetLTOIR(prog, lto.data());
  size_t ptxSize = 0;
  // ruleid: nvrtc-get-code
  nvrtcGetPTXSize(prog, &ptxSize);
  // ruleid: nvrtc-destroy-program
  nvrtcDestroyProgram(&prog);

  // ruleid: nvjitlink-types
  nvJitLinkHandle link;
  const char *lopts[] = {"-lto", "-arch=sm_90"};
  // ruleid: nvjitlink-create-destroy
  nvJitLinkCreate(&link, 2, lopts);
  // ruleid: nvjitlink-add-complete
  nvJitLinkAddData(link, NVJITLINK_INPUT_LTOIR, lto.data(), lto.size(), "axpy");
  // ruleid: nvjitlink-add-complete, nvjitlink-success
  if (nvJitLinkComplete(link) != NVJITLINK_SUCCESS) {
    size_t es = 0;
    // ruleid: nvjitlink-logs
    nvJitLinkGetErrorLogSize(link, &es);
  }
  size_t cubinSize = 0;
  // ruleid: nvjitlink-get-output
  nvJitLinkGetLinkedCubinSize(link, &cubinSize);
  std::vector<char> cubin(cubinSize);
  // ruleid: nvjitlink-get-output
  nvJitLinkGetLinkedCubin(link, cubin.data());
  // ruleid: nvjitlink-create-destroy
  nvJitLinkDestroy(&link);
  int major = 0, minor = 0;
  // ruleid: nvrtc-version-archs
  nvrtcVersion(&major, &minor);
  return cubin;
}
