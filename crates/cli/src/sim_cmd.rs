//! `fzpy sim APP.py [options]`: runs a Flipper app in the desktop simulator
//! (headless): scripted keys, simulated clock, screen dump / screenshot /
//! output event log at the end. Without headless options the app plays
//! interactively instead (`sim_live`).

use std::process::ExitCode;

const USAGE: &str = "usage: fzpy sim APP.py [options] [ARGS...] (options anywhere)
  --keys SCRIPT        input, e.g. right,right,ok,wait:500,long:back
                       (prefixes long: press: release: repeat:, wait:MS; 100 ms apart)
  --timeout SECONDS    simulated seconds before KeyboardInterrupt (default 60)
  --dump-screen        print the last screen as text art (# black, . white)
  --screenshot OUT.png save the last screen, 4x, Flipper orange
  --frames DIR         save every screen shown (canvas_update) as DIR/frame_0001.png ...
  --wav OUT.wav        save the speaker's tones (22050 Hz mono 16-bit, at most 10 min)
  --events             print LED/vibro/speaker/GPIO/PWM/IR/UART events, and
                       what is switched off when the app ends
  --inputs FILE        simulated inputs on the timeline, one a line:
                       TIME_MS gpio PB2 high|low, TIME_MS adc PC0 VOLTS,
                       TIME_MS uart \"text\\n\" or hex bytes, TIME_MS ir 9000 4500 ...
                       (# comments; see docs/simulator.md)
  --sd DIR             host folder the SD card /ext maps to (default: a fresh
                       temporary folder, removed at exit); other paths are host paths
  --heap SIZE          Python heap size (default 64k)
  --gc-stress          collect at every allocation
Without --keys, --timeout, --dump-screen, --screenshot, --frames, --wav,
--events or --inputs the app plays on the real clock in a window, or in the
terminal without a display (arrows, Enter = OK, Backspace/Esc = Back; q quits
in the terminal).
  --headless / --window / --terminal   force a mode";

/// Runs the `sim` subcommand with the arguments after `sim`.
pub fn run(args: &[String]) -> ExitCode {
    let live = crate::sim_live::mode(args);
    let mut opts = fzpy_sim::SimOptions {
        echo: true,
        ..Default::default()
    };
    let mut config = fzpy_vm::Config::default();
    let (mut dump, mut events) = (false, false);
    let mut shot: Option<String> = None;
    let mut rec = crate::sim_out::Recordings::default();
    let mut i = 0;
    let mut file: Option<String> = None;
    let mut rest: Vec<String> = Vec::new();
    while i < args.len() {
        let a = args[i].as_str();
        let val = args.get(i + 1);
        let need = |v: Option<&String>| -> Result<String, ExitCode> {
            v.cloned().ok_or_else(|| {
                eprintln!("fzpy sim: {a} needs a value\n{USAGE}");
                ExitCode::from(2)
            })
        };
        match a {
            "--keys" => match need(val) {
                Ok(v) => {
                    opts.keys = v;
                    i += 1;
                }
                Err(c) => return c,
            },
            "--timeout" => match need(val).map(|v| v.parse::<f64>()) {
                Ok(Ok(t)) if t >= 0.0 => {
                    opts.timeout_s = t;
                    i += 1;
                }
                Ok(_) => {
                    eprintln!("fzpy sim: --timeout needs a number of seconds");
                    return ExitCode::from(2);
                }
                Err(c) => return c,
            },
            "--sd" => match need(val) {
                Ok(v) => {
                    opts.sd = Some(v.into());
                    i += 1;
                }
                Err(c) => return c,
            },
            "--inputs" => match need(val).map(|f| read_inputs(&f)) {
                Ok(Ok(inputs)) => {
                    opts.inputs = inputs;
                    i += 1;
                }
                Ok(Err(e)) => {
                    eprintln!("fzpy sim: {e}");
                    return ExitCode::from(2);
                }
                Err(c) => return c,
            },
            "--screenshot" => match need(val) {
                Ok(v) => {
                    shot = Some(v);
                    i += 1;
                }
                Err(c) => return c,
            },
            "--heap" => match need(val).map(|v| crate::parse_size(&v)) {
                Ok(Some(n)) => {
                    config.heap_bytes = n;
                    i += 1;
                }
                Ok(None) => {
                    eprintln!("fzpy sim: --heap needs a size such as 16k, 64k or 1m");
                    return ExitCode::from(2);
                }
                Err(c) => return c,
            },
            _ if crate::sim_out::Recordings::OPTIONS.contains(&a) => match need(val) {
                Ok(v) => {
                    rec.set(a, v);
                    i += 1;
                }
                Err(c) => return c,
            },
            "--dump-screen" => dump = true,
            "--events" => events = true,
            "--gc-stress" => config.gc_stress = true,
            "--headless" | "--window" | "--terminal" => {} // see sim_live::mode
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if a.starts_with('-') => {
                eprintln!("fzpy sim: unknown option {a}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ if file.is_none() => file = Some(a.to_string()),
            _ => rest.push(a.to_string()),
        }
        i += 1;
    }
    let Some(file) = file else {
        eprintln!("fzpy sim: no app given\n{USAGE}");
        return ExitCode::from(2);
    };
    config.argv = std::iter::once(file.clone()).chain(rest).collect();
    config.path0 = std::path::Path::new(&file)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let src = match std::fs::read_to_string(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("fzpy sim: can't open file '{file}': {e}");
            return ExitCode::from(2);
        }
    };
    let _card = match &opts.sd {
        Some(d) if !d.is_dir() => {
            eprintln!("fzpy sim: --sd {}: not a directory", d.display());
            return ExitCode::from(2);
        }
        Some(_) => None,
        None => match TempCard::new() {
            Ok(c) => {
                opts.sd = Some(c.0.clone());
                Some(c)
            }
            Err(e) => {
                eprintln!("fzpy sim: can't make the SD card folder: {e}");
                return ExitCode::from(2);
            }
        },
    };
    if live != crate::sim_live::Mode::Headless {
        if let Some(code) = crate::sim_live::run(config.clone(), &src, &file, live, opts.sd.clone())
        {
            return code;
        }
    }
    let (mut vm, state) =
        match fzpy_sim::new_vm(config, &opts, Some(Box::new(crate::host::HostCompiler))) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("fzpy sim: {e}");
                return ExitCode::from(2);
            }
        };
    if let Err(e) = rec.start(&mut state.borrow_mut()) {
        eprintln!("fzpy sim: {e}");
        return ExitCode::from(2);
    }
    let r = vm.run_main(&src, &file);
    fzpy_sim::release_all(&mut vm);
    let code = crate::finish(&mut vm, r);
    let st = state.borrow();
    let recorded = rec.finish(&st);
    if st.timed_out {
        eprintln!(
            "fzpy sim: timeout after {} s of simulated time",
            opts.timeout_s
        );
    }
    if events {
        for e in &st.events {
            println!("{e}");
        }
    }
    if dump {
        print!("{}", st.screen.dump());
    }
    if let Some(path) = shot {
        if let Err(e) = std::fs::write(&path, fzpy_sim::screenshot_png(&st.screen, 4)) {
            eprintln!("fzpy sim: can't write '{path}': {e}");
            return ExitCode::from(1);
        }
    }
    if !recorded {
        return ExitCode::from(1);
    }
    code
}

/// The `--inputs` file, read: errors as `FILE:LINE: what`.
fn read_inputs(path: &str) -> Result<fzpy_sim::inputs::Inputs, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("can't read '{path}': {e}"))?;
    fzpy_sim::inputs::parse(&text).map_err(|e| format!("{path}:{}: {}", e.line, e.msg))
}

/// The default SD card: a new folder in the temporary directory, removed
/// (with what the app wrote) when dropped.
struct TempCard(std::path::PathBuf);

impl TempCard {
    fn new() -> std::io::Result<TempCard> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!("fzpy-sd-{}-{nanos:08x}", std::process::id()));
        std::fs::create_dir(&dir)?;
        Ok(TempCard(dir))
    }
}

impl Drop for TempCard {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
