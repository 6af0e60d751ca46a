// Adds two vectors on an AI core (Ascend C, tile model).
#include "kernel_operator.h"

constexpr int32_t TILE = 256;

extern "C" __global__ __aicore__ void add_tiles(GM_ADDR x, GM_ADDR y, GM_ADDR z) {
  AscendC::TPipe pipe;
  AscendC::GlobalTensor<float> xGm;
  xGm.SetGlobalBuffer((__gm__ float *)x, TILE);
  AscendC::LocalTensor<float> xLocal;
  AscendC::DataCopy(xLocal, xGm, TILE);
}
