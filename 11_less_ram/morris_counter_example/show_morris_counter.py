"""Plot a few Morris counters against the true count.

Chapter 11, "Very Approximate Counting with a 1-Byte Morris Counter" (the
figure of three counters stepping up in powers of two while the true count
rises linearly). The book counts to 100,000 with 3 counters.

Run:
    python 11_less_ram/morris_counter_example/show_morris_counter.py
    (writes morris_counter.png under results/11_less_ram, or --output-dir)
"""

# book: 2nd ed. code, "show_morris_counter.py"
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from morris_counter import MorrisCounter  # noqa: E402


def trajectories(max_count, trials, seed=0, samples=500):
    """For each trial, the counter's value sampled along the way: [(count, value), ...]."""
    counters = MorrisCounter(nbr_counters=trials, seed=seed)
    step = max(1, max_count // samples)
    paths = [[] for _ in range(trials)]
    for count in range(1, max_count + 1):
        for index in range(trials):
            counters.add(index)
            if count % step == 0 or count == max_count:
                paths[index].append((count, counters.get(index)))
    return paths


def draw_counters(max_count, trials, seed, folder):
    """Draw ``trials`` counters against the true count to ``folder``/morris_counter.png; print their ends."""
    paths = trajectories(max_count, trials, seed)
    figure, axes = plt.subplots(figsize=(8, 5))
    axes.plot([0, max_count], [0, max_count], "k--", label="true count")
    for index, path in enumerate(paths):
        counts, values = zip(*path)
        axes.step(counts, values, where="post", label=f"Morris counter {index + 1}")
        print(f"counter {index + 1}: {values[-1]} after {max_count} events")
    axes.set_xlabel("events")
    axes.set_ylabel("estimate")
    axes.set_title("Morris counters (one byte each) against the true count")
    axes.legend()
    path = folder / "morris_counter.png"
    figure.savefig(path, dpi=90)
    plt.close(figure)
    print(f"saved {path}")


# book: end


def main(argv=None):
    from _morris_family import morris_figure

    morris_figure(draw_counters, __doc__, argv)


if __name__ == "__main__":
    main()
