"""python -m plraster.load: the same as plraster-load."""
import sys

from .cli import main

sys.exit(main())
