//! The native command-line tool; see `discount_lab::cli`. (Not for wasm32, where the library
//! has no command line.)
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(discount_lab::cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
