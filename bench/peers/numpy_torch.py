"""NumPy and PyTorch timings for the peers table (bench/suites/peers.mjs).

Prints one JSON object {workload: {"numpy": ms, "torch": ms}} with median
milliseconds over repeated runs, for the same workloads the JS suite runs
(random float32 data of the same shapes). Run by the suite with
/usr/bin/python3; missing numpy or torch just leaves its column out.
Usage: python3 numpy_torch.py [time_ms_per_workload]
"""
import json, sys, time, statistics

budget = float(sys.argv[1]) / 1000 if len(sys.argv) > 1 else 0.3
out = {}
try:
    import numpy as np
except Exception:  # pragma: no cover
    np = None
try:
    import torch
    torch.set_num_threads(1)  # logitkit is single-threaded; the box has 2 shared cores
except Exception:  # pragma: no cover
    torch = None


def median_ms(fn):
    fn()
    times = []
    start = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
        if time.perf_counter() - start > budget and len(times) >= 5:
            break
    return statistics.median(times)


def put(name, lib, ms):
    out.setdefault(name, {})[lib] = ms


rng = np.random.default_rng(1) if np is not None else None


def data(shape):
    return (rng.random(shape, dtype=np.float32) * 2 - 1)


if np is not None:
    a128k = data(1 << 17)
    a16m = data(1 << 24)
    rows = data((64, 131072))
    sq = data((4096, 4096))
    tk = data((8, 131072))
    W = {
        "argmax f32 1-D 128k": (lambda: a128k.argmax(), a128k, lambda t: torch.argmax(t)),
        "argmax f32 1-D 16M": (lambda: a16m.argmax(), a16m, lambda t: torch.argmax(t)),
        "argmax f32 [64,131072] axis -1": (lambda: rows.argmax(axis=-1), rows, lambda t: torch.argmax(t, dim=-1)),
        "argmax f32 [4096,4096] axis 0": (lambda: sq.argmax(axis=0), sq, lambda t: torch.argmax(t, dim=0)),
        # NumPy has no top-k: argpartition + sort of the k winners is the idiom
        "topk k=50 [8,131072]": (
            lambda: np.take_along_axis(tk, np.argpartition(-tk, 49, axis=-1)[:, :50], -1),
            tk, lambda t: torch.topk(t, 50, dim=-1)),
        "softmax [8,131072]": (
            lambda: (lambda e: e / e.sum(-1, keepdims=True))(np.exp(tk - tk.max(-1, keepdims=True))),
            tk, lambda t: torch.softmax(t, dim=-1)),
    }
    for name, (np_fn, arr, torch_fn) in W.items():
        put(name, "numpy", median_ms(np_fn))
        if torch is not None:
            t = torch.from_numpy(arr)
            put(name, "torch", median_ms(lambda: torch_fn(t)))

print(json.dumps({"numpy": np.__version__ if np is not None else None,
                  "torch": torch.__version__ if torch is not None else None,
                  "results": out}))
