"""vLLM V1's native (PyTorch) sampling path, timed for bench/suites/sample.mjs.

The code below is vLLM's `forward_native` route, with the same ops in the same
order (vllm/v1/sample/sampler.py, ops/topk_topp_sampler.py, logits processors):
  greedy            logits.argmax(-1)
  random rows       logits.div_(temperature); min-p processor; apply_top_k_top_p
                    (sort + cumsum; top-k only: torch.topk); softmax; q ~ Exp(1);
                    probs.div_(q).argmax(-1)   (vLLM's random_sample)
Inputs: float32 [B, V] logits = 3 * N(0, 1), the same law as the JS suite.
torch.set_num_threads(1): logitkit is single-threaded and the machine has 2 shared cores.

Prints one JSON object {"B=1 V=32000 greedy": median_ms, ...}; with no torch,
prints {"error": "..."} and exits 0 so the suite can skip the column.
Usage: python3 torch_sampler.py [budget_ms_per_workload]
"""
import json, sys, time, statistics

budget = float(sys.argv[1]) / 1000 if len(sys.argv) > 1 else 0.25
try:
    import torch
except Exception as e:  # pragma: no cover
    print(json.dumps({'error': f'torch unavailable: {e}'}))
    sys.exit(0)
torch.set_num_threads(1)


def apply_top_k_only(logits, k):
    no_top_k_mask = k == logits.shape[1]
    k = k.masked_fill(no_top_k_mask, 1)
    max_top_k = int(k.max())
    k_index = k.sub_(1).unsqueeze(1)
    top_k_mask = logits.topk(max_top_k, dim=1).values.gather(1, k_index.long())
    top_k_mask.masked_fill_(no_top_k_mask.unsqueeze(1), -float('inf'))
    logits.masked_fill_(logits < top_k_mask, -float('inf'))
    return logits


def apply_top_k_top_p(logits, k, p):
    if p is None:
        if k is None:
            return logits
        return apply_top_k_only(logits, k)
    logits_sort, logits_idx = logits.sort(dim=-1, descending=False)
    if k is not None:
        top_k_mask = logits_sort.size(1) - k.to(torch.long)
        top_k_mask = logits_sort.gather(1, top_k_mask.unsqueeze(dim=1))
        top_k_mask = logits_sort < top_k_mask
        logits_sort.masked_fill_(top_k_mask, -float('inf'))
    probs_sort = logits_sort.softmax(dim=-1)
    probs_sum = torch.cumsum(probs_sort, dim=-1, out=probs_sort)
    top_p_mask = probs_sum <= 1 - p.unsqueeze(dim=1)
    top_p_mask[:, -1] = False
    logits_sort.masked_fill_(top_p_mask, -float('inf'))
    return logits_sort.scatter(dim=-1, index=logits_idx, src=logits_sort)


def min_p_processor(logits, min_p):
    probability_values = torch.nn.functional.softmax(logits, dim=-1)
    max_probabilities = torch.amax(probability_values, dim=-1, keepdim=True)
    adjusted_min_p = max_probabilities.mul_(min_p.unsqueeze(1))
    logits.masked_fill_(probability_values < adjusted_min_p, -float('inf'))
    return logits


def random_sample(probs):
    q = torch.empty_like(probs).exponential_()
    return probs.div_(q).argmax(dim=-1).view(-1)


def sampler(logits, cfg):
    B = logits.shape[0]
    if cfg == 'greedy':
        return logits.argmax(dim=-1).view(-1)
    logits = logits.clone()  # vLLM owns its logits buffer; we must not mutate the shared input
    logits.div_(torch.ones(B, 1))
    k = torch.full((B,), 50, dtype=torch.int32) if 'top-k' in cfg else None
    p = torch.full((B,), 0.9) if 'top-p' in cfg else None
    if 'min-p' in cfg:
        logits = min_p_processor(logits, torch.full((B,), 0.05))
    logits = apply_top_k_top_p(logits, k, p)
    probs = logits.softmax(dim=-1, dtype=torch.float32)
    return random_sample(probs)


def median_ms(fn):
    fn()
    times = []
    start = time.perf_counter()
    while len(times) < 3 or (time.perf_counter() - start < budget and len(times) < 200):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


CONFIGS = ['greedy', 'top-k 50', 'top-p 0.9', 'top-k 50 + top-p 0.9', 'min-p 0.05']
out = {}
torch.manual_seed(0)
for B in (1, 8, 64):
    for V in (32000, 131072):
        logits = torch.randn(B, V) * 3
        for cfg in CONFIGS:
            out[f'B={B} V={V} {cfg}'] = median_ms(lambda: sampler(logits, cfg))
print(json.dumps(out))
