# Every loss's PyTorch twin against the float64 reference vectors: the loss and its gradients
# with respect to x, W and b (autograd), in float64 and in float32 (what training runs in).
import pytest
import torch

from losses import LOSSES, compute_loss
from losses.center import update_centers
from vectors import registry_kinds, spec_of, vector_cases

CASES = vector_cases()
RTOL = 1e-4


def test_every_registry_loss_has_a_python_twin():
    kinds = registry_kinds()
    assert len(kinds) == 13
    assert sorted(kinds) == sorted(LOSSES)


def test_every_registry_loss_is_checked_by_a_vector():
    covered = {spec_of(c)["kind"] for _, c in CASES if spec_of(c)}
    assert covered == set(registry_kinds())


def close(got, want, atol):
    want = torch.as_tensor(want, dtype=torch.float64).reshape(got.shape)
    torch.testing.assert_close(got.double(), want, rtol=RTOL, atol=atol)


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=["float64", "float32"])
@pytest.mark.parametrize("file,case", CASES, ids=[c["name"] for _, c in CASES])
def test_loss_and_gradients(file, case, dtype):
    spec = spec_of(case)
    assert spec is not None, f"{case['loss']} has no spec"
    p = case["params"]
    x = torch.tensor(case["inputs"]["x"], dtype=dtype, requires_grad=True)
    W = torch.tensor(case["inputs"]["W"], dtype=dtype, requires_grad=True)
    labels = torch.tensor(case["inputs"]["labels"])
    b = None if p.get("b") is None else torch.tensor(p["b"], dtype=dtype).reshape(-1).requires_grad_(True)
    centers = None if p.get("centers") is None else torch.tensor(p["centers"], dtype=dtype)
    loss = compute_loss(spec, x, W, labels, b=b, centers=centers)
    inputs = [x, W] + ([b] if b is not None else [])
    grads = torch.autograd.grad(loss, inputs, allow_unused=True)
    # float32 carries ~7 digits: an entry far below the largest cannot match relatively (src/losses/vectors.test.ts).
    atol = 1e-8 if dtype == torch.float64 else 1e-4 if p.get("s", 0) >= 64 else 1e-6
    e = case["expected"]
    close(loss.detach(), e["loss"], 0)
    close(grads[0], e["grad_x"], atol)
    close(grads[1], e["grad_W"], atol)
    if b is not None and "grad_b" in e:
        g = grads[2] if grads[2] is not None else torch.zeros_like(b)
        close(g, e["grad_b"], atol)
    if "centers_updated" in e:
        moved = update_centers(x.detach(), labels, centers, p["alpha"], p.get("normalize") is True)
        close(moved, e["centers_updated"], 1e-6 if dtype == torch.float32 else 1e-10)
