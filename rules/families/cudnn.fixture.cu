// Fixture for rules/families/cudnn.yaml: a small CNN layer stack written against cuDNN.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>
#include <cudnn.h>

// ruleid: cudnn-status-t ascend=partial cambricon=direct
static void check(cudnnStatus_t s) {
  // ruleid: cudnn-status-success *=direct
  if (s != CUDNN_STATUS_SUCCESS) {
    // ruleid: cudnn-get-error-string ascend=partial cambricon=direct
    fprintf(stderr, "cudnn: %s\n", cudnnGetErrorString(s));
    exit(1);
  }
}

// ok: cudnn-conv-forward
static const char *kName = "cudnnConvolutionForward";

// ruleid: cudnn-status-t ascend=partial cambricon=direct
bool retryable(cudnnStatus_t s) {
  // ruleid: cudnn-status-errors *=partial
  return s == CUDNN_STATUS_ALLOC_FAILED || s == CUDNN_STATUS_NOT_SUPPORTED;
}

struct Conv {
  // ruleid: cudnn-handle ascend=none cambricon=direct
  cudnnHandle_t h;
  // ruleid: cudnn-tensor-descriptor ascend=partial cambricon=direct
  cudnnTensorDescriptor_t x, y, bias;
  // ruleid: cudnn-filter-descriptor *=partial
  cudnnFilterDescriptor_t w;
  // ruleid: cudnn-conv-descriptor ascend=partial cambricon=direct
  cudnnConvolutionDescriptor_t conv;
  // ruleid: cudnn-conv-forward-algo ascend=none cambricon=partial
  cudnnConvolutionFwdAlgo_t algo;
  // ruleid: cudnn-activation-descriptor *=partial
  cudnnActivationDescriptor_t act;
  // ruleid: cudnn-pooling-descriptor *=partial
  cudnnPoolingDescriptor_t pool;
  size_t ws_bytes;
  void *ws;
};

void conv_setup(Conv &c, cudaStream_t stream, int n, int ch, int hgt, int wid, int k) {
  // ruleid: cudnn-handle ascend=none cambricon=direct
  check(cudnnCreate(&c.h));
  // ruleid: cudnn-set-stream ascend=partial cambricon=direct
  check(cudnnSetStream(c.h, stream));
  // ruleid: cudnn-tensor-descriptor ascend=partial cambricon=direct
  check(cudnnCreateTensorDescriptor(&c.x));
  // ruleid: cudnn-tensor-descriptor ascend=partial cambricon=direct
  check(cudnnCreateTensorDescriptor(&c.y));
  // ruleid: cudnn-set-tensor-descriptor *=partial, cudnn-tensor-nchw *=direct, cudnn-data-float *=direct
  check(cudnnSetTensor4dDescriptor(c.x, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, n, ch, hgt, wid));
  // ruleid: cudnn-filter-descriptor *=partial
  check(cudnnCreateFilterDescriptor(&c.w));
  // ruleid: cudnn-filter-descriptor *=partial, cudnn-data-float *=direct, cudnn-tensor-nchw *=direct
  check(cudnnSetFilter4dDescriptor(c.w, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, k, ch, 3, 3));
  // ruleid: cudnn-conv-descriptor ascend=partial cambricon=direct
  check(cudnnCreateConvolutionDescriptor(&c.conv));
  // ruleid: cudnn-set-conv-descriptor *=partial, cudnn-conv-mode *=partial, cudnn-data-float *=direct
  check(cudnnSetConvolution2dDescriptor(c.conv, 1, 1, 1, 1, 1, 1, CUDNN_CROSS_CORRELATION, CUDNN_DATA_FLOAT));
  // ruleid: cudnn-conv-math-type *=partial
  check(cudnnSetConvolutionMathType(c.conv, CUDNN_TENSOR_OP_MATH));
  // ruleid: cudnn-set-conv-descriptor *=partial
  check(cudnnSetConvolutionGroupCount(c.conv, 1));
  int on, oc, oh, ow;
  // ruleid: cudnn-set-conv-descriptor *=partial
  check(cudnnGetConvolution2dForwardOutputDim(c.conv, c.x, c.w, &on, &oc, &oh, &ow));
  // ruleid: cudnn-set-tensor-descriptor *=partial, cudnn-tensor-nhwc ascend=partial cambricon=direct, cudnn-data-half *=direct
  check(cudnnSetTensor4dDescriptor(c.y, CUDNN_TENSOR_NHWC, CUDNN_DATA_HALF, on, oc, oh, ow));

  // ruleid: cudnn-conv-forward-algo ascend=none cambricon=partial
  cudnnConvolutionFwdAlgoPerf_t perf[4];
  int returned = 0;
  // ruleid: cudnn-conv-forward-algo ascend=none cambricon=partial
  check(cudnnGetConvolutionForwardAlgorithm_v7(c.h, c.x, c.w, c.conv, c.y, 4, &returned, perf));
  c.algo = perf[0].algo;
  // ruleid: cudnn-conv-forward-algo ascend=none cambricon=partial
  if (returned == 0) c.algo = CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM;
  // ruleid: cudnn-conv-forward-workspace ascend=partial cambricon=direct
  check(cudnnGetConvolutionForwardWorkspaceSize(c.h, c.x, c.w, c.conv, c.y, c.algo, &c.ws_bytes));
  cudaMalloc(&c.ws, c.ws_bytes);
}

