"""Executor's own Python helpers, loaded into every interpreter before user code runs."""

import os
import warnings

# pluggy (pytest's plugin system) has a `return` in a `finally` block, which
# Python 3.14 warns about when it compiles the module: noise, not the user's.
warnings.filterwarnings("ignore", category=SyntaxWarning, module=r".*pluggy.*")

# matplotlib draws with Agg and shows figures in the console (see mpl_backend.py).
os.environ.setdefault("MPLBACKEND", "module://_executor.mpl_backend")
