"""Chapter 10: real Dask and IPython Parallel clusters, the Celery job queue, NSQ, Docker."""

import contextlib
import importlib
import json
import math
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from hpp import clusters as common
from hpp.loader import REPO_ROOT, load_example
from hpp.service import free_port, local_dask_client, redis_server, running_service, start_service

CHAPTER = REPO_ROOT / "10_clusters"
IPP = CHAPTER / "ipython_parallel"
PP = CHAPTER / "parallelpython"


def readme_commands(engine):
    """The command lines of ``engine``'s block in the README's "From one machine to many" (no comments)."""
    readme = (CHAPTER / "README.md").read_text()
    section = readme.split("## From one machine to many", 1)[1].split("\n## ", 1)[0]
    block = section.split(f"**{engine}**", 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line and not line.startswith("#")]


def stop_and_wait(service, children, timeout=30):
    """Stop a service started by a test and wait for it and the processes it started to end."""
    import psutil

    service.stop(timeout)
    _gone, alive = psutil.wait_procs(children, timeout=timeout)
    for leftover in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            leftover.kill()
    assert service.process.returncode is not None
    assert not [child.pid for child in alive], "a process the service started outlived it"


def sieve(limit):
    is_prime = np.ones(limit, dtype=bool)
    is_prime[:2] = False
    for i in range(2, int(limit**0.5) + 1):
        if is_prime[i]:
            is_prime[i * i :: i] = False
    return is_prime


# ---------------------------------------------------------------- shared code


@pytest.mark.parametrize(
    "script,name",
    [
        ("job_queue/nsq_worker.py", "is_prime"),
        ("job_queue/nsq_worker.py", "check_prime"),
        ("job_queue/celery_tasks.py", "check_prime"),
        ("dask/primes_dask.py", "check_prime"),
    ],
)
def test_check_prime_agrees_with_a_sieve(script, name):
    if script.startswith("job_queue/nsq"):
        importlib.import_module("nsq")
    if script.startswith("job_queue/celery"):
        importlib.import_module("celery")
    check = getattr(load_example(CHAPTER / script), name)
    truth = sieve(20_000)
    assert [check(n) for n in range(20_000)] == truth.tolist()
    assert check(2**53 + 5) is True  # exact above 2**53


def test_the_book_names_are_defined_in_the_books_files():
    """Defined there (not imported from a helper), with the book's parameters."""
    import inspect

    expected = {
        "ipython_parallel/pi_ipython_cluster.py": {
            "estimate_nbr_points_in_quarter_circle": ["nbr_estimates", "seed"]
        },
        "dask/ols_dask_dataframe.py": {"ols_lstsq_raw": ["row"]},
        "parallelpython/pi_pp_local.py": {"calculate_pi": ["nbr_estimates", "seed"]},
        "job_queue/nsq_worker.py": {
            "is_prime": ["number"],
            "write_message": ["topic", "data", "writer", "message"],
            "calculate_prime": ["message", "writer"],
        },
        "docker/diffusion_numpy_memory2.py": {
            "evolve": ["grid", "dt", "out", "D"],
            "run_experiment": ["num_iterations", "grid_size"],
        },
    }
    importlib.import_module("nsq")
    for script, names in expected.items():
        module = load_example(CHAPTER / script)
        source = (CHAPTER / script).read_text()
        for name, parameters in names.items():
            function = getattr(module, name)
            function = getattr(function, "f", function)  # @require wraps it in a `dependent`
            assert list(inspect.signature(function).parameters) == parameters, (script, name)
            assert re.search(rf"^def {name}\(", source, re.M), (script, name)


@pytest.mark.parametrize("total,parts", [(10, 3), (100_000_000, 4), (7, 7), (5, 8)])
def test_split_darts_adds_up_for_any_number_of_engines(total, parts):
    split = common.split_darts(total, parts)
    assert len(split) == parts and sum(split) == total and max(split) - min(split) <= 1


def test_serial_pi_is_within_five_standard_errors_and_seeded():
    book = load_example(IPP / "pi_ipython_cluster.py")
    task = book.estimate_nbr_points_in_quarter_circle  # called here, outside any engine
    counts = [task(50_000, seed) for seed in (1, 2)]
    assert counts[0] == task(50_000, 1)
    assert counts == [common.darts_inside(50_000, seed) for seed in (1, 2)]  # the benchmark's copy
    pi = common.pi_from_counts(counts, 100_000)
    assert abs(pi - math.pi) < 5 * common.pi_standard_error(100_000)
    assert abs(4 * task(20_000) / 20_000 - math.pi) < 5 * common.pi_standard_error(20_000)


def test_ols_slope_of_a_straight_line():
    ols = load_example(CHAPTER / "dask" / "ols_dask_dataframe.py")
    row = 0.5 + 0.25 * np.arange(14.0)
    assert ols.ols_lstsq_raw(row) == pytest.approx(0.25)
    df = load_example(CHAPTER / "dask" / "_dask_cluster.py").make_ols_frame(50, seed=0)
    assert df.shape == (50, 14)
    assert np.allclose(df.to_numpy() * 60, np.round(df.to_numpy() * 60))  # Poisson counts / 60


# ---------------------------------------------------------------- IPython Parallel


@pytest.mark.server
@pytest.mark.slow
def test_ipython_parallel_pi_with_three_engines(run_example):
    # three engines: the official script was only right with exactly four
    completed = run_example(
        "10_clusters/ipython_parallel/pi_ipython_cluster.py",
        "--workers",
        "3",
        "--samples",
        "300001",
        "--seed",
        "7",
        check=True,
        timeout=180,
    )
    out = completed.stdout
    assert "We're using 3 engines" in out
    counts = json.loads(re.search(r"Estimates made: (\[.*\])", out).group(1))
    assert len(counts) == 3
    # the same seeds in this process give the same counts: the engines ran our task
    assert counts == [
        common.darts_inside(n, s) for n, s in zip(common.split_darts(300_001, 3), common.task_seeds(7, 3))
    ]
    pi = float(re.search(r"pi estimate = ([\d.]+)", out).group(1))
    assert pi == pytest.approx(common.pi_from_counts(counts, 300_001), abs=5e-6)  # printed to 5 places
    assert abs(pi - math.pi) < 5 * common.pi_standard_error(300_001)


def scaling_rows(out):
    """{(engine label, workers): seconds} from cluster_scaling.py's table."""
    rows = re.findall(
        r"^(multiprocessing Pool|Dask LocalCluster|Dask scheduler|IPython Parallel|Parallel Python)"
        r"\s+(\d+)\s+([\d.]+)",
        out,
        re.MULTILINE,
    )
    return {(label, int(workers)): float(seconds) for label, workers, seconds in rows}


def check_scaling_run(completed, folder, labels, workers, darts):
    out = completed.stdout
    assert set(scaling_rows(out)) == {(label, n) for label in labels for n in range(1, workers + 1)}
    pi = float(re.search(r"^pi estimate = ([\d.]+)$", out, re.MULTILINE).group(1))
    assert abs(pi - math.pi) < 5 * common.pi_standard_error(darts)
    png = folder / "cluster_scaling.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 20_000  # two panels with lines, not an empty canvas


