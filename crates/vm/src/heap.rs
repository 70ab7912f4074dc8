//! The heap: one block of words, fixed at start, holding every Python object
//! and the VM's value stack.
//!
//! ```text
//! word 0                     top                stack_floor        limit       len
//! | objects (bump-allocated) | free             | <- value stack   | GC tables |
//! ```
//! Objects grow upwards from word 1 (word 0 is never an object, so offset 0
//! can mean NULL); the value stack grows downwards from `limit` (slot `i` is
//! word `limit - 1 - i`); the collector's mark bitmap and forwarding table
//! sit after `limit`. An object is a header word (`size << 8 | kind`, size in
//! words including the header) followed by its payload. Kinds below
//! [`kind::FIRST_SCANNED`] hold raw data; the payload of all other kinds is
//! nothing but [`Value`]s, which is all the collector needs to know.
//!
//! Allocation never leaves the block: when it does not fit, the collector
//! runs (see `gc.rs`), and if it still does not fit the caller raises
//! MemoryError. A small reserve is kept back for exception objects so that
//! MemoryError itself can always be raised.

use crate::value::Value;
use alloc::boxed::Box;
use alloc::vec;

/// Object kinds (the low byte of a header).
pub mod kind {
    /// Free filler word(s) (dead; never referenced).
    pub const FILLER: u8 = 0;
    /// str: `[hash][nchars][nbytes][utf-8 bytes...]`
    pub const STR: u8 = 1;
    /// bytes: `[hash][len][bytes...]`
    pub const BYTES: u8 = 2;
    /// float: `[low word][high word]` of the f64 bits.
    pub const FLOAT: u8 = 3;
    /// big int: `[sign << 31 | nlimbs][limbs...]` (little-endian u32 limbs).
    pub const BIGINT: u8 = 4;
    /// Raw byte storage (bytearray contents, dict index): `[len][bytes...]`.
    pub const RAW: u8 = 5;

    /// First kind whose payload is scanned by the collector.
    pub const FIRST_SCANNED: u8 = 16;
    /// tuple: `[items...]`
    pub const TUPLE: u8 = 16;
    /// Value storage behind lists, dicts, sets: `[values...]`
    pub const ARRAY: u8 = 17;
    /// list: `[len][ARRAY]`
    pub const LIST: u8 = 18;
    /// dict: see `objects/dict.rs`
    pub const DICT: u8 = 19;
    /// set: same layout as dict
    pub const SET: u8 = 20;
    /// frozenset: same layout as dict
    pub const FROZENSET: u8 = 21;
    /// bytearray: `[len][RAW]`
    pub const BYTEARRAY: u8 = 22;
    /// function: see `objects/function.rs`
    pub const FUNCTION: u8 = 23;
    /// code: see `objects/code.rs`
    pub const CODE: u8 = 24;
    /// cell: `[contents]`
    pub const CELL: u8 = 25;
    /// user class: see `objects/class.rs`
    pub const CLASS: u8 = 26;
    /// instance of a user class: `[class][dict][builtin base value]`
    pub const INSTANCE: u8 = 27;
    /// bound method: `[self][function]`
    pub const METHOD: u8 = 28;
    /// exception: see `objects/exception.rs`
    pub const EXCEPTION: u8 = 29;
    /// generator: see `objects/generator.rs`
    pub const GENERATOR: u8 = 30;
    /// module: `[name][dict]`
    pub const MODULE: u8 = 31;
    /// range: `[start][stop][step]`
    pub const RANGE: u8 = 32;
    /// slice: `[start][stop][step]`
    pub const SLICE: u8 = 33;
    /// property: `[fget][fset][fdel][doc]`
    pub const PROPERTY: u8 = 34;
    /// staticmethod: `[function]`
    pub const STATICMETHOD: u8 = 35;
    /// classmethod: `[function]`
    pub const CLASSMETHOD: u8 = 36;
    /// super object: `[class][self]`
    pub const SUPER: u8 = 37;
    /// builtin method bound to an object: `[self][native id as int]`
    pub const NATIVE_METHOD: u8 = 38;
    /// iterator over a sequence by index: `[seq][index][kind tag]`
    pub const SEQ_ITER: u8 = 39;
    /// generic iterator objects (enumerate, zip, map ...): `[tag][state...]`
    pub const ITER: u8 = 40;
    /// dict view: `[dict][which]`
    pub const DICT_VIEW: u8 = 41;
    /// traceback entry: `[next][code][line]`
    pub const TRACEBACK: u8 = 42;
    /// saved generator frame storage: `[values...]`
    pub const FRAME: u8 = 43;
    /// Last kind.
    pub const LAST: u8 = 43;
}

