# The training script, moved to torch_npu: the NPU names are target code, the redirect line is migration, and one
# CUDA call is left.
import torch
import torch_npu

torch.cuda.Event = torch.npu.Event

torch.npu.set_device(0)
model = torch.nn.Linear(4, 4).to("npu")
torch.distributed.init_process_group(backend="hccl")
torch.cuda.synchronize()
