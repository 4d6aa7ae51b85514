"""``cow1.py``'s driver: the flag, the platform check and the report (not the lesson)."""

import os
import sys

from hpp.script import example_parser, fail, positive_int


def run_copy_on_write(doc, copy_on_write, argv=None):
    """Run ``copy_on_write(size_mb)`` and print how much the child's private memory grew at each step."""
    parser = example_parser(doc)
    parser.add_argument(
        "--size-mb", type=positive_int, default=100, help="the bytearray in MB (the 1st edition: 10 GB)"
    )
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux") or not os.path.exists("/proc/self/smaps_rollup"):
        fail("cow1.py: needs Linux (fork and /proc/self/smaps_rollup)")
    growth = copy_on_write(args.size_mb)
    print(f"shared bytearray = {args.size_mb} MB")
    for step, grown in growth.items():
        print(f"{step}: the child's private memory grew by {grown / 2**20:.1f} MB")