void conv_forward(Conv &c, const float *x, const float *w, float *y) {
  const float alpha = 1.f, beta = 0.f;
  // ruleid: cudnn-conv-forward *=partial
  check(cudnnConvolutionForward(c.h, &alpha, c.x, x, c.w, w, c.conv, c.algo, c.ws, c.ws_bytes, &beta, c.y, y));
  // ruleid: cudnn-add-tensor *=partial
  check(cudnnAddTensor(c.h, &alpha, c.bias, w, &alpha, c.y, y));
}

void conv_backward(Conv &c, const float *x, const float *w, const float *dy, float *dx, float *dw, float *db) {
  const float alpha = 1.f, beta = 0.f;
  // ruleid: cudnn-conv-backward-algo ascend=none cambricon=partial
  cudnnConvolutionBwdDataAlgo_t da = CUDNN_CONVOLUTION_BWD_DATA_ALGO_1;
  // ruleid: cudnn-conv-backward-algo ascend=none cambricon=partial
  cudnnConvolutionBwdFilterAlgo_t fa = CUDNN_CONVOLUTION_BWD_FILTER_ALGO_1;
  size_t bytes = 0;
  // ruleid: cudnn-conv-backward-workspace ascend=partial cambricon=direct
  check(cudnnGetConvolutionBackwardDataWorkspaceSize(c.h, c.w, c.y, c.conv, c.x, da, &bytes));
  // ruleid: cudnn-conv-backward-data *=partial
  check(cudnnConvolutionBackwardData(c.h, &alpha, c.w, w, c.y, dy, c.conv, da, c.ws, bytes, &beta, c.x, dx));
  // ruleid: cudnn-conv-backward-filter *=partial
  check(cudnnConvolutionBackwardFilter(c.h, &alpha, c.x, x, c.y, dy, c.conv, fa, c.ws, bytes, &beta, c.w, dw));
  // ruleid: cudnn-conv-backward-bias *=partial
  check(cudnnConvolutionBackwardBias(c.h, &alpha, c.y, dy, &beta, c.bias, db));
}

void fused(Conv &c, const float *x, const float *w, const float *z, const float *b, float *y) {
  const float one = 1.f;
  // ruleid: cudnn-conv-bias-activation *=partial
  check(cudnnConvolutionBiasActivationForward(c.h, &one, c.x, x, c.w, w, c.conv, c.algo, c.ws, c.ws_bytes,
                                              &one, c.y, z, c.bias, b, c.act, c.y, y));
}

void activation(Conv &c, const float *x, float *y, const float *dy, float *dx) {
  const float one = 1.f, zero = 0.f;
  // ruleid: cudnn-activation-descriptor *=partial
  check(cudnnCreateActivationDescriptor(&c.act));
  // ruleid: cudnn-activation-descriptor *=partial, cudnn-activation-relu *=partial, cudnn-nan-propagation ascend=none cambricon=direct
  check(cudnnSetActivationDescriptor(c.act, CUDNN_ACTIVATION_RELU, CUDNN_NOT_PROPAGATE_NAN, 0.0));
  // ruleid: cudnn-activation-forward ascend=partial cambricon=direct
  check(cudnnActivationForward(c.h, c.act, &one, c.y, x, &zero, c.y, y));
  // ruleid: cudnn-activation-backward ascend=partial cambricon=direct
  check(cudnnActivationBackward(c.h, c.act, &one, c.y, y, c.y, dy, c.y, x, &zero, c.y, dx));
}

