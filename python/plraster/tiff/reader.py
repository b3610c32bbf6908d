"""Opening a TIFF/COG from a byte-range source."""

from plraster.core.errors import CorruptFileError

from .directory import read_directories
from .ifd import TiffFile, build_ifd, inherit_from_main
from .source import HEADER_PREFIX_SIZE


def open_tiff(source, prefix_size=HEADER_PREFIX_SIZE):
    """Parse the header and every IFD of the TIFF behind a ByteRangeSource.

    Reads a `prefix_size` prefix first, then only what lies beyond it (IFDs, tag
    arrays). Returns a TiffFile; raises CorruptFileError for bytes that do not parse.
    """
    header, directories = read_directories(source, prefix_size)
    ifds = []
    for directory in directories:
        try:
            ifds.append(build_ifd(directory, header))
        except (ValueError, TypeError, OverflowError, IndexError) as exc:
            # A tag holding a value of the wrong type or size (text where numbers belong,
            # NaN where an integer belongs): the file is corrupt, not the reader.
            raise CorruptFileError(
                "invalid tiff tag value", detail=f"IFD {directory.index + 1}: {exc}."
            ) from None
    ifds = inherit_from_main(ifds)
    return TiffFile(header=header, size=source.size, ifds=ifds)
