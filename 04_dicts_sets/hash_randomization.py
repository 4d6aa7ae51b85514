"""Python's string hash is SipHash, salted per process (book chapter 4, "Hash Functions and Entropy").

The book says ``hash`` uses the SipHash 1-3 algorithm for things other than
integers. SipHash takes a secret key, and CPython draws it at random when a
process starts (unless ``PYTHONHASHSEED`` fixes it), so ``hash("text")``
differs between two runs and a dict's bucket order for strings cannot be
guessed from outside: the defence against hash-flooding attacks. An int
still hashes to itself.

The script runs ``hash("text")`` and ``hash(42)`` in fresh Python processes
with ``PYTHONHASHSEED`` set to each seed given, and prints what each got.

Run:
    python 04_dicts_sets/hash_randomization.py
    python 04_dicts_sets/hash_randomization.py --seeds 0,0,1,2,3
"""

import os
import subprocess
import sys

SMOKE_ARGS = ["--seeds", "1,2,1"]


# taught: hash("text") in fresh processes, each with its own PYTHONHASHSEED
def hash_in_process(text, hash_seed):
    """``(hash(text), hash(42))`` in a new Python process run with ``PYTHONHASHSEED=hash_seed``."""
    env = dict(os.environ, PYTHONHASHSEED=str(hash_seed))
    code = "import sys; t = sys.argv[1]; print(hash(t), hash(42))"
    out = subprocess.run(
        [sys.executable, "-c", code, text], env=env, capture_output=True, text=True, check=True
    )
    text_hash, int_hash = map(int, out.stdout.split())
    return text_hash, int_hash


def compare_seeds(text="text", hash_seeds=(1, 2, 1)):
    """Print the hash each seed's process gives ``text`` (and 42)."""
    print(f"hash algorithm = {sys.hash_info.algorithm} (hash_bits = {sys.hash_info.hash_bits})")
    results = {}
    for hash_seed in hash_seeds:
        results[hash_seed] = text_hash, int_hash = hash_in_process(text, hash_seed)
        print(f"PYTHONHASHSEED={hash_seed}: hash({text!r}) = {text_hash}, hash(42) = {int_hash}")
    distinct = len({text_hash for text_hash, _ in results.values()})
    print(f"{len(results)} seeds, {distinct} distinct hashes of {text!r}")


# taught: end


def main(argv=None):
    from hpp.script import example_parser, int_range

    parser = example_parser(__doc__)
    seed_type = int_range(0, 4294967295)
    parser.add_argument(
        "--seeds",
        type=lambda text: [seed_type(part) for part in text.split(",")],
        default=[1, 2, 1],
        help="comma-separated PYTHONHASHSEED values (0 to 4294967295; 0 turns the salt off)",
    )
    args = parser.parse_args(argv)
    compare_seeds("text", args.seeds)


if __name__ == "__main__":
    main()
