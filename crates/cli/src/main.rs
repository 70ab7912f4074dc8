//! `fzpy`: run Python scripts, `-c` code, or a REPL, in a fixed heap.

mod host;
mod repl;
mod sim_cmd;
mod sim_live;
mod sim_out;

use fzpy_vm::{Config, Exit, Vm};
use std::process::ExitCode;

const USAGE: &str = "usage: fzpy [--heap SIZE] [--gc-stress] [-c CODE | FILE] [ARGS...]
       fzpy compile FILE.py [-o OUT.fzb]
       fzpy dis FILE
  --heap SIZE   Python heap size, e.g. 16k, 64k, 1m (default 64k)
  --gc-stress   collect at every allocation (for testing)
  -c CODE       run CODE
  FILE          run a script (.py source or .fzb bytecode); without FILE
                or -c, start the REPL
  compile       compile FILE.py to a bytecode file (default FILE.fzb)
  dis           disassemble a .py or .fzb file";

/// Reads a file, reporting failures as `fzpy: can't open file ...`.
fn read_file(file: &str) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(file).map_err(|e| {
        eprintln!("fzpy: can't open file '{file}': {e}");
        ExitCode::from(1)
    })
}

/// Compiles a `.py` file, printing a syntax error as `FILE:LINE:COL: ...`.
fn compile_file(file: &str) -> Result<fzpy_bytecode::CodeUnit, ExitCode> {
    let src = read_file(file)?;
    let Ok(text) = std::str::from_utf8(&src) else {
        eprintln!("fzpy: {file} is not UTF-8 text");
        return Err(ExitCode::from(1));
    };
    fzpy_compiler::compile(text, file, fzpy_compiler::Mode::Exec).map_err(|e| {
        eprintln!(
            "fzpy: {file}:{}:{}: {}: {}",
            e.line,
            e.col + 1,
            match e.kind {
                fzpy_compiler::ErrorKind::Syntax => "SyntaxError",
                fzpy_compiler::ErrorKind::Indentation => "IndentationError",
                fzpy_compiler::ErrorKind::Tab => "TabError",
            },
            e.msg
        );
        ExitCode::from(1)
    })
}

/// Reads and verifies a `.fzb` file.
fn load_fzb(file: &str) -> Result<fzpy_bytecode::CodeUnit, ExitCode> {
    let data = read_file(file)?;
    fzpy_bytecode::fzb::decode(&data).map_err(|e| {
        eprintln!("fzpy: bad .fzb file '{file}': {e}");
        ExitCode::from(1)
    })
}