def test_cluster_scaling_figure_on_a_pool(run_example, tmp_path):
    """The figure's script at a tiny size: every engine's counts equal this process's (else exit 1)."""
    completed = run_example(
        "10_clusters/cluster_scaling.py",
        "--engines",
        "pool",
        "--workers",
        "2",
        "--samples",
        "20000",
        "--repeat",
        "1",
        "--output-dir",
        tmp_path / "fig",
        check=True,
        timeout=120,
    )
    check_scaling_run(completed, tmp_path / "fig", ["multiprocessing Pool"], 2, 20_000)


@pytest.mark.server
@pytest.mark.slow
def test_cluster_scaling_figure_on_every_engine(run_example, tmp_path):
    importlib.import_module("dask.distributed")
    importlib.import_module("ipyparallel")
    importlib.import_module("pp")
    completed = run_example(
        "10_clusters/cluster_scaling.py",
        "--workers",
        "2",
        "--samples",
        "20000",
        "--repeat",
        "1",
        "--output-dir",
        tmp_path / "fig",
        check=True,
        timeout=240,
    )
    check_scaling_run(
        completed,
        tmp_path / "fig",
        ["multiprocessing Pool", "Dask LocalCluster", "IPython Parallel", "Parallel Python"],
        2,
        20_000,
    )


@pytest.mark.server
@pytest.mark.slow
def test_cluster_scaling_joins_running_clusters_of_each_engine(run_example, tmp_path):
    """The README's Dask, IPython Parallel and pp clusters, each joined: 1 and 2 of their workers."""
    importlib.import_module("dask.distributed")
    with contextlib.ExitStack() as stack:
        scheduler, _nbr_workers = stack.enter_context(dask_scheduler_and_workers(tmp_path / "dask"))
        head, _pids = stack.enter_context(ipcontroller_and_engines(tmp_path / "ipython", 2))
        servers = stack.enter_context(ppservers("s3cret-for-test", workers=[1, 1]))
        joins = [
            "--scheduler",
            scheduler,
            "--url-file",
            head / "cluster_profile/security/ipcontroller-client.json",
        ]
        joins += ["--servers", ",".join(servers), "--secret", "s3cret-for-test"]
        small = ["--samples", "20000", "--repeat", "1", "--output-dir", tmp_path / "fig"]
        completed = run_example(
            "10_clusters/cluster_scaling.py",
            "--engines",
            "dask,ipython,pp",
            "--workers",
            "2",
            *joins,
            *small,
            timeout=240,
        )
        too_many = run_example(
            "10_clusters/cluster_scaling.py", "--engines", "dask", "--workers", "3", *joins[:2], *small
        )
    assert completed.returncode == 0, completed.stdout + completed.stderr  # each engine's counts are ours
    check_scaling_run(
        completed, tmp_path / "fig", ["Dask scheduler", "IPython Parallel", "Parallel Python"], 2, 20_000
    )
    assert too_many.returncode == 2 and "--workers 3: the Dask cluster at" in too_many.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--engines", "spark"],
        ["--engines", ","],
        ["--workers", "0"],
        ["--samples", "-1"],
        ["--scheduler", "127.0.0.1:1"],
        ["--servers", "127.0.0.1:1", "--secret", "s"],
        ["--secret", "s"],  # without --servers
        ["--engines", "pool", "--url-file", str(CHAPTER / "README.md")],  # joins no engine it runs
    ],
)
def test_cluster_scaling_bad_input(args, run_example, assert_bad_input):
    line = assert_bad_input(run_example("10_clusters/cluster_scaling.py", *args))
    assert args[0] in line


def test_the_chapter_figure_is_listed_for_hpp_figures():
    from hpp.figures import load_figures

    (figure,) = load_figures(CHAPTER)
    assert (figure.number, figure.file_name) == ("10", "fig-10-cluster-scaling.png")
    assert (CHAPTER / figure.script).is_file() and figure.output == "cluster_scaling.png"


def test_no_example_edits_sys_path_or_loads_examples_by_path():
    edits = re.compile(r"sys\.path\.(insert|append|extend)\(|sys\.path\s*[+]?=|load_example\(")
    offenders = [
        str(path.relative_to(CHAPTER))
        for path in CHAPTER.rglob("*.py")
        if path.name != "_benchmark.py"  # the harness's cases, not an example
        and edits.search(path.read_text())
    ]
    assert offenders == []


@pytest.mark.parametrize("script", ["pi_ipython_cluster.py", "chapter_recipe.py"])
def test_ipython_parallel_bad_connection_file(script, run_example, assert_bad_input, tmp_path):
    line = assert_bad_input(
        run_example(f"10_clusters/ipython_parallel/{script}", "--url-file", tmp_path / "missing.json")
    )
    assert "--url-file" in line and "missing.json" in line


@pytest.mark.server
@pytest.mark.slow
def test_the_books_interactive_recipe_against_a_cluster_it_starts_and_stops(run_example, tmp_path):
    """ipcluster start, Client(), sync_imports, push, apply_sync, %px/%%px, @require, ipcluster stop."""
    import psutil

    # A temp folder of this run's own: every process its cluster starts inherits it as TMPDIR,
    # which tells them from the clusters of tests running beside this one.
    own_tmpdir = tmp_path / "tmp"
    own_tmpdir.mkdir()
    completed = run_example(
        "10_clusters/ipython_parallel/chapter_recipe.py",
        "--workers",
        "3",
        "--samples",
        "30000",
        check=True,
        timeout=240,
        env={"TMPDIR": str(own_tmpdir)},
    )
    out = completed.stdout
    assert "$ ipcluster start -n 3" in out and "$ ipcluster stop" in out
    assert "\n[0, 1, 2]\n" in out  # print(c.ids)
    assert out.count("Hello High Performance Pythonistas!") == 4  # the prompt line and 3 engines
    assert "importing os on engine(s)" in out
    pids = json.loads(re.search(r"apply_sync\(lambda: os.getpid\(\)\)\n(\[.*\])", out).group(1))
    assert len(set(pids)) == 3  # three engine processes, each its own pid
    assert re.search(r"apply_sync\(lambda: len\(shared_data\)\)\n\[2, 2, 2\]", out)
    assert "dview.pull('total') = [150, 150, 150]" in out  # what %%px computed on each engine
    assert out.count("[stdout:") == 3  # %%px printed on each engine
    counts = json.loads(re.search(r"Estimates made: (\[.*\])", out).group(1))
    assert len(counts) == 3 and all(0 < c <= 10_000 for c in counts)
    pi = float(re.search(r"^pi estimate = ([\d.]+)$", out, re.M).group(1))
    assert "Estimated pi" not in out and out.count("pi estimate = ") == 1  # pi printed once
    assert pi == pytest.approx(4 * sum(counts) / 30_000, abs=5e-6)
    # ipcluster stop ran: none of the engines is still alive
    assert not any(psutil.pid_exists(pid) for pid in pids)
    assert not [p for p in psutil.process_iter() if started_with_tmpdir(p, own_tmpdir)]


