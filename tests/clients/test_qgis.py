"""QGIS's postgresraster provider (Debian's qgis + python3-qgis, headless) opens plraster
coverages, renders them at full and overview resolution, reads pixel blocks, identifies
pixels and computes statistics exactly as it does for the same coverages in PostGIS.

QGIS runs in a subprocess (qgis_probe.py under /usr/bin/python3) per table and database;
the reports and the rendered images are compared. A failure message carries the SQL
errors QGIS met on plraster (server log, log_statement = all).
"""
import json
import os
import subprocess

import numpy
import pytest

import coverages
import gdalclient
import querylog

PROBE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "qgis_probe.py")
TABLES = ["byte1", "int16x3", "float1", "single", "plain", "bare", "dem_outdb", "rgb_outdb"]
NODATA_PIXEL = {"byte1": (15, 15), "bare": (15, 15), "int16x3": (65, 45), "plain": (65, 45),
                "float1": (10, 31), "dem_outdb": (210, 105)}


def _spec(db, table, outdir):
    cols, rows = coverages.grid(table)[:2]
    factors = (1,) + (coverages.coverage(table).overviews or (2,))
    pixels = [(0, 0), (cols // 2, rows // 2), (cols - 1, rows - 1), (64, 63), (cols - 1, 0)]
    if table in NODATA_PIXEL:
        pixels.append(NODATA_PIXEL[table])
    points = [coverages.pixel_centre(table, c, r) for c, r in pixels]
    points.append(coverages.pixel_centre(table, -3, rows + 2))
    return {"conn": {k: db.params[k] for k in ("host", "port", "dbname", "user")}, "table": table,
            "outdir": str(outdir), "renders": [[f"render_{f}", f] for f in factors],
            "blocks": [[f"block_{f}", f] for f in factors], "points": points}


def _probe(db, table, tmp_path, server_log):
    """Run QGIS on one table of db; (report or None, stderr, Run, outdir)."""
    outdir = tmp_path / db.kind
    outdir.mkdir()
    spec_path, out_path = outdir / "spec.json", outdir / "report.json"
    spec_path.write_text(json.dumps(_spec(db, table, outdir)))
    env = gdalclient.client_env("plraster-tests-qgis")
    env.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    mark = server_log.mark()
    proc = subprocess.run(["/usr/bin/python3", PROBE, str(spec_path), str(out_path)],
                          capture_output=True, text=True, timeout=900, env=env)
    sent = server_log.since(mark)
    querylog.record(f"qgis {table}", db.kind, sent)
    report = json.loads(out_path.read_text()) if proc.returncode == 0 and out_path.exists() else None
    return report, proc.stderr[-3000:], sent, outdir


def _png_difference(a, b):
    from osgeo import gdal
    pa, pb = (gdal.Open(str(p)).ReadAsArray() for p in (a, b))
    if pa.shape != pb.shape:
        return f"shapes {pa.shape} and {pb.shape}"
    return f"{int((pa != pb).any(axis=0).sum())} of {pa.shape[1] * pa.shape[2]} pixels differ"


@pytest.mark.parametrize("table", TABLES)
def test_qgis_reads_like_postgis(databases, server_log, tmp_path, table):
    """Layer properties, renders, blocks, identify and statistics equal PostGIS's."""
    pg = _probe(databases["postgis"], table, tmp_path, server_log)
    assert pg[0] is not None and pg[0]["layer"]["valid"], f"QGIS failed on PostGIS: {pg[1]}"
    pl = _probe(databases["plraster"], table, tmp_path, server_log)
    errors = f"SQL errors on plraster:\n{pl[2].error_report()}"
    assert pl[0] is not None, f"QGIS crashed or failed on plraster:\n{pl[1]}\n{errors}"
    pg_report, pl_report = pg[0], pl[0]
    pl_layer = dict(pl_report["layer"], error="")
    assert pl_layer == pg_report["layer"], f"{pl_report['layer']['error']}\n{errors}"
    for name, render in pg_report["renders"].items():
        assert not render["errors"], render
        other = pl_report["renders"][name]
        if other != render:
            detail = _png_difference(pg[3] / f"{name}.png", pl[3] / f"{name}.png")
            pytest.fail(f"render {name} differs: {detail} ({other['errors']})\n{errors}")
    for name, blocks in pg_report["blocks"].items():
        assert pl_report["blocks"][name] == blocks, f"block {name}\n{errors}"
    assert pl_report["identify"] == pg_report["identify"], errors
    for pg_stats, pl_stats in zip(pg_report["statistics"], pl_report["statistics"]):
        assert pl_stats == pytest.approx(pg_stats, rel=1e-9, abs=1e-9), errors


def test_qgis_probe_sees_the_source(databases, server_log, tmp_path):
    """Sanity for the probe itself, on PostGIS: identify gives the GeoTIFF's pixels, and the
    full render paints the raster (opaque) and leaves its nodata patch transparent."""
    from osgeo import gdal
    report, _, _, outdir = _probe(databases["postgis"], "int16x3", tmp_path, server_log)
    pixels = coverages.sources()["int16x3"].pixels
    cols, rows = coverages.grid("int16x3")[:2]
    for item, (c, r) in zip(report["identify"][2:4], [(cols - 1, rows - 1), (64, 63)]):
        expected = [float(x) for x in pixels[:, r, c]]
        assert -9999.0 not in expected
        assert [v for v, _ in item["sample"]] == expected
    assert numpy.isfinite(report["statistics"][0]["mean"])
    image = gdal.Open(str(outdir / "render_1.png"))
    alpha = image.GetRasterBand(4).ReadAsArray()
    assert alpha.shape == (128, 192)  # -P pads the 130 x 90 raster to whole 64 x 64 tiles
    assert (alpha[40:50, 60:75] == 0).all()
    assert (alpha[60:90, 100:130] == 255).all()
