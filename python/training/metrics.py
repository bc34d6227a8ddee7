# The app's measurements of a run (src/metrics/): accuracy, intra-class spread, angular margins,
# and, with identities held out, verification (TAR at FAR 10⁻², EER, rank-1).
import numpy as np
import torch


def unit(v, axis):
    n = np.linalg.norm(v, axis=axis, keepdims=True)
    return np.divide(v, n, out=np.zeros_like(v), where=n > 0)


def angles(a, b):
    """Angles (radians) between the rows of a and the columns of b."""
    return np.arccos(np.clip(unit(a, 1) @ unit(b, 0), -1, 1))


def spread(f, y, classes):
    """Mean angle between each feature and its class's mean direction (the intra-class spread)."""
    u = unit(f, 1)
    means = unit(np.stack([u[y == c].sum(0) for c in range(classes)]), 1)
    return float(np.arccos(np.clip((u * means[y]).sum(1), -1, 1)).mean())


def verification(f, y):
    """Every pair of held-out features scored by cosine: TAR at FAR 10⁻², EER; and rank-1 identification."""
    u = unit(f, 1)
    i, j = np.triu_indices(len(y), 1)
    scores, same = (u[i] * u[j]).sum(1), y[i] == y[j]
    thresholds = np.sort(scores)[::-1]
    far = np.searchsorted(np.sort(scores[~same]), thresholds, side="left")
    far = 1 - far / max(1, (~same).sum())
    tar = 1 - np.searchsorted(np.sort(scores[same]), thresholds, side="left") / max(1, same.sum())
    tar_at = float(tar[far <= 1e-2].max(initial=0))
    k = np.argmin(np.abs(far - (1 - tar)))
    first = np.array([np.flatnonzero(y == c)[0] for c in np.unique(y)])
    probes = np.setdiff1d(np.arange(len(y)), first)
    rank1 = float((y[first][np.argmax(u[probes] @ u[first].T, 1)] == y[probes]).mean())
    return {"tar_at_far_1e-2": tar_at, "eer": float((far[k] + 1 - tar[k]) / 2), "rank1": rank1}


def dominant_subcenters(f, y, W_all, classes, K):
    """Each class's sub-centre most of its training features are nearest to (the one the paper keeps)."""
    cos = unit(f, 1) @ unit(W_all, 0)
    own = cos.reshape(len(y), classes, K)[np.arange(len(y)), y]
    counts = np.zeros((classes, K), dtype=int)
    np.add.at(counts, (y, own.argmax(1)), 1)
    return W_all[:, np.arange(classes) * K + counts.argmax(1)]


@torch.no_grad()
def measure(run, data):
    """The app's numbers for a run: accuracies, spread (degrees), margins (degrees), verification."""
    features = {k: run.net(torch.from_numpy(data[k]["x"])).numpy() for k in ("train", "test", "heldout") if k in data}
    W = run.head["W"].numpy()
    C = W.shape[1]
    if run.columns is not None:
        W = dominant_subcenters(features["train"], data["train"]["y"], run.weights().numpy(), C, len(run.columns) // C)
    bias = run.head["bias"].numpy() if run.spec["kind"] in ("softmax", "center") else np.zeros(C)
    raw = run.spec["kind"] in ("softmax", "center", "lsoftmax")
    out = {}
    for k in ("train", "test"):
        f, y = features[k], data[k]["y"]
        scores = f @ W + bias if raw else unit(f, 1) @ unit(W, 0)
        out[f"{k} accuracy"] = float((scores.argmax(1) == y).mean())
    out["spread (°)"] = np.degrees(spread(features["train"], data["train"]["y"], C))
    th = angles(features["test"], W)
    y = data["test"]["y"]
    own = th[np.arange(len(y)), y]
    th[np.arange(len(y)), y] = np.inf
    margins = np.degrees(th.min(1) - own)
    out["margin median (°)"] = float(np.quantile(margins, 0.5))
    out["margin 5th pct (°)"] = float(np.quantile(margins, 0.05))
    if "heldout" in features:
        out.update(verification(features["heldout"], data["heldout"]["y"]))
    return out
