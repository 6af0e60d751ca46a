// Fixture for rules/families/nccl.yaml: a small data-parallel trainer using NCCL.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>
// ruleid: nccl-header
#include <nccl.h>

// ok: nccl-all-reduce
// A comment that mentions ncclAllReduce is not a use.
// ok: nccl-all-reduce, nccl-broadcast
static const char *kDoc = "wraps ncclAllReduce and ncclBroadcast";

// ruleid: nccl-result-t
static void nccl_check(ncclResult_t r) {
  // ruleid: nccl-success
  if (r != ncclSuccess) {
    // ruleid: nccl-get-error-string
    fprintf(stderr, "NCCL error %s\n", ncclGetErrorString(r));
    exit(1);
  }
}
#define NCCL_CHECK(cmd) nccl_check(cmd)

struct Communicator {
  // ruleid: nccl-comm-t
  ncclComm_t comm;
  int rank;
  int nranks;
};

// ruleid: nccl-unique-id
void exchange_id(ncclUniqueId *id, int rank) {
  if (rank == 0) {
    // ruleid: nccl-get-unique-id
    NCCL_CHECK(ncclGetUniqueId(id));
  }
  // (an MPI_Bcast of the id would go here)
}

// ruleid: nccl-unique-id
void init(Communicator &c, ncclUniqueId id) {
  // ruleid: nccl-comm-init-rank
  NCCL_CHECK(ncclCommInitRank(&c.comm, c.nranks, id, c.rank));
  int count = 0, me = 0, dev = 0;
  // ruleid: nccl-comm-count
  NCCL_CHECK(ncclCommCount(c.comm, &count));
  // ruleid: nccl-comm-user-rank
  NCCL_CHECK(ncclCommUserRank(c.comm, &me));
  // ruleid: nccl-comm-cu-device
  NCCL_CHECK(ncclCommCuDevice(c.comm, &dev));
}

// ruleid: nccl-unique-id
void init_with_config(Communicator &c, ncclUniqueId id) {
  // ruleid: nccl-config-t
  ncclConfig_t config = NCCL_CONFIG_INITIALIZER;
  config.blocking = 0;
  // ruleid: nccl-comm-init-rank-config
  NCCL_CHECK(ncclCommInitRankConfig(&c.comm, c.nranks, id, c.rank, &config));
}

void init_single_process(int ndev) {
  // ruleid: nccl-comm-t
  std::vector<ncclComm_t> comms(ndev);
  std::vector<int> devs(ndev);
  for (int i = 0; i < ndev; ++i) devs[i] = i;
  // ruleid: nccl-comm-init-all
  NCCL_CHECK(ncclCommInitAll(comms.data(), ndev, devs.data()));
  // ruleid: nccl-comm-t
  ncclComm_t sub;
  // ruleid: nccl-comm-split
  NCCL_CHECK(ncclCommSplit(comms[0], 0, 0, &sub, nullptr));
}

void allreduce_grads(Communicator &c, float *grads, size_t n, cudaStream_t s) {
  // ruleid: nccl-all-reduce, nccl-float32, nccl-sum
  NCCL_CHECK(ncclAllReduce(grads, grads, n, ncclFloat, ncclSum, c.comm, s));
  // ruleid: nccl-all-reduce, nccl-float32, nccl-avg
  NCCL_CHECK(ncclAllReduce(grads, grads, n, ncclFloat32, ncclAvg, c.comm, s));
}

void collectives(Communicator &c, void *sbuf, void *rbuf, size_t n, cudaStream_t s) {
  // ruleid: nccl-broadcast, nccl-float16
  NCCL_CHECK(ncclBroadcast(sbuf, rbuf, n, ncclHalf, 0, c.comm, s));
  // ruleid: nccl-bcast, nccl-bfloat16
  NCCL_CHECK(ncclBcast(rbuf, n, ncclBfloat16, 0, c.comm, s));
  // ruleid: nccl-reduce, nccl-int32, nccl-max
  NCCL_CHECK(ncclReduce(sbuf, rbuf, n, ncclInt32, ncclMax, 0, c.comm, s));
  // ruleid: nccl-reduce, nccl-int64, nccl-min
  NCCL_CHECK(ncclReduce(sbuf, rbuf, n, ncclInt64, ncclMin, 0, c.comm, s));
  // ruleid: nccl-all-gather, nccl-int8
  NCCL_CHECK(ncclAllGather(sbuf, rbuf, n, ncclInt8, c.comm, s));
  // ruleid: nccl-reduce-scatter, nccl-float64, nccl-prod
  NCCL_CHECK(ncclReduceScatter(sbuf, rbuf, n, ncclDouble, ncclProd, c.comm, s));
  // ruleid: nccl-all-gather, nccl-uint8
  NCCL_CHECK(ncclAllGather(sbuf, rbuf, n, ncclUint8, c.comm, s));
  // ruleid: nccl-all-gather, nccl-uint32
  NCCL_CHECK(ncclAllGather(sbuf, rbuf, n, ncclUint32, c.comm, s));
  // ruleid: nccl-all-gather, nccl-uint64
  NCCL_CHECK(ncclAllGather(sbuf, rbuf, n, ncclUint64, c.comm, s));
  // ruleid: nccl-all-gather, nccl-float8
  NCCL_CHECK(ncclAllGather(sbuf, rbuf, n, ncclFloat8e4m3, c.comm, s));
}

