"""One runtime measurement in a fresh process: ``python bench/workload.py CLIENT TASK BASE_URL [N]``.

CLIENT is ``ours`` (the committed ``finetuning`` SDK), ``ours-openai`` (the SDK generated from the whole OpenAI
document, on PYTHONPATH), ``official`` (the ``openai`` package) or ``httpx`` (bare httpx, the floor). TASK is
``sync``/``async`` (seconds per call of retrieving one fine-tuning job, N calls after a warm-up), ``pages`` (seconds
to iterate 10,000 jobs over 100 pages) or ``first`` (seconds from before the import to the first response). Prints
one number.
"""

from __future__ import annotations

import sys
import time

START = time.perf_counter()
JOB_ID = "ftjob-abc123"
WARMUP = 50


def sync_caller(client_name: str, base_url: str):  # noqa: ANN201 - returns (call, list_all, close)
    if client_name == "httpx":
        import httpx

        http = httpx.Client(base_url=base_url, headers={"Authorization": "Bearer sk-bench"})

        def call() -> object:
            return http.get(f"/fine_tuning/jobs/{JOB_ID}").json()

        def list_all() -> int:
            count, after = 0, None
            while True:
                page = http.get(
                    "/fine_tuning/jobs", params={"limit": 100, **({"after": after} if after else {})}
                ).json()
                count += len(page["data"])
                if not page["has_more"]:
                    return count
                after = page["data"][-1]["id"]

        return call, list_all, http.close
    if client_name == "official":
        import openai

        client = openai.OpenAI(api_key="sk-bench", base_url=base_url, max_retries=0)
        return (
            lambda: client.fine_tuning.jobs.retrieve(JOB_ID),
            lambda: sum(1 for _ in client.fine_tuning.jobs.list(limit=100)),
            client.close,
        )
    if client_name == "ours-openai":
        import openai  # the generated SDK of the whole OpenAI document, first on PYTHONPATH

        client = openai.Client(api_key="sk-bench", base_url=base_url, max_retries=0)
        return lambda: client.fine_tuning.jobs.retrieve(JOB_ID), None, client.close
    import finetuning

    client = finetuning.Client(api_key="sk-bench", base_url=base_url, max_retries=0)
    return (
        lambda: client.fine_tuning.jobs.retrieve(JOB_ID),
        lambda: sum(1 for _ in client.fine_tuning.jobs.list(limit=100)),
        client.close,
    )


async def async_per_call(client_name: str, base_url: str, n: int) -> float:
    if client_name == "httpx":
        import httpx

        http = httpx.AsyncClient(base_url=base_url, headers={"Authorization": "Bearer sk-bench"})

        async def call() -> object:
            return (await http.get(f"/fine_tuning/jobs/{JOB_ID}")).json()

        close = http.aclose
    elif client_name == "official":
        import openai

        client = openai.AsyncOpenAI(api_key="sk-bench", base_url=base_url, max_retries=0)

        def call():  # noqa: ANN202
            return client.fine_tuning.jobs.retrieve(JOB_ID)

        close = client.close
    else:
        import finetuning

        ours = finetuning.AsyncClient(api_key="sk-bench", base_url=base_url, max_retries=0)

        def call():  # noqa: ANN202
            return ours.fine_tuning.jobs.retrieve(JOB_ID)

        close = ours.close
    for _ in range(WARMUP):
        await call()
    started = time.perf_counter()
    for _ in range(n):
        await call()
    elapsed = time.perf_counter() - started
    await close()
    return elapsed / n


def main() -> None:
    client_name, task, base_url = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    if task == "async":
        import asyncio

        print(asyncio.run(async_per_call(client_name, base_url, n)))
        return
    call, list_all, close = sync_caller(client_name, base_url)
    if task == "first":
        call()
        print(time.perf_counter() - START)
    elif task == "pages":
        for _ in range(2):
            started = time.perf_counter()
            assert list_all() == 10_000
        print(time.perf_counter() - started)
    else:
        for _ in range(WARMUP):
            call()
        started = time.perf_counter()
        for _ in range(n):
            call()
        print((time.perf_counter() - started) / n)
    close()


if __name__ == "__main__":
    main()
