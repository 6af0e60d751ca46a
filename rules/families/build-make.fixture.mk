# Annotated fixture for rules/families/build-make.yaml (see test/catalog/fixtures.test.ts).
# ruleid: make-nvcc *=partial
NVCC ?= nvcc
# ruleid: make-cuda-home *=direct
CUDA_HOME ?= /opt/cuda
# ruleid: make-nvcc-arch *=partial, make-nvcc-fast-math *=none, make-nvcc-rdc *=none
NVCCFLAGS := -arch=sm_80 --use_fast_math -rdc=true -O3
# ruleid: make-nvcc-arch *=partial
GENCODE := -gencode arch=compute_90,code=sm_90
# ruleid: make-nvcc-host-options *=rewrite, make-nvcc-ptxas ascend=none cambricon=partial, make-nvcc-language-extensions *=none
NVCCFLAGS += -Xcompiler -fPIC -Xptxas -v --expt-relaxed-constexpr
# ruleid: make-nvcc-lineinfo ascend=none cambricon=partial, make-nvcc-default-stream *=none, make-nvcc-ptxas ascend=none cambricon=partial
NVCCFLAGS += -lineinfo --default-stream per-thread -maxrregcount=64
# ruleid: make-cuda-home *=direct, make-lib-cudart *=direct, make-lib-cublas *=partial, make-lib-cudnn *=partial, make-lib-nccl *=direct
LDLIBS := -L$(CUDA_HOME)/lib64 -lcudart -lcublas -lcudnn -lnccl
# ruleid: make-lib-cuda-driver ascend=partial cambricon=direct, make-lib-other *=none
LDLIBS += -lcuda -lcurand
# ruleid: make-cu-source *=rewrite
SRCS := kernels.cu main.cpp
# ok: make-nvcc-arch
CXXFLAGS := -O2 -march=native
# ok: make-lib-cudart
LDLIBS += -lm -lpthread

all: app

# ruleid: make-cu-source *=rewrite
%.o: %.cu
# ruleid: make-nvcc *=partial
	$(NVCC) $(NVCCFLAGS) -c -o $@ $<

app: kernels.o main.o
# ruleid: make-nvcc *=partial, make-nvcc-arch *=partial
	$(NVCC) -arch=$(ARCH) -o $@ $^ $(LDLIBS)

# ok: make-nvcc
# the nvcc in this comment and -lcudart -gencode are not uses
clean:
	rm -f app *.o
