# AdaFace (Kim et al. 2022): the feature norm, against the batch's, sets the margin's form.
import math

import torch

from .common import cosines, margin_cross_entropy, target_of

EPS = 1e-3


def adaface(x, W, labels, s, m, h, batch_mean, batch_std):
    """Target s·(cos(θ_y − m·ẑ) − (m + m·ẑ)),  ẑ = clip(h·(‖x‖ − μ)/(σ + 10⁻³), −1, 1) (no gradient).

    ẑ = −1 (a low norm: low quality): ArcFace's angular margin, gently; ẑ = 0: CosFace's; ẑ = 1: both.
    μ and σ are the running mean and sd of the batches' norms (update_stats), after this batch.
    """
    norms = torch.sqrt((x * x).sum(1) + 1e-12).clamp(0.001, 100).detach()
    z = (h * (norms - batch_mean) / (batch_std + EPS)).clamp(-1, 1)
    cos = cosines(x, W).clamp(-1 + EPS, 1 - EPS)
    theta = (torch.acos(target_of(cos, labels)) - m * z).clamp(EPS, math.pi - EPS)
    target = torch.cos(theta) - (m + m * z)
    return margin_cross_entropy(s * cos, s * target, labels)


@torch.no_grad()
def update_stats(mean, std, x, alpha):
    """μ ← α·mean(n) + (1 − α)·μ,  σ ← α·std(n) + (1 − α)·σ, n the batch's norms clipped to [0.001, 100]."""
    n = x.norm(dim=1).double().clamp(0.001, 100)
    batch_std = n.std().item() if len(n) > 1 else 0.0
    return alpha * n.mean().item() + (1 - alpha) * mean, alpha * batch_std + (1 - alpha) * std
