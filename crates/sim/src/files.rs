//! Desktop files for `open()`: a handle table over `std::fs::File`, used by
//! the `fzpy` command (host paths) and by the simulator, where the Flipper's
//! SD card folder `/ext` (and its alias `/any`) maps to a host directory.

use fzpy_vm::files::{errno, FileResult, Handles, OpenFlags, Whence};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Open files by handle (the index into the table).
#[derive(Default)]
pub struct HostFiles {
    files: Handles<File>,
    /// The host directory `/ext` stands for (None: paths are host paths).
    sd_root: Option<PathBuf>,
}

impl HostFiles {
    /// A table opening host paths as they are.
    pub fn new() -> HostFiles {
        HostFiles::default()
    }

    /// A table where `/ext/...` and `/any/...` are files under `root`.
    pub fn with_sd(root: PathBuf) -> HostFiles {
        HostFiles {
            files: Handles::default(),
            sd_root: Some(root),
        }
    }

    /// The host path for a VM path.
    pub fn host_path(&self, path: &str) -> PathBuf {
        if let Some(root) = &self.sd_root {
            for mount in ["/ext", "/any"] {
                if let Some(rest) = path.strip_prefix(mount) {
                    if rest.is_empty() || rest.starts_with('/') {
                        return root.join(rest.trim_start_matches('/'));
                    }
                }
            }
        }
        PathBuf::from(path)
    }

    /// Opens `path`; a directory fails with EISDIR, as CPython's `open`.
    pub fn open(&mut self, path: &str, f: OpenFlags) -> FileResult<u32> {
        let p = self.host_path(path);
        let mut o = OpenOptions::new();
        o.read(f.read)
            .write(f.write && !f.append)
            .append(f.append)
            .truncate(f.truncate);
        if f.exclusive {
            o.create_new(true);
        } else {
            o.create(f.create);
        }
        if is_dir(&p) {
            return Err(errno::EISDIR);
        }
        let file = o.open(&p).map_err(|e| code(&e))?;
        self.files.insert(file)
    }

    fn get(&mut self, h: u32) -> FileResult<&mut File> {
        self.files.get(h)
    }

    /// Reads at the position.
    pub fn read(&mut self, h: u32, buf: &mut [u8]) -> FileResult<usize> {
        let f = self.get(h)?;
        loop {
            match f.read(buf) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                r => return r.map_err(|e| code(&e)),
            }
        }
    }

    /// Writes at the position (the end in append mode).
    pub fn write(&mut self, h: u32, data: &[u8]) -> FileResult<usize> {
        self.get(h)?.write(data).map_err(|e| code(&e))
    }

    /// Moves the position.
    pub fn seek(&mut self, h: u32, off: i64, whence: Whence) -> FileResult<u64> {
        let to = match whence {
            Whence::Set => SeekFrom::Start(u64::try_from(off).map_err(|_| errno::EINVAL)?),
            Whence::Cur => SeekFrom::Current(off),
            Whence::End => SeekFrom::End(off),
        };
        self.get(h)?.seek(to).map_err(|e| code(&e))
    }

    /// Flushes written data to the disk's cache (std files are unbuffered).
    pub fn flush(&mut self, h: u32) -> FileResult<()> {
        self.get(h)?.flush().map_err(|e| code(&e))
    }

    /// Closes a handle.
    pub fn close(&mut self, h: u32) -> FileResult<()> {
        self.files.close(h)
    }

    /// Closes everything.
    pub fn close_all(&mut self) {
        self.files.close_all();
    }

    /// Handles open now.
    pub fn open_count(&self) -> usize {
        self.files.open_count()
    }
}

fn is_dir(p: &Path) -> bool {
    std::fs::metadata(p).is_ok_and(|m| m.is_dir())
}

/// The errno of an I/O error (the OS's number on Unix; by kind elsewhere).
fn code(e: &std::io::Error) -> i32 {
    #[cfg(unix)]
    if let Some(n) = e.raw_os_error() {
        return n;
    }
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => errno::ENOENT,
        K::PermissionDenied => errno::EACCES,
        K::AlreadyExists => errno::EEXIST,
        K::InvalidInput => errno::EINVAL,
        _ => errno::EIO,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("fzpy-files-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn sd_paths_map_to_the_root() {
        let f = HostFiles::with_sd(PathBuf::from("/sd"));
        assert_eq!(f.host_path("/ext/a/b.txt"), PathBuf::from("/sd/a/b.txt"));
        assert_eq!(f.host_path("/any/x"), PathBuf::from("/sd/x"));
        assert_eq!(f.host_path("/ext"), PathBuf::from("/sd/"));
        assert_eq!(f.host_path("/extra/x"), PathBuf::from("/extra/x"));
        assert_eq!(f.host_path("rel.txt"), PathBuf::from("rel.txt"));
        assert_eq!(
            HostFiles::new().host_path("/ext/x"),
            PathBuf::from("/ext/x")
        );
    }

    #[test]
    fn open_read_write_seek_close() {
        let d = tmp("rw");
        let mut f = HostFiles::with_sd(d.clone());
        let w = OpenFlags {
            write: true,
            create: true,
            truncate: true,
            ..Default::default()
        };
        let h = f.open("/ext/a.txt", w).unwrap();
        assert_eq!(f.write(h, b"hello").unwrap(), 5);
        f.close(h).unwrap();
        assert_eq!(f.close(h), Err(errno::EBADF));
        assert_eq!(std::fs::read(d.join("a.txt")).unwrap(), b"hello");
        let r = OpenFlags {
            read: true,
            ..Default::default()
        };
        let h = f.open("/ext/a.txt", r).unwrap();
        assert_eq!(f.seek(h, 1, Whence::Set).unwrap(), 1);
        let mut buf = [0; 8];
        assert_eq!(f.read(h, &mut buf).unwrap(), 4);
        assert_eq!(&buf[..4], b"ello");
        assert_eq!(f.seek(h, -2, Whence::End).unwrap(), 3);
        assert_eq!(f.seek(h, -1, Whence::Set), Err(errno::EINVAL));
        assert_eq!(f.open_count(), 1);
        f.close_all();
        assert_eq!(f.open_count(), 0);
        assert_eq!(f.open("/ext/missing", r), Err(errno::ENOENT));
        assert_eq!(f.open("/ext", r), Err(errno::EISDIR));
        let x = OpenFlags {
            write: true,
            create: true,
            exclusive: true,
            ..Default::default()
        };
        assert_eq!(f.open("/ext/a.txt", x), Err(errno::EEXIST));
        std::fs::remove_dir_all(&d).unwrap();
    }
}
