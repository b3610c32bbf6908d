"""Running GDAL's PostGISRaster driver (Debian's gdal-bin) on a test database.

Each run is a subprocess with PGOPTIONS='-c log_statement=all', so the server log holds
what GDAL sent; `run` returns the process result and that Run (see querylog.py) and
records it for the end-of-session summary. PAM is off, so no .aux.xml is written and
every run computes its statistics afresh.
"""
import difflib
import os
import re
import subprocess

import numpy

import querylog


def pg_name(db, table, mode=2, extra=""):
    """GDAL's connection string for a table of a test database (extra: more key=value)."""
    p = db.params
    return (f"PG:host={p['host']} port={p['port']} dbname={p['dbname']} user={p['user']}"
            f" schema=public table={table} column=rast mode={mode}" + (" " + extra if extra else ""))


def client_env(application):
    """The environment of a client subprocess: statements logged, no PAM side files."""
    env = dict(os.environ)
    env.update(PGOPTIONS=querylog.CLIENT_OPTIONS, PGAPPNAME=application, GDAL_PAM_ENABLED="NO",
               CPL_VSIL_CURL_ALLOWED_EXTENSIONS=".tif", GDAL_DISABLE_READDIR_ON_OPEN="EMPTY_DIR")
    return env


def run(argv, db, server_log, case, timeout=600):
    """Run a GDAL program against db; returns (CompletedProcess, querylog.Run)."""
    mark = server_log.mark()
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout,
                          env=client_env("plraster-tests-gdal"))
    sent = server_log.since(mark)
    querylog.record(case, db.kind, sent)
    return proc, sent


def normalise(text, db):
    """GDAL's output with the database's name and port replaced by placeholders."""
    text = text.replace(f"dbname={db.params['dbname']}", "dbname=<db>")
    text = text.replace(f"port={db.params['port']}", "port=<port>")
    return re.sub(r"/tmp/\S*?/", "<tmp>/", text)


def diff(a, b, label_a="postgis", label_b="plraster", limit=60):
    """A unified diff of two texts, cut to limit lines."""
    lines = list(difflib.unified_diff(a.splitlines(), b.splitlines(), label_a, label_b, lineterm=""))
    if len(lines) > limit:
        lines = lines[:limit] + [f"... {len(lines) - limit} more diff lines"]
    return "\n".join(lines)


def subdatasets(info_text):
    """The SUBDATASET_n_NAME values of a gdalinfo output, in order."""
    return re.findall(r"^\s*SUBDATASET_\d+_NAME=(.*)$", info_text, re.M)


def read_image(path):
    """(pixels (bands, rows, cols), geotransform, nodata per band, data type names) of a file."""
    from osgeo import gdal
    gdal.UseExceptions()
    ds = gdal.Open(path)
    bands = [ds.GetRasterBand(i + 1) for i in range(ds.RasterCount)]
    pixels = numpy.stack([b.ReadAsArray() for b in bands])
    return (pixels, ds.GetGeoTransform(), [b.GetNoDataValue() for b in bands],
            [gdal.GetDataTypeName(b.DataType) for b in bands])
