"""getpass: read a password without echoing it, and the name of the user.

The engine has no terminal of its own: the password is asked of the engine's host, which in a
notebook is the front end's password box (an input_request with password set).
"""

import _pymemlab_frontend

__all__ = ["getpass", "getuser", "GetPassWarning"]


class GetPassWarning(UserWarning):
    pass


def unix_getpass(prompt="Password: ", stream=None):
    """Prompts for a password, with echo turned off."""
    return _pymemlab_frontend.read_password(prompt)


# CPython picks the terminal flavour at import; the engine's is its host's password prompt.
getpass = unix_getpass


def getuser():
    """The login name from the environment (LOGNAME, USER, LNAME, USERNAME), as CPython looks it up."""
    import os
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    import pwd
    return pwd.getpwuid(os.getuid())[0]
