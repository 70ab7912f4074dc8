//! How much memory the script gets: the Python heap from the firmware's free memory,
//! the nesting limits from the app's stack.

/// The Python heap for a largest free block of `max_free_block` bytes: the block minus
/// `reserve`, rounded down to 1 KB; None if that is below `min`.
pub fn heap_bytes(max_free_block: usize, reserve: usize, min: usize) -> Option<usize> {
    let n = max_free_block.saturating_sub(reserve) / 1024 * 1024;
    (n >= min).then_some(n)
}

/// A nesting limit (the parser's, the `.fzb` loader's) for a `stack`-byte stack:
/// what is left after `base` bytes, `per_level` bytes a level (at least 1).
pub fn nesting_limit(stack: usize, base: usize, per_level: usize) -> u32 {
    (stack.saturating_sub(base) / per_level.max(1)).max(1) as u32
}

/// `sys.path[0]` for a script: its folder ("" for a bare name).
pub fn script_dir(path: &str) -> &str {
    path.rfind('/').map_or("", |k| &path[..k])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heap_is_the_block_minus_the_reserve_in_whole_kilobytes() {
        assert_eq!(
            heap_bytes(105 * 1024 + 700, 32 * 1024, 8 * 1024),
            Some(73 * 1024)
        );
        assert_eq!(heap_bytes(40 * 1024, 32 * 1024, 8 * 1024), Some(8 * 1024));
        assert_eq!(heap_bytes(40 * 1024 - 1, 32 * 1024, 8 * 1024), None);
        assert_eq!(heap_bytes(1000, 32 * 1024, 8 * 1024), None);
    }

    #[test]
    fn nesting_limit_follows_the_stack() {
        assert_eq!(nesting_limit(24 * 1024, 8 * 1024, 1024), 16);
        assert_eq!(nesting_limit(4 * 1024, 8 * 1024, 1024), 1);
        assert_eq!(nesting_limit(4096, 0, 0), 4096);
    }

    #[test]
    fn script_dir_is_the_folder() {
        assert_eq!(
            script_dir("/ext/apps_data/fzpy/x.py"),
            "/ext/apps_data/fzpy"
        );
        assert_eq!(script_dir("/x.py"), "");
        assert_eq!(script_dir("x.py"), "");
    }
}
