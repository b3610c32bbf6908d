"""Telling the user how the load goes, on stderr.

Without a terminal (or with --no-progress) the loader writes raster2pgsql's lines
("Processing 1/3: dem.tif"); on a terminal it redraws one progress line instead.
"""

import sys
import time

BAR_WIDTH = 30
# Seconds between redraws of the bar.
REDRAW_INTERVAL = 0.2


class Progress:
    """Reports files and tiles as they are loaded (see module doc)."""

    def __init__(self, stream=None, bar=None):
        self.stream = stream if stream is not None else sys.stderr
        self.bar = self.stream.isatty() if bar is None else bar
        self.file_count = 0
        self.file_index = 0
        self.name = ""
        self.tiles_total = 0
        self.tiles_done = 0
        self.bytes_done = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def message(self, text):
        """A line of its own (warnings, notes), above the bar."""
        self._clear()
        self.stream.write(text + "\n")
        self.stream.flush()

    def start_file(self, index, count, name, tiles):
        """A file begins: index is 1-based; tiles is how many tiles it may give."""
        self.file_index, self.file_count, self.name = index, count, name
        self.tiles_total, self.tiles_done = tiles, 0
        if not self.bar:
            self.stream.write(f"Processing {index}/{count}: {name}\n")
            self.stream.flush()
        else:
            self._draw(force=True)

    def tile(self, nbytes):
        """One tile position handled (loaded or skipped as empty)."""
        self.tiles_done += 1
        self.bytes_done += nbytes
        if self.bar:
            self._draw()

    def _draw(self, force=False):
        now = time.monotonic()
        if not force and now - self._drawn < REDRAW_INTERVAL:
            return
        self._drawn = now
        fraction = min(1.0, self.tiles_done / self.tiles_total) if self.tiles_total else 1.0
        filled = int(fraction * BAR_WIDTH)
        rate = self.bytes_done / max(now - self.started, 1e-6) / 1e6
        line = (f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] file {self.file_index}/{self.file_count} "
                f"{self.name[-30:]}: {self.tiles_done}/{self.tiles_total} tiles, {rate:.1f} MB/s")
        self.stream.write(line + "\x1b[K")
        self.stream.flush()

    def _clear(self):
        if self.bar and self._drawn:
            self.stream.write("\r\x1b[K")

    def finish(self):
        """The load is done: end the bar's line."""
        if self.bar and self._drawn:
            self._draw(force=True)
            self.stream.write("\n")
            self.stream.flush()
