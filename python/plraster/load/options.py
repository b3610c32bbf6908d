"""The loader's command line: raster2pgsql's option letters, parsed as raster2pgsql parses them.

    plraster-load [options] raster [raster ...] [[schema.]table]

Options may come before or after the rasters (GNU getopt order). When two or more
arguments remain, the last one names the table unless it is a raster (a URL or an
existing file); without a table, the first raster's file name (extension dropped)
is used, as raster2pgsql does.
"""

import dataclasses
import os
import re
import typing

from plraster.core.errors import InvalidParameterError

# Overview factors raster2pgsql accepts.
MIN_OVERVIEW_FACTOR = 2
MAX_OVERVIEW_FACTOR = 1000
# Rows per COPY statement when -Y is given without a number (raster2pgsql's default).
DEFAULT_COPY_ROWS = 50

# Options taking an argument (besides -Y, whose argument is optional).
_WITH_ARGUMENT = frozenset("sbtlNfnTXEVD")
_FLAGS = frozenset("PRkcadpCxrIMFqeG?")
_LONG = {"--dsn": "D", "--help": "?", "--version": "version", "--no-progress": "no-progress",
         "--progress": "progress"}
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|/vsi|GTIFF_DIR:)")

USAGE = """\
plraster-load: load rasters into a plraster (or PostGIS raster) table, as raster2pgsql does,
without GDAL on the client.

USAGE: plraster-load [<options>] <raster>[ <raster>[ ...]] [[<schema>.]<table>]
  A raster is a local GeoTIFF/COG or a URL: http(s)://, /vsicurl/http(s)://,
  swift://, /vsiswift/, s3://, /vsis3/ (credentials from GDAL's environment
  variables: SWIFT_STORAGE_URL + SWIFT_AUTH_TOKEN, AWS_ACCESS_KEY_ID, ...).

OPTIONS:
  -s [<from>:]<srid> SRID of the rasters (default: the file's EPSG code, else 0);
      with <from>:<to>, rasters get SRID <from> and are inserted through
      ST_Transform(rast, <to>).
  -b <band> 1-based bands to load, separated by commas; ranges with a dash.
  -t <tile size> WIDTHxHEIGHT, or "auto" (a size derived from the file's blocks).
  -P  Pad right-most and bottom-most tiles to the full tile size.
  -R  Register the rasters out-db: tiles record the path exactly as typed.
  (-d|a|c|p) -d drop and recreate the table, -a append, -c create (default),
      -p prepare (create the table only).
  -f <column> Name of the raster column (default rast).
  -F  Add a column with the raster's file name.
  -n <column> Name of the file name column (implies -F).
  -l <factor>[,<factor>...] Overviews o_<factor>_<table> (in-db, also with -R).
  -q  Keep identifiers as typed and quote them (default: lower case).
  -I  Create a GiST index on ST_ConvexHull of the raster column.
  -M  VACUUM ANALYZE the tables afterwards.
  -C  Add the raster constraints (AddRasterConstraints) after loading.
  -x  With -C, do not add the extent constraint.
  -r  With -C, add the regular blocking constraints.
  -T <tablespace> Tablespace of the new tables.
  -X <tablespace> Tablespace of the new indexes (primary key and GiST).
  -N <nodata> Nodata value of bands that have none.
  -k  Keep tiles whose every band is nodata (they are skipped otherwise).
  -E <endian> 1 (NDR) only.   -V <version> 0 only.
  -e  Run each statement on its own (no BEGIN/END).
  -Y [<rows>] COPY instead of INSERT, at most <rows> rows per COPY (default 50).
  -D, --dsn <conninfo> Load straight into this database (COPY) instead of writing SQL.
  --no-progress  No progress bar (one is drawn on stderr when it is a terminal).
  -?, --help  This text.   --version  The version.
"""


