"""plraster-load's entry point: parse the command line, run the load, report errors.

Exit status: 0 on success, 1 on an error (printed as "ERROR: <message>" with its
detail and hint, as raster2pgsql prints its errors), 2 on a bad command line.
"""

import os
import sys

from plraster import __version__
from plraster.core.errors import PlrasterError

from . import loader, options
from .progress import Progress


def _error(stream, exc):
    stream.write(f"ERROR: {exc.message}\n")
    for label, text in (("DETAIL", exc.detail), ("HINT", exc.hint)):
        if text:
            stream.write(f"{label}: {text}\n")
    stream.flush()


def main(argv=None, stdout=None, stderr=None):
    """Run plraster-load with `argv` (default sys.argv[1:]); returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    stdout = stdout if stdout is not None else sys.stdout.buffer
    stderr = stderr if stderr is not None else sys.stderr
    try:
        opts = options.parse_args(argv)
    except PlrasterError as exc:
        _error(stderr, exc)
        return 2
    if opts.action == "help":
        stderr.write(options.USAGE)
        return 0
    if opts.action == "version":
        stdout.write(f"plraster-load {__version__}\n".encode())
        stdout.flush()
        return 0
    progress = Progress(stderr, bar=opts.progress)
    sink = None
    try:
        if opts.dsn is not None:
            from .dbsink import DatabaseSink
            sink = DatabaseSink(opts.dsn, srid_to=opts.srid_to)
        else:
            from .sqlsink import SqlSink
            sink = SqlSink(stdout, copy_rows=opts.copy_rows, srid_to=opts.srid_to)
        loader.run(opts, sink, progress)
    except PlrasterError as exc:
        progress.finish()
        _error(stderr, exc)
        return 1
    except KeyboardInterrupt:
        progress.finish()
        stderr.write("ERROR: interrupted\n")
        return 1
    except BrokenPipeError:
        # The reader went away (| head): say nothing, and keep Python's exit-time flush
        # of stdout from failing again.
        if stdout is getattr(sys.stdout, "buffer", None):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sink = None
        return 1
    except Exception as exc:  # psycopg's errors: the server's message is the useful part
        if type(exc).__module__.startswith("psycopg"):
            progress.finish()
            stderr.write(f"ERROR: {str(exc).strip()}\n")
            return 1
        raise
    finally:
        if sink is not None:
            try:
                sink.close()
            except (BrokenPipeError, OSError):
                pass
    return 0
