"""The chapter's figures that code can draw (``hpp figures``).

The book's figure numbers for this chapter are not in our reference texts, so each
figure is listed by chapter alone (``fig-CC-SLUG.png``); the slugs are the stable names.
The timing charts draw the book's numbers beside this machine's.
"""

from hpp.figures import Figure

FIGURES = [
    Figure(
        number="9",
        slug="pi-monte-carlo",
        script="pi_estimation/pi_plot_monte_carlo_example.py",
        output="pi_monte_carlo.png",
        caption="Estimating pi with the Monte Carlo method: 10,000 darts, 7,868 inside the "
        "quarter circle (RandomState(0)), pi about 3.1472",
    ),
    Figure(
        number="9",
        slug="pi-threads-processes",
        script="pi_estimation/pi_graph_speed_tests.py",
        args=["--samples", "6000000", "--workers", "2"],
        output="pi_speed_tests.png",
        caption="Working in series, with threads and with processes: threads stay at the "
        "serial time, processes divide it where cores are free (ours beside the book's 1e8-dart "
        "times; the title states what this machine measured)",
    ),
    Figure(
        number="9",
        slug="cpu-usage-processes",
        script="pi_estimation/profile_cpu_usage.py",
        args=["--workers", "2", "--samples", "4000000", "--interval", "0.1"],
        output="cpu_usage_processes_2.png",
        caption="CPU use per core while 2 processes estimate pi: both cores busy",
    ),
    Figure(
        number="9",
        slug="cpu-usage-threads",
        script="pi_estimation/profile_cpu_usage.py",
        args=["--workers", "2", "--samples", "4000000", "--interval", "0.1", "--pool", "threads"],
        output="cpu_usage_threads_2.png",
        caption="CPU use per core while 2 threads estimate pi: one core's worth of work (the GIL)",
    ),
    Figure(
        number="9",
        slug="check-prime-time",
        script="prime_generation/primes_timed_makes_graph.py",
        args=["--repeat", "3"],
        output="primes_timed.png",
        caption="Time to check each number from 10,001 to 999,991 (step 10) with check_prime: "
        "primes cost the most, growing like sqrt(n)",
    ),
    Figure(
        number="9",
        slug="chunksize",
        script="prime_generation/primes_pool_plot_chunksizetimes.py",
        args=["--range", "A", "--workers", "2", "--repeat", "2"],
        output="primes_pool_chunksize.png",
        caption="Pool.map time by chunksize: one message per number is slowest, huge chunks "
        "leave workers idle (ours beside the book's)",
    ),
    Figure(
        number="9",
        slug="number-of-chunks",
        script="prime_generation/primes_pool_plot_chunksizetimes.py",
        args=["--range", "A", "--workers", "2", "--repeat", "2", "--by", "nbrchunks", "--max-chunks", "12"],
        output="primes_pool_nbrchunks.png",
        caption="Pool.map time by number of chunks: a sawtooth, lowest when the chunks divide "
        "evenly among the workers",
    ),
    Figure(
        number="9",
        slug="smallest-factors",
        script="prime_validation/create_count_of_factors_for_nonprimes.py",
        args=["--stop", "1000000", "--workers", "2"],
        output="primes_validation_count_of_factors.png",
        caption="How often each smallest factor rejects a non-prime: 2, 3, 5 and 7 reject "
        "most of them, the case for the serial pre-check",
    ),
    Figure(
        number="9",
        slug="serial-vs-queue",
        script="prime_generation/plot_serial_vs_queue_times.py",
        args=["--range", "A", "--workers", "2"],
        output="serial_vs_queue_times.png",
        caption="Finding primes serially and through Manager queues with 1 and 2 processes: "
        "a message per number makes the queues slower than serial (the book's range C beside)",
    ),
    Figure(
        number="9",
        slug="prime-validation-times",
        script="prime_validation/plot_prime_validation_times.py",
        args=["--scale", "small", "--workers", "2"],
        output="prime_validation_times.png",
        caption="Verifying five numbers with each validator (serial, Pool, Manager, RawValue and "
        "mmap flags): this machine beside the book's 3rd-edition times",
    ),
    Figure(
        number="9",
        slug="more-workers-than-cores",
        script="pi_estimation/pi_more_workers_than_cores.py",
        args=["--samples", "4000000"],
        output="more_workers_than_cores.png",
        caption="Pure-Python pi with 1 to twice the logical CPUs in worker processes: the speedup "
        "stops at the physical cores, hyperthreads add little (the book's 4 cores, 8 hyperthreads beside)",
    ),
]
