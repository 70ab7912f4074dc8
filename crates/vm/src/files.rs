//! The file API between `open()` and the [`crate::vm::Platform`]: how a
//! file is opened, where a seek starts, and the errno numbers a platform
//! reports (Linux's, as CPython shows them: `[Errno 2] No such file or
//! directory`).
//!
//! A platform hands out small integer handles; the VM keeps one per file
//! object and never buffers: every read and write goes to the platform.

/// Result of a platform file operation: the value, or an errno.
pub type FileResult<T> = Result<T, i32>;

/// How to open a file (derived from the `open()` mode string).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenFlags {
    /// Reading allowed.
    pub read: bool,
    /// Writing allowed.
    pub write: bool,
    /// Every write goes to the end (implies `write`).
    pub append: bool,
    /// Create the file when missing.
    pub create: bool,
    /// Fail with `EEXIST` when it exists (implies `create`).
    pub exclusive: bool,
    /// Empty an existing file.
    pub truncate: bool,
}

/// Where a seek offset counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whence {
    /// The start (`SEEK_SET`).
    Set,
    /// The current position (`SEEK_CUR`).
    Cur,
    /// The end (`SEEK_END`).
    End,
}

/// Errno numbers (Linux values, which CPython prints on every host fzpy
/// runs on; the device uses the same numbers).
pub mod errno {
    /// No such file or directory.
    pub const ENOENT: i32 = 2;
    /// Input/output error.
    pub const EIO: i32 = 5;
    /// Bad file descriptor.
    pub const EBADF: i32 = 9;
    /// Permission denied.
    pub const EACCES: i32 = 13;
    /// File exists.
    pub const EEXIST: i32 = 17;
    /// Not a directory.
    pub const ENOTDIR: i32 = 20;
    /// Is a directory.
    pub const EISDIR: i32 = 21;
    /// Invalid argument.
    pub const EINVAL: i32 = 22;
    /// Too many open files.
    pub const EMFILE: i32 = 24;
    /// No space left on device.
    pub const ENOSPC: i32 = 28;
    /// Illegal seek.
    pub const ESPIPE: i32 = 29;
    /// Read-only file system.
    pub const EROFS: i32 = 30;
    /// File name too long.
    pub const ENAMETOOLONG: i32 = 36;
    /// Function not implemented.
    pub const ENOSYS: i32 = 38;
}

/// The text CPython (glibc) gives for an errno.
pub fn strerror(e: i32) -> &'static str {
    match e {
        errno::ENOENT => "No such file or directory",
        errno::EIO => "Input/output error",
        errno::EBADF => "Bad file descriptor",
        errno::EACCES => "Permission denied",
        errno::EEXIST => "File exists",
        errno::ENOTDIR => "Not a directory",
        errno::EISDIR => "Is a directory",
        errno::EINVAL => "Invalid argument",
        errno::EMFILE => "Too many open files",
        errno::ENOSPC => "No space left on device",
        errno::ESPIPE => "Illegal seek",
        errno::EROFS => "Read-only file system",
        errno::ENAMETOOLONG => "File name too long",
        errno::ENOSYS => "Function not implemented",
        _ => "Unknown error",
    }
}

/// The OSError subclass CPython raises for an errno.
pub fn error_type(e: i32) -> crate::types::TypeId {
    use crate::types::TypeId;
    match e {
        errno::ENOENT => TypeId::FileNotFoundError,
        errno::EEXIST => TypeId::FileExistsError,
        errno::EISDIR => TypeId::IsADirectoryError,
        errno::ENOTDIR => TypeId::NotADirectoryError,
        errno::EACCES => TypeId::PermissionError,
        _ => TypeId::OSError,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::TypeId;

    #[test]
    fn errno_texts_and_types() {
        assert_eq!(strerror(errno::ENOENT), "No such file or directory");
        assert_eq!(strerror(12345), "Unknown error");
        assert_eq!(error_type(errno::ENOENT), TypeId::FileNotFoundError);
        assert_eq!(error_type(errno::EISDIR), TypeId::IsADirectoryError);
        assert_eq!(error_type(errno::EIO), TypeId::OSError);
    }
}
