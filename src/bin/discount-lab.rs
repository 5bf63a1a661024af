//! The native command-line tool; see `discount_lab::cli`.
fn main() {
    std::process::exit(discount_lab::cli::run(std::env::args().skip(1).collect()));
}
