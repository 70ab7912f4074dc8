//! Files and logging through the simulator's platform: `/ext` on the SD
//! folder, files left open closed at the end, log records and levels.

mod common;

use common::TestCompiler;
use fzpy_sim::{new_vm, SimOptions};
use fzpy_vm::{Config, Platform, Vm};
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

fn sd_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("fzpy-simfiles-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn ext_maps_to_the_sd_folder_and_open_files_close_at_exit() {
    let sd = sd_dir("ext");
    std::fs::write(sd.join("in.txt"), "line 1\nline 2\n").unwrap();
    for gc_stress in [false, true] {
        let opts = SimOptions {
            sd: Some(sd.clone()),
            ..SimOptions::default()
        };
        let config = Config {
            gc_stress,
            ..Config::default()
        };
        let (mut vm, st) = new_vm(config, &opts, Some(Box::new(TestCompiler))).unwrap();
        let src = "lines = open('/ext/in.txt').readlines()\n\
                   out = open('/ext/out.txt', 'w')\n\
                   for l in lines:\n    out.write(l.upper())\n\
                   keep = open('/ext/in.txt', 'rb')\n\
                   print(len(lines), keep.read(4))\n";
        vm.run_main(src, "app.py").expect("runs");
        assert_eq!(String::from_utf8_lossy(&st.borrow().stdout), "2 b'line'\n");
        // `out`, `keep` and the readlines() file are still open ...
        assert_eq!(st.borrow().files.open_count(), 3);
        vm.close_files();
        assert_eq!(st.borrow().files.open_count(), 0);
        assert_eq!(
            std::fs::read_to_string(sd.join("out.txt")).unwrap(),
            "LINE 1\nLINE 2\n"
        );
    }
    std::fs::remove_dir_all(&sd).unwrap();
}

/// A platform that keeps what goes to stderr (and stdout, in `out`), with
/// a system log level.
struct Capture {
    err: Rc<RefCell<String>>,
    out: Rc<RefCell<String>>,
    system_level: u8,
}

impl Platform for Capture {
    fn write_out(&mut self, b: &[u8]) {
        self.out.borrow_mut().push_str(&String::from_utf8_lossy(b));
    }
    fn write_err(&mut self, b: &[u8]) {
        self.err.borrow_mut().push_str(&String::from_utf8_lossy(b));
    }
    fn log_level(&mut self) -> u8 {
        self.system_level
    }
}

fn log_run(src: &str, system_level: u8) -> String {
    let err = Rc::new(RefCell::new(String::new()));
    for gc_stress in [false, true] {
        err.borrow_mut().clear();
        let p = Capture {
            err: err.clone(),
            out: Rc::default(),
            system_level,
        };
        let config = Config {
            gc_stress,
            ..Config::default()
        };
        let mut vm = Vm::new(config, Box::new(p), Some(Box::new(TestCompiler)));
        vm.run_main(src, "log.py").expect("runs");
    }
    let s = err.borrow().clone();
    s
}

#[test]
fn logging_levels_and_format() {
    let src = "import logging as L\n\
               assert (L.TRACE, L.DEBUG, L.INFO, L.WARN, L.ERROR, L.NONE) == (6, 5, 4, 3, 2, 1)\n\
               assert L.level == 4 and L.getEffectiveLevel() == 4\n\
               L.trace('t0'); L.debug('d0'); L.info('i0 %s %d', 'a', 1); L.warn('w0'); L.error('e0')\n\
               L.setLevel(L.TRACE)\n\
               assert L.level == 6\n\
               L.trace('t1 %r', [1, 'x']); L.debug('d1')\n\
               L.setLevel(0); L.setLevel(7)\n\
               assert L.level == 6\n\
               L.setLevel(L.ERROR)\n\
               L.warn('w2'); L.error('e2'); L.log(L.ERROR, 'l2 %d%%', 50); L.log(L.WARN, 'no')\n\
               L.log(L.NONE, 'n2')\n\
               L.error(12)\n\
               L.setLevel(L.NONE)\n\
               L.error('gone')\n";
    assert_eq!(
        log_run(src, 6),
        "[I][fzpy] i0 a 1\n[W][fzpy] w0\n[E][fzpy] e0\n[T][fzpy] t1 [1, 'x']\n\
         [D][fzpy] d1\n[E][fzpy] e2\n[E][fzpy] l2 50%\n[ ][fzpy] n2\n[E][fzpy] 12\n"
    );
    // The system's level caps the effective one.
    let src = "import logging as L\nL.setLevel(L.TRACE)\n\
               assert L.getEffectiveLevel() == 3, L.getEffectiveLevel()\n\
               L.info('i'); L.warn('w')\n";
    assert_eq!(log_run(src, 3), "[W][fzpy] w\n");
}

#[test]
fn logging_errors() {
    let src = "import logging as L\n\
               for f, a in [(L.info, ()), (L.log, ()), (L.setLevel, ('x',))]:\n    \
                   try:\n        f(*a)\n    except TypeError as e:\n        print(e)\n\
               try:\n    L.error('%d', 'x')\nexcept TypeError as e:\n    print(e)\n";
    let (err, out) = (Rc::new(RefCell::new(String::new())), Rc::default());
    let p = Capture {
        err: err.clone(),
        out: Rc::clone(&out),
        system_level: 6,
    };
    let mut vm = Vm::new(Config::default(), Box::new(p), Some(Box::new(TestCompiler)));
    vm.run_main(src, "log.py").expect("errors are caught");
    vm.platform.flush();
    assert_eq!(err.borrow().as_str(), "");
    assert_eq!(
        out.borrow().as_str(),
        "info() missing required argument 'msg' (pos 1)\n\
         log() missing required argument 'level' (pos 1)\n\
         'str' object cannot be interpreted as an integer\n\
         %d format: a real number is required, not str\n"
    );
}
