# CosFace (Wang et al. 2018): an additive cosine margin, target logit s·(cos θ_y − m).
from .common import cosines, margin_cross_entropy, target_of


def cosface(x, W, labels, s, m):
    """L = −log e^{s(cos θ_y − m)} / (e^{s(cos θ_y − m)} + Σ_{j≠y} e^{s cos θ_j})."""
    cos = cosines(x, W)
    return margin_cross_entropy(s * cos, s * (target_of(cos, labels) - m), labels)
