//! `fzpy sim APP.py` without headless options: the app plays in a window
//! (when built with the `window` feature and a display is there) or in the
//! terminal, on the real clock, until it ends or the user quits.

use std::process::ExitCode;

/// How `fzpy sim` runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Virtual clock, scripted keys (any headless option, or `--headless`).
    Headless,
    /// A window if possible, else the terminal, else headless.
    Auto,
    /// `--window`.
    Window,
    /// `--terminal`.
    Terminal,
}

/// Options that only make sense on the virtual clock.
const HEADLESS: &[&str] = &[
    "--keys",
    "--timeout",
    "--dump-screen",
    "--screenshot",
    "--frames",
    "--wav",
    "--events",
    "--inputs",
];

/// The mode the arguments of `fzpy sim` ask for (the last of
/// `--headless`, `--window`, `--terminal` wins over headless options).
pub fn mode(args: &[String]) -> Mode {
    let mut forced = None;
    let mut headless = false;
    for a in args {
        match a.as_str() {
            "--headless" => forced = Some(Mode::Headless),
            "--window" => forced = Some(Mode::Window),
            "--terminal" => forced = Some(Mode::Terminal),
            a if HEADLESS.contains(&a) => headless = true,
            _ => {}
        }
    }
    forced.unwrap_or(if headless { Mode::Headless } else { Mode::Auto })
}

/// Whether an X display may be there.
#[cfg(feature = "window")]
fn display() -> bool {
    std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty())
}

/// A front end, and whether it is the terminal.
type Opened = (Box<dyn fzpy_sim::realtime::Frontend>, bool);

/// Opens the front end for `mode`: Ok(None) to run headless instead.
fn frontend(mode: Mode, title: &str) -> Result<Option<Opened>, String> {
    // Only a window has a title.
    let _ = title;
    if matches!(mode, Mode::Auto | Mode::Window) {
        #[cfg(feature = "window")]
        if display() || mode == Mode::Window {
            match fzpy_sim::window::Window::open(title) {
                Ok(w) => return Ok(Some((Box::new(w), false))),
                Err(e) if mode == Mode::Window => return Err(format!("can't open a window: {e}")),
                Err(_) => {}
            }
        }
        #[cfg(not(feature = "window"))]
        if mode == Mode::Window {
            return Err("this fzpy was built without the window (feature `window`)".into());
        }
    }
    match fzpy_sim::term::Terminal::open() {
        Ok(t) => Ok(Some((Box::new(t), true))),
        Err(e) if mode == Mode::Terminal => Err(format!("can't play in the terminal: {e}")),
        // Nothing to show on: the headless run, as with no keys.
        Err(_) => Ok(None),
    }
}

/// Runs `src` interactively; None if no window or terminal is there (run
/// headless then).
pub fn run(
    config: fzpy_vm::Config,
    src: &str,
    file: &str,
    mode: Mode,
    sd: Option<std::path::PathBuf>,
) -> Option<ExitCode> {
    let (fe, terminal) = match frontend(mode, &format!("fzpy sim {file}")) {
        Ok(Some(x)) => x,
        Ok(None) => return None,
        Err(e) => {
            eprintln!("fzpy sim: {e}");
            return Some(ExitCode::from(2));
        }
    };
    // In the terminal the script's output is shown under the screen, and
    // printed when it ends.
    let echo = !terminal;
    let opts = fzpy_sim::realtime::LiveOptions {
        echo,
        ctrl_c: Some(&crate::host::INTERRUPTED),
        sd,
    };
    let (mut vm, state, handle) =
        fzpy_sim::realtime::new_vm(config, Some(Box::new(crate::host::HostCompiler)), fe, opts);
    let r = vm.run_main(src, file);
    fzpy_sim::release_all(&mut vm);
    handle.close();
    if !echo {
        use std::io::Write;
        let out = std::mem::take(&mut state.borrow_mut().stdout);
        let _ = std::io::stdout().write_all(&out);
    }
    Some(crate::finish(&mut vm, r))
}
