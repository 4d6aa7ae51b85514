"""The Pythran build for ``julia1.py`` (not a book example).

The chapter's builds on demand live in ``../diffusion/_build.py``; this
module hands ``julia1.py`` the Pythran one under its plain-name import.
"""

from pathlib import Path

from hpp.loader import load_example

_builder = load_example(Path(__file__).resolve().parents[1] / "diffusion" / "_build.py")
pythran_module = _builder.pythran_module
toolchain_error = _builder.toolchain_error
built_or_exit = _builder.built_or_exit
ToolchainMissing = _builder.ToolchainMissing
BuildFailed = _builder.BuildFailed
