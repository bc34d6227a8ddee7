# The combined margin (insightface): target logit s·(cos(m1·θ_y + m2) − m3).
import torch

from .common import angle_of, cosines, margin_cross_entropy, target_of


def combined(x, W, labels, s, m1, m2, m3):
    """SphereFace's m1, ArcFace's m2 and CosFace's m3 in one target: s·(cos(m1·θ_y + m2) − m3)."""
    cos = cosines(x, W)
    target = torch.cos(m1 * angle_of(target_of(cos, labels)) + m2) - m3
    return margin_cross_entropy(s * cos, s * target, labels)