// ruleid: nccl-data-type-t, nccl-red-op-t
void generic_allreduce(Communicator &c, void *buf, size_t n, ncclDataType_t dt, ncclRedOp_t op,
                       cudaStream_t s) {
  // ruleid: nccl-all-reduce
  NCCL_CHECK(ncclAllReduce(buf, buf, n, dt, op, c.comm, s));
}

void all_to_all(Communicator &c, char *sbuf, char *rbuf, size_t chunk, cudaStream_t s) {
  // ruleid: nccl-group
  NCCL_CHECK(ncclGroupStart());
  for (int peer = 0; peer < c.nranks; ++peer) {
    // ruleid: nccl-send, nccl-int8
    NCCL_CHECK(ncclSend(sbuf + peer * chunk, chunk, ncclChar, peer, c.comm, s));
    // ruleid: nccl-recv, nccl-int8
    NCCL_CHECK(ncclRecv(rbuf + peer * chunk, chunk, ncclChar, peer, c.comm, s));
  }
  // ruleid: nccl-group
  NCCL_CHECK(ncclGroupEnd());
}

void premul(Communicator &c, float *buf, size_t n, cudaStream_t s) {
  // ruleid: nccl-red-op-t
  ncclRedOp_t op;
  float scale = 0.5f;
  // ruleid: nccl-red-op-create, nccl-float32, nccl-scalar-residence
  NCCL_CHECK(ncclRedOpCreatePreMulSum(&op, &scale, ncclFloat, ncclScalarHostImmediate, c.comm));
  // ruleid: nccl-all-reduce, nccl-float32
  NCCL_CHECK(ncclAllReduce(buf, buf, n, ncclFloat, op, c.comm, s));
  // ruleid: nccl-red-op-create
  NCCL_CHECK(ncclRedOpDestroy(op, c.comm));
}

void registered_buffers(Communicator &c, size_t bytes) {
  void *buf = nullptr;
  void *handle = nullptr;
  // ruleid: nccl-mem-alloc
  NCCL_CHECK(ncclMemAlloc(&buf, bytes));
  // ruleid: nccl-comm-register
  NCCL_CHECK(ncclCommRegister(c.comm, buf, bytes, &handle));
  // ruleid: nccl-comm-register
  NCCL_CHECK(ncclCommDeregister(c.comm, handle));
  // ruleid: nccl-mem-alloc
  NCCL_CHECK(ncclMemFree(buf));
}

// ruleid: nccl-result-t
ncclResult_t check_async(Communicator &c) {
  // ruleid: nccl-result-t
  ncclResult_t state;
  // ruleid: nccl-comm-get-async-error
  ncclCommGetAsyncError(c.comm, &state);
  // ruleid: nccl-error-codes
  if (state == ncclInProgress) return state;
  // ruleid: nccl-error-codes
  if (state == ncclSystemError || state == ncclRemoteError) {
    // ruleid: nccl-get-last-error
    fprintf(stderr, "%s\n", ncclGetLastError(c.comm));
    // ruleid: nccl-comm-abort
    ncclCommAbort(c.comm);
  }
  return state;
}

void shutdown(Communicator &c) {
  // ruleid: nccl-comm-finalize
  NCCL_CHECK(ncclCommFinalize(c.comm));
  // ruleid: nccl-comm-destroy
  NCCL_CHECK(ncclCommDestroy(c.comm));
}

void newer_collectives(Communicator &c, void *sbuf, void *rbuf, size_t n, cudaStream_t s) {
  // ruleid: nccl-all-to-all, nccl-float32
  NCCL_CHECK(ncclAlltoAll(sbuf, rbuf, n, ncclFloat, c.comm, s));
  // ruleid: nccl-scatter-gather, nccl-float32
  NCCL_CHECK(ncclScatter(sbuf, rbuf, n, ncclFloat, 0, c.comm, s));
  // ruleid: nccl-comm-suspend
  NCCL_CHECK(ncclCommSuspend(c.comm, 0));
  // ruleid: nccl-comm-suspend
  NCCL_CHECK(ncclCommResume(c.comm));
  // ruleid: nccl-comm-elastic
  NCCL_CHECK(ncclCommShrink(c.comm, nullptr, 0, &c.comm, nullptr, 0));
  // ruleid: nccl-unique-id-bytes
  char blob[NCCL_UNIQUE_ID_BYTES];
  (void)blob;
}

int library_version() {
  int v = 0;
  // ruleid: nccl-get-version
  NCCL_CHECK(ncclGetVersion(&v));
  // ruleid: nccl-version-macros
#if NCCL_VERSION_CODE >= NCCL_VERSION(2, 19, 0)
  v += 1;
#endif
  return v;
}