@contextlib.contextmanager
def ipcontroller_and_engines(folder, nbr_engines):
    """The README's ``ipcontroller`` (head node) and ``ipengine`` (worker nodes) commands, on loopback.

    HEAD is 127.0.0.1; the controller runs in ``folder/head``, each engine in a
    folder of its own with a copy of the engine's connection file, as on another
    machine, with no path to this repository's chapters. Yields the head's
    folder and the engines' pids; every process is stopped and waited for.
    """
    import ipyparallel as ipp
    import psutil

    controller_line, engine_line = [
        line for line in readme_commands("IPython Parallel") if "python" not in line
    ]
    bin_dir = Path(sys.executable).parent
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env |= {"TMPDIR": str(folder), "IPYTHONDIR": str(folder / "ipython")}  # nothing under ~/.ipython
    head = folder / "head"
    head.mkdir(parents=True)
    controller_command = shlex.split(controller_line.replace("HEAD", "127.0.0.1"))
    assert controller_command[:2] == ["ipcontroller", "--ip=127.0.0.1"], controller_line
    profile_dir = Path(next(w for w in controller_command if w.startswith("--profile-dir=")).split("=", 1)[1])
    security = head / profile_dir / "security"

    def connection_files_written(host, port):
        try:
            return all(
                json.loads((security / f"ipcontroller-{who}.json").read_text())
                for who in ("client", "engine")
            )
        except (OSError, ValueError):
            return False

    with contextlib.ExitStack() as stack:
        controller = start_service(
            [str(bin_dir / controller_command[0]), *controller_command[1:]],
            cwd=head,
            env=env,
            ready=connection_files_written,
            timeout=60,
        )
        controller_children = []
        stack.callback(lambda: stop_and_wait(controller, controller_children))
        controller_children += psutil.Process(controller.process.pid).children(recursive=True)
        engines = []
        for number in range(nbr_engines):
            node = folder / f"node{number}"
            node.mkdir()
            shutil.copy(security / "ipcontroller-engine.json", node)
            engine_command = shlex.split(engine_line)
            assert engine_command == ["ipengine", "--file=ipcontroller-engine.json"], engine_line
            engine = start_service(
                [str(bin_dir / "ipengine"), *engine_command[1:]],
                cwd=node,
                env=env,
                ready=lambda host, port: True,
            )
            children = []
            stack.callback(stop_and_wait, engine, children)
            engines.append((engine, children))
        with ipp.Client(str(security / "ipcontroller-client.json"), timeout=30) as client:
            client.wait_for_engines(nbr_engines, timeout=60)
        for engine, children in engines:  # what each engine started, to see it gone with it
            children += psutil.Process(engine.process.pid).children(recursive=True)
        yield head, [engine.process.pid for engine, _children in engines]


@pytest.mark.server
@pytest.mark.slow
def test_the_readme_ipython_commands_join_a_controller_and_engines_started_apart(run_example, tmp_path):
    """``ipcontroller``, 2 ``ipengine``s, the README's scripts with ``--url-file``: they start nothing."""
    runs = [shlex.split(line) for line in readme_commands("IPython Parallel") if line.startswith("python ")]
    scripts = [Path(script).name for _python, script, *_args in runs]
    assert scripts == ["pi_ipython_cluster.py", "chapter_recipe.py"]
    small = {
        "pi_ipython_cluster.py": ["--samples", "40001", "--seed", "3"],
        "chapter_recipe.py": ["--samples", "20000"],
    }
    outputs = {}
    with ipcontroller_and_engines(tmp_path / "cluster", 2) as (head, engine_pids):
        for _python, script, *args in runs:
            assert args[0] == "--url-file" and len(args) == 2, args
            completed = run_example(script, args[0], head / args[1], *small[Path(script).name], timeout=120)
            assert completed.returncode == 0, completed.stdout + completed.stderr
            outputs[Path(script).name] = completed.stdout
    out = outputs["pi_ipython_cluster.py"]
    assert "We're using 2 engines" in out
    counts = json.loads(re.search(r"Estimates made: (\[.*\])", out).group(1))
    assert counts == seeded_counts(40_001, 2, 3)  # the engines ran our task with our seeds
    recipe = outputs["chapter_recipe.py"]
    assert "ipcluster" not in recipe  # it joined: no ipcluster start, no ipcluster stop
    assert "\n[0, 1]\n" in recipe  # print(c.ids)
    pids = json.loads(re.search(r"apply_sync\(lambda: os.getpid\(\)\)\n(\[.*\])", recipe).group(1))
    assert sorted(pids) == sorted(engine_pids)  # the session ran on the ipengine processes
    assert "dview.pull('total') = [150, 150]" in recipe


def readme_ipcluster_start():
    """The README's one-machine command, ``ipcluster start -n 4 --daemonize``, as an argument list."""
    readme = (CHAPTER / "README.md").read_text()
    section = readme.split("## From one machine to many", 1)[1].split("**IPython Parallel**", 1)[1]
    return shlex.split(re.search(r"`(ipcluster start [^`]*)`", section).group(1))


@pytest.mark.server
@pytest.mark.slow
def test_pi_joins_the_books_ipcluster_by_profile_and_stops_nothing(run_example, tmp_path):
    """The README's ``ipcluster start -n 4 --daemonize`` (2 engines here), then ``--profile default``."""
    import ipyparallel as ipp
    import psutil

    command = readme_ipcluster_start()
    assert command == ["ipcluster", "start", "-n", "4", "--daemonize"], command
    command[3] = "2"
    own_tmpdir = tmp_path / "tmp"
    own_tmpdir.mkdir()
    ipython_dir = tmp_path / "ipython"  # its profile_default, not the one under ~/.ipython
    env = dict(os.environ, TMPDIR=str(own_tmpdir), IPYTHONDIR=str(ipython_dir))
    ipcluster = [sys.executable, "-m", "ipyparallel.cluster"]  # `ipcluster ...`
    security = ipython_dir / "profile_default" / "security"
    try:
        subprocess.run([*ipcluster, *command[1:]], env=env, check=True, timeout=60, capture_output=True)
        wait_until(
            lambda: (security / "ipcontroller-client.json").is_file(), "the controller's connection file"
        )
        with ipp.Client(str(security / "ipcontroller-client.json"), timeout=30) as client:
            client.wait_for_engines(2, timeout=60)
        completed = run_example(
            "10_clusters/ipython_parallel/pi_ipython_cluster.py",
            "--profile",
            "default",
            "--samples",
            "20000",
            "--seed",
            "4",
            env={"IPYTHONDIR": str(ipython_dir)},
            timeout=120,
        )
        alive_after_the_run = [p.pid for p in psutil.process_iter() if started_with_tmpdir(p, own_tmpdir)]
    finally:
        subprocess.run([*ipcluster, "stop"], env=env, timeout=60, capture_output=True)
        cluster = [p for p in psutil.process_iter() if started_with_tmpdir(p, own_tmpdir)]
        _gone, alive = psutil.wait_procs(cluster, timeout=30)
        for leftover in alive:
            with contextlib.suppress(psutil.NoSuchProcess):
                leftover.kill()
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert alive_after_the_run  # the script stopped nothing: the cluster was still there
    assert "We're using 2 engines" in completed.stdout
    counts = json.loads(re.search(r"Estimates made: (\[.*\])", completed.stdout).group(1))
    assert counts == seeded_counts(20_000, 2, 4)
    assert not alive, "ipcluster stop left processes running"


def started_with_tmpdir(process, tmpdir):
    import psutil

    try:
        return process.environ().get("TMPDIR") == str(tmpdir)
    except (psutil.Error, OSError):
        return False


# ---------------------------------------------------------------- Parallel Python


def seeded_counts(total, jobs, seed):
    """The counts of the chapter's seeded dart jobs, computed in this process."""
    shares = zip(common.split_darts(total, jobs), common.task_seeds(seed, jobs))
    return [common.darts_inside(n, s) for n, s in shares]


