// Sums a gradient buffer over all ranks, on either backend.
#ifdef USE_ASCEND
#include "hccl/hccl.h"

int sum_gradients(float *buf, int count, HcclComm comm, aclrtStream stream) {
  return HcclAllReduce(buf, buf, count, HCCL_DATA_TYPE_FP32, HCCL_REDUCE_SUM, comm, stream);
}
#else
#include <nccl.h>

int sum_gradients(float *buf, int count, ncclComm_t comm, cudaStream_t stream) {
  return ncclAllReduce(buf, buf, count, ncclFloat, ncclSum, comm, stream);
}
#endif
