// Fixture for rules/families/nccl.yaml: a small data-parallel trainer using NCCL.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>
// ruleid: nccl-header *=direct
#include <nccl.h>

// ok: nccl-all-reduce
// A comment that mentions ncclAllReduce is not a use.
// ok: nccl-all-reduce, nccl-broadcast
static const char *kDoc = "wraps ncclAllReduce and ncclBroadcast";

// ruleid: nccl-result-t *=direct
static void nccl_check(ncclResult_t r) {
  // ruleid: nccl-success *=direct
  if (r != ncclSuccess) {
    // ruleid: nccl-get-error-string *=direct
    fprintf(stderr, "NCCL error %s\n", ncclGetErrorString(r));
    exit(1);
  }
}
#define NCCL_CHECK(cmd) nccl_check(cmd)

struct Communicator {
  // ruleid: nccl-comm-t *=direct
  ncclComm_t comm;
  int rank;
  int nranks;
};

// ruleid: nccl-unique-id *=direct
void exchange_id(ncclUniqueId *id, int rank) {
  if (rank == 0) {
    // ruleid: nccl-get-unique-id *=direct
    NCCL_CHECK(ncclGetUniqueId(id));
  }
  // (an MPI_Bcast of the id would go here)
}

// ruleid: nccl-unique-id *=direct
void init(Communicator &c, ncclUniqueId id) {
  // ruleid: nccl-comm-init-rank ascend=direct cambricon=partial
  NCCL_CHECK(ncclCommInitRank(&c.comm, c.nranks, id, c.rank));
  int count = 0, me = 0, dev = 0;
  // ruleid: nccl-comm-count *=direct
  NCCL_CHECK(ncclCommCount(c.comm, &count));
  // ruleid: nccl-comm-user-rank *=direct
  NCCL_CHECK(ncclCommUserRank(c.comm, &me));
  // ruleid: nccl-comm-cu-device ascend=none cambricon=direct
  NCCL_CHECK(ncclCommCuDevice(c.comm, &dev));
}

// ruleid: nccl-unique-id *=direct
void init_with_config(Communicator &c, ncclUniqueId id) {
  // ruleid: nccl-config-t *=partial
  ncclConfig_t config = NCCL_CONFIG_INITIALIZER;
  config.blocking = 0;
  // ruleid: nccl-comm-init-rank-config *=partial
  NCCL_CHECK(ncclCommInitRankConfig(&c.comm, c.nranks, id, c.rank, &config));
}

void init_single_process(int ndev) {
  // ruleid: nccl-comm-t *=direct
  std::vector<ncclComm_t> comms(ndev);
  std::vector<int> devs(ndev);
  for (int i = 0; i < ndev; ++i) devs[i] = i;
  // ruleid: nccl-comm-init-all ascend=direct cambricon=partial
  NCCL_CHECK(ncclCommInitAll(comms.data(), ndev, devs.data()));
  // ruleid: nccl-comm-t *=direct
  ncclComm_t sub;
  // ruleid: nccl-comm-split ascend=partial cambricon=none
  NCCL_CHECK(ncclCommSplit(comms[0], 0, 0, &sub, nullptr));
}

void allreduce_grads(Communicator &c, float *grads, size_t n, cudaStream_t s) {
  // ruleid: nccl-all-reduce *=direct, nccl-float32 *=direct, nccl-sum *=direct
  NCCL_CHECK(ncclAllReduce(grads, grads, n, ncclFloat, ncclSum, c.comm, s));
  // ruleid: nccl-all-reduce *=direct, nccl-float32 *=direct, nccl-avg *=none
  NCCL_CHECK(ncclAllReduce(grads, grads, n, ncclFloat32, ncclAvg, c.comm, s));
}

void collectives(Communicator &c, void *sbuf, void *rbuf, size_t n, cudaStream_t s) {
  // ruleid: nccl-broadcast ascend=partial cambricon=direct, nccl-float16 *=direct
  NCCL_CHECK(ncclBroadcast(sbuf, rbuf, n, ncclHalf, 0, c.comm, s));
  // ruleid: nccl-bcast *=direct, nccl-bfloat16 *=direct
  NCCL_CHECK(ncclBcast(rbuf, n, ncclBfloat16, 0, c.comm, s));
  // ruleid: nccl-reduce *=direct, nccl-int32 *=direct, nccl-max *=direct
  NCCL_CHECK(ncclReduce(sbuf, rbuf, n, ncclInt32, ncclMax, 0, c.comm, s));
  // ruleid: nccl-reduce *=direct, nccl-int64 *=direct, nccl-min *=direct
  NCCL_CHECK(ncclReduce(sbuf, rbuf, n, ncclInt64, ncclMin, 0, c.comm, s));
  // ruleid: nccl-all-gather *=direct, nccl-int8 *=direct
  NCCL_CHECK(ncclAllGather(sbuf, rbuf, n, ncclInt8, c.comm, s));
  // ruleid: nccl-reduce-scatter *=direct, nccl-float64 ascend=partial cambricon=none, nccl-prod *=direct
  NCCL_CHECK(ncclReduceScatter(sbuf, rbuf, n, ncclDouble, ncclProd, c.comm, s));
  // ruleid: nccl-all-gather *=direct, nccl-uint8 *=direct
  NCCL_CHECK(ncclAllGather(sbuf, rbuf, n, ncclUint8, c.comm, s));
  // ruleid: nccl-all-gather *=direct, nccl-uint32 *=direct
  NCCL_CHECK(ncclAllGather(sbuf, rbuf, n, ncclUint32, c.comm, s));
  // ruleid: nccl-all-gather *=direct, nccl-uint64 *=direct
  NCCL_CHECK(ncclAllGather(sbuf, rbuf, n, ncclUint64, c.comm, s));
  // ruleid: nccl-all-gather *=direct, nccl-float8 ascend-910b=none ascend-910c=none ascend-950=partial cambricon=none
  NCCL_CHECK(ncclAllGather(sbuf, rbuf, n, ncclFloat8e4m3, c.comm, s));
}

