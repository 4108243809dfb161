"""Writing a file in one step: a temporary file in the same folder, then ``os.replace``.

A reader never sees half a file and a failed write leaves the old one.  Every file
reportlint writes goes through here: fixed files, annotated copies, reports, slot
lists and baselines.
"""

from __future__ import annotations

import os
import tempfile


def write_atomically(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data``.  An existing file keeps its permission bits (through
    a symbolic link, the file it points to is replaced, not the link); a new one gets the
    mode a plain ``open()`` would give it (``mkstemp`` makes files private)."""
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
    if os.path.exists(path):
        mode = os.stat(path).st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, temp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
