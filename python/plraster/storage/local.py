"""Local files read with os.pread: the same interface as the remote sources.

A FileSource keeps no descriptor open between reads: each `read_ranges` opens the file,
checks with fstat that it is still the file first opened (every signal stat gives:
device, inode, size, mtime and ctime in nanoseconds), reads and closes. A backend's
header cache may then hold any number of files with no descriptor at all, and never
holds a deleted file open (issue 9, finding 4). ctime is the one a user cannot restore:
a file rewritten in place with the same size and its mtime put back still differs
there (finding 6).
"""

import os
import stat
import time

from plraster.core.errors import AccessDeniedError, CorruptFileError, InvalidParameterError, ObjectNotFoundError, StorageError

from .counters import IO_COUNTER
from .failures import ObjectChangedError


def file_validator(st):
    """A validator for a stat result: changes when the file is rewritten or replaced.

    st_ctime_ns changes on every write and every utime, so restoring the mtime after an
    in-place rewrite of the same size does not hide it."""
    return f"{st.st_dev}-{st.st_ino}-{st.st_size}-{st.st_mtime_ns}-{st.st_ctime_ns}"


def _os_error(exc, path, doing):
    """The PlrasterError for an OSError met while `doing` ('open', 'stat') an out-db file."""
    if isinstance(exc, FileNotFoundError):
        return ObjectNotFoundError(f'out-db file "{path}" not found', detail="The file does not exist.")
    if isinstance(exc, PermissionError):
        return AccessDeniedError(f'access to out-db file "{path}" denied',
                                 detail="The database server's operating system user cannot read it.")
    return StorageError(f'could not {doing} out-db file "{path}"',
                        detail=f"{doing.capitalize()} failed: {exc.strerror}.")


def stat_file(path):
    """os.stat of an out-db file, with errors as PlrasterErrors naming the path."""
    try:
        return os.stat(path)
    except OSError as exc:
        raise _os_error(exc, path, "stat") from None


class FileSource:
    """A local file: `size`, `validator`, `read_ranges`, `revalidate`, `close`."""

    def __init__(self, path, counter=None):
        self.path = os.fspath(path)
        self.counter = counter if counter is not None else IO_COUNTER
        fd = self._open()
        try:
            st = os.fstat(fd)
        finally:
            os.close(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InvalidParameterError(f'out-db path "{self.path}" is not a regular file')
        self._size = st.st_size
        self._validator = file_validator(st)
        self._mtime = int(st.st_mtime)

    def _open(self):
        try:
            # O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused as
            # not a regular file right after).
            return os.open(self.path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
        except OSError as exc:
            raise _os_error(exc, self.path, "open") from None

    @property
    def size(self):
        """Total size of the file in bytes."""
        return self._size

    @property
    def validator(self):
        """Inode, size and modification time when opened."""
        return self._validator

    @property
    def last_modified(self):
        """Modification time when opened, in whole seconds since the epoch (as stat gives it)."""
        return self._mtime

    def read_ranges(self, ranges):
        """Return the bytes of each (offset, length) range, in order."""
        out = []
        started = time.monotonic()
        total = 0
        fd = self._open()
        try:
            if file_validator(os.fstat(fd)) != self._validator:
                raise ObjectChangedError(
                    f'out-db file "{self.path}" changed while being read',
                    detail="Its device, inode, size, modification or change time differs from the first read.",
                    hint="Read the raster again.")
            for offset, length in ranges:
                if offset < 0 or length < 0 or offset + length > self._size:
                    raise CorruptFileError(
                        "tiff data lies beyond the end of the file",
                        detail=f'A read of {length} bytes at offset {offset} was requested from '
                               f'"{self.path}", which has {self._size} bytes.')
                try:
                    data = os.pread(fd, length, offset)
                except OSError as exc:
                    raise StorageError(f'could not read out-db file "{self.path}"',
                                       detail=f"Reading failed: {exc.strerror}.") from None
                if len(data) != length:
                    raise StorageError(f'short read from out-db file "{self.path}"',
                                       detail=f"Reading {length} bytes at offset {offset} returned "
                                              f"{len(data)} bytes.")
                total += length
                out.append(data)
        finally:
            os.close(fd)
            self.counter.add(requests=len(out), nbytes=total, seconds=time.monotonic() - started)
        return out

    def revalidate(self):
        """True when the path still names the file as opened (device, inode, size, mtime, ctime)."""
        try:
            return file_validator(os.stat(self.path)) == self._validator
        except OSError:
            return False

    def close(self):
        """Nothing to release: no descriptor is kept between reads."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