/// Indices of the VM's root slots (values the collector always keeps).
pub mod root {
    /// The exception being raised.
    pub const EXC: usize = 0;
    /// The exception being handled (`sys.exc_info()`).
    pub const HANDLED: usize = 1;
    /// `sys.modules`: dict of loaded modules.
    pub const MODULES: usize = 2;
    /// Builtins assigned at run time (`_` in the REPL), a dict or NULL.
    pub const BUILTINS: usize = 3;
    /// Values set on builtin modules (`sys.argv` ...): a dict keyed by module.
    pub const MODULE_ATTRS: usize = 4;
    /// Interned identifiers: dict str -> str.
    pub const INTERNED: usize = 5;
    /// Holds a value across the stack growth in `Heap::push_checked`.
    pub const PUSH_TMP: usize = 6;
    /// Scratch roots for native code (eight: `TMP0..TMP0 + 8`).
    pub const TMP0: usize = 7;
    /// The function whose frame is being pushed.
    pub const CALLEE: usize = 15;
    /// Class and args of an exception being created (no stack use there,
    /// so that raising works when even the stack cannot grow).
    pub const NEW_EXC: usize = 16;
    /// Values held for extension modules (two: `EXT0`, `EXT0 + 1`; the
    /// `flipperzero` module keeps its input and GPIO handlers here).
    pub const EXT0: usize = 18;
    /// Number of root slots.
    pub const COUNT: usize = 20;
}

/// Words kept back for raising exceptions when the heap is full.
pub const RESERVE_WORDS: usize = 64;

/// Result of an allocation that did not fit even after collecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfMemory;

/// The heap and the value stack.
pub struct Heap {
    /// The block: objects, free space, stack, then GC tables.
    pub(crate) words: Box<[u32]>,
    /// Next free object word.
    pub(crate) top: usize,
    /// End of the object + stack area; GC tables follow.
    pub(crate) limit: usize,
    /// Stack slots in use (slot i is word `limit - 1 - i`).
    pub(crate) sp: usize,
    /// Stack slots reserved by the running frames (>= sp).
    pub(crate) reserved: usize,
    /// Root slots.
    pub(crate) roots: [Value; root::COUNT],
    /// Collect at every allocation, moving every object each time (finds
    /// values held across an allocation without a root).
    pub stress: bool,
    /// `gc.disable()`: collect only when an allocation would fail.
    pub enabled: bool,
    /// Incremented by every collection: cached heap offsets are stale when it changes.
    pub epoch: u32,
    /// Collections so far.
    pub collections: u32,
    /// Words allocated since the last collection (drives `gc.threshold`-like pacing).
    pub(crate) allocated_since: usize,
    /// Explicit mark stack (a fixed array: marking never allocates).
    pub(crate) mark_stack: [u32; 64],
}

impl Heap {
    /// A heap of `bytes` bytes in total (GC tables included).
    pub fn new(bytes: usize) -> Heap {
        let total = (bytes / 4).clamp(1024, 1 << 28);
        // GC tables: one bitmap word and one forwarding word per 32 heap words.
        let limit = total * 32 / 34 / 32 * 32;
        Heap {
            words: vec![0u32; total].into_boxed_slice(),
            top: 1,
            limit,
            sp: 0,
            reserved: 0,
            roots: [Value::NULL; root::COUNT],
            stress: false,
            enabled: true,
            epoch: 0,
            collections: 0,
            allocated_since: 0,
            mark_stack: [0; 64],
        }
    }

    /// Total size of the block in bytes.
    pub fn size_bytes(&self) -> usize {
        self.words.len() * 4
    }

    /// Bytes usable for objects and the stack (the block minus GC tables).
    pub fn capacity_bytes(&self) -> usize {
        (self.limit - 1) * 4
    }

    /// Bytes used by objects (live or not yet collected) and the stack.
    pub fn used_bytes(&self) -> usize {
        (self.top - 1 + self.sp) * 4
    }

    /// Bytes free for objects and stack.
    pub fn free_bytes(&self) -> usize {
        self.capacity_bytes() - self.used_bytes()
    }