// ruleid: cudnn-activation-mode ascend=partial cambricon=direct
cudnnActivationMode_t pick(int i) {
  switch (i) {
    // ruleid: cudnn-activation-sigmoid ascend=partial cambricon=direct
    case 0: return CUDNN_ACTIVATION_SIGMOID;
    // ruleid: cudnn-activation-tanh ascend=partial cambricon=direct
    case 1: return CUDNN_ACTIVATION_TANH;
    // ruleid: cudnn-activation-elu ascend=partial cambricon=direct
    case 2: return CUDNN_ACTIVATION_ELU;
    // ruleid: cudnn-activation-swish ascend=direct cambricon=partial
    case 3: return CUDNN_ACTIVATION_SWISH;
    // ruleid: cudnn-activation-clipped-relu *=partial
    case 4: return CUDNN_ACTIVATION_CLIPPED_RELU;
    // ruleid: cudnn-activation-identity ascend=partial cambricon=direct
    default: return CUDNN_ACTIVATION_IDENTITY;
  }
}

void softmax(Conv &c, const float *x, float *y, const float *dy, float *dx) {
  const float one = 1.f, zero = 0.f;
  // ruleid: cudnn-softmax-forward *=partial, cudnn-softmax-enums *=partial
  check(cudnnSoftmaxForward(c.h, CUDNN_SOFTMAX_ACCURATE, CUDNN_SOFTMAX_MODE_CHANNEL, &one, c.y, x, &zero, c.y, y));
  // ruleid: cudnn-softmax-backward *=partial, cudnn-softmax-enums *=partial
  check(cudnnSoftmaxBackward(c.h, CUDNN_SOFTMAX_LOG, CUDNN_SOFTMAX_MODE_INSTANCE, &one, c.y, y, c.y, dy, &zero, c.y, dx));
}

void pooling(Conv &c, const float *x, float *y, const float *dy, float *dx) {
  const float one = 1.f, zero = 0.f;
  // ruleid: cudnn-pooling-descriptor *=partial
  check(cudnnCreatePoolingDescriptor(&c.pool));
  // ruleid: cudnn-pooling-descriptor *=partial, cudnn-pooling-mode ascend=partial cambricon=direct, cudnn-nan-propagation ascend=none cambricon=direct
  check(cudnnSetPooling2dDescriptor(c.pool, CUDNN_POOLING_MAX, CUDNN_PROPAGATE_NAN, 2, 2, 0, 0, 2, 2));
  // ruleid: cudnn-pooling-forward *=partial
  check(cudnnPoolingForward(c.h, c.pool, &one, c.x, x, &zero, c.y, y));
  // ruleid: cudnn-pooling-backward *=partial
  check(cudnnPoolingBackward(c.h, c.pool, &one, c.y, y, c.y, dy, c.x, x, &zero, c.x, dx));
  // ruleid: cudnn-pooling-mode ascend=partial cambricon=direct
  int avg = CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING;
  (void)avg;
  // ruleid: cudnn-pooling-descriptor *=partial
  check(cudnnDestroyPoolingDescriptor(c.pool));
}

void batchnorm(Conv &c, const float *x, float *y, float *scale, float *bias, float *rm, float *rv,
               float *sm, float *siv, const float *dy, float *dx, float *dscale, float *dbias) {
  const float one = 1.f, zero = 0.f;
  // ruleid: cudnn-tensor-descriptor ascend=partial cambricon=direct
  cudnnTensorDescriptor_t bn;
  // ruleid: cudnn-tensor-descriptor ascend=partial cambricon=direct
  check(cudnnCreateTensorDescriptor(&bn));
  // ruleid: cudnn-batchnorm-mode *=partial
  check(cudnnDeriveBNTensorDescriptor(bn, c.x, CUDNN_BATCHNORM_SPATIAL));
  // ruleid: cudnn-batchnorm-forward-training *=partial, cudnn-batchnorm-mode *=partial
  check(cudnnBatchNormalizationForwardTraining(c.h, CUDNN_BATCHNORM_SPATIAL, &one, &zero, c.x, x, c.y, y, bn,
                                               scale, bias, 0.1, rm, rv, 1e-5, sm, siv));
  // ruleid: cudnn-batchnorm-forward-inference *=partial, cudnn-batchnorm-mode *=partial
  check(cudnnBatchNormalizationForwardInference(c.h, CUDNN_BATCHNORM_SPATIAL, &one, &zero, c.x, x, c.y, y, bn,
                                                scale, bias, rm, rv, 1e-5));
  // ruleid: cudnn-batchnorm-backward *=partial, cudnn-batchnorm-mode *=partial
  check(cudnnBatchNormalizationBackward(c.h, CUDNN_BATCHNORM_SPATIAL, &one, &zero, &one, &zero, c.x, x, c.y, dy,
                                        c.x, dx, bn, scale, dscale, dbias, 1e-5, sm, siv));
  // ruleid: cudnn-destroy-tensor-descriptor ascend=partial cambricon=direct
  check(cudnnDestroyTensorDescriptor(bn));
}

