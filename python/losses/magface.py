# MagFace (Meng et al. 2021): the feature norm a stands for quality; the margin m(a) grows with it.
import torch

from .common import cosines, margin_cross_entropy, sin_of, target_of


def magface(x, W, labels, s, la, ua, lm, um, lambda_g):
    """L = CE(s cos(θ_y + m(a)), s cos θ_j) + λ_g·g(a),  a = clamp(‖x‖, l_a, u_a).

    m(a) rises linearly from l_m at l_a to u_m at u_a; g(a) = a/u_a² + 1/a pushes a up.
    The margin is the easy one: only where θ_y < 90°.
    """
    a = torch.sqrt((x * x).sum(1) + 1e-12).clamp(la, max(la, ua))
    slope = (um - lm) / (ua - la) if ua > la else 0.0
    m = lm + slope * (a - la)
    cos = cosines(x, W)
    c = target_of(cos, labels)
    phi = c * torch.cos(m) - sin_of(c) * torch.sin(m)
    target = torch.where(c > 0, phi, c)
    g = (a / ua**2 + 1 / a).mean()
    return margin_cross_entropy(s * cos, s * target, labels) + lambda_g * g
