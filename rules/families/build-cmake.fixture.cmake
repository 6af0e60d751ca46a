# Annotated fixture for rules/families/build-cmake.yaml (see test/catalog/fixtures.test.ts).
cmake_minimum_required(VERSION 3.24)

# ruleid: cmake-cuda-architectures
set(CMAKE_CUDA_ARCHITECTURES 80 90)
# ruleid: cmake-cuda-language
project(fused LANGUAGES CXX CUDA)
# ruleid: cmake-cuda-language
enable_language(CUDA)

# ruleid: cmake-cuda-standard
set(CMAKE_CUDA_STANDARD 17)
# ruleid: cmake-cuda-standard
set(CMAKE_CUDA_STANDARD_REQUIRED ON)
# ruleid: cmake-cuda-flags
set(CMAKE_CUDA_FLAGS "${CMAKE_CUDA_FLAGS} -Xptxas=-v")
# ruleid: cmake-cuda-flags
list(APPEND CUDA_NVCC_FLAGS -O3)
# ruleid: cmake-cuda-compiler
set(CMAKE_CUDA_COMPILER /opt/cuda/bin/nvcc)
# ruleid: cmake-cuda-separable-compilation
set(CMAKE_CUDA_SEPARABLE_COMPILATION ON)
# ruleid: cmake-cuda-other-variables
set(CMAKE_CUDA_RUNTIME_LIBRARY Shared)

# ruleid: cmake-find-cudatoolkit
find_package(CUDAToolkit 12.0 REQUIRED)
# ruleid: cmake-find-cudatoolkit
find_package(CUDA REQUIRED)
# ruleid: cmake-find-nccl
find_package(NCCL REQUIRED)
# ruleid: cmake-find-cudnn
find_package(cuDNN)
# ruleid: cmake-find-cutlass
find_package(CUTLASS)
# ruleid: cmake-find-tensorrt
find_package(TensorRT)
# ruleid: cmake-find-nvtx
find_package(NVTX)
# ok: cmake-find-cudatoolkit
find_package(OpenMP)

# ruleid: cmake-cuda-toolkit-variables
include_directories(${CUDAToolkit_INCLUDE_DIRS})
# ruleid: cmake-cuda-toolkit-variables
if(CUDA_FOUND)
endif()

# ruleid: cmake-findcuda-add-target
cuda_add_library(legacy_kernels STATIC legacy.cu)
# ruleid: cmake-findcuda-add-target
cuda_add_executable(legacy_app main.cpp)
# ruleid: cmake-findcuda-include-directories
cuda_include_directories(include)
# ruleid: cmake-findcuda-other-commands
cuda_add_cublas_to_target(legacy_app)

add_library(fused STATIC fused.cu host.cpp)
set_target_properties(fused PROPERTIES
  # ruleid: cmake-cuda-architectures
  CUDA_ARCHITECTURES "80;90"
  # ruleid: cmake-cuda-separable-compilation
  CUDA_SEPARABLE_COMPILATION ON)
# ruleid: cmake-cuda-source-language
set_source_files_properties(host_kernels.cpp PROPERTIES LANGUAGE CUDA)
# ruleid: cmake-cuda-source-language
target_compile_options(fused PRIVATE $<$<COMPILE_LANGUAGE:CUDA>:--extended-lambda>)
# ruleid: cmake-cuda-cudart-target, cmake-cuda-blas-targets
target_link_libraries(fused PUBLIC CUDA::cudart CUDA::cublas)
# ruleid: cmake-cuda-driver-target, cmake-cuda-imported-targets
target_link_libraries(fused PRIVATE CUDA::cuda_driver CUDA::curand)
# ruleid: cmake-find-nvtx
target_link_libraries(fused PRIVATE CUDA::nvtx3)

# ok: cmake-cuda-language, cmake-find-cudatoolkit
# project(old LANGUAGES CUDA) and find_package(CUDA) in a comment
#[[ enable_language(CUDA)
    find_package(CUDAToolkit) ]]
# ok: cmake-cuda-language
message(STATUS "enable_language(CUDA) is not called here")
# ok: cmake-cuda-architectures
message(STATUS [=[CMAKE_CUDA_ARCHITECTURES in a bracket argument]=])
