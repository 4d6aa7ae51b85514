"""The result lines several chapters print: one function per quantity, one form.

Tests and the benchmark read these lines, so each quantity is printed in one
place only:

- ``pi estimate = 3.14159`` (``print_pi_estimate``), chapters 01, 09 and 10;
- ``sum(grid) = 13.52`` (``print_grid_sum``), the diffusion grids of 06, 07 and 10;
- ``time = 1.2345 s (1.2345 ms per iteration)`` (``print_diffusion_time``).
"""


def print_pi_estimate(pi):
    """Print the Monte Carlo estimate of pi: ``pi estimate = 3.14159``."""
    print(f"pi estimate = {pi:.5f}")


def print_grid_sum(total):
    """Print the total of a diffusion grid (the mass every correct step keeps): ``sum(grid) = 13.52``."""
    print(f"sum(grid) = {float(total):.6g}")


def print_diffusion_time(seconds, iterations):
    """Print a diffusion run's time: ``time = 1.2345 s (1.2345 ms per iteration)``."""
    print(f"time = {seconds:.4f} s ({seconds / iterations * 1e3:.4f} ms per iteration)")
