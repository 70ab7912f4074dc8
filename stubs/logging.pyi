"""Type stubs for fzpy's `logging` module (mp-flipper's API).

Records go to the device log (on the desktop: `[I][fzpy] message` lines on
stderr). A record is written when its level is at most the effective level,
`min(level, the system's log level)`."""

TRACE: int
"""Most detailed level. Value 6."""

DEBUG: int
"""Debugging level. Value 5."""

INFO: int
"""Information level, the level at start. Value 4."""

WARN: int
"""Warning level. Value 3."""

ERROR: int
"""Error level. Value 2."""

NONE: int
"""No records (except `log(NONE, ...)`). Value 1."""

level: int
"""The current level (INFO at start); set with `setLevel`."""

def setLevel(level: int) -> None:
    """Sets the current level; values outside NONE..TRACE are ignored."""

def getEffectiveLevel() -> int:
    """The level records are compared with: the current level, capped by the system's."""

def trace(msg: object, *args: object) -> None:
    """Logs `msg % args` (just `str(msg)` without args) at TRACE."""

def debug(msg: object, *args: object) -> None:
    """Logs `msg % args` (just `str(msg)` without args) at DEBUG."""

def info(msg: object, *args: object) -> None:
    """Logs `msg % args` (just `str(msg)` without args) at INFO."""

def warn(msg: object, *args: object) -> None:
    """Logs `msg % args` (just `str(msg)` without args) at WARN."""

def error(msg: object, *args: object) -> None:
    """Logs `msg % args` (just `str(msg)` without args) at ERROR."""

def log(level: int, msg: object, *args: object) -> None:
    """Logs `msg % args` at `level`."""
