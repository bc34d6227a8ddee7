# Center loss (Wen et al. 2016): softmax plus λ/2 · ‖x − c_y‖², with centres that follow the features.
import torch
import torch.nn.functional as F


def center(x, W, labels, lam, b=None, centers=None, normalize=False, include_softmax=True):
    """L = softmax + λ/2 · mean_i ‖f_i − c_{y_i}‖²,  f = x (or x̂ with normalize)."""
    f = F.normalize(x, dim=1) if normalize else x
    pull = 0.5 * lam * ((f - centers[labels]) ** 2).sum(1).mean()
    if not include_softmax:
        return pull
    logits = x @ W if b is None else x @ W + b
    return F.cross_entropy(logits, labels) + pull


@torch.no_grad()
def update_centers(x, labels, centers, alpha, normalize=False):
    """Wen et al.: c_j ← c_j − α·Σ_{y_i=j}(c_j − f_i)/(1 + n_j), from the batch's features before the step."""
    f = F.normalize(x, dim=1) if normalize else x
    one_hot = F.one_hot(labels, centers.shape[0]).to(x.dtype)  # N×C
    n = one_hot.sum(0)[:, None]  # C×1
    delta = (centers * n - one_hot.T @ f) / (1 + n)
    return centers - alpha * delta
