//! Work over a limit is refused with a clear message, never attempted.

use discount_lab::engine::error::EngineError;
use discount_lab::engine::limits::{dense_matrix_bytes, DENSE_MATRIX_BUDGET_BYTES};
use discount_lab::engine::similarity::check_dense_budget;

#[test]
fn a_matrix_over_the_memory_budget_is_refused_with_its_size() {
    assert!(check_dense_budget(943).is_ok());
    assert!(check_dense_budget(1682).is_ok());
    let e = check_dense_budget(20_000).unwrap_err();
    assert!(matches!(e, EngineError::MatrixTooLarge { n: 20_000, .. }));
    assert_eq!(
        e.to_string(),
        "a 20000 x 20000 similarity matrix needs 4578 MB, over the 256 MB budget; use fewer users or items"
    );
    // The largest side that fits.
    let side = (1..20_000).take_while(|&n| dense_matrix_bytes(n) <= DENSE_MATRIX_BUDGET_BYTES).last().unwrap();
    assert!(check_dense_budget(side).is_ok() && check_dense_budget(side + 1).is_err());
}