def check_pp_pi(out, total, jobs, seed):
    """The jobs' counts are this process's seeded counts, and pi is within 5 standard errors."""
    counts = json.loads(re.search(r"^Estimates made: (\[.*\])$", out, re.M).group(1))
    assert counts == seeded_counts(total, jobs, seed)  # the workers ran our task with our seeds
    pi = float(re.search(r"^pi estimate = ([\d.]+)$", out, re.M).group(1))
    assert pi == pytest.approx(4 * sum(counts) / total, abs=5e-6)  # printed to 5 places
    assert abs(pi - math.pi) < 5 * common.pi_standard_error(total)


def ppserver_program():
    importlib.import_module("pp")
    program = load_example(PP / "_parallelpython.py").ppserver_program()
    assert program is not None, "pp is installed without its ppserver command"
    return program


def readme_pp_commands():
    """The README's worker node command (``ppserver ...``) and head node command, as argument lists."""
    lines = readme_commands("Parallel Python")
    server = shlex.split(next(line for line in lines if line.startswith("ppserver ")))
    head = shlex.split(next(line for line in lines if "pi_pp_local_cluster.py" in line))
    return server, head


def ppserver_command(secret, workers):
    """The README's ``ppserver -p 60000 -s SECRET -i NODE`` on a free loopback port, with ``-w workers``."""
    server, _head = readme_pp_commands()
    words = {"ppserver": ppserver_program(), "60000": "{port}", "SECRET": secret, "NODE": "{host}"}
    command = [words.get(word, word) for word in server]
    assert command[1:] == ["-p", "{port}", "-s", secret, "-i", "{host}"], server  # every word replaced
    return [*command, "-w", str(workers)]


@contextlib.contextmanager
def ppservers(secret, workers):
    """Real ppservers on loopback, one per entry of ``workers``, started as on other machines."""
    import psutil

    with contextlib.ExitStack() as stack:
        services = [stack.enter_context(running_service(ppserver_command(secret, n))) for n in workers]
        # each server's worker processes, to see them gone with it
        children = [c for s in services for c in psutil.Process(s.process.pid).children(recursive=True)]
        yield [f"{s.host}:{s.port}" for s in services]
    assert all(s.process.returncode is not None for s in services)
    assert not [child.pid for child in children if child.is_running()]


def test_pp_local_server_runs_the_books_jobs_with_our_seeds(run_example):
    importlib.import_module("pp")
    completed = run_example(
        "10_clusters/parallelpython/pi_pp_local.py",
        "--workers",
        "3",
        "--samples",
        "300001",
        "--seed",
        "7",
        check=True,
        timeout=120,
    )
    assert "Starting pp with 3 workers" in completed.stdout
    check_pp_pi(completed.stdout, 300_001, 3, 7)


@pytest.mark.server
def test_pp_cluster_joins_ppservers_given_by_address(run_example):
    """The README's commands: two servers (1 and 2 workers) and the head node's run; 3 jobs, split 1 + 2."""
    _server, head = readme_pp_commands()
    with ppservers("s3cret-for-test", workers=[1, 2]) as servers:
        words = {"node1:60000,node2:60000": ",".join(servers), "SECRET": "s3cret-for-test"}
        python, script, *args = [words.get(word, word) for word in head]
        assert python == "python" and args == ["--servers", ",".join(servers), "--secret", "s3cret-for-test"]
        completed = run_example(
            f"10_clusters/parallelpython/{script}",  # the README runs it from that folder
            *args,
            "--samples",
            "300001",
            "--seed",
            "5",
            check=True,
            timeout=120,
        )
    out = completed.stdout
    assert "started" not in out  # it joined, it started nothing
    active = re.search(r"^Active nodes: (\{.*\})$", out, re.M).group(1)
    assert json.loads(active.replace("'", '"')) == {servers[0]: 1, servers[1]: 2}
    assert "jobs = 3" in out
    check_pp_pi(out, 300_001, 3, 5)
    # pp's statistics: each server ran as many jobs as it has workers
    jobs_per_node = dict(
        (node, int(count)) for count, node in re.findall(r"^\s+(\d+) \|.*\| (\S+)$", out, re.M)
    )
    assert jobs_per_node == {servers[0]: 1, servers[1]: 2}


@pytest.mark.server
def test_pp_cluster_starts_and_stops_its_own_ppservers(run_example, tmp_path):
    import psutil

    own_tmpdir = tmp_path / "tmp"
    own_tmpdir.mkdir()
    completed = run_example(
        "10_clusters/parallelpython/pi_pp_local_cluster.py",
        "--workers",
        "3",
        "--samples",
        "30000",
        "--seed",
        "2",
        check=True,
        timeout=120,
        env={"TMPDIR": str(own_tmpdir)},
    )
    out = completed.stdout
    assert "started 3 ppservers: ppserver -p PORT -s SECRET -i 127.0.0.1 -w 1" in out
    assert len(json.loads(re.search(r"^Active nodes: (\{.*\})$", out, re.M).group(1).replace("'", '"'))) == 3
    check_pp_pi(out, 30_000, 3, 2)
    assert not [p for p in psutil.process_iter() if started_with_tmpdir(p, own_tmpdir)]


@pytest.mark.server
@pytest.mark.slow
def test_pp_cluster_refuses_a_wrong_secret_in_one_line(run_example, assert_bad_input):
    with ppservers("the-right-one", workers=[1]) as servers:
        line = assert_bad_input(
            run_example(
                "10_clusters/parallelpython/pi_pp_local_cluster.py",
                "--servers",
                servers[0],
                "--secret",
                "a-wrong-one",
                timeout=120,
            )
        )
    assert f"no answer from the ppserver(s) {servers[0]}" in line and "wrong --secret" in line


@pytest.mark.parametrize(
    "servers,message",
    [
        ("127.0.0.1:{port}", "cannot reach a ppserver at 127.0.0.1:{port}"),
        ("127.0.0.1:1,127.0.0.1:{port}", "cannot reach a ppserver at 127.0.0.1:1"),
        ("http://127.0.0.1:{port}", "expected HOST:PORT"),
        ("127.0.0.1:99999", "expected HOST:PORT"),
    ],
)
def test_pp_cluster_refuses_bad_servers_at_parse_time(servers, message, run_example, assert_bad_input):
    importlib.import_module("pp")
    port = free_port()
    line = assert_bad_input(
        run_example(
            "10_clusters/parallelpython/pi_pp_local_cluster.py",
            "--servers",
            servers.format(port=port),
            timeout=60,
        )
    )
    assert "argument --servers" in line and message.format(port=port) in line


# ---------------------------------------------------------------- Dask


@pytest.mark.server
@pytest.mark.slow
def test_dask_pi_equals_the_same_graph_computed_locally(run_example):
    completed = run_example(
        "10_clusters/dask/pi_dask.py",
        "--samples",
        "1000000",
        "--chunksize",
        "100000",
        "--seed",
        "3",
        "--verify",
        check=True,
        timeout=180,
    )
    out = completed.stdout
    assert "workers = 2" in out and "chunks = 10" in out
    assert re.search(r"dashboard = http://127\.0\.0\.1:\d+/status", out)
    inside = int(re.search(r"darts inside = (\d+)", out).group(1))
    assert f"same graph in this process: darts inside = {inside} (equal)" in out
    assert abs(4 * inside / 1_000_000 - math.pi) < 5 * common.pi_standard_error(1_000_000)


