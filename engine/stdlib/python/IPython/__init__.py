"""The part of IPython a notebook cell reaches for: rich display and the running shell."""

from IPython.core.display import display
from IPython.core.getipython import get_ipython

__all__ = ["display", "get_ipython"]
