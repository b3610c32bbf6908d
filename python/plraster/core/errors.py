"""The exceptions plraster raises, one root class, each subclass with its SQLSTATE.

The library never imports plpy: `plraster.sqlapi` turns these into PostgreSQL errors
(message, detail, hint and SQLSTATE) in one place. Messages follow PostgreSQL's style:
lowercase, no final period, values quoted; detail and hint are full sentences.
"""


class PlrasterError(Exception):
    """Root of every error plraster raises on purpose."""

    sqlstate = "XX000"

    def __init__(self, message, detail=None, hint=None):
        super().__init__(message)
        self.message = message
        self.detail = detail
        self.hint = hint


class InvalidRasterError(PlrasterError):
    """Bytes that are not valid PostGIS raster WKB (truncated, forged, wrong version)."""

    sqlstate = "22P03"  # invalid_binary_representation


class InvalidParameterError(PlrasterError):
    """An argument with a value the function cannot accept."""

    sqlstate = "22023"  # invalid_parameter_value


class ValueOutOfRangeError(PlrasterError):
    """A number that does not fit where it has to go (pixel type range, u16 sizes)."""

    sqlstate = "22003"  # numeric_value_out_of_range


class SizeLimitError(PlrasterError):
    """A declared size too large to be honoured (absurd dimensions, too many bands)."""

    sqlstate = "54000"  # program_limit_exceeded


class UnsupportedError(PlrasterError):
    """A valid request for something plraster does not do (yet)."""

    sqlstate = "0A000"  # feature_not_supported


class CorruptFileError(PlrasterError):
    """An external file (TIFF/COG) whose bytes do not parse."""

    sqlstate = "22P03"  # invalid_binary_representation


class StorageError(PlrasterError):
    """An object store or file system that failed to deliver bytes."""

    sqlstate = "58030"  # io_error


class ObjectNotFoundError(StorageError):
    """An out-db path whose object does not exist."""

    sqlstate = "58P01"  # undefined_file


class AccessDeniedError(PlrasterError):
    """An out-db path the superuser has not allowed, or a store that refused access."""

    sqlstate = "42501"  # insufficient_privilege


class StorageTimeoutError(StorageError):
    """A request that did not complete within its configured timeout."""

    sqlstate = "58030"  # io_error


class SoftFailure(Exception):
    """Where PostGIS emits a NOTICE and returns NULL (a band or pixel that does not exist).

    Not a PlrasterError: it never becomes an SQL error. `plraster.sqlapi` turns it into a
    NOTICE with this message and a NULL result.
    """


class DivisionByZeroError(PlrasterError):
    """A division by zero where PostGIS's SQL code divides (ST_MakeEmptyCoverage)."""

    sqlstate = "22012"  # division_by_zero


class NullValueNotAllowedError(PlrasterError):
    """A NULL where PostGIS's PL/pgSQL code fails on one (a NULL loop bound)."""

    sqlstate = "22004"  # null_value_not_allowed


class SqlSyntaxError(PlrasterError):
    """SQL text given as an argument (a map algebra expression) that is not what it must
    be: one expression."""

    sqlstate = "42601"  # syntax_error


class UndefinedParameterError(PlrasterError):
    """SQL text given as an argument names a positional parameter ($1) it has none of."""

    sqlstate = "42P02"  # undefined_parameter
