// Fixture for rules/families/cudnn.yaml: a small CNN layer stack written against cuDNN.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>
#include <cudnn.h>

// ruleid: cudnn-status-t
static void check(cudnnStatus_t s) {
  // ruleid: cudnn-status-success
  if (s != CUDNN_STATUS_SUCCESS) {
    // ruleid: cudnn-get-error-string
    fprintf(stderr, "cudnn: %s\n", cudnnGetErrorString(s));
    exit(1);
  }
}

// ok: cudnn-conv-forward
static const char *kName = "cudnnConvolutionForward";

// ruleid: cudnn-status-t
bool retryable(cudnnStatus_t s) {
  // ruleid: cudnn-status-errors
  return s == CUDNN_STATUS_ALLOC_FAILED || s == CUDNN_STATUS_NOT_SUPPORTED;
}

struct Conv {
  // ruleid: cudnn-handle
  cudnnHandle_t h;
  // ruleid: cudnn-tensor-descriptor
  cudnnTensorDescriptor_t x, y, bias;
  // ruleid: cudnn-filter-descriptor
  cudnnFilterDescriptor_t w;
  // ruleid: cudnn-conv-descriptor
  cudnnConvolutionDescriptor_t conv;
  // ruleid: cudnn-conv-forward-algo
  cudnnConvolutionFwdAlgo_t algo;
  // ruleid: cudnn-activation-descriptor
  cudnnActivationDescriptor_t act;
  // ruleid: cudnn-pooling-descriptor
  cudnnPoolingDescriptor_t pool;
  size_t ws_bytes;
  void *ws;
};

void conv_setup(Conv &c, cudaStream_t stream, int n, int ch, int hgt, int wid, int k) {
  // ruleid: cudnn-handle
  check(cudnnCreate(&c.h));
  // ruleid: cudnn-set-stream
  check(cudnnSetStream(c.h, stream));
  // ruleid: cudnn-tensor-descriptor
  check(cudnnCreateTensorDescriptor(&c.x));
  // ruleid: cudnn-tensor-descriptor
  check(cudnnCreateTensorDescriptor(&c.y));
  // ruleid: cudnn-set-tensor-descriptor, cudnn-tensor-nchw, cudnn-data-float
  check(cudnnSetTensor4dDescriptor(c.x, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, n, ch, hgt, wid));
  // ruleid: cudnn-filter-descriptor
  check(cudnnCreateFilterDescriptor(&c.w));
  // ruleid: cudnn-filter-descriptor, cudnn-data-float, cudnn-tensor-nchw
  check(cudnnSetFilter4dDescriptor(c.w, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, k, ch, 3, 3));
  // ruleid: cudnn-conv-descriptor
  check(cudnnCreateConvolutionDescriptor(&c.conv));
  // ruleid: cudnn-set-conv-descriptor, cudnn-conv-mode, cudnn-data-float
  check(cudnnSetConvolution2dDescriptor(c.conv, 1, 1, 1, 1, 1, 1, CUDNN_CROSS_CORRELATION, CUDNN_DATA_FLOAT));
  // ruleid: cudnn-conv-math-type
  check(cudnnSetConvolutionMathType(c.conv, CUDNN_TENSOR_OP_MATH));
  // ruleid: cudnn-set-conv-descriptor
  check(cudnnSetConvolutionGroupCount(c.conv, 1));
  int on, oc, oh, ow;
  // ruleid: cudnn-set-conv-descriptor
  check(cudnnGetConvolution2dForwardOutputDim(c.conv, c.x, c.w, &on, &oc, &oh, &ow));
  // ruleid: cudnn-set-tensor-descriptor, cudnn-tensor-nhwc, cudnn-data-half
  check(cudnnSetTensor4dDescriptor(c.y, CUDNN_TENSOR_NHWC, CUDNN_DATA_HALF, on, oc, oh, ow));

  // ruleid: cudnn-conv-forward-algo
  cudnnConvolutionFwdAlgoPerf_t perf[4];
  int returned = 0;
  // ruleid: cudnn-conv-forward-algo
  check(cudnnGetConvolutionForwardAlgorithm_v7(c.h, c.x, c.w, c.conv, c.y, 4, &returned, perf));
  c.algo = perf[0].algo;
  // ruleid: cudnn-conv-forward-algo
  if (returned == 0) c.algo = CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM;
  // ruleid: cudnn-conv-forward-workspace
  check(cudnnGetConvolutionForwardWorkspaceSize(c.h, c.x, c.w, c.conv, c.y, c.algo, &c.ws_bytes));
  cudaMalloc(&c.ws, c.ws_bytes);
}

