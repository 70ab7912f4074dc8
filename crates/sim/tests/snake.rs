//! The snake example runs headless: it starts, steers, crashes or quits on
//! a long Back, and prints the best score.

mod common;

#[test]
fn snake_example_runs_headless() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let src = std::fs::read_to_string(root.join("examples/snake.py")).unwrap();
    let keys = "press:down,release:down,wait:1000,press:left,release:left,wait:1000,long:back";
    for stress in [false, true] {
        let (out, raised, st) = common::run_with(&src, keys, stress, |_| {});
        assert!(!raised, "{out}");
        assert!(out.starts_with("best score: "), "{out}");
        let st = st.borrow();
        assert!(!st.timed_out);
        // The score line is on the last screen; the crash (or quit) buzzed.
        let dump = st.screen.dump();
        assert!(dump.lines().nth(10).unwrap().chars().all(|c| c == '#'));
        assert!(
            st.events.iter().any(|e| e.ends_with("vibro on")),
            "{:?}",
            st.events
        );
    }
}
