"""What can go wrong with an object between two reads, as exceptions that every source
raises (local files too): kept apart from the HTTP transport so that reading a local file
never imports an HTTP client.
"""

from plraster.core.errors import StorageError


class ObjectChangedError(StorageError):
    """An object whose ETag (or Last-Modified, or size) changed between two reads.

    Subclass of StorageError (SQLSTATE 58030).
    """


class TruncatedResponse(Exception):
    """Raised by a response check to have the request repeated (internal).

    `title` heads the error reported when no repetition succeeds.
    """

    title = "truncated response"


class WrongRangeResponse(TruncatedResponse):
    """A response holding other bytes than those asked for (repeated, then reported)."""

    title = "wrong range in response"
