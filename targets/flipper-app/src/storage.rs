//! Files on the SD card through the firmware's `storage` record.

use alloc::ffi::CString;
use alloc::vec::Vec;
use core::ffi::c_void;
use flipperzero_sys as sys;
use fzpy_vm::files::{errno, FileResult, Handles, OpenFlags, Whence};

/// Files a script may have open at once (each holds a FatFs file object in the
/// firmware's heap).
const MAX_OPEN: usize = 8;

/// The open `storage` record.
pub struct Storage(*mut sys::Storage);

/// An open file, closed and freed on drop.
struct File(*mut sys::File);

impl Drop for File {
    fn drop(&mut self) {
        // SAFETY: allocated by `storage_file_alloc` and freed once; closed only if open.
        unsafe {
            if sys::storage_file_is_open(self.0) {
                sys::storage_file_close(self.0);
            }
            sys::storage_file_free(self.0);
        }
    }
}

impl Storage {
    /// Opens the record.
    pub fn open() -> Storage {
        // SAFETY: "storage" is the firmware's record of type `Storage`.
        Storage(unsafe { sys::furi_record_open(c"storage".as_ptr()) } as *mut sys::Storage)
    }

    fn file(&self, path: &str, access: sys::FS_AccessMode, mode: sys::FS_OpenMode) -> Option<File> {
        let p = CString::new(path).ok()?;
        // SAFETY: the record is open; the file handle is owned by `File`.
        let f = File(unsafe { sys::storage_file_alloc(self.0) });
        // SAFETY: `f.0` is a fresh handle and `p` a C string.
        unsafe { sys::storage_file_open(f.0, p.as_ptr(), access, mode) }.then_some(f)
    }

    /// A whole file; None if it cannot be read or memory runs out.
    pub fn read(&self, path: &str) -> Option<Vec<u8>> {
        let f = self.file(path, sys::FSAM_READ, sys::FSOM_OPEN_EXISTING)?;
        // SAFETY: `f` is open.
        let len = usize::try_from(unsafe { sys::storage_file_size(f.0) }).ok()?;
        let mut buf = Vec::new();
        buf.try_reserve_exact(len).ok()?;
        buf.resize(len, 0);
        let mut got = 0;
        while got < len {
            // SAFETY: the destination is the unread part of `buf`.
            let n = unsafe {
                sys::storage_file_read(f.0, buf[got..].as_mut_ptr() as *mut c_void, len - got)
            };
            if n == 0 {
                break;
            }
            got += n;
        }
        buf.truncate(got);
        Some(buf)
    }

    /// Writes a whole file, creating its parent directories.
    pub fn write(&self, path: &str, data: &[u8]) -> bool {
        if let Some(k) = path.rfind('/') {
            self.mkdirs(&path[..k]);
        }
        let Some(f) = self.file(path, sys::FSAM_WRITE, sys::FSOM_CREATE_ALWAYS) else {
            return false;
        };
        // SAFETY: `f` is open for writing; `data` is readable for its length.
        unsafe {
            sys::storage_file_write(f.0, data.as_ptr() as *const c_void, data.len()) == data.len()
        }
    }

    /// Whether `path` is a directory.
    pub fn is_dir(&self, path: &str) -> bool {
        let Ok(p) = CString::new(path) else {
            return false;
        };
        let mut info = sys::FileInfo { flags: 0, size: 0 };
        // SAFETY: `p` is a C string and `info` a valid out-parameter.
        let e = unsafe { sys::storage_common_stat(self.0, p.as_ptr(), &mut info) };
        e == sys::FSE_OK && info.flags & sys::FSF_DIRECTORY.0 != 0
    }

    /// Creates `dir` and its missing parents (the storage API creates one level).
    pub fn mkdirs(&self, dir: &str) {
        let mut end = 0;
        while end < dir.len() {
            end = dir[end + 1..].find('/').map_or(dir.len(), |k| end + 1 + k);
            let part = &dir[..end];
            if part.len() > 1 && !self.is_dir(part) {
                if let Ok(p) = CString::new(part) {
                    // SAFETY: `p` is a C string; an existing directory is not an error.
                    unsafe { sys::storage_simply_mkdir(self.0, p.as_ptr()) };
                }
            }
        }
    }
}

/// The files a script opened with `open()`, by handle.
pub struct OpenFiles {
    files: Handles<OpenFile>,
}

impl Default for OpenFiles {
    fn default() -> OpenFiles {
        OpenFiles {
            files: Handles::new(MAX_OPEN),
        }
    }
}

/// One open file and whether each write goes to its end.
struct OpenFile {
    file: File,
    append: bool,
}

/// The errno CPython would report for a storage error.
fn errno_of(e: sys::FS_Error) -> i32 {
    match e {
        sys::FSE_NOT_EXIST => errno::ENOENT,
        sys::FSE_EXIST => errno::EEXIST,
        sys::FSE_DENIED | sys::FSE_ALREADY_OPEN => errno::EACCES,
        sys::FSE_INVALID_NAME | sys::FSE_INVALID_PARAMETER => errno::EINVAL,
        sys::FSE_NOT_IMPLEMENTED => errno::ENOSYS,
        _ => errno::EIO,
    }
}