@dataclasses.dataclass
class LoadOptions:
    """Everything the command line says, with raster2pgsql's defaults."""

    rasters: typing.List[str] = dataclasses.field(default_factory=list)
    schema: typing.Optional[str] = None
    table: typing.Optional[str] = None
    srid: int = 0
    srid_to: typing.Optional[int] = None
    bands: typing.Optional[typing.List[int]] = None
    tile_size: typing.Union[None, str, typing.Tuple[int, int]] = None
    pad: bool = False
    outdb: bool = False
    mode: str = "c"
    raster_column: str = "rast"
    filename_column: typing.Optional[str] = None
    overviews: typing.List[int] = dataclasses.field(default_factory=list)
    quote: bool = False
    index: bool = False
    vacuum: bool = False
    constraints: bool = False
    max_extent: bool = True
    regular_blocking: bool = False
    tablespace: typing.Optional[str] = None
    index_tablespace: typing.Optional[str] = None
    nodata: typing.Optional[float] = None
    keep_empty: bool = False
    transaction: bool = True
    copy_rows: typing.Optional[int] = None
    dsn: typing.Optional[str] = None
    progress: typing.Optional[bool] = None  # None: when stderr is a terminal
    action: str = "load"  # or "help", "version"

    def name(self, identifier):
        """An identifier as raster2pgsql writes it: lower-cased unless -q."""
        return identifier if self.quote else identifier.lower()


def _int(text, what):
    try:
        return int(text.strip())
    except ValueError:
        raise InvalidParameterError(f"invalid {what} \"{text}\"") from None


def parse_srid(text):
    """-s: "<srid>" or "<from>:<to>"; returns (srid, to or None)."""
    if ":" in text:
        a, b = text.split(":", 1)
        return _int(a, "srid"), _int(b, "srid")
    return _int(text, "srid"), None


def parse_bands(text):
    """-b: "1,3-5,2" -> [1, 3, 4, 5, 2]; a descending range counts down, as raster2pgsql's does."""
    bands = []
    for part in text.split(","):
        part = part.strip()
        if "-" in part[1:]:
            a, b = part.split("-", 1)
            lo, hi = _int(a, "band"), _int(b, "band")
            step = 1 if hi >= lo else -1
            bands.extend(range(lo, hi + step, step))
        else:
            bands.append(_int(part, "band"))
    if not bands or any(b < 1 for b in bands):
        raise InvalidParameterError(f"invalid band list \"{text}\"", detail="Band numbers start at 1.")
    return bands


def parse_tile_size(text):
    """-t: "auto" or "WIDTHxHEIGHT" with both sides positive."""
    if text.strip().lower() == "auto":
        return "auto"
    m = re.match(r"\s*(\d+)\s*[xX]\s*(\d+)", text)
    if not m or int(m.group(1)) < 1 or int(m.group(2)) < 1:
        raise InvalidParameterError(f"invalid tile size \"{text}\"",
                                    hint="Give WIDTHxHEIGHT (both greater than 0) or auto.")
    return int(m.group(1)), int(m.group(2))


def parse_overviews(text):
    """-l: "2,4,8" -> [2, 4, 8], each between 2 and 1000."""
    factors = [_int(p, "overview factor") for p in text.split(",") if p.strip()]
    for f in factors:
        if not MIN_OVERVIEW_FACTOR <= f <= MAX_OVERVIEW_FACTOR:
            raise InvalidParameterError(
                f"overview factor {f} is not between {MIN_OVERVIEW_FACTOR} and {MAX_OVERVIEW_FACTOR}")
    return factors


def parse_nodata(text):
    """-N: a number as C's atof reads it (nan and inf included)."""
    try:
        return float(text)
    except ValueError:
        raise InvalidParameterError(f"invalid nodata value \"{text}\"") from None


def looks_like_raster(arg):
    """Whether a trailing argument is a raster rather than a table name."""
    return bool(_URL.match(arg)) or os.path.isfile(arg)


