"""One LogLog register as items are added (book chapter 11, the single-register HyperLogLog figure).

A single register keeps the largest count of trailing zeros seen in any item's
hash, and estimates 2**register unique items: a staircase in powers of two,
right only to within a factor of a few. Several independent runs (the items
prefixed by the run number) show how much it wanders; HyperLogLog averages many
such registers to tame it. Draws ``hll_single_reg.png``.

Run:
    python 11_less_ram/probabilistic_datastructures/hll_single_reg.py
"""

# book: 2nd ed. code, "figures/hll_single_reg.py"
from llregister import LLRegister


def register_trajectory(items, run=0, samples=200):
    """[(unique items added, register estimate)] for ``items`` unique items of run ``run``."""
    register = LLRegister()
    step = max(1, items // samples)
    points = []
    for i in range(1, items + 1):
        register.add(f"{run}-{i}")
        if i % step == 0 or i == items:
            points.append((i, len(register)))
    return points


def draw_registers(items, runs, folder):
    """Add ``items`` unique items to ``runs`` registers, print each estimate, draw them to ``folder``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.5))
    for run in range(runs):
        points = register_trajectory(items, run)
        xs, ys = zip(*points)
        axes.step(xs, ys, where="post", alpha=0.7, label=f"register {run}")
        print(f"register {run}: estimate = {ys[-1]} for {items} unique items")
    axes.plot([1, items], [1, items], "k--", linewidth=2, label="exact")
    axes.set_xscale("log")
    axes.set_yscale("log", base=2)
    axes.set_xlabel("unique items added")
    axes.set_ylabel("estimate (2**register)")
    axes.set_title("A single LogLog register")
    axes.legend(fontsize="small")
    figure.tight_layout()
    path = folder / "hll_single_reg.png"
    figure.savefig(path, dpi=100)
    print(f"saved {path}")


# book: end


def main(argv=None):
    from _probabilistic_family import single_register_figure

    single_register_figure(draw_registers, __doc__, argv)


if __name__ == "__main__":
    main()
