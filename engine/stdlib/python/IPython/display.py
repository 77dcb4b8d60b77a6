"""Public API for display tools in IPython."""

from IPython.core.display import *
from IPython.core.display import __all__
