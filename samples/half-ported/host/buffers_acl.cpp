// Device buffers through AscendCL (the ported half).
#include "acl/acl.h"

void *make_device_buffer(const void *host, size_t bytes) {
  void *dev = nullptr;
  aclrtMalloc(&dev, bytes, ACL_MEM_MALLOC_HUGE_FIRST);
  aclrtMemcpy(dev, bytes, host, bytes, ACL_MEMCPY_HOST_TO_DEVICE);
  return dev;
}

void drop_device_buffer(void *dev) {
  aclrtFree(dev);
}
