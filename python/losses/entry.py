# One entry point for every loss: compute_loss(spec, …) with the app's LossSpec keys and values.
import inspect
import re

LOSSES = {}  # kind → its function, filled by register()
# Spec keys a loss function does not read: AdaFace's statistics rate (its update reads it) and
# SphereFace2's b as the view knows it (the loss reads the learned b).
NOT_READ = {"adaface": {"alpha"}, "sphereface2": {"b"}}


def register(*functions):
    """Makes each loss function callable by its kind (its name)."""
    LOSSES.update((f.__name__, f) for f in functions)


def argument_name(key):
    """A LossSpec key as the function's argument: camelCase to snake_case; lambda (a keyword) to lam."""
    return "lam" if key == "lambda" else re.sub(r"(?<=[a-z])([A-Z])", lambda g: "_" + g.group(1).lower(), key)


def compute_loss(spec, x, W, labels, b=None, centers=None):
    """The batch mean of spec["kind"]'s loss ({"kind": "arcface", "s": 10, "m": 0.3, …}).

    x: N×D raw features; W: D×C raw class weights (sub-center: D×(C·K)); labels: N class ids;
    b: the class bias (softmax, center) or SphereFace2's b; centers: center loss's C×D centres.
    """
    fn = LOSSES[spec["kind"]]
    takes = inspect.signature(fn).parameters
    kwargs = {argument_name(k): v for k, v in spec.items() if k != "kind" and k not in NOT_READ.get(spec["kind"], ())}
    unknown = set(kwargs) - set(takes)
    if unknown:
        raise ValueError(f"{spec['kind']} takes no {', '.join(sorted(unknown))}")
    if "b" in takes:
        kwargs["b"] = b
    if "centers" in takes:
        kwargs["centers"] = centers
    return fn(x, W, labels, **kwargs)