    /// First word that belongs to the stack's reservation.
    #[inline]
    pub(crate) fn stack_floor(&self) -> usize {
        self.limit - self.reserved
    }

    // ---- objects ----------------------------------------------------------

    /// Allocates an object of `kind` with `payload` words, zeroed (zero is
    /// NULL for scanned kinds). May collect; the caller must hold every value
    /// it still needs in a root or stack slot, since objects move.
    pub fn alloc(&mut self, kind: u8, payload: usize) -> Result<Value, OutOfMemory> {
        self.alloc_inner(kind, payload, RESERVE_WORDS)
    }

    /// Like [`Heap::alloc`] but may use the reserve (for exception objects).
    pub fn alloc_reserve(&mut self, kind: u8, payload: usize) -> Result<Value, OutOfMemory> {
        self.alloc_inner(kind, payload, 0)
    }

    fn alloc_inner(&mut self, kind: u8, payload: usize, keep: usize) -> Result<Value, OutOfMemory> {
        let size = payload + 1;
        if size >= 1 << 24 {
            return Err(OutOfMemory);
        }
        if self.stress || (self.enabled && self.allocated_since > self.pace()) {
            self.collect();
        }
        if self.top + size + keep > self.stack_floor() {
            self.collect();
            if self.top + size + keep > self.stack_floor() {
                return Err(OutOfMemory);
            }
        }
        let at = self.top;
        self.words[at] = Self::header(kind, size);
        self.words[at + 1..at + size].fill(0);
        self.top += size;
        self.allocated_since += size;
        Ok(Value::from_word(at))
    }

    /// Words to allocate between automatic collections: half the space that
    /// was free after the last one, so a nearly full heap collects often and
    /// a roomy one rarely.
    fn pace(&self) -> usize {
        (self.limit.saturating_sub(self.top + self.reserved)) / 2 + 64
    }

    /// Builds a header word.
    #[inline]
    pub(crate) fn header(kind: u8, size: usize) -> u32 {
        ((size as u32) << 8) | kind as u32
    }

    /// The kind of a heap object (FILLER for non-heap values).
    #[inline]
    pub fn kind(&self, v: Value) -> u8 {
        if v.is_heap() {
            (self.words[v.word()] & 0xff) as u8
        } else {
            kind::FILLER
        }
    }

    /// Size of the object in words, header included.
    #[inline]
    pub fn size(&self, v: Value) -> usize {
        (self.words[v.word()] >> 8) as usize
    }

    /// Payload length in words.
    #[inline]
    pub fn payload_len(&self, v: Value) -> usize {
        self.size(v) - 1
    }

    /// Payload word `i` as a value.
    #[inline]
    pub fn get(&self, v: Value, i: usize) -> Value {
        Value(self.words[v.word() + 1 + i])
    }

    /// Sets payload word `i`.
    #[inline]
    pub fn set(&mut self, v: Value, i: usize, x: Value) {
        self.words[v.word() + 1 + i] = x.0;
    }

    /// Payload word `i` as a raw number.
    #[inline]
    pub fn raw(&self, v: Value, i: usize) -> u32 {
        self.words[v.word() + 1 + i]
    }

    /// Sets payload word `i` to a raw number.
    #[inline]
    pub fn set_raw(&mut self, v: Value, i: usize, x: u32) {
        self.words[v.word() + 1 + i] = x;
    }

    /// The payload words from word `from` on.
    #[inline]
    pub fn payload(&self, v: Value, from: usize) -> &[u32] {
        let w = v.word();
        &self.words[w + 1 + from..w + self.size(v)]
    }

    /// The payload words from word `from` on, mutable.
    #[inline]
    pub fn payload_mut(&mut self, v: Value, from: usize) -> &mut [u32] {
        let w = v.word();
        let end = w + self.size(v);
        &mut self.words[w + 1 + from..end]
    }

    /// The payload from word `from` on, as bytes.
    #[inline]
    pub fn bytes(&self, v: Value, from: usize) -> &[u8] {
        words_as_bytes(self.payload(v, from))
    }

    /// The payload from word `from` on, as mutable bytes.
    #[inline]
    pub fn bytes_mut(&mut self, v: Value, from: usize) -> &mut [u8] {
        words_as_bytes_mut(self.payload_mut(v, from))
    }

