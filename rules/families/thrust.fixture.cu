// Fixture for rules/families/thrust.yaml: a histogram/statistics pipeline written with Thrust.
#include <cstdio>
#include <vector>
#include <cuda_runtime.h>
#include <thrust/device_vector.h>
#include <thrust/host_vector.h>
#include <thrust/sort.h>
#include <thrust/reduce.h>
#include <thrust/scan.h>
#include <thrust/transform.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/execution_policy.h>

struct square {
  __host__ __device__ float operator()(float x) const { return x * x; }
};

// ok: thrust-sort
static const char *kDoc = "thrust::sort is used below";

float statistics(const std::vector<float> &input, cudaStream_t stream) {
  // ruleid: thrust-host-vector *=rewrite
  thrust::host_vector<float> h(input.begin(), input.end());
  // ruleid: thrust-device-vector *=rewrite
  thrust::device_vector<float> d = h;
  // ruleid: thrust-device-vector *=rewrite
  thrust::device_vector<float> sq(d.size());
  // ruleid: thrust-device-vector *=rewrite
  thrust::device_vector<int> keys(d.size());

  // ruleid: thrust-sort *=partial, thrust-execution-policy *=rewrite
  thrust::sort(thrust::device, d.begin(), d.end());
  // ruleid: thrust-sort-by-key *=partial, thrust-execution-policy *=rewrite
  thrust::sort_by_key(thrust::cuda::par.on(stream), keys.begin(), keys.end(), d.begin());
  // ruleid: thrust-transform *=rewrite
  thrust::transform(d.begin(), d.end(), sq.begin(), square());
  // ruleid: thrust-reduce *=partial, thrust-functional *=rewrite
  float sum = thrust::reduce(d.begin(), d.end(), 0.0f, thrust::plus<float>());
  // ruleid: thrust-reduce *=partial, thrust-functional *=rewrite
  float sumsq = thrust::transform_reduce(d.begin(), d.end(), square(), 0.0f, thrust::plus<float>());
  // ruleid: thrust-inclusive-scan *=partial
  thrust::inclusive_scan(d.begin(), d.end(), sq.begin());
  // ruleid: thrust-exclusive-scan *=partial
  thrust::exclusive_scan(keys.begin(), keys.end(), keys.begin());
  // ruleid: thrust-fill *=partial
  thrust::fill(sq.begin(), sq.end(), 0.0f);
  // ruleid: thrust-sequence *=partial
  thrust::sequence(keys.begin(), keys.end());
  // ruleid: thrust-unique *=partial
  auto last = thrust::unique(keys.begin(), keys.end());
  // ruleid: thrust-count *=partial
  int n = thrust::count(keys.begin(), last, 3);
  // ruleid: thrust-min-max-element *=partial
  auto mx = thrust::max_element(d.begin(), d.end());
  // ruleid: thrust-copy *=partial
  thrust::copy(d.begin(), d.end(), h.begin());
  return sum + sumsq + n + *mx;
}

// ruleid: thrust-device-vector *=rewrite
void raw_access(thrust::device_vector<float> &v, float *out, int n) {
  // ruleid: thrust-device-ptr *=rewrite
  float *raw = thrust::raw_pointer_cast(v.data());
  // ruleid: thrust-device-ptr *=rewrite
  thrust::device_ptr<float> p = thrust::device_pointer_cast(out);
  // ruleid: thrust-copy *=partial
  thrust::copy_n(raw, n, p);
}

// ruleid: thrust-device-vector *=rewrite
void fancy(thrust::device_vector<int> &idx, thrust::device_vector<float> &vals, thrust::device_vector<float> &out) {
  // ruleid: thrust-fancy-iterators *=rewrite
  thrust::counting_iterator<int> first(0);
  // ruleid: thrust-gather *=partial
  thrust::gather(idx.begin(), idx.end(), vals.begin(), out.begin());
  // ruleid: thrust-scatter *=partial
  thrust::scatter(vals.begin(), vals.end(), idx.begin(), out.begin());
  // ruleid: thrust-reduce-by-key *=rewrite
  thrust::reduce_by_key(idx.begin(), idx.end(), vals.begin(), idx.begin(), out.begin());
  // ruleid: thrust-scan-by-key *=rewrite
  thrust::inclusive_scan_by_key(idx.begin(), idx.end(), vals.begin(), out.begin());
  // ruleid: thrust-search ascend=partial cambricon=rewrite
  thrust::lower_bound(vals.begin(), vals.end(), out.begin(), out.end(), idx.begin());
  // ruleid: thrust-copy-if *=partial
  thrust::copy_if(vals.begin(), vals.end(), out.begin(), [] __device__(float x) { return x > 0; });
  // ruleid: thrust-unique-by-key *=partial
  thrust::unique_by_key(idx.begin(), idx.end(), vals.begin());
  // ruleid: thrust-tuple-pair *=rewrite
  thrust::pair<int, float> pr = thrust::make_pair(1, 2.0f);
  // ruleid: thrust-fancy-iterators *=rewrite
  auto z = thrust::make_zip_iterator(idx.begin(), vals.begin());
  (void)first; (void)pr; (void)z;
}

// ruleid: thrust-device-vector *=rewrite
void misc(thrust::device_vector<float> &v) {
  // ruleid: thrust-transform *=rewrite
  thrust::for_each(v.begin(), v.end(), square());
  // ruleid: thrust-device-vector *=rewrite
  thrust::device_vector<float>::iterator it = v.begin();
  // ruleid: thrust-transform *=rewrite, thrust-functional *=rewrite
  thrust::transform(v.begin(), v.end(), v.begin(), thrust::placeholders::_1 * 2.0f);
  // ruleid: thrust-namespace *=rewrite
  bool ok = thrust::is_sorted(v.begin(), v.end());
  // ruleid: thrust-namespace *=rewrite
  thrust::reverse(v.begin(), v.end());
  (void)ok; (void)it;
}
