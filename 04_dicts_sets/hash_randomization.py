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

# taught: hash("text") in fresh processes, each with its own PYTHONHASHSEED
import os
import subprocess
import sys


def hash_in_process(text, hash_seed):
    """``(hash(text), hash(42))`` in a new Python process run with ``PYTHONHASHSEED=hash_seed``."""
    env = dict(os.environ, PYTHONHASHSEED=str(hash_seed))
    code = "import sys; t = sys.argv[1]; print(hash(t), hash(42))"
    out = subprocess.run(
        [sys.executable, "-c", code, text], env=env, capture_output=True, text=True, check=True
    )
    text_hash, int_hash = map(int, out.stdout.split())
    return text_hash, int_hash


# taught: end


def main(argv=None):
    from _dicts_sets_family import compare_seeds

    compare_seeds(hash_in_process, __doc__, argv)


if __name__ == "__main__":
    main()
