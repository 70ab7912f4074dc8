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

/// The table of open files a [`crate::Platform`] hands out handles for: a
/// handle is an index, a closed handle's slot is reused, and at most `limit`
/// files are open at once.
pub struct Handles<T> {
    slots: alloc::vec::Vec<Option<T>>,
    limit: usize,
}

impl<T> Handles<T> {
    /// An empty table holding at most `limit` open files.
    pub const fn new(limit: usize) -> Handles<T> {
        Handles {
            slots: alloc::vec::Vec::new(),
            limit,
        }
    }

    /// `EMFILE` when the table is full; check before opening, so that a file
    /// is not created or emptied by an open that cannot be kept.
    pub fn check_room(&self) -> FileResult<()> {
        if self.slots.len() < self.limit || self.slots.iter().any(Option::is_none) {
            Ok(())
        } else {
            Err(errno::EMFILE)
        }
    }

    /// Keeps an opened file and returns its handle (`EMFILE` when full).
    pub fn insert(&mut self, file: T) -> FileResult<u32> {
        self.check_room()?;
        let h = match self.slots.iter().position(Option::is_none) {
            Some(h) => h,
            None => {
                self.slots.push(None);
                self.slots.len() - 1
            }
        };
        self.slots[h] = Some(file);
        Ok(h as u32)
    }

    /// The open file of handle `h` (`EBADF` if none).
    pub fn get(&mut self, h: u32) -> FileResult<&mut T> {
        self.slots
            .get_mut(h as usize)
            .and_then(Option::as_mut)
            .ok_or(errno::EBADF)
    }

    /// Closes (drops) the file of handle `h` (`EBADF` if none).
    pub fn close(&mut self, h: u32) -> FileResult<()> {
        match self.slots.get_mut(h as usize).and_then(Option::take) {
            Some(_) => Ok(()),
            None => Err(errno::EBADF),
        }
    }

    /// Closes every file.
    pub fn close_all(&mut self) {
        self.slots.clear();
    }

    /// How many files are open.
    pub fn open_count(&self) -> usize {
        self.slots.iter().filter(|f| f.is_some()).count()
    }
}

/// A table without a limit on open files (the desktop's).
impl<T> Default for Handles<T> {
    fn default() -> Handles<T> {
        Handles::new(usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_reused_bounded_and_checked() {
        let mut t: Handles<&str> = Handles::new(2);
        assert_eq!(t.insert("a"), Ok(0));
        assert_eq!(t.insert("b"), Ok(1));
        assert_eq!(t.check_room(), Err(errno::EMFILE));
        assert_eq!(t.insert("c"), Err(errno::EMFILE));
        assert_eq!(t.close(0), Ok(()));
        assert_eq!(t.close(0), Err(errno::EBADF));
        assert_eq!(t.get(0).err(), Some(errno::EBADF));
        assert_eq!(t.insert("d"), Ok(0));
        assert_eq!(t.get(0).map(|f| *f), Ok("d"));
        assert_eq!(t.get(7).err(), Some(errno::EBADF));
        assert_eq!(t.open_count(), 2);
        t.close_all();
        assert_eq!(t.open_count(), 0);
        assert_eq!(t.insert("e"), Ok(0));
    }
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
