"""Mutation fuzzing of the WKB codec and the TIFF reader, in-process, under bounds.

Seeds are real rasters: WKB of every pixel type and shape, in-db and out-db, both byte
orders (corpus.wkb_seeds), and TIFFs of every kind the reader supports, written by GDAL,
tifffile and rasterio (corpus.tiff_seeds). Each input is a seed after a few mutations
(bit flips, interesting bytes and integers aimed at counts, sizes and offsets,
truncations, insertions, deletions, IFD loops). Each must give a result or one of
plraster's own errors (never AttributeError, TypeError, IndexError, struct.error,
ValueError, MemoryError, a zlib or imagecodecs error), within a time and a tracemalloc
bound per input (harness.py), in a child process under RLIMIT_AS; WKB inputs must also
keep the full check (the raster domain's walk) and the parser in agreement, and re-emit
to valid WKB.

CI runs 100,000 WKB inputs and 3,000 TIFF inputs with fixed seeds (about a minute). For
a longer run by hand:

    PLRASTER_FUZZ_INPUTS=2000000 PLRASTER_FUZZ_TIFF_INPUTS=100000 PLRASTER_FUZZ_SEED=2 \\
        /work/sbx/test tests/fuzz/test_mutation.py

A failure prints each finding as a reproducer: the seed's name, the fewest mutation
operations that still fail (see mutate.apply), and the input's bytes in hex.
"""
import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
WKB_INPUTS = int(os.environ.get("PLRASTER_FUZZ_INPUTS", "100000"))
TIFF_INPUTS = int(os.environ.get("PLRASTER_FUZZ_TIFF_INPUTS", "3000"))
SEED = int(os.environ.get("PLRASTER_FUZZ_SEED", "1"))
CHILD_AS_LIMIT = 3 * 1024**3


def run_harness(kind, count, seed_dir):
    """Run harness.py in a child under RLIMIT_AS; return (findings, summary)."""
    env = dict(os.environ, PLRASTER_FUZZ_RLIMIT_AS=str(CHILD_AS_LIMIT))
    proc = subprocess.run([sys.executable, os.path.join(HERE, "harness.py"), kind, str(count),
                           str(SEED), seed_dir], capture_output=True, text=True, env=env,
                          timeout=1800)
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    findings = [x for x in lines if "error" in x]
    summary = next((x for x in lines if "done" in x), None)
    if proc.returncode != 0 or summary is None:
        current = os.path.join(seed_dir, "current-" + kind)
        where = open(current).read() if os.path.exists(current) else "unknown"
        pytest.fail("the %s fuzz child died (exit %d) near input %s\nstderr: %s\nfindings: %s"
                    % (kind, proc.returncode, where, proc.stderr[-3000:], findings))
    return findings, summary


def _report(findings):
    return "\n".join("%s: %s\n  operations %r\n  input %s" % (
        f["name"], f["error"], f["ops"], f["input_hex"] or "(large; rebuild from the operations)")
        for f in findings)


def test_wkb_mutations(tmp_path):
    findings, summary = run_harness("wkb", WKB_INPUTS, str(tmp_path))
    print("wkb fuzz:", summary)
    assert not findings, _report(findings)
    assert summary["done"] == WKB_INPUTS


def test_tiff_mutations(tiff_seed_dir):
    findings, summary = run_harness("tiff", TIFF_INPUTS, tiff_seed_dir)
    print("tiff fuzz:", summary)
    assert not findings, _report(findings)
    assert summary["done"] == TIFF_INPUTS
