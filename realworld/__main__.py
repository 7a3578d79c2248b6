"""``python -m realworld``: see :mod:`realworld.run`."""

import sys

from .run import main

sys.exit(main())
