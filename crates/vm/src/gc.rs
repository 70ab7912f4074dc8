//! The collector: exact, mark-compact, sliding (objects keep their order).
//!
//! 1. Mark: from the roots and the stack slots, set one bit per word of
//!    every reachable object in a bitmap (an explicit, fixed-size mark
//!    stack; when it overflows, the heap is rescanned for marked objects
//!    with unmarked children, so marking never allocates or recurses).
//! 2. Forwarding: the heap is split in chunks of 32 words, one bitmap word
//!    each. `fwd[c]` = live words before chunk `c`, so an object at word
//!    `w` moves to `fwd[w / 32] + popcount(bits of chunk below w)`.
//! 3. Update every reference (roots, stack, live objects) to its new place.
//! 4. Slide live objects down in address order.
//!
//! Afterwards all free space is one block above `top`: fragmentation can
//! never make an allocation fail while enough memory is free.

use crate::heap::{kind, Heap};
use crate::value::Value;

impl Heap {
    /// Bitmap word index of heap word `w`, within the GC tables.
    #[inline]
    fn bitmap_at(&self) -> usize {
        self.limit
    }

    #[inline]
    fn fwd_at(&self) -> usize {
        self.limit + self.limit / 32
    }

    #[inline]
    fn is_marked(&self, w: usize) -> bool {
        self.words[self.bitmap_at() + w / 32] & (1 << (w % 32)) != 0
    }

    /// Marks all words of the object at `w`.
    fn mark_words(&mut self, w: usize) {
        let size = (self.words[w] >> 8) as usize;
        let base = self.bitmap_at();
        let (mut i, end) = (w, w + size);
        while i < end {
            let bit = i % 32;
            let n = (32 - bit).min(end - i);
            let mask = if n == 32 {
                u32::MAX
            } else {
                ((1u32 << n) - 1) << bit
            };
            self.words[base + i / 32] |= mask;
            i += n;
        }
    }

    /// Marks `v` if it is an unmarked heap object; queues it for scanning.
    #[inline]
    fn mark_value(&mut self, v: Value, sp: &mut usize, overflow: &mut bool) {
        if !v.is_heap() {
            return;
        }
        let w = v.word();
        if w >= self.top || self.is_marked(w) {
            return;
        }
        self.mark_words(w);
        if (self.words[w] & 0xff) as u8 >= kind::FIRST_SCANNED {
            if *sp < self.mark_stack.len() {
                self.mark_stack[*sp] = w as u32;
                *sp += 1;
            } else {
                *overflow = true;
            }
        }
    }

    /// Scans the children of the object at `w`.
    fn scan(&mut self, w: usize, sp: &mut usize, overflow: &mut bool) {
        let size = (self.words[w] >> 8) as usize;
        for i in w + 1..w + size {
            let v = Value(self.words[i]);
            self.mark_value(v, sp, overflow);
        }
    }

    fn drain(&mut self, sp: &mut usize, overflow: &mut bool) {
        while *sp > 0 {
            *sp -= 1;
            let w = self.mark_stack[*sp] as usize;
            self.scan(w, sp, overflow);
        }
    }

    fn mark(&mut self) {
        let nbits = self.limit / 32;
        let base = self.bitmap_at();
        self.words[base..base + nbits].fill(0);
        let (mut sp, mut overflow) = (0usize, false);
        for i in 0..self.roots.len() {
            let v = self.roots[i];
            self.mark_value(v, &mut sp, &mut overflow);
            self.drain(&mut sp, &mut overflow);
        }
        for i in 0..self.sp {
            let v = self.slot(i);
            self.mark_value(v, &mut sp, &mut overflow);
            self.drain(&mut sp, &mut overflow);
        }
        while overflow {
            overflow = false;
            let mut w = 1;
            while w < self.top {
                let size = (self.words[w] >> 8) as usize;
                if self.is_marked(w) && (self.words[w] & 0xff) as u8 >= kind::FIRST_SCANNED {
                    self.scan(w, &mut sp, &mut overflow);
                    self.drain(&mut sp, &mut overflow);
                }
                w += size.max(1);
            }
        }
    }

    /// Where the object at word `w` moves to.
    #[inline]
    fn forward_word(&self, w: usize) -> usize {
        let c = w / 32;
        let below = self.words[self.bitmap_at() + c] & ((1u32 << (w % 32)) - 1);
        self.words[self.fwd_at() + c] as usize + below.count_ones() as usize
    }

    #[inline]
    fn forward(&self, v: Value) -> Value {
        if v.is_heap() && v.word() < self.top {
            Value::from_word(self.forward_word(v.word()))
        } else {
            v
        }
    }

    /// Stress mode: moves every object up one word behind a dead filler, so
    /// that the next collection (which drops the filler) moves every object
    /// again. A value held across an allocation without a root is then
    /// found at once instead of by luck.
    fn shift_up_one(&mut self) {
        let top = self.top;
        if top + 1 > self.stack_floor() {
            return;
        }
        self.words.copy_within(1..top, 2);
        self.words[1] = Heap::header(kind::FILLER, 1);
        self.top = top + 1;
        let bump = |v: Value| {
            if v.is_heap() && v.word() < top {
                Value::from_word(v.word() + 1)
            } else {
                v
            }
        };
        for i in 0..self.roots.len() {
            self.roots[i] = bump(self.roots[i]);
        }
        for i in 0..self.sp {
            let v = bump(self.slot(i));
            self.set_slot(i, v);
        }
        let mut w = 2;
        while w < self.top {
            let size = (self.words[w] >> 8) as usize;
            if (self.words[w] & 0xff) as u8 >= kind::FIRST_SCANNED {
                for i in w + 1..w + size {
                    self.words[i] = bump(Value(self.words[i])).0;
                }
            }
            w += size.max(1);
        }
    }

