//! The C ABI called from Rust, as a C program would call it: every entry point, its errors and
//! its frees. `c_example.rs` runs the same ABI from real C.

// Checking inputs and scanning text: the struct, the JSON, sharing a checker.
mod check;
// NULL pointers, invalid UTF-8, error objects, frees of NULL.
mod errors;
// Checkers from signed files: the embedded one, a deployment's own root, and refused files.
mod signed;
// Calling the ABI and reading what it returns.
mod util;
