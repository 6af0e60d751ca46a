# Annotated fixture for rules/families/python-torch.yaml (see test/catalog/fixtures.test.ts).
import torch
import torch.distributed as dist
from torch.cuda.amp import GradScaler, autocast
from torch.utils.cpp_extension import CUDA_HOME, BuildExtension, CUDAExtension, load, load_inline

"""Module docstring: torch.cuda.synchronize() and .cuda() here are not uses."""

# ruleid: torch-cuda-device *=direct
if torch.cuda.is_available():
    # ruleid: torch-cuda-device *=direct
    torch.cuda.set_device(0)

# ruleid: torch-device-string *=direct, torch-cuda-device *=direct
device = "cuda" if torch.cuda.is_available() else "cpu"
# ruleid: torch-device-string *=direct
dev = torch.device("cuda:0")
# ruleid: torch-tensor-cuda *=direct
model = torch.nn.Linear(4, 4).cuda()
# ruleid: torch-device-string *=direct
x = torch.randn(8, 4).to("cuda")
# ruleid: torch-device-string *=direct
y = torch.zeros(8, 4, device="cuda")
# ruleid: torch-tensor-is-cuda *=direct
assert x.is_cuda
# ruleid: torch-device-string *=direct
label = "cuda"
# ok: torch-device-string
print("moving to cuda")

# ruleid: torch-cuda-streams ascend=partial cambricon=direct
stream = torch.cuda.Stream()
# ruleid: torch-cuda-streams ascend=partial cambricon=direct
done = torch.cuda.Event(enable_timing=True)
# ruleid: torch-cuda-memory *=direct
torch.cuda.empty_cache()
# ruleid: torch-cuda-memory *=direct
used = torch.cuda.memory_allocated()
# ruleid: torch-cuda-graphs *=partial
graph = torch.cuda.CUDAGraph()
# ruleid: torch-cuda-nvtx ascend=partial cambricon=direct
torch.cuda.nvtx.range_push("step")
# ruleid: torch-cuda-tensor-types *=rewrite
buf = torch.cuda.FloatTensor(16)
# ruleid: torch-cuda-module *=partial
torch.cuda.ipc_collect()

# ruleid: torch-cuda-amp *=direct
scaler = GradScaler()
# ruleid: torch-cuda-amp *=direct
with autocast():
    pass
# ruleid: torch-device-string *=direct
with torch.autocast(device_type="cuda"):
    pass

# ruleid: torch-nccl-backend *=direct
dist.init_process_group(backend="nccl")
# ruleid: torch-nccl-backend *=direct
ok = dist.is_nccl_available()
# ruleid: torch-cudnn-switches *=rewrite
torch.backends.cudnn.benchmark = True
# ruleid: torch-cudnn-allow-tf32 *=direct
torch.backends.cudnn.allow_tf32 = False
# ruleid: torch-backends-cuda-matmul-tf32 *=direct
torch.backends.cuda.matmul.allow_tf32 = True
# ruleid: torch-backends-cuda-sdp ascend=partial cambricon=direct
torch.backends.cuda.enable_flash_sdp(True)
# ruleid: torch-backends-cuda *=rewrite
torch.backends.cuda.preferred_linalg_library("cusolver")
# ruleid: torch-version-cuda *=rewrite
print(torch.version.cuda)

# ruleid: torch-cuda-extension *=partial
ext = CUDAExtension("fused", ["fused.cpp", "fused_kernel.cu"])
# ruleid: torch-build-extension *=direct
cmdclass = {"build_ext": BuildExtension}
# ruleid: torch-cpp-extension-jit *=rewrite
mod = load(name="jit_op", sources=["op.cpp", "op_kernel.cu"])
# ok: torch-cpp-extension-jit
cpu_only = load(name="cpu_op", sources=["op.cpp"])
# ruleid: torch-cpp-extension-jit *=rewrite
inline = load_inline(name="inl", cpp_sources=["int f();"], cuda_sources=["__global__ void k() {}"])
# ruleid: torch-cuda-home *=partial
print(CUDA_HOME)

# ruleid: torch-cpp-extension-include-paths ascend=partial cambricon=direct
dirs = torch.utils.cpp_extension.include_paths(cuda=True)

# Device strings and backends in any position.
# ruleid: torch-device-string *=direct
mesh = init_device_mesh("cuda", (2,))
# ruleid: torch-device-string *=direct
on_gpu = x.device.type == "cuda"
# ruleid: torch-nccl-backend *=direct
backend = "nccl"
# ok: torch-nccl-backend
dist.init_process_group(backend=backend)

# Double precision on the device.
# ruleid: torch-fp64-on-device *=none, torch-device-string *=direct
z = torch.zeros(4, dtype=torch.float64, device="cuda")
# ruleid: torch-fp64-on-device *=none, torch-tensor-cuda *=direct
w = torch.ones(4).double().cuda()
# ok: torch-fp64-on-device
c = torch.zeros(4, dtype=torch.float64)

# ruleid: torch-compile ascend=partial cambricon=none
fast = torch.compile(model)

# Already ported: NPU names are target code, and a line redirecting CUDA to the NPU is migration.
# ok: torch-cuda-streams
torch.cuda.Event = torch.npu.Event
# ok: torch-device-string
npu_tensor = torch.zeros(4, device="npu")
