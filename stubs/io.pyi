"""Type stubs for fzpy's `io` module (mp-flipper's API, CPython's behaviour).

Files are opened through the device's storage: absolute paths (`/ext/...`,
the SD card) or paths relative to the script's directory. Text files are
UTF-8 and are not newline-translated."""

from typing import Iterator, List, Optional, Union

SEEK_SET: int
"""`seek` whence: from the start of the file. Value 0."""

SEEK_CUR: int
"""`seek` whence: from the current position. Value 1."""

SEEK_END: int
"""`seek` whence: from the end of the file. Value 2."""

class UnsupportedOperation(OSError, ValueError):
    """Raised for an operation the file's mode does not allow (reading a
    write-only file, a nonzero relative seek in a text file)."""

class IOBase:
    """The base of both file classes (their methods live here)."""

class TextFileIO(IOBase):
    """A file opened in text mode: reads and writes str (UTF-8)."""

    name: Union[str, bytes]
    """The path given to `open`."""
    mode: str
    """The mode string given to `open`."""
    closed: bool
    """True once `close` was called."""

    def read(self, size: Optional[int] = -1) -> str:
        """Up to `size` characters; all of the rest when negative or None."""
    def readline(self, size: int = -1) -> str:
        """The next line with its '\\n' ('' at the end), at most `size` characters."""
    def readlines(self, hint: int = -1) -> List[str]:
        """The remaining lines (stopping once `hint` characters were read, if given)."""
    def write(self, s: str) -> int:
        """Writes `s`; returns the number of characters written."""
    def flush(self) -> None:
        """Pushes written data to the storage."""
    def seek(self, offset: int, whence: int = 0) -> int:
        """Moves to a position from tell() (or 0 from the end); returns it."""
    def tell(self) -> int:
        """The current position (a byte offset)."""
    def close(self) -> None:
        """Closes the file; later operations raise ValueError."""
    def readable(self) -> bool:
        """Whether the file was opened for reading."""
    def writable(self) -> bool:
        """Whether the file was opened for writing."""
    def seekable(self) -> bool:
        """Whether the storage can seek in the file."""
    def __enter__(self) -> "TextFileIO":
        """`with open(...) as f:` gives the file itself."""
    def __exit__(self, *exc: object) -> None:
        """Closes the file at the end of the `with` block."""
    def __iter__(self) -> Iterator[str]:
        """Iterating gives the lines."""
    def __next__(self) -> str:
        """The next line; StopIteration at the end."""

class BinaryFileIO(IOBase):
    """A file opened in binary mode ('b'): reads bytes, writes bytes-like objects."""

    name: Union[str, bytes]
    """The path given to `open`."""
    mode: str
    """The normalised mode: 'rb', 'wb', 'ab', 'xb', 'rb+', 'ab+' or 'xb+'."""
    closed: bool
    """True once `close` was called."""

    def read(self, size: Optional[int] = -1) -> bytes:
        """Up to `size` bytes; all of the rest when negative or None."""
    def readline(self, size: int = -1) -> bytes:
        """The next line with its b'\\n' (b'' at the end), at most `size` bytes."""
    def readlines(self, hint: int = -1) -> List[bytes]:
        """The remaining lines (stopping once `hint` bytes were read, if given)."""
    def write(self, b: Union[bytes, bytearray]) -> int:
        """Writes `b`; returns the number of bytes written."""
    def flush(self) -> None:
        """Pushes written data to the storage."""
    def seek(self, offset: int, whence: int = 0) -> int:
        """Moves by `offset` bytes from SEEK_SET/SEEK_CUR/SEEK_END; returns the new position."""
    def tell(self) -> int:
        """The current position in bytes."""
    def close(self) -> None:
        """Closes the file; later operations raise ValueError."""
    def readable(self) -> bool:
        """Whether the file was opened for reading."""
    def writable(self) -> bool:
        """Whether the file was opened for writing."""
    def seekable(self) -> bool:
        """Whether the storage can seek in the file."""
    def __enter__(self) -> "BinaryFileIO":
        """`with open(...) as f:` gives the file itself."""
    def __exit__(self, *exc: object) -> None:
        """Closes the file at the end of the `with` block."""
    def __iter__(self) -> Iterator[bytes]:
        """Iterating gives the lines."""
    def __next__(self) -> bytes:
        """The next line; StopIteration at the end."""

def open(
    file: Union[str, bytes],
    mode: str = "r",
    buffering: int = -1,
    encoding: Optional[str] = None,
    errors: Optional[str] = None,
    newline: Optional[str] = None,
) -> Union[TextFileIO, BinaryFileIO]:
    """Opens a file (also the builtin `open`). `mode`: one of r w a x, then
    optionally + (read and write) and b (binary) or t (text, the default).
    Raises FileNotFoundError, FileExistsError ('x'), IsADirectoryError,
    PermissionError (OSError subclasses with errno, strerror, filename) and
    ValueError for a bad mode. Only UTF-8 is supported as encoding."""
