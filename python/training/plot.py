# The picture: features on the circle or the sphere, with the class weights, in the app's palette
# (Okabe–Ito; classes 8–14 as diamonds, so that colour is never the only cue).
import matplotlib.pyplot as plt
import numpy as np
import torch


@torch.no_grad()
def plot_run(run, data, palette, title, ax=None):
    """The training features, normalised (the app's default projection), and each class's weight."""
    f = run.net(torch.from_numpy(data["train"]["x"])).numpy()
    f = f / np.linalg.norm(f, axis=1, keepdims=True).clip(1e-12)
    W = run.head["W"].detach().numpy()
    W = W / np.linalg.norm(W, axis=0, keepdims=True).clip(1e-12)
    y = data["train"]["y"]
    flat = f.shape[1] == 2
    if ax is None:
        fig = plt.figure(figsize=(5.5, 5.5))
        ax = fig.add_subplot() if flat else fig.add_subplot(projection="3d")
    if flat:
        ax.add_patch(plt.Circle((0, 0), 1, fill=False, color="0.7"))
    else:
        u, v = np.meshgrid(np.linspace(0, 2 * np.pi, 25), np.linspace(0, np.pi, 13))
        ax.plot_wireframe(np.cos(u) * np.sin(v), np.sin(u) * np.sin(v), np.cos(v), color="0.85", linewidth=0.4)
    for c in range(W.shape[1]):
        colour = palette[c % len(palette)]
        marker = "o" if (c // len(palette)) % 2 == 0 else "D"
        ax.scatter(*f[y == c].T, color=colour, marker=marker, s=8, alpha=0.6)
        if flat:
            ax.annotate("", 1.3 * W[:, c], (0, 0), arrowprops={"color": colour, "width": 2, "headwidth": 9})
        else:
            ax.quiver(0, 0, 0, *(1.25 * W[:, c]), color=colour, linewidth=2.5)
        ax.text(*(1.42 * W[:, c]), str(c), color=colour, fontsize=12, fontweight="bold", ha="center", va="center")
    if flat:
        ax.set(xlim=(-1.55, 1.55), ylim=(-1.55, 1.55), aspect="equal")
    else:
        ax.set(xlim=(-1.2, 1.2), ylim=(-1.2, 1.2), zlim=(-1.2, 1.2))
        ax.set_box_aspect((1, 1, 1))
    ax.set_title(title)
    return ax
