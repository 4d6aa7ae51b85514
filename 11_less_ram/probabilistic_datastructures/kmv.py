"""K-minimum values, drawn (book chapter 11, the KMV figure).

Hash every item to a point in [0, 1); the points of n unique items are spread
evenly, so the k-th smallest sits near k / (n + 1) and n is about
(k - 1) / (k-th smallest). Only the k smallest hashes are kept: adding an item
again changes nothing. Draws the hashes on the unit interval, the kept ones
marked, and prints the estimate. Saves ``kmv.png``.

Run:
    python 11_less_ram/probabilistic_datastructures/kmv.py
"""

# book: 2nd ed. code, "figures/kmv.py"
import mmh3


def unit_hash(item):
    """``item``'s 64-bit MurmurHash3 scaled to [0, 1)."""
    return mmh3.hash64(str(item), signed=False)[0] / 2.0**64


def kmv_estimate(items, k):
    """(all hashes, the k smallest, the estimate (k - 1) / k-th smallest)."""
    hashes = sorted({unit_hash(item) for item in items})
    kept = hashes[:k]
    if len(kept) < k:
        return hashes, kept, float(len(kept))
    return hashes, kept, (k - 1) / kept[-1]


def draw_kmv(items, k, folder):
    """Add ``items`` unique items twice each, print the estimate, draw the hashes to ``folder``/kmv.png."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [f"item-{i}" for i in range(items)]
    hashes, kept, estimate = kmv_estimate(names + names, k)  # every item twice
    print(f"unique items = {items}, k = {k}")
    print(f"k-th smallest hash = {kept[-1]:.5f}")
    print(f"estimate = {estimate:.1f}")
    figure, axes = plt.subplots(figsize=(8, 2.6))
    axes.plot(hashes, [0] * len(hashes), "|", color="0.6", markersize=20, label="hashes")
    kept_style = dict(color="C3", markersize=30, markeredgewidth=2, label=f"the {k} smallest, kept")
    axes.plot(kept, [0] * len(kept), "|", **kept_style)
    axes.axvline(kept[-1], color="C3", linestyle="--")
    axes.set_xlim(0, 1)
    axes.set_yticks([])
    axes.set_xlabel("hash / 2**64")
    axes.set_title(f"K-minimum values: estimate (k-1)/h_k = {estimate:.0f} for {items} unique items")
    axes.legend(loc="upper right", fontsize="small")
    figure.tight_layout()
    path = folder / "kmv.png"
    figure.savefig(path, dpi=100)
    print(f"saved {path}")
    return estimate


# book: end


def main(argv=None):
    from _probabilistic_family import kmv_figure

    kmv_figure(draw_kmv, __doc__, argv)


if __name__ == "__main__":
    main()
