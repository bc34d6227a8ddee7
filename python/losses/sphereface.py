# SphereFace (Liu et al. 2017), A-Softmax: a multiplicative angular margin, ψ(θ_y) = (−1)^k cos(mθ_y) − 2k.
import math

import torch

from .common import angle_of, cosines, margin_cross_entropy, target_of


def sphere_psi(c, m):
    """ψ(θ) = (−1)^k·cos(mθ) − 2k, k = ⌊mθ/π⌋ (no gradient): cos(mθ) as the Chebyshev T_m(cos θ) for whole m."""
    k = torch.floor(angle_of(c) * m / math.pi).clamp(0, max(math.ceil(m) - 1, 0)).detach()
    if float(m).is_integer():
        t_prev, t = torch.ones_like(c), c
        for _ in range(int(m) - 1):
            t_prev, t = t, 2 * c * t - t_prev
        cos_m = t if m >= 1 else t_prev
    else:
        cos_m = torch.cos(m * angle_of(c))
    return (1 - 2 * torch.remainder(k, 2)) * cos_m - 2 * k


def sphereface(x, W, labels, m, lam, s=None):
    """Target ‖x‖·(λ cos θ_y + ψ(θ_y))/(1 + λ), others ‖x‖ cos θ_j (s in place of ‖x‖ when set).

    λ blends softmax into the margin target: the Caffe code anneals it from 1000 to its floor.
    """
    norm = torch.sqrt((x * x).sum(1) + 1e-12) if s is None else torch.full_like(x[:, 0], s)
    cos = cosines(x, W)
    c = target_of(cos, labels)
    target = (lam * c + sphere_psi(c, m)) / (1 + lam)
    return margin_cross_entropy(norm[:, None] * cos, norm * target, labels)