void lrn(Conv &c, const float *x, float *y) {
  const float one = 1.f, zero = 0.f;
  // ruleid: cudnn-lrn *=none
  cudnnLRNDescriptor_t d;
  // ruleid: cudnn-lrn *=none
  check(cudnnCreateLRNDescriptor(&d));
  // ruleid: cudnn-lrn *=none
  check(cudnnSetLRNDescriptor(d, 5, 1e-4, 0.75, 2.0));
  // ruleid: cudnn-lrn *=none
  check(cudnnLRNCrossChannelForward(c.h, d, CUDNN_LRN_CROSS_CHANNEL_DIM1, &one, c.x, x, &zero, c.y, y));
}

void dropout(Conv &c, const float *x, float *y, const float *dy, float *dx) {
  // ruleid: cudnn-dropout-descriptor *=partial
  cudnnDropoutDescriptor_t d;
  size_t state_bytes = 0, reserve_bytes = 0;
  void *states = nullptr, *reserve = nullptr;
  // ruleid: cudnn-dropout-descriptor *=partial
  check(cudnnCreateDropoutDescriptor(&d));
  // ruleid: cudnn-dropout-descriptor *=partial
  check(cudnnDropoutGetStatesSize(c.h, &state_bytes));
  // ruleid: cudnn-dropout-descriptor *=partial
  check(cudnnDropoutGetReserveSpaceSize(c.x, &reserve_bytes));
  cudaMalloc(&states, state_bytes);
  cudaMalloc(&reserve, reserve_bytes);
  // ruleid: cudnn-dropout-descriptor *=partial
  check(cudnnSetDropoutDescriptor(d, c.h, 0.1f, states, state_bytes, 1234ULL));
  // ruleid: cudnn-dropout-forward *=partial
  check(cudnnDropoutForward(c.h, d, c.x, x, c.y, y, reserve, reserve_bytes));
  // ruleid: cudnn-dropout-backward *=partial
  check(cudnnDropoutBackward(c.h, d, c.y, dy, c.x, dx, reserve, reserve_bytes));
}

void rnn(Conv &c, int hidden, int layers) {
  // ruleid: cudnn-rnn-descriptor ascend-910b=partial ascend-910c=partial ascend-950=none cambricon=partial
  cudnnRNNDescriptor_t r;
  // ruleid: cudnn-rnn-descriptor ascend-910b=partial ascend-910c=partial ascend-950=none cambricon=partial
  check(cudnnCreateRNNDescriptor(&r));
  size_t wbytes = 0;
  (void)wbytes;
  // ruleid: cudnn-rnn-descriptor ascend-910b=partial ascend-910c=partial ascend-950=none cambricon=partial
  check(cudnnDestroyRNNDescriptor(r));
}

// ruleid: cudnn-rnn-descriptor ascend-910b=partial ascend-910c=partial ascend-950=none cambricon=partial
void rnn_run(Conv &c, cudnnRNNDescriptor_t r, cudnnRNNDataDescriptor_t xd, const float *x, float *y,
             size_t wbytes, const void *w, size_t ws, void *wsp, size_t rs, void *rsp) {
  // ruleid: cudnn-rnn-forward ascend-910b=partial ascend-910c=partial ascend-950=none cambricon=partial
  check(cudnnRNNForward(c.h, r, CUDNN_FWD_MODE_TRAINING, nullptr, xd, x, xd, y, c.x, nullptr, nullptr,
                        c.x, nullptr, nullptr, wbytes, w, ws, wsp, rs, rsp));
}

// ruleid: cudnn-attention ascend-910b=partial ascend-910c=none ascend-950=partial cambricon=partial
void mha(Conv &c, cudnnAttnDescriptor_t attn, cudnnSeqDataDescriptor_t q, const int *lo, const int *hi,
         const int *qlen, const int *klen, const float *Q, float *O, size_t wbytes, const void *w,
         size_t ws, void *wsp) {
  // ruleid: cudnn-attention ascend-910b=partial ascend-910c=none ascend-950=partial cambricon=partial
  check(cudnnMultiHeadAttnForward(c.h, attn, -1, lo, hi, qlen, klen, q, Q, nullptr, q, Q, q, Q, q, O,
                                  wbytes, w, ws, wsp, 0, nullptr));
}

