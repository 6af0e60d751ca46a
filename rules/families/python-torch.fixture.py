# Annotated fixture for rules/families/python-torch.yaml (see test/catalog/fixtures.test.ts).
import torch
import torch.distributed as dist
from torch.cuda.amp import GradScaler, autocast
from torch.utils.cpp_extension import CUDA_HOME, BuildExtension, CUDAExtension, load, load_inline

"""Module docstring: torch.cuda.synchronize() and .cuda() here are not uses."""

# ruleid: torch-cuda-device
if torch.cuda.is_available():
    # ruleid: torch-cuda-device
    torch.cuda.set_device(0)

# ruleid: torch-device-string, torch-cuda-device
device = "cuda" if torch.cuda.is_available() else "cpu"
# ruleid: torch-device-string
dev = torch.device("cuda:0")
# ruleid: torch-tensor-cuda
model = torch.nn.Linear(4, 4).cuda()
# ruleid: torch-device-string
x = torch.randn(8, 4).to("cuda")
# ruleid: torch-device-string
y = torch.zeros(8, 4, device="cuda")
# ruleid: torch-tensor-is-cuda
assert x.is_cuda
# ok: torch-device-string
label = "cuda"
# ok: torch-device-string
print("moving to cuda")

# ruleid: torch-cuda-streams
stream = torch.cuda.Stream()
# ruleid: torch-cuda-streams
done = torch.cuda.Event(enable_timing=True)
# ruleid: torch-cuda-memory
torch.cuda.empty_cache()
# ruleid: torch-cuda-memory
used = torch.cuda.memory_allocated()
# ruleid: torch-cuda-graphs
graph = torch.cuda.CUDAGraph()
# ruleid: torch-cuda-nvtx
torch.cuda.nvtx.range_push("step")
# ruleid: torch-cuda-tensor-types
buf = torch.cuda.FloatTensor(16)
# ruleid: torch-cuda-module
torch.cuda.ipc_collect()

# ruleid: torch-cuda-amp
scaler = GradScaler()
# ruleid: torch-cuda-amp
with autocast():
    pass
# ruleid: torch-device-string
with torch.autocast(device_type="cuda"):
    pass

# ruleid: torch-nccl-backend
dist.init_process_group(backend="nccl")
# ruleid: torch-nccl-backend
ok = dist.is_nccl_available()
# ruleid: torch-cudnn-switches
torch.backends.cudnn.benchmark = True
# ruleid: torch-cudnn-allow-tf32
torch.backends.cudnn.allow_tf32 = False
# ruleid: torch-backends-cuda-matmul-tf32
torch.backends.cuda.matmul.allow_tf32 = True
# ruleid: torch-backends-cuda-sdp
torch.backends.cuda.enable_flash_sdp(True)
# ruleid: torch-backends-cuda
torch.backends.cuda.preferred_linalg_library("cusolver")
# ruleid: torch-version-cuda
print(torch.version.cuda)

# ruleid: torch-cuda-extension
ext = CUDAExtension("fused", ["fused.cpp", "fused_kernel.cu"])
# ruleid: torch-build-extension
cmdclass = {"build_ext": BuildExtension}
# ruleid: torch-cpp-extension-jit
mod = load(name="jit_op", sources=["op.cpp", "op_kernel.cu"])
# ok: torch-cpp-extension-jit
cpu_only = load(name="cpu_op", sources=["op.cpp"])
# ruleid: torch-cpp-extension-jit
inline = load_inline(name="inl", cpp_sources=["int f();"], cuda_sources=["__global__ void k() {}"])
# ruleid: torch-cuda-home
print(CUDA_HOME)
