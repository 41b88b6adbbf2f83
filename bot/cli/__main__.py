"""``python -m bot.cli`` is the same as the ``knotenpunkt`` command."""

import sys

from bot.cli import main

sys.exit(main())
