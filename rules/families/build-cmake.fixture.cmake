# Annotated fixture for rules/families/build-cmake.yaml (see test/catalog/fixtures.test.ts).
cmake_minimum_required(VERSION 3.24)

# ruleid: cmake-cuda-architectures *=partial
set(CMAKE_CUDA_ARCHITECTURES 80 90)
# ruleid: cmake-cuda-language *=partial
project(fused LANGUAGES CXX CUDA)
# ruleid: cmake-cuda-language *=partial
enable_language(CUDA)

# ruleid: cmake-cuda-standard *=partial
set(CMAKE_CUDA_STANDARD 17)
# ruleid: cmake-cuda-standard *=partial
set(CMAKE_CUDA_STANDARD_REQUIRED ON)
# ruleid: cmake-cuda-flags *=partial
set(CMAKE_CUDA_FLAGS "${CMAKE_CUDA_FLAGS} -Xptxas=-v")
# ruleid: cmake-cuda-flags *=partial
list(APPEND CUDA_NVCC_FLAGS -O3)
# ruleid: cmake-cuda-compiler *=partial
set(CMAKE_CUDA_COMPILER /opt/cuda/bin/nvcc)
# ruleid: cmake-cuda-separable-compilation *=none
set(CMAKE_CUDA_SEPARABLE_COMPILATION ON)
# ruleid: cmake-cuda-other-variables *=partial
set(CMAKE_CUDA_RUNTIME_LIBRARY Shared)

# ruleid: cmake-find-cudatoolkit *=partial
find_package(CUDAToolkit 12.0 REQUIRED)
# ruleid: cmake-find-cudatoolkit *=partial
find_package(CUDA REQUIRED)
# ruleid: cmake-find-nccl *=partial
find_package(NCCL REQUIRED)
# ruleid: cmake-find-cudnn *=partial
find_package(cuDNN)
# ruleid: cmake-find-cutlass *=rewrite
find_package(CUTLASS)
# ruleid: cmake-find-tensorrt *=none
find_package(TensorRT)
# ruleid: cmake-find-nvtx *=partial
find_package(NVTX)
# ok: cmake-find-cudatoolkit
find_package(OpenMP)

# ruleid: cmake-cuda-toolkit-variables *=partial
include_directories(${CUDAToolkit_INCLUDE_DIRS})
# ruleid: cmake-cuda-toolkit-variables *=partial
if(CUDA_FOUND)
endif()

# ruleid: cmake-findcuda-add-target ascend=partial cambricon=direct
cuda_add_library(legacy_kernels STATIC legacy.cu)
# ruleid: cmake-findcuda-add-target ascend=partial cambricon=direct
cuda_add_executable(legacy_app main.cpp)
# ruleid: cmake-findcuda-include-directories *=partial
cuda_include_directories(include)
# ruleid: cmake-findcuda-other-commands *=rewrite
cuda_add_cublas_to_target(legacy_app)

add_library(fused STATIC fused.cu host.cpp)
set_target_properties(fused PROPERTIES
  # ruleid: cmake-cuda-architectures *=partial
  CUDA_ARCHITECTURES "80;90"
  # ruleid: cmake-cuda-separable-compilation *=none
  CUDA_SEPARABLE_COMPILATION ON)
# ruleid: cmake-cuda-source-language *=partial
set_source_files_properties(host_kernels.cpp PROPERTIES LANGUAGE CUDA)
# ruleid: cmake-cuda-source-language *=partial
target_compile_options(fused PRIVATE $<$<COMPILE_LANGUAGE:CUDA>:--extended-lambda>)
# ruleid: cmake-cuda-cudart-target *=direct, cmake-cuda-blas-targets *=partial
target_link_libraries(fused PUBLIC CUDA::cudart CUDA::cublas)
# ruleid: cmake-cuda-driver-target ascend=partial cambricon=direct, cmake-cuda-imported-targets *=partial
target_link_libraries(fused PRIVATE CUDA::cuda_driver CUDA::curand)
# ruleid: cmake-find-nvtx *=partial
target_link_libraries(fused PRIVATE CUDA::nvtx3)

# ok: cmake-cuda-language, cmake-find-cudatoolkit
# project(old LANGUAGES CUDA) and find_package(CUDA) in a comment
#[[ enable_language(CUDA)
    find_package(CUDAToolkit) ]]
# ok: cmake-cuda-language
message(STATUS "enable_language(CUDA) is not called here")
# ok: cmake-cuda-architectures
message(STATUS [=[CMAKE_CUDA_ARCHITECTURES in a bracket argument]=])
