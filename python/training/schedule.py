# Where a step stands (src/losses/stepSpec.ts, src/train/lrSchedule.ts): the margin's warm-up,
# SphereFace's λ annealing and the learning rate's cosine decay.
import math

WARMS_UP = {"cosface", "arcface", "combined", "subcenter", "adaface", "curricular", "sphereface2"}
ANNEALS = {"sphereface", "lsoftmax"}
LR_FLOOR = 0.01


def annealed_lambda(it, lambda_min, base=1000, gamma=0.12, power=1):
    """SphereFace's Caffe schedule: λ = max(λ_min, base·(1 + γ·it)^(−power))."""
    return max(lambda_min, base * math.pow(1 + gamma * max(0, it), -power))


def spec_at(spec, p, step):
    """The loss's spec at a step: the margin ramped over `warmup` steps, λ annealed from 1000 to its floor."""
    spec = dict(spec)
    kind = spec["kind"]
    if kind in WARMS_UP and p["warmup"] > 0:
        ramp = min(1, step / p["warmup"])
        if kind == "combined":
            spec.update(m1=1 + (p["m1"] - 1) * ramp, m2=p["m2"] * ramp, m3=p["m3"] * ramp)
        else:
            spec["m"] = p["m"] * ramp
    if kind in ANNEALS:
        spec["lambda"] = annealed_lambda(step, p["lambdaMin"]) if p["anneal"] else p["lambdaMin"]
    return spec


def scheduled_lr(lr, decay, t):
    """lr, eased by a half cosine over `decay` steps down to 1 % of itself, then held (decay 0: constant)."""
    if decay <= 0:
        return lr
    u = min(1, max(0, t) / decay)
    return lr * (LR_FLOOR + (1 - LR_FLOOR) * 0.5 * (1 + math.cos(math.pi * u)))
