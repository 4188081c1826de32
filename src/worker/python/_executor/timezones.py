"""Time zones from the offline index's ``tzdata``, where libraries look for the system's."""

import os
import sysconfig

SYSTEM_ZONEINFO = "/usr/share/zoneinfo"


def link_system_zoneinfo(target=None):
    """Points /usr/share/zoneinfo at the ``tzdata`` package's zones.

    Debian's pytz and python-dateutil read the system's time zone database (Debian removed the
    copies they ship upstream), and the stdlib's ``zoneinfo`` looks there first. The link dangles
    until ``tzdata`` is installed, which both depend on in the offline index. Returns whether it
    made the link (False when the path exists already, as after a snapshot restore).
    """
    if target is None:
        target = os.path.join(sysconfig.get_paths()["purelib"], "tzdata", "zoneinfo")
    if os.path.lexists(SYSTEM_ZONEINFO):
        return False
    os.makedirs(os.path.dirname(SYSTEM_ZONEINFO), exist_ok=True)
    os.symlink(target, SYSTEM_ZONEINFO)
    return True
