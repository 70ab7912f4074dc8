//! VM
