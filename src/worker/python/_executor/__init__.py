"""Executor's own Python helpers, loaded into every interpreter before user code runs."""

import os
import warnings

# Libraries of the index written before Python 3.14 (pluggy, pyparsing) have a `return` in a
# `finally` block, which 3.14 warns about when it compiles them: noise, not the user's. The
# user's own files (outside site-packages) still warn.
warnings.filterwarnings("ignore", category=SyntaxWarning, module=r".*/site-packages/.*")
warnings.filterwarnings("ignore", category=SyntaxWarning, module=r".*pluggy.*")

# matplotlib draws with Agg and shows figures in the console (see mpl_backend.py).
os.environ.setdefault("MPLBACKEND", "module://_executor.mpl_backend")