def heartbeat_check():
    """For ``client.run``: is the heartbeat-at-close line dropped on a worker? Nested: it travels by value."""

    def heartbeat_line_is_dropped():
        import logging

        from hpp.service import HEARTBEAT_AT_CLOSE

        logger = logging.getLogger("distributed.worker")
        record = logger.makeRecord(logger.name, logging.ERROR, "", 0, f"{HEARTBEAT_AT_CLOSE}.", (), None)
        return not logger.filter(record)

    return heartbeat_line_is_dropped


@pytest.mark.server
def test_the_dask_examples_cluster_drops_the_heartbeat_line_at_close():
    """``hpp.service.quiet_heartbeat_at_close`` runs on the workers of the examples' local cluster."""
    dask_cluster = load_example(CHAPTER / "dask" / "_dask_cluster.py")
    with dask_cluster.dask_client(workers=1) as client:
        assert set(client.run(heartbeat_check()).values()) == {True}


@pytest.mark.server
@pytest.mark.slow
def test_dask_client_map_primes_and_map_partitions_ols_in_process():
    """One LocalCluster of 2 worker processes for both, the examples loaded as a library."""
    primes = load_example(CHAPTER / "dask" / "primes_dask.py")
    ols = load_example(CHAPTER / "dask" / "ols_dask_dataframe.py")
    common.ship_by_value(common, primes, ols)
    df = load_example(CHAPTER / "dask" / "_dask_cluster.py").make_ols_frame(3000, seed=1)

    with local_dask_client(workers=2) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        assert set(client.run(heartbeat_check()).values()) == {True}
        found = primes.count_primes_on_cluster(client, 0, 100_000, 17)
        slopes = ols.ols_dask(df, 5).compute()
    assert found == int(sieve(100_000).sum()) == 9592
    expected = ols.ols_pandas(df)
    assert len(slopes) == 3000
    assert np.allclose(slopes.sort_index().to_numpy(), expected.to_numpy())
    assert np.allclose(expected.to_numpy()[:5], [ols.ols_lstsq_raw(row) for row in df.to_numpy()[:5]])


def test_blocks_cover_the_range():
    primes = load_example(CHAPTER / "dask" / "primes_dask.py")
    for start, stop, n in [(0, 10, 3), (5, 6, 1), (0, 1_000_000, 100)]:
        bounds = primes.blocks(start, stop, n)
        assert bounds[0][0] == start and bounds[-1][1] == stop and len(bounds) == n
        assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))


@pytest.mark.server
@pytest.mark.slow
def test_ols_script_with_swifter(run_example):
    importlib.import_module("swifter")
    completed = run_example(
        "10_clusters/dask/ols_dask_dataframe.py",
        "--people",
        "1500",
        "--blocks",
        "3",
        "--swifter",
        check=True,
        timeout=240,
    )
    assert "dask equals pandas = True" in completed.stdout
    assert "swifter equals pandas = True" in completed.stdout


@pytest.mark.parametrize("script", ["pi_dask.py", "primes_dask.py", "ols_dask_dataframe.py"])
@pytest.mark.parametrize(
    "address,message",
    [
        ("tcp://127.0.0.1:{port}", "cannot reach a scheduler at 127.0.0.1:{port}"),
        ("127.0.0.1:{port}", "cannot reach a scheduler at 127.0.0.1:{port}"),
        ("http://127.0.0.1:9", "a Dask scheduler speaks tcp, not http"),
        ("tcp://nohost", "expected tcp://HOST:PORT"),
    ],
)
def test_dask_scripts_refuse_a_bad_scheduler_at_parse_time(
    script, address, message, run_example, assert_bad_input
):
    port = free_port()
    started = time.monotonic()
    line = assert_bad_input(
        run_example(f"10_clusters/dask/{script}", "--scheduler", address.format(port=port), timeout=60)
    )
    assert "--scheduler" in line and message.format(port=port) in line
    assert time.monotonic() - started < 30  # refused before any work (no frame, no cluster)


@pytest.mark.parametrize("args", [["--samples", "0"], ["--chunksize", "-1"], ["--bogus"]])
def test_dask_pi_bad_input(args, run_example, assert_bad_input):
    assert_bad_input(run_example("10_clusters/dask/pi_dask.py", *args))


def test_primes_range_must_not_be_empty(run_example, assert_bad_input):
    line = assert_bad_input(run_example("10_clusters/dask/primes_dask.py", "--start", "10", "--stop", "10"))
    assert "--stop" in line


# ---------------------------------------------------------------- Dask beyond arrays: delayed and bag

DASK = CHAPTER / "dask"
LAZY_SCRIPTS = ["primes_dask_delayed.py", "primes_dask_bag.py", "pi_dask_delayed.py", "pi_dask_bag.py"]


def test_the_dask_scripts_dart_task_is_the_chapters():
    """dask/ runs the chapter's one copy of the seeded task: ``hpp.clusters``."""
    lazy = load_example(DASK / "_dask_lazy.py")
    chapters = common
    assert (lazy.darts_inside, lazy.split_darts, lazy.task_seeds) == (
        chapters.darts_inside,
        chapters.split_darts,
        chapters.task_seeds,
    )
    for total, parts, seed in [(10_001, 3, 7), (5, 8, 0)]:
        assert lazy.split_darts(total, parts) == common.split_darts(total, parts)
        assert lazy.task_seeds(seed, parts) == common.task_seeds(seed, parts)
    assert [lazy.darts_inside(5000, s) for s in (0, 1)] == [common.darts_inside(5000, s) for s in (0, 1)]


def test_delayed_and_bag_graphs_have_one_task_per_block_and_the_serial_answers():
    """Computed in this process (the synchronous scheduler): the graphs, before any cluster."""
    primes_delayed = load_example(DASK / "primes_dask_delayed.py").primes_dask_delayed(0, 20_000, 7)
    primes_bag = load_example(DASK / "primes_dask_bag.py").primes_dask_bag(1000, 20_000, 7)
    pi_delayed = load_example(DASK / "pi_dask_delayed.py").pi_dask_delayed(30_001, 3, seed=4)
    pi_bag = load_example(DASK / "pi_dask_bag.py").pi_dask_bag(30_001, 3, seed=4)
    assert len(primes_delayed.__dask_graph__()) == 7 + 1  # a count per block, and the sum
    assert len(pi_delayed.__dask_graph__()) == 3 + 1
    assert primes_delayed.compute(scheduler="synchronous") == int(sieve(20_000).sum())
    assert primes_bag.compute(scheduler="synchronous") == int(sieve(20_000)[1000:].sum())
    expected = sum(seeded_counts(30_001, 3, 4))
    assert pi_delayed.compute(scheduler="synchronous") == expected
    assert pi_bag.compute(scheduler="synchronous") == expected