// ruleid: nccl-data-type-t *=direct, nccl-red-op-t *=direct
void generic_allreduce(Communicator &c, void *buf, size_t n, ncclDataType_t dt, ncclRedOp_t op,
                       cudaStream_t s) {
  // ruleid: nccl-all-reduce *=direct
  NCCL_CHECK(ncclAllReduce(buf, buf, n, dt, op, c.comm, s));
}

void all_to_all(Communicator &c, char *sbuf, char *rbuf, size_t chunk, cudaStream_t s) {
  // ruleid: nccl-group ascend=partial cambricon=direct
  NCCL_CHECK(ncclGroupStart());
  for (int peer = 0; peer < c.nranks; ++peer) {
    // ruleid: nccl-send *=direct, nccl-int8 *=direct
    NCCL_CHECK(ncclSend(sbuf + peer * chunk, chunk, ncclChar, peer, c.comm, s));
    // ruleid: nccl-recv *=direct, nccl-int8 *=direct
    NCCL_CHECK(ncclRecv(rbuf + peer * chunk, chunk, ncclChar, peer, c.comm, s));
  }
  // ruleid: nccl-group ascend=partial cambricon=direct
  NCCL_CHECK(ncclGroupEnd());
}

void premul(Communicator &c, float *buf, size_t n, cudaStream_t s) {
  // ruleid: nccl-red-op-t *=direct
  ncclRedOp_t op;
  float scale = 0.5f;
  // ruleid: nccl-red-op-create *=none, nccl-float32 *=direct, nccl-scalar-residence *=none
  NCCL_CHECK(ncclRedOpCreatePreMulSum(&op, &scale, ncclFloat, ncclScalarHostImmediate, c.comm));
  // ruleid: nccl-all-reduce *=direct, nccl-float32 *=direct
  NCCL_CHECK(ncclAllReduce(buf, buf, n, ncclFloat, op, c.comm, s));
  // ruleid: nccl-red-op-create *=none
  NCCL_CHECK(ncclRedOpDestroy(op, c.comm));
}

void registered_buffers(Communicator &c, size_t bytes) {
  void *buf = nullptr;
  void *handle = nullptr;
  // ruleid: nccl-mem-alloc *=none
  NCCL_CHECK(ncclMemAlloc(&buf, bytes));
  // ruleid: nccl-comm-register ascend=partial cambricon=none
  NCCL_CHECK(ncclCommRegister(c.comm, buf, bytes, &handle));
  // ruleid: nccl-comm-register ascend=partial cambricon=none
  NCCL_CHECK(ncclCommDeregister(c.comm, handle));
  // ruleid: nccl-mem-alloc *=none
  NCCL_CHECK(ncclMemFree(buf));
}

// ruleid: nccl-result-t *=direct
ncclResult_t check_async(Communicator &c) {
  // ruleid: nccl-result-t *=direct
  ncclResult_t state;
  // ruleid: nccl-comm-get-async-error ascend=direct cambricon=partial
  ncclCommGetAsyncError(c.comm, &state);
  // ruleid: nccl-error-codes *=partial
  if (state == ncclInProgress) return state;
  // ruleid: nccl-error-codes *=partial
  if (state == ncclSystemError || state == ncclRemoteError) {
    // ruleid: nccl-get-last-error *=none
    fprintf(stderr, "%s\n", ncclGetLastError(c.comm));
    // ruleid: nccl-comm-abort ascend=partial cambricon=direct
    ncclCommAbort(c.comm);
  }
  return state;
}

void shutdown(Communicator &c) {
  // ruleid: nccl-comm-finalize *=partial
  NCCL_CHECK(ncclCommFinalize(c.comm));
  // ruleid: nccl-comm-destroy *=direct
  NCCL_CHECK(ncclCommDestroy(c.comm));
}

void newer_collectives(Communicator &c, void *sbuf, void *rbuf, size_t n, cudaStream_t s) {
  // ruleid: nccl-all-to-all ascend=partial cambricon=direct, nccl-float32 *=direct
  NCCL_CHECK(ncclAlltoAll(sbuf, rbuf, n, ncclFloat, c.comm, s));
  // ruleid: nccl-scatter-gather ascend=partial cambricon=none, nccl-float32 *=direct
  NCCL_CHECK(ncclScatter(sbuf, rbuf, n, ncclFloat, 0, c.comm, s));
  // ruleid: nccl-comm-suspend ascend=partial cambricon=none
  NCCL_CHECK(ncclCommSuspend(c.comm, 0));
  // ruleid: nccl-comm-suspend ascend=partial cambricon=none
  NCCL_CHECK(ncclCommResume(c.comm));
  // ruleid: nccl-comm-elastic *=none
  NCCL_CHECK(ncclCommShrink(c.comm, nullptr, 0, &c.comm, nullptr, 0));
  // ruleid: nccl-unique-id-bytes *=partial
  char blob[NCCL_UNIQUE_ID_BYTES];
  (void)blob;
}

int library_version() {
  int v = 0;
  // ruleid: nccl-get-version ascend=none cambricon=partial
  NCCL_CHECK(ncclGetVersion(&v));
  // ruleid: nccl-version-macros ascend=none cambricon=partial
#if NCCL_VERSION_CODE >= NCCL_VERSION(2, 19, 0)
  v += 1;
#endif
  return v;
}
