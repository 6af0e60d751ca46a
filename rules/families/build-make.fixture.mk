# Annotated fixture for rules/families/build-make.yaml (see test/catalog/fixtures.test.ts).
# ruleid: make-nvcc
NVCC ?= nvcc
# ruleid: make-cuda-home
CUDA_HOME ?= /opt/cuda
# ruleid: make-nvcc-arch, make-nvcc-fast-math, make-nvcc-rdc
NVCCFLAGS := -arch=sm_80 --use_fast_math -rdc=true -O3
# ruleid: make-nvcc-arch
GENCODE := -gencode arch=compute_90,code=sm_90
# ruleid: make-nvcc-host-options, make-nvcc-ptxas, make-nvcc-language-extensions
NVCCFLAGS += -Xcompiler -fPIC -Xptxas -v --expt-relaxed-constexpr
# ruleid: make-nvcc-lineinfo, make-nvcc-default-stream, make-nvcc-ptxas
NVCCFLAGS += -lineinfo --default-stream per-thread -maxrregcount=64
# ruleid: make-cuda-home, make-lib-cudart, make-lib-cublas, make-lib-cudnn, make-lib-nccl
LDLIBS := -L$(CUDA_HOME)/lib64 -lcudart -lcublas -lcudnn -lnccl
# ruleid: make-lib-cuda-driver, make-lib-other
LDLIBS += -lcuda -lcurand
# ruleid: make-cu-source
SRCS := kernels.cu main.cpp
# ok: make-nvcc-arch
CXXFLAGS := -O2 -march=native
# ok: make-lib-cudart
LDLIBS += -lm -lpthread

all: app

# ruleid: make-cu-source
%.o: %.cu
# ruleid: make-nvcc
	$(NVCC) $(NVCCFLAGS) -c -o $@ $<

app: kernels.o main.o
# ruleid: make-nvcc, make-nvcc-arch
	$(NVCC) -arch=$(ARCH) -o $@ $^ $(LDLIBS)

# ok: make-nvcc
# the nvcc in this comment and -lcudart -gencode are not uses
clean:
	rm -f app *.o
