"""`python -m generator` is the `docs2spec` command."""

import sys

from .cli import main

sys.exit(main())