void conv_forward(Conv &c, const float *x, const float *w, float *y) {
  const float alpha = 1.f, beta = 0.f;
  // ruleid: cudnn-conv-forward
  check(cudnnConvolutionForward(c.h, &alpha, c.x, x, c.w, w, c.conv, c.algo, c.ws, c.ws_bytes, &beta, c.y, y));
  // ruleid: cudnn-add-tensor
  check(cudnnAddTensor(c.h, &alpha, c.bias, w, &alpha, c.y, y));
}

void conv_backward(Conv &c, const float *x, const float *w, const float *dy, float *dx, float *dw, float *db) {
  const float alpha = 1.f, beta = 0.f;
  // ruleid: cudnn-conv-backward-algo
  cudnnConvolutionBwdDataAlgo_t da = CUDNN_CONVOLUTION_BWD_DATA_ALGO_1;
  // ruleid: cudnn-conv-backward-algo
  cudnnConvolutionBwdFilterAlgo_t fa = CUDNN_CONVOLUTION_BWD_FILTER_ALGO_1;
  size_t bytes = 0;
  // ruleid: cudnn-conv-backward-workspace
  check(cudnnGetConvolutionBackwardDataWorkspaceSize(c.h, c.w, c.y, c.conv, c.x, da, &bytes));
  // ruleid: cudnn-conv-backward-data
  check(cudnnConvolutionBackwardData(c.h, &alpha, c.w, w, c.y, dy, c.conv, da, c.ws, bytes, &beta, c.x, dx));
  // ruleid: cudnn-conv-backward-filter
  check(cudnnConvolutionBackwardFilter(c.h, &alpha, c.x, x, c.y, dy, c.conv, fa, c.ws, bytes, &beta, c.w, dw));
  // ruleid: cudnn-conv-backward-bias
  check(cudnnConvolutionBackwardBias(c.h, &alpha, c.y, dy, &beta, c.bias, db));
}

void fused(Conv &c, const float *x, const float *w, const float *z, const float *b, float *y) {
  const float one = 1.f;
  // ruleid: cudnn-conv-bias-activation
  check(cudnnConvolutionBiasActivationForward(c.h, &one, c.x, x, c.w, w, c.conv, c.algo, c.ws, c.ws_bytes,
                                              &one, c.y, z, c.bias, b, c.act, c.y, y));
}

void activation(Conv &c, const float *x, float *y, const float *dy, float *dx) {
  const float one = 1.f, zero = 0.f;
  // ruleid: cudnn-activation-descriptor
  check(cudnnCreateActivationDescriptor(&c.act));
  // ruleid: cudnn-activation-descriptor, cudnn-activation-relu, cudnn-nan-propagation
  check(cudnnSetActivationDescriptor(c.act, CUDNN_ACTIVATION_RELU, CUDNN_NOT_PROPAGATE_NAN, 0.0));
  // ruleid: cudnn-activation-forward
  check(cudnnActivationForward(c.h, c.act, &one, c.y, x, &zero, c.y, y));
  // ruleid: cudnn-activation-backward
  check(cudnnActivationBackward(c.h, c.act, &one, c.y, y, c.y, dy, c.y, x, &zero, c.y, dx));
}