@pytest.mark.server
@pytest.mark.slow
def test_delayed_and_bag_on_a_local_cluster_equal_the_serial_answers():
    """One LocalCluster of 2 worker processes for the four graphs, the examples loaded as a library."""
    from dask.distributed import get_task_stream

    modules = {name: load_example(DASK / name) for name in LAZY_SCRIPTS}
    dask_cluster = load_example(DASK / "_dask_cluster.py")
    dask_cluster.ship_by_value(*modules.values(), "primes_dask", "_dask_lazy")
    with local_dask_client(workers=2) as client:
        primes_delayed = modules["primes_dask_delayed.py"].primes_dask_delayed(0, 100_000, 17)
        primes_bag = modules["primes_dask_bag.py"].primes_dask_bag(500, 100_000, 9)
        pi_delayed = modules["pi_dask_delayed.py"].pi_dask_delayed(200_001, 5, seed=6)
        pi_bag = modules["pi_dask_bag.py"].pi_dask_bag(200_001, 5, seed=6)
        found = primes_delayed.compute(scheduler=client), primes_bag.compute(scheduler=client)
        with get_task_stream(client) as stream:
            inside = pi_delayed.compute(scheduler=client), pi_bag.compute(scheduler=client)
        cluster_workers = set(client.scheduler_info()["workers"])
    # the 5 + 5 dart tasks ran on the cluster's workers
    names = [(t["key"][0] if isinstance(t["key"], tuple) else t["key"], t["worker"]) for t in stream.data]
    darts_tasks = [worker for name, worker in names if name.startswith(("darts_inside", "starmap"))]
    assert len(darts_tasks) == 10 and set(darts_tasks) <= cluster_workers
    assert found == (9592, 9592 - int(sieve(500).sum()))
    expected = sum(seeded_counts(200_001, 5, 6))
    assert inside == (expected, expected)
    assert abs(4 * expected / 200_001 - math.pi) < 5 * common.pi_standard_error(200_001)


@pytest.mark.server
@pytest.mark.slow
@pytest.mark.parametrize(
    "script,args",
    [
        ("primes_dask_bag.py", ["--start", "1000", "--stop", "30000", "--blocks", "7"]),
        ("pi_dask_delayed.py", ["--samples", "300001", "--blocks", "3", "--seed", "7"]),
    ],
)
def test_delayed_and_bag_scripts_print_the_serial_answers(script, args, run_example):
    completed = run_example(f"10_clusters/dask/{script}", *args, "--verify", check=True, timeout=180)
    out = completed.stdout
    assert "workers = 2" in out and re.search(r"^graph = \d+ tasks$", out, re.M)
    if script.startswith("primes"):
        expected = int(sieve(30_000)[1000:].sum())
        assert f"primes found = {expected}" in out and f"serial count = {expected} (equal)" in out
        return
    inside = sum(seeded_counts(300_001, 3, 7))
    assert f"darts inside = {inside}" in out
    assert f"same graph in this process: darts inside = {inside} (equal)" in out
    pi = float(re.search(r"^pi estimate = ([\d.]+)$", out, re.M).group(1))
    assert abs(pi - math.pi) < 5 * common.pi_standard_error(300_001)


@contextlib.contextmanager
def dask_scheduler_and_workers(folder):
    """The README's ``dask scheduler`` and ``dask worker tcp://HEAD:8786`` commands, on loopback.

    HEAD is 127.0.0.1, 8786 a free port, and the test adds ``--no-dashboard``
    (and the worker's ``--local-directory``). They run from ``folder``, with no
    path to this repository's chapters: like workers on another machine, they
    can import none of the examples' files. Yields the scheduler's address and
    the number of worker processes.
    """
    import psutil
    from dask.distributed import Client

    folder.mkdir(parents=True, exist_ok=True)
    scheduler_line, worker_line = [line for line in readme_commands("Dask") if line.startswith("dask ")]
    port = free_port()
    dask_program = str(Path(sys.executable).parent / "dask")

    def command(line):
        words = shlex.split(line.replace("HEAD", "127.0.0.1").replace("8786", str(port)))
        assert words[0] == "dask", line
        return [dask_program, *words[1:], "--no-dashboard"]

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"TMPDIR": str(folder)}
    address = f"tcp://127.0.0.1:{port}"
    worker_command = [*command(worker_line), "--local-directory", str(folder)]
    nbr_workers = int(worker_command[worker_command.index("--nworkers") + 1])
    with contextlib.ExitStack() as stack:
        scheduler = start_service(command(scheduler_line), port=port, cwd=folder, env=env, timeout=60)
        stack.callback(stop_and_wait, scheduler, [])
        worker = start_service(worker_command, cwd=folder, env=env, ready=lambda host, port: True)
        children = []  # the worker's nanny starts one process per worker: gone with it
        stack.callback(lambda: stop_and_wait(worker, children))
        with Client(address, timeout=30) as client:
            client.wait_for_workers(nbr_workers, timeout=60)
        children += psutil.Process(worker.process.pid).children(recursive=True)
        yield address, nbr_workers


README_DASK_SMALL = {  # the README's runs at a small size
    "pi_dask.py": ["--samples", "400000", "--chunksize", "100000", "--seed", "3"],
    "primes_dask.py": ["--stop", "30000", "--blocks", "5"],
    "primes_dask_delayed.py": ["--stop", "30000", "--blocks", "5"],
    "primes_dask_bag.py": ["--start", "1000", "--stop", "30000", "--blocks", "7"],
    "pi_dask_delayed.py": ["--samples", "40000", "--blocks", "4"],
    "pi_dask_bag.py": ["--samples", "40000", "--blocks", "4"],
    "ols_dask_dataframe.py": ["--people", "1500", "--blocks", "3"],
}


@pytest.mark.server
@pytest.mark.slow
def test_the_readme_dask_commands_join_a_scheduler_whose_workers_have_none_of_our_files(
    run_example, tmp_path
):
    """Every Dask script joins ``dask scheduler`` + ``dask worker``; the functions travel as code."""
    runs = [shlex.split(line) for line in readme_commands("Dask") if line.startswith("python ")]
    scripts = [Path(script).name for _python, script, *_args in runs]
    assert sorted(scripts) == sorted(README_DASK_SMALL)  # every Dask script
    outputs = {}
    with dask_scheduler_and_workers(tmp_path) as (address, nbr_workers):
        for _python, script, *args in runs:
            args = [address if word == "tcp://HEAD:8786" else word for word in args]
            assert args[:2] == ["--scheduler", address], args
            completed = run_example(script, *args, *README_DASK_SMALL[Path(script).name], timeout=120)
            assert completed.returncode == 0, completed.stdout + completed.stderr
            outputs[Path(script).name] = completed.stdout
    assert "dask equals pandas = True" in outputs.pop("ols_dask_dataframe.py")
    for script, out in outputs.items():
        assert "dashboard" in out and "started" not in out, script
        assert "(equal)" in out and "DIFFERENT" not in out, script  # --verify: the serial answer
        if script != "primes_dask.py":
            assert f"workers = {nbr_workers}" in out, script
    assert f"primes found = {int(sieve(30_000).sum())}" in outputs["primes_dask.py"]
    assert f"primes found = {int(sieve(30_000).sum())}" in outputs["primes_dask_delayed.py"]
    assert f"primes found = {int(sieve(30_000)[1000:].sum())}" in outputs["primes_dask_bag.py"]
    for script in ("pi_dask_delayed.py", "pi_dask_bag.py"):
        assert f"darts inside = {sum(seeded_counts(40_000, 4, 0))}" in outputs[script]
    inside = int(re.search(r"^darts inside = (\d+)$", outputs["pi_dask.py"], re.M).group(1))
    assert abs(4 * inside / 400_000 - math.pi) < 5 * common.pi_standard_error(400_000)


