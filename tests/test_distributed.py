"""The analysis as tasks on a Dask cluster (a real LocalCluster of worker processes):
the same rows as a run in this process, written by the single local writer."""
import pytest

from ingest import pipeline, store

from .conftest import EXAMPLE
from .test_crash import ECB, archive, dump

distributed = pytest.importorskip("distributed")


@pytest.mark.skipif(not ECB.exists(), reason="ECB+ benchmark data not beside the checkout")
def test_a_dask_cluster_gives_the_rows_of_a_local_run(tmp_path, monkeypatch):
    source = archive(tmp_path / "ecb.jsonl", n=60)
    sent = []   # the stages handed to the cluster (run_chunks sends them as tasks of chunks)
    real_send = pipeline._in_order

    def spy(pool, function, chunks):
        sent.append(function.__name__)
        return real_send(pool, function, chunks)
    paths = [str(source), str(EXAMPLE)]
    local = tmp_path / "local.db"
    pipeline.ingest(store.open_db(str(local)), paths, workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = tmp_path / "dask.db"
        monkeypatch.setattr(pipeline, "_in_order", spy)
        report = pipeline.ingest(store.open_db(str(remote)), paths, scheduler=cluster.scheduler_address)
        assert report.added > 50 and not report.errors
        # both stages really ran as tasks on the cluster
        with distributed.Client(cluster.scheduler_address) as client:
            ran = client.run_on_scheduler(lambda dask_scheduler: sorted(dask_scheduler.task_prefixes))
        assert "apply_all" in ran, ran
        assert {"analyse_or_error", "group_stories", "story_analysis"} <= set(sent), sent
    assert dump(remote) == dump(local)


def test_local_worker_processes_give_the_rows_of_one_process(tmp_path):
    one, many = tmp_path / "one.db", tmp_path / "many.db"
    pipeline.ingest(store.open_db(str(one)), [str(EXAMPLE)], workers=1)
    saved = pipeline.PARALLEL_MIN
    pipeline.PARALLEL_MIN = 1   # five articles: send them to the workers anyway
    try:
        pipeline.ingest(store.open_db(str(many)), [str(EXAMPLE)], workers=2)
    finally:
        pipeline.PARALLEL_MIN = saved
    assert dump(many) == dump(one)
