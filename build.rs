//! Links the programs as fixed-address executables on Linux.
//!
//! Why: a position-independent executable has its ~44,000 pointers in static data (the time
//! zone database that `rrule` brings, the locale tables behind chrono's month names, clap's
//! tables) patched by the loader on every start, which writes to some 350 pages of memory
//! before `main`. That was 1 ms of the 2.2 ms a `cronograma --version` took, more than half
//! of a short command (measured with `perf stat -r 300`: 441 page faults without this, 126
//! with it). The program's own memory safety does not rest on address randomisation (no
//! `unsafe` code), and libraries, stack and heap are still placed at random.
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    // glibc only: musl targets link static executables of their own kind.
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    if target("CARGO_CFG_TARGET_OS") == "linux" && target("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
