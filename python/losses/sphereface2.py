# SphereFace2 (Wen et al. 2022): no softmax; C binary one-vs-all classifiers sharing one bias b.
import math

import torch.nn.functional as F

from .common import straight_through


def sphereface2(x, W, labels, b, alpha, r, m, t, lw, gradient="detached"):
    """L = lw/(r·N) Σ_i [α·log(1 + e^{−z_{iy}}) + (1 − α) Σ_{j≠y} log(1 + e^{z_ij})].

    z_ij = r·(g(cos θ_ij) ∓ m) + b, − on the target; g(c) = 2((c + 1)/2)^t − 1.
    gradient="detached" (the code's): ∂z/∂cos = r, through neither g nor the margin.
    """
    cos = (F.normalize(x, dim=1) @ F.normalize(W, dim=0)).clamp(-1, 1)
    is_target = F.one_hot(labels, W.shape[1]).to(x.dtype)
    g = 2 * ((cos + 1) / 2) ** t - 1 - (2 * is_target - 1) * m
    z = r * (straight_through(cos, g) if gradient == "detached" else g) + b
    per_sample = alpha * is_target * F.softplus(-z) + (1 - alpha) * (1 - is_target) * F.softplus(z)
    return lw / r * per_sample.sum(1).mean()


def initial_bias(alpha, r, m, t, classes):
    """The code's starting b: for a feature at 90° to every weight, the two terms' gradients balance."""
    z = alpha / ((1 - alpha) * max(1, classes - 1))
    ay, ai = r * (2 * 0.5**t - 1 - m), r * (2 * 0.5**t - 1 + m)
    q, e4 = 1 - z, 4 * z * math.exp(ay - ai)
    d = math.sqrt(q * q + e4)
    return math.log(2 * z) - ai - math.log(q + d if q >= 0 else e4 / (d - q))
