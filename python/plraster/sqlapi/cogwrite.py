"""SQL adapter of sql/96-cogwrite.sql: plraster_write_cog.

Two passes over the caller's query (run with the caller's rights): the tiles' 61-byte
headers first (the coverage's grid), then the tiles themselves through a cursor, a few at a
time, into functions.cogwrite's CogFile; NOTICEs report the progress.
"""
import json
import os

import plpy

from plraster.core import messages, wkb
from plraster.core.errors import InvalidParameterError, UnsupportedError
from plraster.functions import cogwrite
from plraster.functions.alignment import not_aligned_reason
from plraster.functions.pixels import world_to_cell
from plraster.functions.warp import srs_of
from plraster.outdb import config
from plraster.storage import parse_outdb_path
from plraster.storage import upload as storage_upload
from . import sql_function
from .warp import _srs_row, extension_schema

_BATCH = 16  # tiles fetched at a time: memory stays a few tiles whatever the coverage


def _target(target):
    """(ParsedPath, storage options, local path or None) of the target: under a source opened
    for writing (42501 otherwise), a local path also once symbolic links in its directory
    are followed; s3 and swift objects are uploaded, http(s) is refused (0A000)."""
    parsed = parse_outdb_path(target)
    if parsed.scheme in ("http", "https"):
        raise UnsupportedError("cannot write a cog to %s" % parsed.scheme,
                               hint="Write to a local path, an s3:// or a swift:// object under "
                                    "a source opened for writing.")
    sources = config.current()
    options = sources.resolve_writable(parsed)
    if parsed.scheme != "file":
        return parsed, options, None
    path = parsed.location
    real = os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))
    if real != path:
        sources.resolve_writable(parse_outdb_path(real))
    if os.path.isdir(real):
        raise InvalidParameterError('cannot write a cog over the directory "%s"' % target)
    return parsed, options, real


def _temp_dir():
    """The server's temporary area (base/pgsql_tmp in the data directory, the backend's
    working directory), where PostgreSQL puts its own temporary files."""
    path = os.path.join(os.getcwd(), "base", "pgsql_tmp")
    os.makedirs(path, mode=0o700, exist_ok=True)
    return path


@sql_function
def write_cog(query, target, options):
    """plraster_write_cog(query, target, options): the coverage the query returns (one raster
    column) written as one COG at target; returns a jsonb summary."""
    opts = json.loads(options) if options else {}
    if not isinstance(opts, dict):
        raise InvalidParameterError("plraster_write_cog options must be a json object")
    register = opts.pop("register", None)
    creation = cogwrite.cog_options(opts)
    parsed, storage_options, path = _target(target)
    tiles = "SELECT q.r::pg_catalog.bytea AS r FROM (%s) AS q(r) WHERE q.r IS NOT NULL" % query
    headers = []
    cursor = plpy.cursor("SELECT pg_catalog.substr(t.r, 1, 61) AS h FROM (%s) AS t" % tiles)
    try:
        while True:
            rows = cursor.fetch(1000)
            if not rows:
                break
            headers.extend(wkb.read_header(r["h"]) for r in rows)
    finally:
        cursor.close()
    grid = cogwrite.coverage_grid(headers).header
    srs = srs_of(grid.srid, _srs_row).ExportToWkt() if grid.srid > 0 else None
    messages.notice("plraster_write_cog: %d tiles, %d x %d pixels" % (len(headers), grid.width,
                                                                      grid.height))
    cog = None
    step = max(1, len(headers) // 10)
    cursor = None
    try:
        cursor = plpy.cursor(tiles)
        while True:
            rows = cursor.fetch(_BATCH)
            if not rows:
                break
            for row in rows:
                buf = row["r"]
                header = wkb.read_header(buf)
                if header.is_empty:
                    continue
                if cog is None:
                    cog = cogwrite.CogFile(grid, cogwrite.band_layout(buf), _temp_dir(), srs)
                cog.add(buf, _offset(grid, header))
                if cog.tiles % step == 0:
                    messages.notice("plraster_write_cog: %d of %d tiles written"
                                    % (cog.tiles, len(headers)))
        # closed now: a portal still open when the function returns would fail the commit
        # ("cannot commit while a portal is pinned") if anything kept the cursor alive
        cursor.close()
        cursor = None
        if cog is None:
            raise InvalidParameterError("the coverage has no tile to write")
        if path is not None:
            size = cog.publish(path, creation)
        else:
            size = cog.upload(parsed, creation, _temp_dir(), _uploader(storage_options))
        shown = path or parsed.display()
        messages.notice("plraster_write_cog: %s written (%d bytes)" % (shown, size))
        summary = {"path": shown, "bytes": size, "tiles": cog.tiles, "width": grid.width,
                   "height": grid.height, "bands": len(cog.layout)}
        if register:
            # the written COG registered out-db, as plraster_register_cog(target, table) does
            plan = plpy.prepare("SELECT %s.plraster_register_cog($1, $2) AS n"
                                % extension_schema("plraster"), ["text", "text"])
            summary["registered"] = plpy.execute(plan, [target, str(register)])[0]["n"]
        return json.dumps(summary)
    finally:
        if cursor is not None:
            cursor.close()
        if cog is not None:
            cog.__exit__(None, None, None)


def _uploader(options):
    """upload(parsed, path, progress) with the source's options, reporting with NOTICEs."""
    def progress(done, total):
        messages.notice("plraster_write_cog: %d of %d bytes uploaded" % (done, total))

    def upload(parsed, path, _progress=None):
        storage_upload.upload_file(parsed, path, options=options, progress=progress)
    return upload


def _offset(grid, header):
    """The tile's pixel (0, 0) in the grid; 22023 when the query gave another tile now."""
    reason = not_aligned_reason(grid, header)
    col, row = world_to_cell(header, grid.ip_x, grid.ip_y)
    col, row = -col, -row
    if (reason is not None or col < 0 or row < 0 or col + header.width > grid.width
            or row + header.height > grid.height):
        raise InvalidParameterError("the query returned a tile outside the coverage it first gave",
                                    hint="Run plraster_write_cog on a query that returns the "
                                         "same tiles each time.")
    return col, row
