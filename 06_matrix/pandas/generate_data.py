"""Generate the pandas examples' data: 100,000 people x 14 days of phone use, seeded.

Chapter 6 (2e) / Pandas (3e), ``generate_data.py``: ``Poisson(60) / 60`` hours
per person per day from a fixed seed, saved as a pickle, with a plot of three
people's days. (The official version used ``np.float_``, removed in NumPy 2.)
The other pandas scripts generate the same data in memory, so this step is
optional; it shows what the data look like.

Run:
    python 06_matrix/pandas/generate_data.py --people 100000
"""

# book: 2nd ed. code, "generate_data.py"
from utility import BOOK_DAYS, BOOK_PEOPLE, SEED, make_data


def plot_people(df, path, people=(0, 1, 2)):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    for person in people:
        ax.plot(df.columns, df.loc[person], marker="o", label=f"person {person}")
    ax.set_xlabel("day")
    ax.set_ylabel("hours of phone use")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def save_data(folder, people=BOOK_PEOPLE, days=BOOK_DAYS, seed=SEED):
    """Make the data, pickle it to ``folder``, print its shape and mean, and plot three people."""
    df = make_data(people, days, seed)
    pickle_path = folder / "generated_ols_data.pickle"
    df.to_pickle(pickle_path)
    print(f"shape = {df.shape}")
    print(f"mean hours = {df.to_numpy().mean():.6f}")
    print(f"saved {pickle_path}")
    if people >= 3:
        plot_people(df, folder / "generated_ols_data.png")
        print(f"saved {folder / 'generated_ols_data.png'}")
    return df


# book: end


def main(argv=None):
    from _pandas_drivers import run_generate_data

    run_generate_data(__doc__, save_data, argv)


if __name__ == "__main__":
    main()
