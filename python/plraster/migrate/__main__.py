"""python -m plraster.migrate: the same as plraster-migrate."""
import sys

from .cli import main

sys.exit(main())
