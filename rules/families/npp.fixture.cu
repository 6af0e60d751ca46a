// Fixture for rules/families/npp.yaml.
#include <npp.h>
#include <nvjpeg.h>

// ruleid: npp-image-signal *=none
void box_filter(const Npp8u* src, int srcStep, Npp8u* dst, int dstStep, NppiSize roi) {
  // ruleid: npp-image-signal *=none
  NppiSize mask = {5, 5};
  // ruleid: npp-image-signal *=none
  NppiPoint anchor = {2, 2};
  // ruleid: npp-image-signal *=none
  NppStatus st = nppiFilterBox_8u_C1R(src, srcStep, dst, dstStep, roi, mask, anchor);
  // ruleid: npp-image-signal *=none
  if (st != NPP_SUCCESS) return;
  // ruleid: npp-image-signal *=none
  Npp8u* buf = nppsMalloc_8u(64);
  // ruleid: npp-image-signal *=none
  nppsFree(buf);
}

// ruleid: npp-nvjpeg *=none
void decode(nvjpegHandle_t h) {
  // ruleid: npp-nvjpeg *=none
  nvjpegCreateSimple(&h);
}