def _apply(opts, letter, value):
    if letter == "s":
        opts.srid, opts.srid_to = parse_srid(value)
    elif letter == "b":
        opts.bands = parse_bands(value)
    elif letter == "t":
        opts.tile_size = parse_tile_size(value)
    elif letter == "l":
        opts.overviews = parse_overviews(value)
    elif letter == "N":
        opts.nodata = parse_nodata(value)
    elif letter == "f":
        opts.raster_column = value
    elif letter == "n":
        opts.filename_column = value
    elif letter == "T":
        opts.tablespace = value
    elif letter == "X":
        opts.index_tablespace = value
    elif letter == "E":
        if _int(value, "endian") != 1:
            raise InvalidParameterError("only NDR (-E 1) output is supported")
    elif letter == "V":
        if _int(value, "WKB version") != 0:
            raise InvalidParameterError("only WKB version 0 (-V 0) is supported")
    elif letter == "D":
        opts.dsn = value
    elif letter in "cadp":
        opts.mode = letter  # the last of -c/-a/-d/-p wins, as in raster2pgsql
    elif letter == "F":
        opts.filename_column = opts.filename_column or "filename"
    else:
        attribute = {"P": "pad", "R": "outdb", "k": "keep_empty", "C": "constraints", "r": "regular_blocking",
                     "I": "index", "M": "vacuum", "q": "quote"}.get(letter)
        if attribute:
            setattr(opts, attribute, True)
        elif letter == "x":
            opts.max_extent = False
        elif letter == "e":
            opts.transaction = False


def parse_args(argv):
    """Parse the command line (without the program name) into LoadOptions.

    Raises InvalidParameterError for an unknown option, a missing argument or a value
    raster2pgsql would refuse.
    """
    opts = LoadOptions()
    positional = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if arg == "--":
            positional.extend(argv[i:])
            break
        if arg.startswith("--"):
            name, eq, value = arg.partition("=")
            key = _LONG.get(name)
            if key is None:
                raise InvalidParameterError(f"unknown option \"{name}\"", hint="See plraster-load --help.")
            if key == "D":
                if not eq:
                    if i >= len(argv):
                        raise InvalidParameterError("option \"--dsn\" needs a value")
                    value = argv[i]
                    i += 1
                opts.dsn = value
            elif key in ("progress", "no-progress"):
                opts.progress = key == "progress"
            else:
                opts.action = "help" if key == "?" else key
            continue
        if not arg.startswith("-") or arg == "-":
            positional.append(arg)
            continue
        j = 1
        while j < len(arg):
            letter = arg[j]
            j += 1
            if letter in _WITH_ARGUMENT:
                value = arg[j:]
                if not value:
                    if i >= len(argv):
                        raise InvalidParameterError(f"option \"-{letter}\" needs a value")
                    value = argv[i]
                    i += 1
                _apply(opts, letter, value)
                break
            if letter == "Y":
                value = arg[j:]
                if not value and i < len(argv) and argv[i].isdigit() and int(argv[i]) > 0:
                    value = argv[i]
                    i += 1
                opts.copy_rows = _int(value, "rows per COPY") if value else DEFAULT_COPY_ROWS
                if opts.copy_rows < 1:
                    raise InvalidParameterError("rows per COPY must be at least 1")
                break
            if letter not in _FLAGS:
                raise InvalidParameterError(f"unknown option \"-{letter}\"", hint="See plraster-load --help.")
            if letter in "?G":
                opts.action = "help"
            _apply(opts, letter, None)
    if opts.action != "load":
        return opts
    if not positional:
        raise InvalidParameterError("no raster given", hint="See plraster-load --help.")
    if len(positional) >= 2 and not looks_like_raster(positional[-1]):
        table = positional.pop()
        schema, dot, name = table.partition(".")
        opts.schema, opts.table = (schema, name) if dot else (None, table)
    opts.rasters = positional
    if opts.table is None:
        base = os.path.basename(positional[0].rstrip("/").split("?", 1)[0])
        opts.table = base.rsplit(".", 1)[0] if "." in base else base
    if opts.srid_to is not None and opts.copy_rows is not None:
        raise InvalidParameterError("cannot use -Y with -s FROM_SRID:TO_SRID",
                                    detail="Rasters are transformed by ST_Transform in INSERT statements.")
    return opts
