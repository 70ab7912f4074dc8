//! Scope analysis: decides for every name in every scope whether it is a
//! local, global, cell or free variable.