void tensor_ops(Conv &c, float *x, const float *a, const float *b, float *out) {
  const float one = 1.f, zero = 0.f, half = 0.5f;
  // ruleid: cudnn-op-tensor *=partial
  cudnnOpTensorDescriptor_t op;
  // ruleid: cudnn-op-tensor *=partial
  check(cudnnCreateOpTensorDescriptor(&op));
  // ruleid: cudnn-op-tensor *=partial, cudnn-data-float *=direct, cudnn-nan-propagation ascend=none cambricon=direct
  check(cudnnSetOpTensorDescriptor(op, CUDNN_OP_TENSOR_MUL, CUDNN_DATA_FLOAT, CUDNN_NOT_PROPAGATE_NAN));
  // ruleid: cudnn-op-tensor *=partial
  check(cudnnOpTensor(c.h, op, &one, c.x, a, &one, c.x, b, &zero, c.x, out));
  // ruleid: cudnn-scale-tensor *=partial
  check(cudnnScaleTensor(c.h, c.x, x, &half));
  // ruleid: cudnn-set-tensor *=partial
  check(cudnnSetTensor(c.h, c.x, x, &zero));
  // ruleid: cudnn-transform-tensor *=partial
  check(cudnnTransformTensor(c.h, &one, c.x, a, &zero, c.y, out));
}

void reduce(Conv &c, const float *x, float *y, void *ws, size_t wsb) {
  const float one = 1.f, zero = 0.f;
  // ruleid: cudnn-reduce-tensor *=partial
  cudnnReduceTensorDescriptor_t rd;
  // ruleid: cudnn-reduce-tensor *=partial
  check(cudnnCreateReduceTensorDescriptor(&rd));
  // ruleid: cudnn-reduce-tensor *=partial, cudnn-data-float *=direct, cudnn-nan-propagation ascend=none cambricon=direct
  check(cudnnSetReduceTensorDescriptor(rd, CUDNN_REDUCE_TENSOR_ADD, CUDNN_DATA_FLOAT, CUDNN_NOT_PROPAGATE_NAN,
                                       CUDNN_REDUCE_TENSOR_NO_INDICES, CUDNN_32BIT_INDICES));
  // ruleid: cudnn-reduce-tensor *=partial
  check(cudnnReduceTensor(c.h, rd, nullptr, 0, ws, wsb, &one, c.x, x, &zero, c.y, y));
}

void graph_api(void) {
  // ruleid: cudnn-backend-api *=rewrite
  cudnnBackendDescriptor_t opGraph;
  // ruleid: cudnn-backend-api *=rewrite, cudnn-backend-enums *=rewrite
  check(cudnnBackendCreateDescriptor(CUDNN_BACKEND_OPERATIONGRAPH_DESCRIPTOR, &opGraph));
  // ruleid: cudnn-backend-api *=rewrite
  check(cudnnBackendFinalize(opGraph));
}

void types_and_version(void) {
  // ruleid: cudnn-data-type-t *=direct, cudnn-data-bfloat16 ascend=direct cambricon-mlu370=none cambricon-mlu590=direct
  cudnnDataType_t t = CUDNN_DATA_BFLOAT16;
  // ruleid: cudnn-tensor-format ascend=partial cambricon=direct, cudnn-tensor-nchw-vect *=none
  cudnnTensorFormat_t f = CUDNN_TENSOR_NCHW_VECT_C;
  // ruleid: cudnn-data-double *=direct, cudnn-data-int8 *=direct, cudnn-data-int32 *=direct, cudnn-data-int64 *=direct, cudnn-data-uint8 *=direct
  int more[] = {CUDNN_DATA_DOUBLE, CUDNN_DATA_INT8, CUDNN_DATA_INT32, CUDNN_DATA_INT64, CUDNN_DATA_UINT8};
  // ruleid: cudnn-data-fp8 ascend=partial cambricon=none
  int fp8 = CUDNN_DATA_FP8_E4M3;
  // ruleid: cudnn-version *=partial
  size_t v = cudnnGetVersion();
  // ruleid: cudnn-version-macros *=none
  printf("built against %d, running %zu\n", CUDNN_VERSION, v);
  (void)t; (void)f; (void)more; (void)fp8;
}

void teardown(Conv &c) {
  // ruleid: cudnn-activation-descriptor *=partial
  check(cudnnDestroyActivationDescriptor(c.act));
  // ruleid: cudnn-conv-descriptor ascend=partial cambricon=direct
  check(cudnnDestroyConvolutionDescriptor(c.conv));
  // ruleid: cudnn-filter-descriptor *=partial
  check(cudnnDestroyFilterDescriptor(c.w));
  // ruleid: cudnn-destroy-tensor-descriptor ascend=partial cambricon=direct
  check(cudnnDestroyTensorDescriptor(c.x));
  // ruleid: cudnn-handle ascend=none cambricon=direct
  check(cudnnDestroy(c.h));
}