    /// Shrinks an object to `payload` words, leaving a filler after it.
    pub fn shrink(&mut self, v: Value, payload: usize) {
        let w = v.word();
        let old = self.size(v);
        let new = payload + 1;
        if new >= old {
            return;
        }
        let k = self.kind(v);
        self.words[w] = Self::header(k, new);
        if w + old == self.top {
            self.top = w + new;
        } else {
            self.words[w + new] = Self::header(kind::FILLER, old - new);
        }
    }

    // ---- roots --------------------------------------------------------------

    /// Root slot `i` (see [`root`]).
    #[inline]
    pub fn root(&self, i: usize) -> Value {
        self.roots[i]
    }

    /// Sets root slot `i`.
    #[inline]
    pub fn set_root(&mut self, i: usize, v: Value) {
        self.roots[i] = v;
    }

    // ---- stack ---------------------------------------------------------------

    /// Stack slot `i` (0 is the bottom).
    #[inline]
    pub fn slot(&self, i: usize) -> Value {
        Value(self.words[self.limit - 1 - i])
    }

    /// Sets stack slot `i`.
    #[inline]
    pub fn set_slot(&mut self, i: usize, v: Value) {
        self.words[self.limit - 1 - i] = v.0;
    }

    /// Slots in use.
    #[inline]
    pub fn sp(&self) -> usize {
        self.sp
    }

    /// Pushes within the current reservation (the compiler's stack size
    /// guarantees room for the interpreter's own pushes).
    #[inline]
    pub fn push(&mut self, v: Value) {
        debug_assert!(self.sp < self.reserved);
        let sp = self.sp;
        self.set_slot(sp, v);
        self.sp = sp + 1;
    }

    /// Pops the top slot.
    #[inline]
    pub fn pop(&mut self) -> Value {
        self.sp -= 1;
        self.slot(self.sp)
    }

    /// The slot `n` below the top (0 = top).
    #[inline]
    pub fn peek(&self, n: usize) -> Value {
        self.slot(self.sp - 1 - n)
    }

    /// Drops slots down to `sp`.
    #[inline]
    pub fn truncate(&mut self, sp: usize) {
        self.sp = sp;
    }

    /// Makes sure `extra` slots above `sp` are reserved, collecting if
    /// needed. Err when the heap is full.
    pub fn reserve_stack(&mut self, extra: usize) -> Result<(), OutOfMemory> {
        let want = self.sp + extra;
        if want <= self.reserved {
            return Ok(());
        }
        if self.limit - want < self.top + RESERVE_WORDS {
            self.collect();
            if self.limit - want < self.top + RESERVE_WORDS {
                return Err(OutOfMemory);
            }
        }
        // Clear new slots so the collector never sees stale words.
        for i in self.reserved..want {
            self.set_slot(i, Value::NULL);
        }
        self.reserved = want;
        Ok(())
    }

    /// Sets the reservation (when frames are popped).
    #[inline]
    pub fn set_reserved(&mut self, n: usize) {
        self.reserved = n.max(self.sp);
    }

    /// The current reservation.
    #[inline]
    pub fn reserved(&self) -> usize {
        self.reserved
    }

    /// Pushes with a capacity check (for native code rooting temporaries).
    pub fn push_checked(&mut self, v: Value) -> Result<(), OutOfMemory> {
        if self.sp == self.reserved {
            // Protect v across a possible collection.
            self.roots[root::PUSH_TMP] = v;
            let r = self.reserve_stack(8);
            let v = self.roots[root::PUSH_TMP];
            self.roots[root::PUSH_TMP] = Value::NULL;
            r?;
            self.push(v);
            return Ok(());
        }
        self.push(v);
        Ok(())
    }
}

/// Views words as bytes (little-endian on every supported target).
#[inline]
pub fn words_as_bytes(w: &[u32]) -> &[u8] {
    // SAFETY: u8 has alignment 1 and no invalid bit patterns; the byte slice
    // covers exactly the memory of `w` and borrows it immutably.
    unsafe { core::slice::from_raw_parts(w.as_ptr() as *const u8, w.len() * 4) }
}

/// Views words as mutable bytes.
#[inline]
pub fn words_as_bytes_mut(w: &mut [u32]) -> &mut [u8] {
    // SAFETY: as above; the mutable borrow of `w` is held by the result.
    unsafe { core::slice::from_raw_parts_mut(w.as_mut_ptr() as *mut u8, w.len() * 4) }
}

/// Words needed for `n` bytes.
#[inline]
pub fn words_for(n: usize) -> usize {
    n.div_ceil(4)
}
