"""Local files read with os.pread: the same interface as the remote sources."""

import os
import stat
import time

from plraster.errors import AccessDeniedError, CorruptFileError, InvalidParameterError, ObjectNotFoundError, StorageError

from .counters import IO_COUNTER


def file_validator(st):
    """A validator for a stat result: changes when the file is rewritten or replaced."""
    return f"{st.st_ino}-{st.st_size}-{st.st_mtime_ns}"


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
        try:
            self._fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError as exc:
            raise _os_error(exc, self.path, "open") from None
        st = os.fstat(self._fd)
        if not stat.S_ISREG(st.st_mode):
            os.close(self._fd)
            self._fd = -1
            raise InvalidParameterError(f'out-db path "{self.path}" is not a regular file')
        self._size = st.st_size
        self._validator = file_validator(st)
        self._mtime = int(st.st_mtime)

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
        try:
            for offset, length in ranges:
                if offset < 0 or length < 0 or offset + length > self._size:
                    raise CorruptFileError(
                        "tiff data lies beyond the end of the file",
                        detail=f'A read of {length} bytes at offset {offset} was requested from '
                               f'"{self.path}", which has {self._size} bytes.')
                try:
                    data = os.pread(self._fd, length, offset)
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
            self.counter.add(requests=len(out), nbytes=total, seconds=time.monotonic() - started)
        return out

    def revalidate(self):
        """True when the path still names the file as opened (same inode, size, mtime)."""
        try:
            return file_validator(os.stat(self.path)) == self._validator
        except OSError:
            return False

    def close(self):
        """Close the file descriptor."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass
