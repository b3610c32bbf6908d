"""The figures each benchmark compares with an issue's target, gathered for one table.

A benchmark calls record() for each figure that has a target; when the environment names a
file in PLRASTER_BENCH_RESULTS (make bench does), the row is appended to it as a JSON line,
and bench/summary.py prints all rows as one table at the end of make bench.
"""
import json
import os


def record(issue, name, value, target, met, unit="x"):
    """Append one row: issue number, what was measured, the value (a ratio, unless unit says
    otherwise), the target as text ("<= 1.0", ">= 20x") and whether it was met."""
    path = os.environ.get("PLRASTER_BENCH_RESULTS")
    if not path:
        return
    with open(path, "a") as f:
        f.write(json.dumps({"issue": issue, "name": name, "value": value, "unit": unit,
                            "target": target, "met": bool(met)}) + "\n")
