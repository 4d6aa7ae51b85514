"""Monte Carlo pi on Parallel Python servers, on this machine or others (book chapter 10, "Parallel Python").

On each worker machine one runs ``ppserver -p 60000 -s SECRET`` (``-i ADDRESS``
to listen on one interface only); the head node creates
``pp.Server(ncpus=0, ppservers=("node1:60000", ...), secret=SECRET)`` and submits
the jobs of ``pi_pp_local.py``: with no local workers every job runs on a server,
which receives the function as source and needs no copy of this file. pp connects
to the servers in the background, so the script waits until each one has
answered with the secret (``get_active_nodes``), then splits the darts into one
job per server worker found and prints pp's per-node statistics. The 1st
edition's version found its servers by UDP broadcast (``ppserver -a`` and
``ppservers=("*",)``); naming them works where broadcast does not.

Without ``--servers`` the script starts ``--workers`` servers itself, as one would
on other machines, but on 127.0.0.1: ``ppserver -p PORT -s SECRET -i 127.0.0.1
-w SERVER_WORKERS`` (``--server-workers``) with a random secret, and stops them at the end.

Run (from this folder):
    python pi_pp_local_cluster.py                            # 2 local ppservers, 4e8 darts
    python pi_pp_local_cluster.py --workers 3 --samples 3000000 --seed 1
    python pi_pp_local_cluster.py --servers node1:60000,node2:60000 --secret SECRET
"""

# book: 1st ed., "Using the Parallel Python Module for Simple Local Clusters"
import logging
import time

import pp
from pi_pp_local import NBR_ESTIMATES, NBR_PROCESSES, count_darts

NBR_LOCAL_CPUS = 0  # the head node runs no job: every job goes to a ppserver
CONNECT_TIMEOUT_S = 10


def connect_to_ppservers(ppservers, secret, timeout=CONNECT_TIMEOUT_S):
    """A ``pp.Server`` with no local workers, once every server in ``ppservers`` has answered."""
    job_server = pp.Server(
        ncpus=NBR_LOCAL_CPUS, ppservers=tuple(ppservers), secret=secret, loglevel=logging.CRITICAL
    )
    # book: end
    # taught: pp connects in the background; a server that refuses the secret never becomes active
    deadline = time.monotonic() + timeout
    while not all(job_server.get_active_nodes().get(node) for node in ppservers):
        if time.monotonic() > deadline:
            missing = [node for node in ppservers if not job_server.get_active_nodes().get(node)]
            job_server.destroy()
            raise ConnectionError(
                f"no answer from the ppserver(s) {', '.join(missing)} within {timeout} s "
                "(a wrong --secret, or not a ppserver)"
            )
        time.sleep(0.05)
    # taught: end
    # book: 1st ed., "Using the Parallel Python Module for Simple Local Clusters" (continued)
    return job_server


def run_pi_cluster(ppservers, secret, nbr_samples_in_total=NBR_ESTIMATES * NBR_PROCESSES, seed=None):
    """Join the servers, run one job per server worker, print pi and pp's statistics."""
    from _parallelpython import print_pi

    job_server = connect_to_ppservers(ppservers, secret)
    try:
        active_nodes = {node: ncpus for node, ncpus in job_server.get_active_nodes().items() if ncpus}
        print("Active nodes:", active_nodes)
        nbr_jobs = sum(active_nodes.values())
        print(f"jobs = {nbr_jobs}")
        t1 = time.time()
        nbr_in_unit_circles = count_darts(job_server, nbr_samples_in_total, nbr_jobs, seed)
        pi = print_pi(nbr_in_unit_circles, int(nbr_samples_in_total), time.time() - t1)
        job_server.print_stats()
        return pi
    finally:
        job_server.destroy()


# book: end


def main(argv=None):
    from _parallelpython import cluster_main

    cluster_main(__doc__, run_pi_cluster, NBR_ESTIMATES * NBR_PROCESSES, argv)


if __name__ == "__main__":
    main()
