"""Is this machine steady enough to time code? ``pyperf system show``, and what ``tune`` would change.

The book's "Strategies to Profile Your Code Successfully" turns off Turbo
Boost and SpeedStep in the BIOS, runs on AC power and stops background jobs,
because a CPU whose clock changes gives timings that change (its example: the
Julia set in 3.3 s with Turbo Boost on a cold CPU, 5.6 s without). pyperf, the
benchmark toolkit behind pyperformance, checks the same things from Python:
``python -m pyperf system show`` reports CPU frequency scaling, Turbo Boost,
the CPU governor, isolated CPUs, ASLR and more, with advice for each, and
``python -m pyperf system tune`` (as root) applies the advice;
``python -m pyperf system reset`` undoes it.

This script runs ``system show`` (it changes nothing), prints its report and
then the changes ``tune`` would make, one line each. It ends with
``stable for benchmarks: yes`` or a warning when pyperf has advice.

Run (section "Strategies to Profile Your Code Successfully"):
    python 02_profiling/system_state.py
    python -m pyperf system show
    sudo python -m pyperf system tune        # applies the advice; `system reset` undoes it
"""

import subprocess
import sys

SMOKE_ARGS = []

SECTIONS = ("System state", "Advices", "Warnings", "Errors")


def parse_system_show(text):
    """``{section: [lines]}`` from ``pyperf system show``'s report (sections underlined with ``=``)."""
    sections = {}
    lines = text.splitlines()
    current = None
    for index, line in enumerate(lines):
        underline = lines[index + 1] if index + 1 < len(lines) else ""
        if line.strip() in SECTIONS and underline.startswith("==="):
            current = line.strip()
            sections[current] = []
        elif current and line.strip() and not line.startswith("==="):
            if line.startswith('Run "python -m pyperf system tune"'):
                continue
            sections[current].append(line.strip())
    return sections


# taught: a stable machine for benchmarks (the book's checklist: Turbo Boost, SpeedStep...), by pyperf
def system_show():
    """The report ``python -m pyperf system show`` prints (its stderr holds the system tools' chatter)."""
    completed = subprocess.run(
        [sys.executable, "-m", "pyperf", "system", "show"], capture_output=True, text=True, timeout=120
    )
    return completed.stdout


# taught: end


def report_system_state(text):
    """Print the state in pyperf's ``text``, what ``tune`` would change, and the verdict."""
    sections = parse_system_show(text)
    if "System state" not in sections:
        raise RuntimeError("pyperf system show printed no 'System state' section")
    print("System state (python -m pyperf system show):")
    for line in sections["System state"]:
        print(f"    {line}")
    advices = sections.get("Advices", [])
    print("\nWhat `python -m pyperf system tune` would change (as root; nothing is changed here):")
    for line in advices or ["nothing: pyperf has no advice"]:
        print(f"    {line}")
    for line in sections.get("Warnings", []) + sections.get("Errors", []):
        print(f"    (pyperf could not check) {line}")
    if advices:
        print(
            f"\nWARNING: not stable for benchmarks: pyperf has {len(advices)} piece(s) of advice; "
            "timings on this machine will vary more than they need to"
        )
    else:
        print("\nstable for benchmarks: yes")
    return sections


def main(argv=None):
    import importlib.util

    from hpp.script import example_parser, fail

    example_parser(__doc__).parse_args(argv)
    if importlib.util.find_spec("pyperf") is None:
        fail("pyperf is not installed: pip install -e '.[profiling]' (the profiling extra)")
    try:
        report_system_state(system_show())
    except RuntimeError as error:
        fail(str(error))


if __name__ == "__main__":
    main()
