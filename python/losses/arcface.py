# ArcFace (Deng et al. 2019): an additive angular margin, target logit s·cos(θ_y + m).
import math

import torch

from .common import cosines, margin_cross_entropy, sin_of, straight_through, target_of


def arcface_phi(c, m, fallback="insightface", gradient="exact"):
    """cos(θ + m) of target cosines c, with the codes' rule for θ + m > π.

    insightface: past θ = π − m, fall back to cos θ − m·sin m (keeps φ decreasing);
    easy: only where θ < 90°, else cos θ;  none: cos(θ + m) everywhere.
    gradient="detached": the value of φ, the gradient of cos θ.
    """
    phi = c * math.cos(m) - sin_of(c) * math.sin(m)
    if fallback == "insightface":
        phi = torch.where(c > math.cos(math.pi - m), phi, c - m * math.sin(m))
    elif fallback == "easy":
        phi = torch.where(c > 0, phi, c)
    return straight_through(c, phi) if gradient == "detached" else phi

def arcface(x, W, labels, s, m, fallback="insightface", gradient="exact"):
    """L = −log e^{s cos(θ_y + m)} / (e^{s cos(θ_y + m)} + Σ_{j≠y} e^{s cos θ_j})."""
    cos = cosines(x, W)
    target = arcface_phi(target_of(cos, labels), m, fallback, gradient)
    return margin_cross_entropy(s * cos, s * target, labels)
