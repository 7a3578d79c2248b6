"""A loopback HTTP server for the runtime benchmarks: one canned fine-tuning job, and 100 pages of 100 jobs.

``python bench/server.py PORT_FILE`` listens on 127.0.0.1 (a free port, written to PORT_FILE) until it is killed or
an hour has passed. HTTP/1.1 with keep-alive, so every client reuses one connection, as in real use.
"""

from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PAGES = 100
PAGE_SIZE = 100
LIFETIME = 3600.0


def job(job_id: str) -> dict[str, object]:
    return {
        "id": job_id,
        "object": "fine_tuning.job",
        "created_at": 1721764800,
        "finished_at": 1721767200,
        "model": "gpt-4o-mini-2024-07-18",
        "fine_tuned_model": "ft:gpt-4o-mini-2024-07-18:org:custom:7p4lURel",
        "organization_id": "org-123",
        "status": "succeeded",
        "hyperparameters": {"batch_size": 4, "learning_rate_multiplier": 1.8, "n_epochs": 3},
        "training_file": "file-abc123",
        "validation_file": None,
        "result_files": ["file-result1"],
        "trained_tokens": 5768,
        "error": None,
        "integrations": [],
        "seed": 42,
        "estimated_finish": None,
        "method": {
            "type": "supervised",
            "supervised": {"hyperparameters": {"batch_size": 4, "learning_rate_multiplier": 1.8, "n_epochs": 3}},
        },
        "metadata": {"team": "bench"},
    }


JOB = json.dumps(job("ftjob-abc123")).encode()
PAGE_BODIES = [
    json.dumps(
        {
            "object": "list",
            "data": [job(f"ftjob-{page:03d}{item:03d}") for item in range(PAGE_SIZE)],
            "has_more": page < PAGES - 1,
        }
    ).encode()
    for page in range(PAGES)
]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        url = urlsplit(self.path)
        if url.path.rstrip("/") == "/fine_tuning/jobs":
            after = parse_qs(url.query).get("after", [""])[0]
            page = int(after[6:9]) + 1 if after.startswith("ftjob-") else 0
            body = PAGE_BODIES[min(page, PAGES - 1)]
        else:
            body = JOB
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.send_header("x-request-id", "req_bench")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the signature http.server uses
        return


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Timer(LIFETIME, server.shutdown).start()
    with open(sys.argv[1], "w") as handle:
        handle.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
