# The float64 reference vectors: ../shared/losses beside the repository when present, else the
# copy committed under src/losses/testdata (the TypeScript tests read the same files).
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "losses"
COMMITTED = ROOT / "src" / "losses" / "testdata"


def vector_cases():
    """Every case of every vectors-*.json, as (file name, case)."""
    folder = SHARED if SHARED.exists() else COMMITTED
    return [(f.name, c) for f in sorted(folder.glob("vectors*.json")) for c in json.loads(f.read_text())["cases"]]


def registry_kinds():
    """The loss kinds of the TypeScript registry (src/losses/registry.ts's LOSSES), in menu order."""
    text = (ROOT / "src" / "losses" / "registry.ts").read_text()
    body = re.search(r"export const LOSSES = \{(.*?)\} as const", text, re.S).group(1)
    return re.findall(r"^\s*(\w+),", body, re.M)


def spec_of(c):
    """The app's LossSpec a case describes (src/losses/test/vectors.ts's specOf, in Python)."""
    p, loss = c["params"], c["loss"]
    if loss == "softmax":
        return {"kind": "softmax"}
    if loss == "center":
        return {"kind": "center", "lambda": p["lambda"], "normalize": p.get("normalize") is True,
                "includeSoftmax": p.get("include_softmax") is not False}
    if loss == "normface":
        return {"kind": "normface", "s": p["s"]}
    if loss == "cosface":
        return {"kind": "cosface", "s": p["s"], "m": p["m"]}
    if loss == "arcface":
        detached = p.get("gradient") == "detached" or p.get("detached") is True
        return {"kind": "arcface", "s": p["s"], "m": p["m"], "fallback": p.get("fallback", "insightface"),
                "gradient": "detached" if detached else "exact"}
    if loss == "combined":
        return {"kind": "combined", "s": p["s"], "m1": p["m1"], "m2": p["m2"], "m3": p["m3"]}
    if loss == "sphereface":
        spec = {"kind": "sphereface", "m": p["m"], "lambda": p["lambda"]}
        return spec if p.get("scale_mode", "xnorm") == "xnorm" else {**spec, "s": p["s"]}
    if loss == "magface":
        return {"kind": "magface", "s": p["s"], "la": p["l_a"], "ua": p["u_a"], "lm": p["l_m"], "um": p["u_m"],
                "lambdaG": p["lambda_g"]}
    if loss == "adaface":
        return {"kind": "adaface", "s": p["s"], "m": p["m"], "h": p["h"], "batchMean": p["batch_mean"],
                "batchStd": p["batch_std"], "alpha": p["t_alpha"]}
    if loss == "lsoftmax":
        return {"kind": "lsoftmax", "m": p["m"], "lambda": p["lambda"]}
    if loss in ("subcenter", "subcenter_arcface"):
        return {"kind": "subcenter", "K": p["K"], "s": p["s"], "m": p["m"], "fallback": p.get("fallback", "none")}
    if loss == "sphereface2":
        exact = p.get("grad_mode") == "exact" or p.get("gradient") == "exact"
        return {"kind": "sphereface2", "alpha": p["alpha"], "r": p["r"], "m": p["m"], "t": p["t"], "lw": p["lw"],
                "gradient": "exact" if exact else "detached"}
    if loss == "curricular":
        return {"kind": "curricular", "s": p["s"], "m": p["m"], "t": p["t"]}
    return None
