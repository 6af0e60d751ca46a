"""Data-parallel training of a small MLP that uses the fused operator (torchrun --nproc_per_node=N train.py)."""
import os

import torch
import torch.distributed as dist
from torch.cuda.amp import GradScaler, autocast
from torch.nn.parallel import DistributedDataParallel as DDP

from fused_op import BiasGelu


def main() -> None:
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    dist.init_process_group(backend="nccl")
    torch.cuda.set_device(local_rank)
    torch.backends.cudnn.benchmark = True

    model = torch.nn.Sequential(torch.nn.Linear(512, 1024), BiasGelu(1024), torch.nn.Linear(1024, 10)).cuda()
    model = DDP(model, device_ids=[local_rank])
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    scaler = GradScaler()

    for step in range(100):
        x = torch.randn(64, 512, device="cuda")
        y = torch.randint(0, 10, (64,)).to("cuda")
        with autocast():
            loss = torch.nn.functional.cross_entropy(model(x), y)
        optimizer.zero_grad(set_to_none=True)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        if step % 20 == 0 and dist.get_rank() == 0:
            torch.cuda.synchronize()
            print(f"step {step} loss {loss.item():.4f} mem {torch.cuda.max_memory_allocated() >> 20} MiB")

    dist.destroy_process_group()


if __name__ == "__main__":
    main()
