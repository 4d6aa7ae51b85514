"""Build every compiled example in place, next to its source.

``pip install -e .`` runs this. It finds:

- every ``*.pyx`` file in the chapter folders. Compiler flags go in the file's
  own ``# distutils:`` comments (``# distutils: extra_compile_args = -fopenmp``);
  a line ``# hpp: optional`` lets the install go on without it when it does not
  build (OpenMP, say), and its tests then skip.
- every ``_extensions.toml`` in the chapter folders, for C extensions::

      [[extension]]
      name = "diffusion_capi"          # the module name, built next to this file
      sources = ["diffusion_capi.c"]
      numpy = true                     # add NumPy's headers (default true)
      optional = false
      extra_compile_args = ["-O3"]

Each module is built under its own name (``cythonfn1`` ... ``cythonfn5``), so a
reader never copies files around before a build.
"""

import os
import re
import tomllib
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
CHAPTERS = sorted(p for p in ROOT.glob("[0-9][0-9]_*") if p.is_dir())


def numpy_include():
    import numpy

    return numpy.get_include()


def cython_extensions():
    extensions = []
    for pyx in sorted(p for chapter in CHAPTERS for p in chapter.rglob("*.pyx")):
        header = pyx.read_text().splitlines()[:20]
        optional = any(re.match(r"#\s*hpp:\s*optional", line) for line in header)
        extension = Extension(
            pyx.stem, [str(pyx.relative_to(ROOT))], include_dirs=[numpy_include()], optional=optional
        )
        extension.source_dir = pyx.parent
        extensions.append(extension)
    return extensions


def declared_extensions():
    extensions = []
    for spec_file in sorted(p for chapter in CHAPTERS for p in chapter.rglob("_extensions.toml")):
        folder = spec_file.parent
        for spec in tomllib.loads(spec_file.read_text()).get("extension", []):
            include_dirs = [str(folder)] + ([numpy_include()] if spec.get("numpy", True) else [])
            extension = Extension(
                spec["name"],
                [str((folder / source).relative_to(ROOT)) for source in spec["sources"]],
                include_dirs=include_dirs,
                extra_compile_args=spec.get("extra_compile_args", []),
                extra_link_args=spec.get("extra_link_args", []),
                libraries=spec.get("libraries", []),
                optional=spec.get("optional", False),
            )
            extension.source_dir = folder
            extensions.append(extension)
    return extensions


def all_extensions():
    extensions = declared_extensions()
    cython = cython_extensions()
    if cython:
        from Cython.Build import cythonize

        for extension, compiled in zip(
            cython, cythonize(cython, build_dir="build/cython", language_level=3, quiet=True)
        ):
            compiled.source_dir = extension.source_dir
            compiled.optional = extension.optional
            extensions.append(compiled)
    names = [e.name for e in extensions]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SystemExit(f"two compiled examples share a module name: {', '.join(duplicates)}")
    return extensions


class BuildNextToSource(build_ext):
    """``build_ext --inplace`` that puts each module beside its source file."""

    def finalize_options(self):
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def _get_inplace_equivalent(self, build_py, ext):
        inplace_file, regular_file = super()._get_inplace_equivalent(build_py, ext)
        folder = getattr(ext, "source_dir", None)
        if folder is not None:
            inplace_file = os.path.join(folder, os.path.basename(regular_file))
        return inplace_file, regular_file


setup(ext_modules=all_extensions(), cmdclass={"build_ext": BuildNextToSource})
