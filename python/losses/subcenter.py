# Sub-center ArcFace (Deng et al. 2020): K sub-centres per class, the class cosine the best of them.
from .arcface import arcface_phi
from .common import cosines, margin_cross_entropy, target_of


def subcenter(x, W, labels, K, s, m, fallback="none"):
    """ArcFace on cos θ_j = max_k cos(x, W_{j,k}); W is D×(C·K), column j·K + k is sub-centre k of class j."""
    all_cos = cosines(x, W)  # N×(C·K)
    cos = all_cos.view(x.shape[0], -1, int(K)).max(dim=2).values  # N×C
    target = arcface_phi(target_of(cos, labels), m, fallback)
    return margin_cross_entropy(s * cos, s * target, labels)