@pytest.mark.parametrize("script", LAZY_SCRIPTS)
def test_delayed_and_bag_scripts_refuse_an_unreachable_scheduler(script, run_example, assert_bad_input):
    port = free_port()
    line = assert_bad_input(run_example(f"10_clusters/dask/{script}", "--scheduler", f"127.0.0.1:{port}"))
    assert f"argument --scheduler: cannot reach a scheduler at 127.0.0.1:{port}" in line


@pytest.mark.parametrize("script", ["primes_dask_delayed.py", "primes_dask_bag.py"])
def test_delayed_and_bag_primes_refuse_an_empty_range(script, run_example, assert_bad_input):
    line = assert_bad_input(run_example(f"10_clusters/dask/{script}", "--start", "10", "--stop", "10"))
    assert "--stop (10) must be greater than --start (10)" in line


# ---------------------------------------------------------------- Celery job queue

JOB_QUEUE = CHAPTER / "job_queue"


def celery_producer():
    """``celery_producer.py``; its ``celery_tasks`` is the module the workers run."""
    importlib.import_module("celery")
    return load_example(JOB_QUEUE / "celery_producer.py")


def celery_family():
    """``_job_queue_family.py``: the workers started and stopped, the one ``redis_url``."""
    return load_example(JOB_QUEUE / "_job_queue_family.py")


def stop(process):
    """Stop a worker, frozen or not, and wait for it."""
    if process.poll() is None:
        process.send_signal(signal.SIGCONT)  # a frozen process acts on SIGTERM only once resumed
    celery_family().stop_worker(process)