/// `fzpy compile FILE.py [-o OUT.fzb]`
fn cmd_compile(args: &[String]) -> ExitCode {
    let mut input: Option<&str> = None;
    let mut output: Option<&str> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-o" => {
                let Some(o) = args.get(i + 1) else {
                    eprintln!("fzpy: -o needs a file name\n{USAGE}");
                    return ExitCode::from(2);
                };
                output = Some(o);
                i += 2;
            }
            a if a.starts_with('-') && a.len() > 1 => {
                eprintln!("fzpy: unknown option {a}\n{USAGE}");
                return ExitCode::from(2);
            }
            a if input.is_none() => {
                input = Some(a);
                i += 1;
            }
            a => {
                eprintln!("fzpy: compile takes one file, got also {a}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(input) = input else {
        eprintln!("fzpy: compile needs a file\n{USAGE}");
        return ExitCode::from(2);
    };
    let out = match output {
        Some(o) => o.to_string(),
        None => std::path::Path::new(input)
            .with_extension("fzb")
            .to_string_lossy()
            .into_owned(),
    };
    if out == input {
        eprintln!("fzpy: refusing to overwrite the source file {input}");
        return ExitCode::from(2);
    }
    let cu = match compile_file(input) {
        Ok(cu) => cu,
        Err(code) => return code,
    };
    let bytes = fzpy_bytecode::fzb::encode(&cu);
    // Never write a file the loader would refuse (e.g. nesting over its limit).
    if let Err(e) = fzpy_bytecode::fzb::decode(&bytes) {
        eprintln!("fzpy: {input} can't be stored as a .fzb file: {e}");
        return ExitCode::from(1);
    }
    if let Err(e) = std::fs::write(&out, bytes) {
        eprintln!("fzpy: can't write '{out}': {e}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// `fzpy dis FILE` (`.fzb` files are decoded, anything else compiled).
fn cmd_dis(args: &[String]) -> ExitCode {
    let [file] = args else {
        eprintln!("fzpy: dis takes one file\n{USAGE}");
        return ExitCode::from(2);
    };
    let cu = if is_fzb(file) {
        load_fzb(file)
    } else {
        compile_file(file)
    };
    match cu {
        Ok(cu) => {
            print!("{}", fzpy_bytecode::dis::dis(&cu));
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// Whether a file name names a bytecode file.
fn is_fzb(file: &str) -> bool {
    std::path::Path::new(file)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("fzb"))
}

/// Parses `16k`, `1m`, `65536`.
fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim().to_ascii_lowercase();
    let (num, mul) = if let Some(n) = s.strip_suffix('k') {
        (n, 1024)
    } else if let Some(n) = s.strip_suffix('m') {
        (n, 1024 * 1024)
    } else {
        (s.as_str(), 1)
    };
    num.parse::<usize>()
        .ok()
        .map(|n| n * mul)
        .filter(|n| (4096..=1 << 30).contains(n))
}

fn new_vm(config: Config) -> Vm {
    Vm::new(
        config,
        Box::new(host::Host::new()),
        Some(Box::new(host::HostCompiler)),
    )
}

fn finish(vm: &mut Vm, r: fzpy_vm::PyResult<()>) -> ExitCode {
    let code = match r {
        Ok(()) => 0,
        Err(_) => match vm.report_exception() {
            Exit::Status(n) => n,
        },
    };
    vm.close_files();
    vm.platform.flush();
    ExitCode::from((code & 0xff) as u8)
}

fn main() -> ExitCode {
    let _ = ctrlc_setup();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("sim") {
        return sim_cmd::run(&args[1..]);
    }
    let mut config = Config {
        // Like CPython: compiled modules are cached unless asked not to.
        bytecode_cache: std::env::var_os("PYTHONDONTWRITEBYTECODE").is_none()
            && std::env::var_os("FZPY_NO_CACHE").is_none(),
        ..Config::default()
    };
    let mut i = 0;
    let mut code: Option<String> = None;
    while i < args.len() {
        match args[i].as_str() {
            "--heap" => {
                let Some(n) = args.get(i + 1).and_then(|s| parse_size(s)) else {
                    eprintln!("fzpy: --heap needs a size such as 16k, 64k or 1m (4k at least)");
                    return ExitCode::from(2);
                };
                config.heap_bytes = n;
                i += 2;
            }
            "--gc-stress" => {
                config.gc_stress = true;
                i += 1;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "-c" => {
                let Some(c) = args.get(i + 1) else {
                    eprintln!("fzpy: -c needs an argument\n{USAGE}");
                    return ExitCode::from(2);
                };
                code = Some(c.clone());
                config.argv = std::iter::once("-c".to_string())
                    .chain(args[i + 2..].iter().cloned())
                    .collect();
                i = args.len();
            }
            a if a.starts_with('-') && a.len() > 1 => {
                eprintln!("fzpy: unknown option {a}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => break,
        }
    }
    if let Some(c) = code {
        let mut vm = new_vm(config);
        let r = vm.run_main(&c, "<string>");
        return finish(&mut vm, r);
    }
    if i < args.len() && code.is_none() {
        match args[i].as_str() {
            "compile" => return cmd_compile(&args[i + 1..]),
            "dis" => return cmd_dis(&args[i + 1..]),
            _ => {}
        }
    }
    if i < args.len() {
        let file = args[i].clone();
        config.argv = args[i..].to_vec();
        let dir = std::path::Path::new(&file)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        config.path0 = dir;
        let src = match std::fs::read(&file) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("fzpy: can't open file '{file}': {e}");
                return ExitCode::from(2);
            }
        };
        let mut vm = new_vm(config);
        if is_fzb(&file) {
            let cu = match fzpy_bytecode::fzb::decode(&src) {
                Ok(cu) => cu,
                Err(e) => {
                    eprintln!("fzpy: bad .fzb file '{file}': {e}");
                    return ExitCode::from(1);
                }
            };
            let r = vm.run_main_code(&cu);
            return finish(&mut vm, r);
        }
        let r = match std::str::from_utf8(&src) {
            Ok(text) => vm.run_main(text, &file),
            Err(_) => {
                eprintln!("fzpy: {file} is not UTF-8 text");
                return ExitCode::from(1);
            }
        };
        return finish(&mut vm, r);
    }
    repl::run(config)
}

/// Installs the Ctrl+C handler (SIGINT sets a flag the VM polls).
fn ctrlc_setup() -> Result<(), ()> {
    ctrlc::set_handler(|| host::INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed))
        .map_err(|_| ())
}
