# Annotated fixture for rules/families/python-ecosystem.yaml (see test/catalog/fixtures.test.ts).
# ruleid: py-cupy *=none
import cupy as cp
# ruleid: py-numba-cuda *=none
from numba import cuda
# ruleid: py-pycuda *=none
import pycuda.driver as drv
# ruleid: py-triton ascend=partial cambricon=none
import triton
# ruleid: py-triton ascend=partial cambricon=none
import triton.language as tl
# ruleid: py-cuda-python *=none
from cuda import cudart
# ruleid: py-pynvml *=none
import pynvml
# ruleid: py-tensorrt *=none
import tensorrt as trt
# ruleid: py-apex *=none
from apex import amp
# ruleid: py-flash-attn *=partial
from flash_attn import flash_attn_func
# ok: py-cupy
import numpy as np


# ruleid: py-numba-cuda-jit *=rewrite
@cuda.jit
def add_one(a):
    i = cuda.grid(1)
    a[i] += 1


# ruleid: py-triton ascend=partial cambricon=none
@triton.jit
def copy_kernel(x_ptr, y_ptr, n, BLOCK: tl.constexpr):
    pass


# ruleid: py-cupy-kernels *=rewrite
square = cp.RawKernel(r'extern "C" __global__ void sq(float* x) {}', "sq")
# ok: py-cupy
text = "import cupy is only a string here"


# ruleid: py-flash-attn-call *=partial
out = flash_attn_func(q, k, v, causal=True)
# ruleid: py-flash-attn *=partial
from flash_attn import flash_attn_varlen_func
# ruleid: py-flash-attn-call *=partial
out = flash_attn_varlen_func(q, k, v, cu_q, cu_k, max_q, max_k)
import xformers.ops as xops
# ruleid: py-flash-attn-call *=partial
out = xops.memory_efficient_attention(q, k, v)


# ruleid: py-triton ascend=partial cambricon=none
@triton.jit
def matmul_kernel(a_ptr, b_ptr, c_ptr, BLOCK: tl.constexpr):
    pid = tl.program_id(0)
    a = tl.load(a_ptr + pid)
    b = tl.load(b_ptr + pid)
    # ruleid: py-triton-dot ascend=partial cambricon=none
    c = tl.dot(a, b)
    # ruleid: py-triton-atomics ascend=partial cambricon=none
    tl.atomic_add(c_ptr, c)

