# CurricularFace (Huang et al. 2020): ArcFace's target, and hard negatives weighed up as training goes.
import math

import torch

from .common import cosines, margin_cross_entropy, sin_of, target_of


def curricular(x, W, labels, s, m, t):
    """A negative j with cos θ_j > cos(θ_y + m) is hard: its logit becomes s·cos θ_j·(t + cos θ_j).

    t is the running mean of cos θ_y (update_t), after this batch: easy negatives first, hard ones later.
    """
    cos = cosines(x, W).clamp(-1, 1)
    c = target_of(cos, labels)
    phi = c * math.cos(m) - sin_of(c) * math.sin(m)
    hard = (cos > phi[:, None]).to(cos.dtype)
    curved = cos + hard * (cos * (t + cos) - cos)
    target = torch.where(c > math.cos(math.pi - m), phi, c - m * math.sin(m))
    return margin_cross_entropy(s * curved, s * target, labels)


@torch.no_grad()
def update_t(t, x, W, labels):
    """t ← 0.01·mean(cos θ_y) + 0.99·t, before the batch's loss (the code's order)."""
    w = W.T[labels]
    c = (x * w).sum(1) / (x.norm(dim=1) * w.norm(dim=1)).clamp(min=1e-12)
    return 0.01 * c.double().clamp(-1 + 1e-5, 1 - 1e-5).mean().item() + 0.99 * t