// ruleid: cudnn-activation-mode
cudnnActivationMode_t pick(int i) {
  switch (i) {
    // ruleid: cudnn-activation-sigmoid
    case 0: return CUDNN_ACTIVATION_SIGMOID;
    // ruleid: cudnn-activation-tanh
    case 1: return CUDNN_ACTIVATION_TANH;
    // ruleid: cudnn-activation-elu
    case 2: return CUDNN_ACTIVATION_ELU;
    // ruleid: cudnn-activation-swish
    case 3: return CUDNN_ACTIVATION_SWISH;
    // ruleid: cudnn-activation-clipped-relu
    case 4: return CUDNN_ACTIVATION_CLIPPED_RELU;
    // ruleid: cudnn-activation-identity
    default: return CUDNN_ACTIVATION_IDENTITY;
  }
}

void softmax(Conv &c, const float *x, float *y, const float *dy, float *dx) {
  const float one = 1.f, zero = 0.f;
  // ruleid: cudnn-softmax-forward, cudnn-softmax-enums
  check(cudnnSoftmaxForward(c.h, CUDNN_SOFTMAX_ACCURATE, CUDNN_SOFTMAX_MODE_CHANNEL, &one, c.y, x, &zero, c.y, y));
  // ruleid: cudnn-softmax-backward, cudnn-softmax-enums
  check(cudnnSoftmaxBackward(c.h, CUDNN_SOFTMAX_LOG, CUDNN_SOFTMAX_MODE_INSTANCE, &one, c.y, y, c.y, dy, &zero, c.y, dx));
}

void pooling(Conv &c, const float *x, float *y, const float *dy, float *dx) {
  const float one = 1.f, zero = 0.f;
  // ruleid: cudnn-pooling-descriptor
  check(cudnnCreatePoolingDescriptor(&c.pool));
  // ruleid: cudnn-pooling-descriptor, cudnn-pooling-mode, cudnn-nan-propagation
  check(cudnnSetPooling2dDescriptor(c.pool, CUDNN_POOLING_MAX, CUDNN_PROPAGATE_NAN, 2, 2, 0, 0, 2, 2));
  // ruleid: cudnn-pooling-forward
  check(cudnnPoolingForward(c.h, c.pool, &one, c.x, x, &zero, c.y, y));
  // ruleid: cudnn-pooling-backward
  check(cudnnPoolingBackward(c.h, c.pool, &one, c.y, y, c.y, dy, c.x, x, &zero, c.x, dx));
  // ruleid: cudnn-pooling-mode
  int avg = CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING;
  (void)avg;
  // ruleid: cudnn-pooling-descriptor
  check(cudnnDestroyPoolingDescriptor(c.pool));
}

void batchnorm(Conv &c, const float *x, float *y, float *scale, float *bias, float *rm, float *rv,
               float *sm, float *siv, const float *dy, float *dx, float *dscale, float *dbias) {
  const float one = 1.f, zero = 0.f;
  // ruleid: cudnn-tensor-descriptor
  cudnnTensorDescriptor_t bn;
  // ruleid: cudnn-tensor-descriptor
  check(cudnnCreateTensorDescriptor(&bn));
  // ruleid: cudnn-batchnorm-mode
  check(cudnnDeriveBNTensorDescriptor(bn, c.x, CUDNN_BATCHNORM_SPATIAL));
  // ruleid: cudnn-batchnorm-forward-training, cudnn-batchnorm-mode
  check(cudnnBatchNormalizationForwardTraining(c.h, CUDNN_BATCHNORM_SPATIAL, &one, &zero, c.x, x, c.y, y, bn,
                                               scale, bias, 0.1, rm, rv, 1e-5, sm, siv));
  // ruleid: cudnn-batchnorm-forward-inference, cudnn-batchnorm-mode
  check(cudnnBatchNormalizationForwardInference(c.h, CUDNN_BATCHNORM_SPATIAL, &one, &zero, c.x, x, c.y, y, bn,
                                                scale, bias, rm, rv, 1e-5));
  // ruleid: cudnn-batchnorm-backward, cudnn-batchnorm-mode
  check(cudnnBatchNormalizationBackward(c.h, CUDNN_BATCHNORM_SPATIAL, &one, &zero, &one, &zero, c.x, x, c.y, dy,
                                        c.x, dx, bn, scale, dscale, dbias, 1e-5, sm, siv));
  // ruleid: cudnn-destroy-tensor-descriptor
  check(cudnnDestroyTensorDescriptor(bn));
}

