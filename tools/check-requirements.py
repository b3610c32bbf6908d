"""Exit 0 when every requirement in a requirements file is installed, 1 otherwise.

Keeps `make test` from calling pip (and the network) when nothing is missing.
"""
import sys
from importlib import metadata

import re


def missing_requirements(path):
    """Return the names listed in the requirements file at path that are not installed."""
    missing = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name = re.split(r"[<>=!~\[; ]", line, maxsplit=1)[0]
            try:
                metadata.version(name)
            except metadata.PackageNotFoundError:
                missing.append(name)
    return missing


if __name__ == "__main__":
    sys.exit(1 if missing_requirements(sys.argv[1]) else 0)
