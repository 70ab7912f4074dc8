//! Files on the SD card through the firmware's `storage` record.

use alloc::ffi::CString;
use alloc::vec::Vec;
use core::ffi::c_void;
use flipperzero_sys as sys;

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

impl Drop for Storage {
    fn drop(&mut self) {
        // SAFETY: opened in `Storage::open`.
        unsafe { sys::furi_record_close(c"storage".as_ptr()) };
    }
}
