# Annotated fixture for rules/families/python-ecosystem.yaml (see test/catalog/fixtures.test.ts).
# ruleid: py-cupy
import cupy as cp
# ruleid: py-numba-cuda
from numba import cuda
# ruleid: py-pycuda
import pycuda.driver as drv
# ruleid: py-triton
import triton
# ruleid: py-triton
import triton.language as tl
# ruleid: py-cuda-python
from cuda import cudart
# ruleid: py-pynvml
import pynvml
# ruleid: py-tensorrt
import tensorrt as trt
# ruleid: py-apex
from apex import amp
# ruleid: py-flash-attn
from flash_attn import flash_attn_func
# ok: py-cupy
import numpy as np


# ruleid: py-numba-cuda-jit
@cuda.jit
def add_one(a):
    i = cuda.grid(1)
    a[i] += 1


# ruleid: py-triton
@triton.jit
def copy_kernel(x_ptr, y_ptr, n, BLOCK: tl.constexpr):
    pass


# ruleid: py-cupy-kernels
square = cp.RawKernel(r'extern "C" __global__ void sq(float* x) {}', "sq")
# ok: py-cupy
text = "import cupy is only a string here"
