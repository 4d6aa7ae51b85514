"""The probabilistic counters side by side, as items are added (book chapter 11, the "prob_ds" figures).

Two experiments, as the book's figure script: 100,000 unique items (the
integers), then 60,000 random 3-letter keys with many duplicates. Every
structure gets each item; every ``--sample-every`` items its count is recorded:
the exact ``set``, the Morris counter (it counts items, not unique ones), one
LogLog register, HyperLogLog with 2**4 registers, K-minimum values with k = 32,
and a scaling Bloom filter starting at 2,048 items. It prints each final count
and draws ``prob_ds_unique.png`` and ``prob_ds_dup.png``.

Run:
    python 11_less_ram/probabilistic_datastructures/prob_ds_figure.py
    python 11_less_ram/probabilistic_datastructures/prob_ds_figure.py --unique 20000 --duplicates 12000
"""

# book: 2nd ed. code, "prob_ds_figure.py"
import random
import string
from itertools import cycle

from hyperloglog import HyperLogLog
from kminvalues import KMinValues
from llregister import LLRegister
from morriscounter import MorrisCounter
from scalingbloomfilter import ScalingBloomFilter


def generate_keys(num_keys, num_letters, seed=0):
    """``num_keys`` random keys of ``num_letters`` distinct lowercase letters (repeats happen)."""
    rng = random.Random(seed)
    for i in range(num_keys):
        yield "".join(rng.sample(string.ascii_lowercase, num_letters))


methods = [
    {"name": "Exact Solution", "init": set},
    {"name": "Morris Counter", "init": lambda: MorrisCounter(random.Random(0))},
    {"name": "Log Log Register", "init": LLRegister},
    {"name": "HyperLogLog", "init": lambda: HyperLogLog(4)},
    {"name": "KMinValues", "init": lambda: KMinValues(2 << 4)},
    {"name": "ScalingBloom", "init": lambda: ScalingBloomFilter(2048)},
]


def run_experiment(exp_name, key_generator, data, sample_freq=3000):
    """Feed every key to every structure; returns {name: [(items added, count), ...]}."""
    structures = {item["name"]: item["init"]() for item in data}
    samples = {name: [] for name in structures}
    i = -1
    for i, key in enumerate(key_generator):
        for name, structure in structures.items():
            structure.add(str(key))
            if i % sample_freq == 0:
                samples[name].append((i, len(structure)))
    for name, structure in structures.items():
        if not samples[name] or samples[name][-1][0] != i:
            samples[name].append((i, len(structure)))  # the final count too
    print(f"{exp_name} summary:")
    for name, structure in structures.items():
        print("\t%-24s: %d" % (name, len(structure)))
    return samples


def plot_experiment(exp_name, samples, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    markers = cycle("h*o>Dxsp8")
    figure, axes = plt.subplots(figsize=(8, 5))
    axes.set_title(exp_name)
    finals = []
    for name, points in samples.items():
        xs, ys = zip(*points)
        finals.append(ys[-1])
        axes.plot(
            xs,
            ys,
            label=name,
            marker=next(markers),
            alpha=0.6,
            markersize=6,
            linewidth=6 if name == "Exact Solution" else 1.5,
        )
    axes.legend(loc="best", fontsize="medium")
    axes.set_xlabel("Number of non-unique items added")
    axes.set_ylabel("Prediction of number of unique items")
    axes.set_ylim(top=sorted(finals)[-2] * 1.1)  # the Morris counter runs off the top
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)


def run_both_experiments(unique, duplicates, sample_every, seed, folder):
    """The book's two experiments (unique items, then 3-letter keys with repeats), drawn to ``folder``."""
    for exp_name, filename, keys in [
        ("Inserting Unique Items", "unique", range(unique)),
        ("Inserting Items with Duplicates", "dup", generate_keys(duplicates, 3, seed)),
    ]:
        samples = run_experiment(exp_name, keys, methods, sample_every)
        path = folder / f"prob_ds_{filename}.png"
        plot_experiment(exp_name, samples, path)
        print(f"saved {path}")


# book: end


def main(argv=None):
    from _probabilistic_family import prob_ds_figures

    prob_ds_figures(run_both_experiments, __doc__, argv)


if __name__ == "__main__":
    main()
