// Fixture for rules/families/cufile.yaml: GPUDirect Storage.
// ruleid: cufile-header *=none
#include "cufile.h"

int load(int fd, void* dev, size_t n) {
  // ruleid: cufile-api *=none
  CUfileDescr_t descr = {};
  // ruleid: cufile-api *=none
  descr.type = CU_FILE_HANDLE_TYPE_OPAQUE_FD;
  // ruleid: cufile-api *=none
  CUfileHandle_t handle;
  // ruleid: cufile-api *=none, cufile-api *=none
  CUfileError_t status = cuFileHandleRegister(&handle, &descr);
  // ruleid: cufile-api *=none
  cuFileRead(handle, dev, n, 0, 0);
  // ok: cufile-api
  int cufile_ready = 1;
  return cufile_ready + (int)status.err;
}
