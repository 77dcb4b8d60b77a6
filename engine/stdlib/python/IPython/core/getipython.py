"""get_ipython(): the shell running the cells, as far as this kernel has one."""

import sys


class ZMQInteractiveShell:
    """What code asking for the shell needs: its namespace, and that it is a Jupyter kernel's."""

    def __init__(self):
        self.user_ns = sys.modules["__main__"].__dict__

    @property
    def user_global_ns(self):
        return self.user_ns

    def __repr__(self):
        return "<ipykernel.zmqshell.ZMQInteractiveShell object>"


_instance = None


def get_ipython():
    global _instance
    if _instance is None:
        _instance = ZMQInteractiveShell()
    return _instance