def wait_until(condition, what, timeout=60):
    """Poll ``condition()`` until it is true; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.005)


def held_numbers(store):
    """The numbers of the jobs delivered and not yet acknowledged (the Redis broker's ``unacked`` hash)."""
    import base64

    numbers = []
    for entry in store.hvals("unacked"):
        payload, _exchange, _routing_key = json.loads(entry)
        args, _kwargs, _embed = json.loads(base64.b64decode(payload["body"]))
        numbers.append(args[0])
    return numbers


@pytest.mark.redis
def test_a_worker_killed_holding_a_job_loses_none_and_each_number_is_answered_once():
    """The victim is killed while it provably holds an unacknowledged job, whatever the load.

    It works alone until it has answered some jobs and holds one; it is then
    frozen (SIGSTOP) and the broker's unacknowledged jobs read: they are the
    victim's, and cannot change before the kill. The survivor starts beside the
    frozen victim, the victim is killed once the survivor answers, and the
    victim's job comes back (after the visibility timeout, 2 s here) to the
    survivor. A job the victim had answered but not acknowledged is answered
    again: counted in "answered more than once", never twice in the answers.
    """
    import redis

    producer = celery_producer()
    tasks = producer.celery_tasks
    numbers = range(10_000, 10_400)
    truth = sieve(10_400)
    fast_retry = {"HPP_VISIBILITY_TIMEOUT_S": "2"}
    with redis_server() as service:
        url = celery_family().redis_url(service)
        victim = celery_family().start_worker(url, "victim", env=fast_retry)
        survivor = None
        try:
            with redis.Redis.from_url(url, decode_responses=True) as store:
                producer.send_jobs(url, numbers, "b1")
                answers = tasks.answers_key("b1")

                def victim_frozen_holding_a_job():
                    if store.hlen(answers) < 30 or store.hlen("unacked") < 1:
                        return False
                    victim.send_signal(signal.SIGSTOP)
                    # what the victim wrote before it froze (an acknowledgement, an answer) may
                    # still be on its way to redis-server: let it land before reading the state
                    time.sleep(0.5)
                    if store.hlen("unacked") >= 1:
                        return True
                    victim.send_signal(signal.SIGCONT)  # it had just acknowledged its job: go on
                    return False

                wait_until(victim_frozen_holding_a_job, "the victim to answer jobs and hold one")
                assert victim.poll() is None, "the victim ended before it was killed"
                held = held_numbers(store)
                answered_before_kill = [n for n in held if store.hexists(answers, n)]
                done_by_victim = store.hlen(answers)
                survivor = celery_family().start_worker(url, "survivor", env=fast_retry)
                wait_until(lambda: store.hlen(answers) > done_by_victim, "the survivor to answer a job")
                os.kill(victim.pid, signal.SIGKILL)
                victim.wait(10)
                answered, _, dead = producer.collect(url, "b1", len(numbers), timeout=60)

                def every_job_acknowledged():  # the victim's job may come back after the last answer
                    # a restored job goes back to its queue, or to one of the queue's priority
                    # lists ("celery\x06\x163", ...): count every list of the queue
                    queued = sum(
                        store.llen(key) for key in store.scan_iter("celery*") if store.type(key) == "list"
                    )
                    return store.hlen("unacked") + queued == 0

                wait_until(every_job_acknowledged, "every job acknowledged")
                repeats = int(store.get(tasks.repeats_key("b1")) or 0)
        finally:
            stop(victim)
            if survivor is not None:
                stop(survivor)
    assert held and set(held) <= set(numbers)
    assert sorted(answered) == list(numbers)  # none lost, each once
    assert all((answer == "prime") == truth[n] for n, answer in answered.items())
    assert dead == []
    assert repeats == len(answered_before_kill)  # delivered again, answered once


@pytest.mark.redis
def test_a_poison_job_lands_in_the_dead_letter_list_after_its_tries():
    producer = celery_producer()
    tasks = producer.celery_tasks
    with redis_server() as service:
        url = celery_family().redis_url(service)
        with celery_family().local_workers(url, 1):
            producer.send_jobs(url, ["seven", 7, 7], "b2")  # 7 sent twice: answered once, counted twice
            answered, repeats, dead = producer.collect(url, "b2", 2, timeout=60)
            wait_until(lambda: producer.collect(url, "b2", 2, timeout=1)[1] == 1, "the second 7")
    assert answered == {7: "prime"}
    assert [(d["number"], d["tries"]) for d in dead] == [("seven", tasks.MAX_TRIES)]
    assert "not an integer" in dead[0]["error"]


@pytest.mark.redis
def test_celery_producer_demo_counts_the_primes(run_example):
    completed = run_example(
        "10_clusters/job_queue/celery_producer.py",
        "--start",
        "1000",
        "--items",
        "1000",
        "--workers",
        "2",
        check=True,
        timeout=120,
    )
    expected = sum(map(celery_producer().celery_tasks.check_prime, range(1000, 2000)))  # serial
    assert f"primes = {expected}" in completed.stdout
    assert f"non_primes = {1000 - expected}" in completed.stdout
    assert "answered more than once = 0" in completed.stdout
    assert "dead letters = 0" in completed.stdout


def readme_celery_commands():
    """The worker and producer commands of the README's "From one machine to many" block."""
    lines = readme_commands("Celery")
    worker = next(line for line in lines if line.startswith("celery -A"))
    producer = next(line for line in lines if "celery_producer.py" in line)
    assert "cd 10_clusters/job_queue" in lines  # where the worker command runs
    return worker, producer


@pytest.mark.redis
def test_the_readme_head_and_worker_node_commands_work_together(run_example):
    """The README's commands, HEAD being a redis-server on loopback (and 300 numbers, not 10,000)."""
    producer = celery_producer()
    worker_line, producer_line = readme_celery_commands()
    with redis_server() as service:
        head = f"{service.host}:{service.port}"
        worker_argv = shlex.split(worker_line.replace("HEAD:6379", head))
        worker = subprocess.Popen(
            [sys.executable, "-m", *worker_argv],  # `celery ...` as `python -m celery ...`
            cwd=JOB_QUEUE,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _python, script, *args = shlex.split(producer_line.replace("HEAD:6379", head))
            completed = run_example(script, *args, "--start", "1000", "--items", "300", timeout=120)
        finally:
            celery_family().stop_worker(worker)
    assert completed.returncode == 0, completed.stderr
    expected = sum(map(producer.celery_tasks.check_prime, range(1000, 1300)))
    assert f"primes = {expected}" in completed.stdout
    assert "answered more than once = 0" in completed.stdout


@pytest.mark.parametrize(
    ("broker", "message"),
    [("redis://127.0.0.1:{port}/0", "nothing answers"), ("http://127.0.0.1:{port}", "expected redis://")],
)
def test_celery_producer_refuses_a_bad_broker(broker, message, run_example, assert_bad_input):
    importlib.import_module("celery")
    broker = broker.format(port=free_port())
    line = assert_bad_input(run_example("10_clusters/job_queue/celery_producer.py", "--broker", broker))
    assert "--broker" in line and message in line


def test_nsq_worker_checks_its_default_address_after_parsing(run_example, assert_bad_input):
    from hpp.service import port_is_open

    if port_is_open("127.0.0.1", 4150):
        pytest.skip("a server answers on the default port 4150 here")
    importlib.import_module("nsq")
    line = assert_bad_input(run_example("10_clusters/job_queue/nsq_worker.py", timeout=60))
    assert "argument --nsqd: nothing answers" in line and ":4150" in line


# ---------------------------------------------------------------- NSQ


def test_nsq_routing_of_known_numbers():
    importlib.import_module("nsq")
    nsq_worker = load_example(CHAPTER / "job_queue" / "nsq_worker.py")
    truth = sieve(3000)
    for number in range(3000):
        topic, payload = nsq_worker.route(number)
        assert topic == ("prime" if truth[number] else "non_prime")
        assert json.loads(payload) == {"number": number, "prime": bool(truth[number])}
    assert nsq_worker.route(10_000_019)[0] == "prime"


def test_nsq_worker_unreachable_nsqd(run_example, assert_bad_input):
    importlib.import_module("nsq")
    line = assert_bad_input(
        run_example("10_clusters/job_queue/nsq_worker.py", "--nsqd", f"127.0.0.1:{free_port()}")
    )
    assert "nothing answers" in line and "--nsqd" in line


@pytest.mark.server
@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("nsqd") is None,
    reason="needs nsqd (not in Debian): the release from "
    "https://nsq.io/deployment/installing.html on the PATH",
)
def test_nsq_worker_answers_every_number(tmp_path, run_example):
    import urllib.request

    importlib.import_module("nsq")
    tcp_port, http_port = free_port(), free_port()
    command = [
        "nsqd",
        f"--tcp-address=127.0.0.1:{tcp_port}",
        "--http-address=127.0.0.1:{port}",
        f"--data-path={tmp_path}",
    ]
    numbers = list(range(1000, 1200))
    with running_service(command, port=http_port) as service:
        body = "\n".join(map(str, numbers)).encode()
        urllib.request.urlopen(f"{service.url}/mpub?topic=numbers", data=body, timeout=10)
        completed = run_example(
            "10_clusters/job_queue/nsq_worker.py",
            "--nsqd",
            f"127.0.0.1:{tcp_port}",
            "--max-messages",
            len(numbers),
            timeout=120,
            check=True,
        )
        assert f"answered = {len(numbers)}" in completed.stdout
        with urllib.request.urlopen(f"{service.url}/stats?format=json", timeout=10) as reply:
            stats = json.load(reply)
    topics = {t["topic_name"]: t["message_count"] for t in stats.get("topics", [])}
    expected = int(sieve(1200)[1000:].sum())
    assert topics["prime"] == expected and topics["non_prime"] == len(numbers) - expected


# ---------------------------------------------------------------- Docker

DOCKER = CHAPTER / "docker"


def test_docker_files_are_consistent():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    copies = re.findall(r"^COPY\s+(\S+)\s+(\S+)", dockerfile, re.M)
    assert copies
    for source, _target in copies:  # the build context is the repository root
        assert (REPO_ROOT / source).exists(), source
    entry = json.loads(re.search(r"^ENTRYPOINT\s+(\[.*\])", dockerfile, re.M).group(1))
    copied_targets = {target for _source, target in copies}
    assert entry[-1] in copied_targets
    makefile = (DOCKER / "Makefile").read_text()
    tags = re.findall(r"docker (?:build|run|rmi)[^\n]*?(\$\(IMAGE\):\$\(TAG\)|\S+/\S+:\S+)", makefile)
    assert len(tags) >= 3 and set(tags) == {"$(IMAGE):$(TAG)"}  # one tag built and run
    assert "10_clusters/docker/Dockerfile" in makefile
    ignored = (DOCKER / "Dockerfile.dockerignore").read_text().split()
    for source, _target in copies:
        assert "!" + source in ignored or "!" + source.rstrip("/") + "/" in ignored, source


def test_docker_benchmark_script_conserves_mass(run_example):
    from hpp.diffusion import initial_mass

    completed = run_example(
        "10_clusters/docker/diffusion_numpy_memory2.py",
        "--size",
        "64",
        "--iterations",
        "50",
        check=True,
    )
    total = float(re.search(r"sum\(grid\) = ([\d.]+)", completed.stdout).group(1))
    assert total == pytest.approx(initial_mass(64), rel=1e-6)
    docker = load_example(DOCKER / "diffusion_numpy_memory2.py")
    grid = docker.run_experiment(30, 32)
    assert grid.sum() == pytest.approx(initial_mass(32))
    assert grid.max() < 0.005  # it spread


# ---------------------------------------------------------------- the book's names, imported by plain name


@pytest.mark.parametrize("shift, axis", [(1, 0), (-1, 0), (1, 1), (-1, 1)])
def test_docker_roll_add_is_np_roll_added(shift, axis, import_plain):
    import numpy as np

    from hpp.diffusion import initial_grid, initial_mass

    docker = import_plain("10_clusters/docker", "diffusion_numpy_memory2")
    grid = np.arange(20.0).reshape(4, 5)
    out = np.ones_like(grid)
    docker.roll_add(grid, shift, axis, out)
    assert np.array_equal(out, 1 + np.roll(grid, shift, axis))
    result = docker.run_experiment(20, 32)
    assert result.sum() == pytest.approx(initial_mass(32), abs=1e-12)
    reference = initial_grid(32)
    for _ in range(20):  # the same steps with np.roll, as the text writes them
        rolled = sum(np.roll(reference, s, a) for s in (1, -1) for a in (0, 1))
        reference = reference + 0.1 * (rolled - 4 * reference)
    assert np.abs(result - reference).max() <= 1e-15


def test_pp_cluster_refuses_a_secret_ppserver_would_read_as_a_flag(run_example, assert_bad_input):
    line = assert_bad_input(run_example("10_clusters/parallelpython/pi_pp_local_cluster.py", "--secret=-abc"))
    assert "argument --secret" in line and "not starting with '-'" in line
