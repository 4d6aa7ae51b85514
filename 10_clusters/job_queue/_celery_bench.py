"""The chapter 10 benchmark's pi task for Celery workers (not a book example).

``_benchmark.py`` starts its workers with ``celery -A _celery_bench worker`` (the
``10_clusters`` folder on ``PYTHONPATH``): they run ``celery_tasks``' jobs and the
seeded dart-throwing task that every other engine of the benchmark runs.
"""

from celery_tasks import app

from hpp import clusters


@app.task(name="bench.darts_inside")
def darts_inside(nbr_darts, seed):
    return clusters.darts_inside(nbr_darts, seed)