void lrn(Conv &c, const float *x, float *y) {
  const float one = 1.f, zero = 0.f;
  // ruleid: cudnn-lrn
  cudnnLRNDescriptor_t d;
  // ruleid: cudnn-lrn
  check(cudnnCreateLRNDescriptor(&d));
  // ruleid: cudnn-lrn
  check(cudnnSetLRNDescriptor(d, 5, 1e-4, 0.75, 2.0));
  // ruleid: cudnn-lrn
  check(cudnnLRNCrossChannelForward(c.h, d, CUDNN_LRN_CROSS_CHANNEL_DIM1, &one, c.x, x, &zero, c.y, y));
}

void dropout(Conv &c, const float *x, float *y, const float *dy, float *dx) {
  // ruleid: cudnn-dropout-descriptor
  cudnnDropoutDescriptor_t d;
  size_t state_bytes = 0, reserve_bytes = 0;
  void *states = nullptr, *reserve = nullptr;
  // ruleid: cudnn-dropout-descriptor
  check(cudnnCreateDropoutDescriptor(&d));
  // ruleid: cudnn-dropout-descriptor
  check(cudnnDropoutGetStatesSize(c.h, &state_bytes));
  // ruleid: cudnn-dropout-descriptor
  check(cudnnDropoutGetReserveSpaceSize(c.x, &reserve_bytes));
  cudaMalloc(&states, state_bytes);
  cudaMalloc(&reserve, reserve_bytes);
  // ruleid: cudnn-dropout-descriptor
  check(cudnnSetDropoutDescriptor(d, c.h, 0.1f, states, state_bytes, 1234ULL));
  // ruleid: cudnn-dropout-forward
  check(cudnnDropoutForward(c.h, d, c.x, x, c.y, y, reserve, reserve_bytes));
  // ruleid: cudnn-dropout-backward
  check(cudnnDropoutBackward(c.h, d, c.y, dy, c.x, dx, reserve, reserve_bytes));
}

void rnn(Conv &c, int hidden, int layers) {
  // ruleid: cudnn-rnn-descriptor
  cudnnRNNDescriptor_t r;
  // ruleid: cudnn-rnn-descriptor
  check(cudnnCreateRNNDescriptor(&r));
  size_t wbytes = 0;
  (void)wbytes;
  // ruleid: cudnn-rnn-descriptor
  check(cudnnDestroyRNNDescriptor(r));
}

// ruleid: cudnn-rnn-descriptor
void rnn_run(Conv &c, cudnnRNNDescriptor_t r, cudnnRNNDataDescriptor_t xd, const float *x, float *y,
             size_t wbytes, const void *w, size_t ws, void *wsp, size_t rs, void *rsp) {
  // ruleid: cudnn-rnn-forward
  check(cudnnRNNForward(c.h, r, CUDNN_FWD_MODE_TRAINING, nullptr, xd, x, xd, y, c.x, nullptr, nullptr,
                        c.x, nullptr, nullptr, wbytes, w, ws, wsp, rs, rsp));
}

// ruleid: cudnn-attention
void mha(Conv &c, cudnnAttnDescriptor_t attn, cudnnSeqDataDescriptor_t q, const int *lo, const int *hi,
         const int *qlen, const int *klen, const float *Q, float *O, size_t wbytes, const void *w,
         size_t ws, void *wsp) {
  // ruleid: cudnn-attention
  check(cudnnMultiHeadAttnForward(c.h, attn, -1, lo, hi, qlen, klen, q, Q, nullptr, q, Q, q, Q, q, O,
                                  wbytes, w, ws, wsp, 0, nullptr));
}

