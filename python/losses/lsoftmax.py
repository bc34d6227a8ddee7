# L-Softmax (Liu et al. 2016): SphereFace's ψ on raw logits, W not normalised, no bias.
import torch

from .common import margin_cross_entropy, target_of
from .sphereface import sphere_psi


def lsoftmax(x, W, labels, m, lam):
    """Target (‖W_y‖‖x‖ψ(θ_y) + λ W_yᵀx)/(1 + λ), others W_jᵀx."""
    logits = x @ W
    scale = torch.sqrt((x * x).sum(1) + 1e-12) * torch.sqrt((W * W).sum(0) + 1e-12)[labels]
    fy = target_of(logits, labels)
    target = (scale * sphere_psi(fy / scale, m) + lam * fy) / (1 + lam)
    return margin_cross_entropy(logits, target, labels)