impl File {
    /// The errno of the file's last operation; None if it succeeded.
    fn error(&self) -> Option<i32> {
        // SAFETY: `self.0` is a live handle.
        let e = unsafe { sys::storage_file_get_error(self.0) };
        (e != sys::FSE_OK).then(|| errno_of(e))
    }

    /// The errno of a failed operation (EIO if the storage gives no reason).
    fn errno(&self) -> i32 {
        self.error().unwrap_or(errno::EIO)
    }
}

impl OpenFiles {
    /// Opens `path` on `storage` with `open()`'s flags; a directory fails with
    /// EISDIR, as CPython's `open`.
    pub fn open(&mut self, storage: &Storage, path: &str, f: OpenFlags) -> FileResult<u32> {
        if storage.is_dir(path) {
            return Err(errno::EISDIR);
        }
        self.files.check_room()?;
        let access = match (f.read, f.write || f.append) {
            (true, true) => sys::FSAM_READ_WRITE,
            (false, true) => sys::FSAM_WRITE,
            _ => sys::FSAM_READ,
        };
        let mode = if f.exclusive {
            sys::FSOM_CREATE_NEW
        } else if f.truncate {
            sys::FSOM_CREATE_ALWAYS
        } else if f.append {
            sys::FSOM_OPEN_APPEND
        } else if f.create {
            sys::FSOM_OPEN_ALWAYS
        } else {
            sys::FSOM_OPEN_EXISTING
        };
        let p = CString::new(path).map_err(|_| errno::EINVAL)?;
        // SAFETY: the record is open; the file handle is owned by `File`.
        let file = File(unsafe { sys::storage_file_alloc(storage.0) });
        // SAFETY: `file.0` is a fresh handle and `p` a C string.
        if !unsafe { sys::storage_file_open(file.0, p.as_ptr(), access, mode) } {
            return Err(file.errno());
        }
        self.files.insert(OpenFile {
            file,
            append: f.append,
        })
    }

    fn get(&mut self, h: u32) -> FileResult<&mut OpenFile> {
        self.files.get(h)
    }

    /// Reads up to `buf.len()` bytes; 0 at the end.
    pub fn read(&mut self, h: u32, buf: &mut [u8]) -> FileResult<usize> {
        let f = self.get(h)?;
        // SAFETY: the file is open; `buf` is writable for its length.
        let n =
            unsafe { sys::storage_file_read(f.file.0, buf.as_mut_ptr() as *mut c_void, buf.len()) };
        // A short read is the end of the file unless the storage reports an error.
        match f.file.error() {
            Some(e) if n < buf.len() => Err(e),
            _ => Ok(n),
        }
    }

    /// Writes `data` at the position, or at the end in append mode.
    pub fn write(&mut self, h: u32, data: &[u8]) -> FileResult<usize> {
        let f = self.get(h)?;
        if f.append {
            // SAFETY: the file is open.
            let end = unsafe { sys::storage_file_size(f.file.0) };
            let end = u32::try_from(end).map_err(|_| errno::ENOSPC)?;
            // SAFETY: the file is open.
            if !unsafe { sys::storage_file_seek(f.file.0, end, true) } {
                return Err(f.file.errno());
            }
        }
        // SAFETY: the file is open; `data` is readable for its length.
        let n = unsafe {
            sys::storage_file_write(f.file.0, data.as_ptr() as *const c_void, data.len())
        };
        // A short write is an error only when nothing was written.
        match (n, f.file.error()) {
            (0, e) if !data.is_empty() => Err(e.unwrap_or(errno::ENOSPC)),
            _ => Ok(n),
        }
    }

    /// Moves the position and returns it (FatFs positions are 32-bit).
    pub fn seek(&mut self, h: u32, offset: i64, whence: Whence) -> FileResult<u64> {
        let f = self.get(h)?;
        // SAFETY (both): the file is open.
        let base = match whence {
            Whence::Set => 0,
            Whence::Cur => unsafe { sys::storage_file_tell(f.file.0) },
            Whence::End => unsafe { sys::storage_file_size(f.file.0) },
        };
        let to = i64::try_from(base)
            .ok()
            .and_then(|b| b.checked_add(offset))
            .filter(|&p| p >= 0)
            .ok_or(errno::EINVAL)?;
        let to = u32::try_from(to).map_err(|_| errno::EINVAL)?;
        // SAFETY: the file is open.
        if !unsafe { sys::storage_file_seek(f.file.0, to, true) } {
            return Err(f.file.errno());
        }
        // SAFETY: the file is open.
        Ok(unsafe { sys::storage_file_tell(f.file.0) })
    }

    /// Writes the file's cached data to the card.
    pub fn flush(&mut self, h: u32) -> FileResult<()> {
        let f = self.get(h)?;
        // SAFETY: the file is open.
        if unsafe { sys::storage_file_sync(f.file.0) } {
            Ok(())
        } else {
            Err(f.file.errno())
        }
    }

    /// Closes a handle.
    pub fn close(&mut self, h: u32) -> FileResult<()> {
        self.files.close(h)
    }

    /// Closes every file still open (the script has ended).
    pub fn close_all(&mut self) {
        self.files.close_all();
    }
}

impl Drop for Storage {
    fn drop(&mut self) {
        // SAFETY: opened in `Storage::open`.
        unsafe { sys::furi_record_close(c"storage".as_ptr()) };
    }
}
