"""Every prime validator on the book's five numbers: the figure, measured here beside the book's.

Chapter 9, "Verifying Primes Using Interprocess Communication" (the 3rd
edition's ``plot_prime_validation_times.py``, which drew hard-coded timings):
the serial check, the Pool without a flag (``primes_pool_per_number2``) and the
Pools that share an early-exit flag (``Manager().Value``, ``RawValue``, an
``mmap`` byte, read every iteration or every ``CHECK_EVERY``), each timed on a
trivial non-prime, two non-primes with large factors and two primes (best of
``--repeat``), every answer checked. Without a flag a non-prime costs its
workers as much as a prime; with one, the worker that finds the factor stops
the others. The book (3rd edition, 8 processes, seconds for non-prime 1, 2,
prime 1, 2): serial 2.5 / 4.5 / 8.3 / 8.3; Pool 1.07 / 1.05 / 1.05 / 1.06;
Manager 2.25 / 1.87 / 5.6 / 5.6; RawValue 0.63 / 0.50 / 1.55 / 1.55; mmap
0.61 / 0.52 / 1.57 / 1.57; mmap3 0.43 / 0.35 / 1.06 / 1.06. Writes
``prime_validation_times.csv`` and ``prime_validation_times.png``.

Run:
    python plot_prime_validation_times.py --size small --workers 2
    python plot_prime_validation_times.py                   # the book's 18-digit numbers (minutes)
"""

import contextlib
import csv
import importlib
import multiprocessing
import time

SMOKE_ARGS = ["--size", "small", "--workers", "2", "--variants", "serial,mmap3"]

VARIANTS = {  # the book's series (serial, pool, Manager, RawValue, mmap, mmap3 flag): (script, flag kind)
    "serial": ("primes", None),
    "pool": ("primes_pool_per_number2", "plain"),
    "manager": ("primes_pool_per_number_manager", "manager"),
    "rawvalue": ("primes_pool_per_number_value", "value"),
    "mmap": ("primes_pool_per_number_mmap", "mmap"),
    "mmap3": ("primes_pool_per_number_mmap3", "mmap"),
}
# book: 3rd ed. code, "plot_prime_validation_times.py" (its timings, 8 processes, seconds)
BOOK_TIMES = {
    "serial": [0.000001, 2.5, 4.5, 8.3, 8.3],
    "pool": [0.000001, 1.07, 1.05, 1.05, 1.06],
    "manager": [0.000054, 2.25, 1.87, 5.6, 5.6],
    "rawvalue": [0.000001, 0.63, 0.50, 1.55, 1.55],
    "mmap": [0.000001, 0.61, 0.52, 1.57, 1.57],
    "mmap3": [0.000001, 0.43, 0.35, 1.06, 1.06],
}
# book: end


def checker(label, workers, start_method, stack):
    """``check(n)`` for one variant, its Pool (and flag) opened on ``stack``."""
    name, kind = VARIANTS[label]
    module = importlib.import_module(name)
    if kind is None:
        return module.check_prime
    context = multiprocessing.get_context(start_method)
    extra = ()
    if kind == "manager":
        manager = stack.enter_context(context.Manager())
        extra = (manager.Value(b"c", module.FLAG_CLEAR),)
        pool = stack.enter_context(context.Pool(workers))
    elif kind == "value":
        pool = stack.enter_context(module.make_pool(workers, start_method))
    elif kind == "mmap":
        from _prime_validation_common import flag_file

        path = stack.enter_context(flag_file())
        pool = stack.enter_context(module.make_pool(workers, path, start_method))
        stack.callback(lambda: module.sh_mem.close())
    else:
        pool = stack.enter_context(context.Pool(workers))
    return lambda n: module.check_prime(n, pool, workers, *extra)


# taught: 3rd ed., "Verifying Primes Using Interprocess Communication": a shared flag stops the others
def time_validators(labels, numbers, workers=4, repeat=1, start_method=None):
    """Rows ``(variant, number label, n, best seconds, is prime)`` for every variant and number."""
    rows = []
    for label in labels:
        with contextlib.ExitStack() as stack:
            check = checker(label, workers, start_method, stack)
            for name, n in numbers.items():
                best = float("inf")
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    answer = check(n)
                    best = min(best, time.perf_counter() - t0)
                rows.append((label, name, n, best, answer))
    return rows


# taught: end


def plot(rows, labels, names, workers, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    seconds = {(r[0], r[1]): r[3] for r in rows}
    fig, (ours, book) = plt.subplots(1, 2, figsize=(12, 4.5), sharey=False)
    width = 0.8 / len(labels)
    for i, label in enumerate(labels):
        x = np.arange(len(names)) + i * width
        ours.bar(x, [seconds[label, name] for name in names], width, label=label)
        if label in BOOK_TIMES:
            book.bar(x, BOOK_TIMES[label], width, label=label)
    short = ["trivial", "non-prime 1", "non-prime 2", "prime 1", "prime 2"][: len(names)]
    for ax, title in ((ours, f"this machine, {workers} processes"), (book, "the book (3e), 8 processes")):
        ax.set_xticks(np.arange(len(names)) + 0.4 - width / 2, short if len(names) == 5 else names)
        ax.set_ylabel("seconds")
        ax.set_title(title)
        ax.legend(fontsize=8)
    fig.suptitle("Verifying primes: seconds per number for each validator, this machine beside the book")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def compare_validators(labels, numbers, workers, repeat, start_method, folder):
    """Time every variant on every number, check the answers, print, write the CSV, draw the figure."""
    from _prime_validation_common import KNOWN

    rows = time_validators(labels, numbers, workers, repeat, start_method)
    for label, name, n, seconds, answer in rows:
        known = KNOWN.get(n)
        assert known is None or known == answer, f"{label} says {n} is prime: {answer}"
        print(f"{label:14} {name:24} ({n}) {seconds:10.6f}s  is prime: {answer}")
    with open(folder / "prime_validation_times.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["variant", "number_label", "number", "seconds", "is_prime"])
        writer.writerows(rows)
    plot(rows, labels, list(numbers), workers, folder / "prime_validation_times.png")
    print(f"saved {folder / 'prime_validation_times.png'}")
    return rows


def main(argv=None):
    from _prime_validation_common import chosen_numbers, validation_parser

    from hpp.script import comma_choices, output_dir, writable_dir

    parser = validation_parser(__doc__)
    parser.add_argument("--variants", type=comma_choices(*VARIANTS), default=list(VARIANTS), help="which")
    parser.add_argument("--output-dir", type=writable_dir, help="where the CSV and PNG go")
    args = parser.parse_args(argv)
    folder = output_dir("09_multiprocessing", args.output_dir)
    numbers = chosen_numbers(args)
    compare_validators(args.variants, numbers, args.workers, args.repeat, args.start_method, folder)


if __name__ == "__main__":
    main()
