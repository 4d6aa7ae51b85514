"""Plot a few Morris counters against the true count.

Chapter 11, "Very Approximate Counting with a 1-Byte Morris Counter" (the
figure of three counters stepping up in powers of two while the true count
rises linearly). The book counts to 100,000 with 3 counters.

Run:
    python 11_less_ram/morris_counter_example/show_morris_counter.py
    (writes morris_counter.png under results/11_less_ram, or --output-dir)
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from morris_counter import MorrisCounter  # noqa: E402

from hpp.script import example_parser, non_negative_int, output_dir, positive_int, writable_dir  # noqa: E402

SMOKE_ARGS = ["--max-count", "2000", "--trials", "2"]


# book: 2nd ed. code, "show_morris_counter.py"
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
    parser = example_parser(__doc__)
    parser.add_argument("--max-count", type=positive_int, default=100_000)
    parser.add_argument("--trials", type=positive_int, default=3)
    parser.add_argument("--seed", type=non_negative_int, default=0)
    parser.add_argument("--output-dir", type=writable_dir, help="folder for morris_counter.png")
    args = parser.parse_args(argv)
    draw_counters(args.max_count, args.trials, args.seed, output_dir("11_less_ram", args.output_dir))


if __name__ == "__main__":
    main()
