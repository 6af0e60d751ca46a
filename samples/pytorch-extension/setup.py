"""Build the fused bias + GELU operator as a PyTorch CUDA extension: `pip install .`"""
from setuptools import setup
from torch.utils.cpp_extension import BuildExtension, CUDAExtension

setup(
    name="fused_op",
    version="0.1.0",
    packages=["fused_op"],
    ext_modules=[
        CUDAExtension(
            name="fused_op._C",
            sources=["csrc/binding.cpp", "csrc/fused_op.cu"],
            extra_compile_args={
                "cxx": ["-O3"],
                "nvcc": ["-O3", "--use_fast_math", "-gencode", "arch=compute_80,code=sm_80"],
            },
        )
    ],
    cmdclass={"build_ext": BuildExtension},
)
