# What every loss shares: unit vectors, cosines, the clamp before acos, and the cross-entropy
# whose target logit a margin has replaced. torch and torch.nn.functional only.
import torch
import torch.nn.functional as F

# Cosines are clamped to ±(1 − 1e-5) before acos or √(1 − c²): float32 rounding can pass ±1.
COS_CLAMP = 1 - 1e-5


def cosines(x, W):
    """cos θ_ij between every feature x_i (rows of x, N×D) and class weight W_j (columns of W, D×C)."""
    return F.normalize(x, dim=1) @ F.normalize(W, dim=0)


def target_of(M, labels):
    """Column y_i of each row i of M (N×C): the target's entry."""
    return M.gather(1, labels[:, None]).squeeze(1)


def sin_of(c):
    """sin θ = √(1 − cos²θ) on the clamped cosine (θ in [0, π])."""
    return torch.sqrt(1 - c.clamp(-COS_CLAMP, COS_CLAMP) ** 2)


def angle_of(c):
    """θ = acos(cos θ) on the clamped cosine, radians in (0, π)."""
    return torch.acos(c.clamp(-COS_CLAMP, COS_CLAMP))


def straight_through(c, value):
    """The value of `value`, the gradient of `c` (the codes' detached margins)."""
    return c + (value - c).detach()


def margin_cross_entropy(logits, target, labels):
    """Mean softmax cross-entropy of the logits (N×C) with column y_i replaced by target_i."""
    is_target = F.one_hot(labels, logits.shape[1]).bool()
    return F.cross_entropy(torch.where(is_target, target[:, None], logits), labels)
