# NormFace (Wang et al. 2017): softmax on cosines, scaled by s. No margin.
from .common import cosines, margin_cross_entropy, target_of


def normface(x, W, labels, s):
    """L = −log e^{s cos θ_y} / Σ_j e^{s cos θ_j}."""
    cos = cosines(x, W)
    return margin_cross_entropy(s * cos, s * target_of(cos, labels), labels)
