"""IPython Parallel, the book's interactive recipe, as a script (book chapter 10, "Using IPython Parallel").

The book starts a cluster in one terminal and types into IPython in another::

    $ ipcluster start -n 4
    In [1]: import ipyparallel as ipp
    In [2]: c = ipp.Client()
    In [3]: print(c.ids)
    [0, 1, 2, 3]
    In [4]: c[:].apply_sync(lambda: "Hello High Performance Pythonistas!")
    In [5]: dview = c[:]
    In [6]: with dview.sync_imports():
       ...:     import os
    importing os on engine(s)
    In [7]: dview.apply_sync(lambda: os.getpid())
    In [8]: dview.execute("import sys")
    In [9]: dview.push({'shared_data': [50, 100]})
    In [10]: dview.apply_sync(lambda: len(shared_data))
    Out[10]: [2, 2, 2, 2]
    In [11]: %run pi_ipython_cluster.py

This script types the same lines, in that order, against a real cluster: it
runs ``ipcluster start -n WORKERS`` itself (in a throw-away profile folder, on
127.0.0.1), connects with ``Client()``, and always runs ``ipcluster stop`` at the
end (in a ``finally``). The ``%px``/``%%px`` magics need an IPython shell, so the
script makes one (``InteractiveShell``) and runs them in it, as the book's
IPython session does; then the book's pi task with ``@require('random')``.

To type the session into a cluster you started yourself (``ipcluster start -n 4``
in another terminal, as the book does, or ``ipcontroller`` and ``ipengine`` on
several machines), pass ``--profile default`` or ``--url-file
.../security/ipcontroller-client.json``: the script then starts and stops nothing.

Run (from this folder, as the book does):
    python chapter_recipe.py                  # 4 engines, as the book
    python chapter_recipe.py --workers 2 --samples 100000
    ipcluster start -n 4 --daemonize && python chapter_recipe.py --profile default

``--samples`` is the darts of the pi task at the end, split over the engines
(the book: 4e8, see ``pi_ipython_cluster.py``).
"""

# book: 3rd ed. code, "ipythonparallel/chapter_recipe.md" (the IPython session)
import time

import pi_ipython_cluster


def recipe(c, nbr_darts):
    """The book's session, line by line; returns what each line gave (for the tests)."""
    global os  # as in IPython, the lambdas below find `os` and `shared_data` as globals
    results = {}
    print("In [3]: print(c.ids)")
    print(c.ids)
    results["ids"] = c.ids

    print('In [4]: c[:].apply_sync(lambda: "Hello High Performance Pythonistas!")')
    results["hello"] = c[:].apply_sync(lambda: "Hello High Performance Pythonistas!")
    print(results["hello"])

    print("In [5]: dview = c[:]")
    dview = c[:]
    print("In [6]: with dview.sync_imports(): import os")
    with dview.sync_imports():
        import os  # imported here and on every engine
    print("In [7]: dview.apply_sync(lambda: os.getpid())")
    results["pids"] = dview.apply_sync(lambda: os.getpid())
    print(results["pids"])

    print('In [8]: dview.execute("import sys")')
    dview.execute("import sys", block=True)
    print("In [9]: dview.push({'shared_data': [50, 100]})")
    dview.push({"shared_data": [50, 100]}, block=True)
    print("In [10]: dview.apply_sync(lambda: len(shared_data))")
    results["len_shared_data"] = dview.apply_sync(lambda: len(shared_data))  # noqa: F821
    print(results["len_shared_data"])

    # book: end
    # taught: IPython Parallel is interactive: %px and %%px run a statement or a cell on every engine
    # %px and %%px run a statement or a cell on every engine; they need an IPython shell.
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    dview.block = True  # %px waits for the engines and shows their output, as in IPython
    dview.activate()  # defines %px, %%px, %autopx, %pxresult on this shell
    shell.user_ns["dview"] = dview
    print("In [11]: %px engine_pid = os.getpid()")
    shell.run_cell("%px engine_pid = os.getpid()")
    print("In [12]: %%px\n    ...: total = sum(shared_data)\n    ...: print(total)")
    shell.run_cell("%%px\ntotal = sum(shared_data)\nprint(total)")
    results["px_total"] = dview.pull("total", block=True)
    results["px_pids"] = dview.pull("engine_pid", block=True)
    print(f"dview.pull('total') = {results['px_total']}")

    # taught: end
    # book: 3rd ed. code, "ipythonparallel/chapter_recipe.md" (continued: %run pi_ipython_cluster.py)
    print("In [13]: %run pi_ipython_cluster.py")
    import cloudpickle  # the task goes to the engines by value: they need no copy of the file

    cloudpickle.register_pickle_by_value(pi_ipython_cluster)
    dview.use_cloudpickle()
    t1 = time.time()
    nbr_in_quarter_unit_circles = pi_ipython_cluster.calculate_pi(dview, nbr_darts)
    results["pi"] = pi_ipython_cluster.print_pi(nbr_in_quarter_unit_circles, nbr_darts, time.time() - t1)
    results["estimates"] = nbr_in_quarter_unit_circles
    return results


# book: end


def main(argv=None):
    from _ipcluster import recipe_main

    recipe_main(__doc__, recipe, argv)


if __name__ == "__main__":
    main()
