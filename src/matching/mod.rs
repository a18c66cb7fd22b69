//! Matching inputs against the registry: the index built once per registry, the distance and
//! lookalike primitives, and the ladder per input kind.

pub mod distance;
pub(crate) mod domain;
pub(crate) mod index;
pub mod lookalike;