void tensor_ops(Conv &c, float *x, const float *a, const float *b, float *out) {
  const float one = 1.f, zero = 0.f, half = 0.5f;
  // ruleid: cudnn-op-tensor
  cudnnOpTensorDescriptor_t op;
  // ruleid: cudnn-op-tensor
  check(cudnnCreateOpTensorDescriptor(&op));
  // ruleid: cudnn-op-tensor, cudnn-data-float, cudnn-nan-propagation
  check(cudnnSetOpTensorDescriptor(op, CUDNN_OP_TENSOR_MUL, CUDNN_DATA_FLOAT, CUDNN_NOT_PROPAGATE_NAN));
  // ruleid: cudnn-op-tensor
  check(cudnnOpTensor(c.h, op, &one, c.x, a, &one, c.x, b, &zero, c.x, out));
  // ruleid: cudnn-scale-tensor
  check(cudnnScaleTensor(c.h, c.x, x, &half));
  // ruleid: cudnn-set-tensor
  check(cudnnSetTensor(c.h, c.x, x, &zero));
  // ruleid: cudnn-transform-tensor
  check(cudnnTransformTensor(c.h, &one, c.x, a, &zero, c.y, out));
}

void reduce(Conv &c, const float *x, float *y, void *ws, size_t wsb) {
  const float one = 1.f, zero = 0.f;
  // ruleid: cudnn-reduce-tensor
  cudnnReduceTensorDescriptor_t rd;
  // ruleid: cudnn-reduce-tensor
  check(cudnnCreateReduceTensorDescriptor(&rd));
  // ruleid: cudnn-reduce-tensor, cudnn-data-float, cudnn-nan-propagation
  check(cudnnSetReduceTensorDescriptor(rd, CUDNN_REDUCE_TENSOR_ADD, CUDNN_DATA_FLOAT, CUDNN_NOT_PROPAGATE_NAN,
                                       CUDNN_REDUCE_TENSOR_NO_INDICES, CUDNN_32BIT_INDICES));
  // ruleid: cudnn-reduce-tensor
  check(cudnnReduceTensor(c.h, rd, nullptr, 0, ws, wsb, &one, c.x, x, &zero, c.y, y));
}

void graph_api(void) {
  // ruleid: cudnn-backend-api
  cudnnBackendDescriptor_t opGraph;
  // ruleid: cudnn-backend-api, cudnn-backend-enums
  check(cudnnBackendCreateDescriptor(CUDNN_BACKEND_OPERATIONGRAPH_DESCRIPTOR, &opGraph));
  // ruleid: cudnn-backend-api
  check(cudnnBackendFinalize(opGraph));
}

void types_and_version(void) {
  // ruleid: cudnn-data-type-t, cudnn-data-bfloat16
  cudnnDataType_t t = CUDNN_DATA_BFLOAT16;
  // ruleid: cudnn-tensor-format, cudnn-tensor-nchw-vect
  cudnnTensorFormat_t f = CUDNN_TENSOR_NCHW_VECT_C;
  // ruleid: cudnn-data-double, cudnn-data-int8, cudnn-data-int32, cudnn-data-int64, cudnn-data-uint8
  int more[] = {CUDNN_DATA_DOUBLE, CUDNN_DATA_INT8, CUDNN_DATA_INT32, CUDNN_DATA_INT64, CUDNN_DATA_UINT8};
  // ruleid: cudnn-data-fp8
  int fp8 = CUDNN_DATA_FP8_E4M3;
  // ruleid: cudnn-version
  size_t v = cudnnGetVersion();
  // ruleid: cudnn-version-macros
  printf("built against %d, running %zu\n", CUDNN_VERSION, v);
  (void)t; (void)f; (void)more; (void)fp8;
}

void teardown(Conv &c) {
  // ruleid: cudnn-activation-descriptor
  check(cudnnDestroyActivationDescriptor(c.act));
  // ruleid: cudnn-conv-descriptor
  check(cudnnDestroyConvolutionDescriptor(c.conv));
  // ruleid: cudnn-filter-descriptor
  check(cudnnDestroyFilterDescriptor(c.w));
  // ruleid: cudnn-destroy-tensor-descriptor
  check(cudnnDestroyTensorDescriptor(c.x));
  // ruleid: cudnn-handle
  check(cudnnDestroy(c.h));
}