    /// Runs a full collection.
    pub fn collect(&mut self) {
        self.mark();
        // Word 0 is never an object but stays in place: count it as live.
        let base = self.bitmap_at();
        self.words[base] |= 1;
        // Forwarding table.
        let chunks = self.top.div_ceil(32);
        let fwd = self.fwd_at();
        let mut live = 0u32;
        for c in 0..chunks {
            self.words[fwd + c] = live;
            live += self.words[base + c].count_ones();
        }
        // Update references in roots, stack and live objects.
        for i in 0..self.roots.len() {
            self.roots[i] = self.forward(self.roots[i]);
        }
        for i in 0..self.sp {
            let v = self.forward(self.slot(i));
            self.set_slot(i, v);
        }
        let mut w = 1;
        while w < self.top {
            let size = (self.words[w] >> 8) as usize;
            if self.is_marked(w) && (self.words[w] & 0xff) as u8 >= kind::FIRST_SCANNED {
                for i in w + 1..w + size {
                    self.words[i] = self.forward(Value(self.words[i])).0;
                }
            }
            w += size.max(1);
        }
        // Slide.
        let mut w = 1;
        let mut to = 1;
        while w < self.top {
            let size = (self.words[w] >> 8) as usize;
            if self.is_marked(w) {
                if to != w {
                    self.words.copy_within(w..w + size, to);
                }
                to += size;
            }
            w += size.max(1);
        }
        if self.stress {
            // Poison freed words so that stale references fail loudly.
            self.words[to..self.top].fill(0xdead_beef);
        }
        self.top = to;
        if self.stress && self.epoch & 1 == 0 {
            self.shift_up_one();
        }
        self.epoch = self.epoch.wrapping_add(1);
        self.collections = self.collections.wrapping_add(1);
        self.allocated_since = 0;
    }
}

#[cfg(test)]
mod tests {
    use crate::heap::{kind, root, Heap};
    use crate::value::Value;

    fn tuple(h: &mut Heap, items: &[Value]) -> Value {
        let t = h.alloc(kind::TUPLE, items.len()).unwrap();
        for (i, &v) in items.iter().enumerate() {
            h.set(t, i, v);
        }
        t
    }

    #[test]
    fn garbage_is_reclaimed_and_live_objects_move_down() {
        let mut h = Heap::new(16 * 1024);
        let garbage = h.alloc(kind::TUPLE, 10).unwrap();
        let a = h.alloc(kind::FLOAT, 2).unwrap();
        h.set_raw(a, 0, 1234);
        let t = tuple(&mut h, &[a, Value::int(7)]);
        h.set_root(root::TMP0, t);
        let before = h.used_bytes();
        h.collect();
        assert!(h.used_bytes() < before);
        let t2 = h.root(root::TMP0);
        assert!(t2.word() < t.word());
        assert!(t2.word() <= garbage.word() + 3);
        let a2 = h.get(t2, 0);
        assert_eq!(h.kind(a2), kind::FLOAT);
        assert_eq!(h.raw(a2, 0), 1234);
        assert_eq!(h.get(t2, 1), Value::int(7));
    }

    #[test]
    fn long_chains_mark_without_recursion() {
        let mut h = Heap::new(512 * 1024);
        let mut head = Value::NONE;
        for i in 0..5000 {
            h.set_root(root::TMP0, head);
            let cell = h.alloc(kind::TUPLE, 2).unwrap();
            head = h.root(root::TMP0);
            h.set(cell, 0, Value::int(i));
            h.set(cell, 1, head);
            head = cell;
            // Garbage between the cells so everything slides.
            h.alloc(kind::TUPLE, 1).unwrap();
        }
        h.set_root(root::TMP0, head);
        h.collect();
        let mut v = h.root(root::TMP0);
        let mut n = 4999;
        while v != Value::NONE {
            assert_eq!(h.get(v, 0), Value::int(n));
            v = h.get(v, 1);
            n -= 1;
        }
        assert_eq!(n, -1);
    }

    #[test]
    fn full_heap_reports_out_of_memory_and_recovers() {
        let mut h = Heap::new(8 * 1024);
        // Garbage alone never exhausts the heap: collections reclaim it.
        for _ in 0..10_000 {
            h.alloc(kind::TUPLE, 16).unwrap();
        }
        // A rooted chain does.
        let mut n = 0;
        while let Ok(t) = h.alloc(kind::TUPLE, 16) {
            let head = h.root(root::TMP0);
            h.set(t, 0, head);
            h.set_root(root::TMP0, t);
            n += 1;
            assert!(n < 10_000);
        }
        assert!(n > 50);
        h.set_root(root::TMP0, Value::NULL);
        assert!(h.alloc(kind::TUPLE, 16).is_ok());
    }

    #[test]
    fn stack_slots_are_roots() {
        let mut h = Heap::new(16 * 1024);
        h.reserve_stack(4).unwrap();
        h.alloc(kind::TUPLE, 5).unwrap();
        let t = h.alloc(kind::TUPLE, 1).unwrap();
        h.set(t, 0, Value::int(99));
        h.push(t);
        h.collect();
        let t2 = h.peek(0);
        assert_ne!(t, t2);
        assert_eq!(h.get(t2, 0), Value::int(99));
    }
}
