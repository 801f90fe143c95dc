"""trafilatura, the Python peer, extracting the main text of the same pages as govreport.

Each page is handed over as bytes, as read from disk: trafilatura detects the encoding itself,
as govreport's decode stage does. Run in the benchmark's virtual environment.

usage: run_trafilatura.py LIST_FILE   (one path a line)
prints one JSON line: {"pages": N, "bytes": B, "seconds": S, "cpu_seconds": C, "empty": E}
"""
import json
import resource
import sys
import time

import trafilatura


def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        paths = [line.strip() for line in f if line.strip()]
    pages = total = empty = 0
    started, started_cpu = time.perf_counter(), cpu()
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        text = trafilatura.extract(data, include_tables=True)
        pages += 1
        total += len(data)
        empty += not text
    print(json.dumps({"pages": pages, "bytes": total, "seconds": time.perf_counter() - started,
                      "cpu_seconds": cpu() - started_cpu, "empty": empty}))


if __name__ == "__main__":
    main()
