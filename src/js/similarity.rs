//! `similarity`, `neighbours`, `explain` and the `RatingSet` class: the matrix, a row's
//! nearest, and one cell step by step.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::input::{err, options, ratings, similarity_params, to_js};
use crate::engine::data::ratings::{Kind, Ratings};
use crate::engine::similarity::compute;
use crate::engine::similarity::neighbours::{top_k, NeighbourFilter};
use crate::engine::similarity::steps::explain_pair;

#[derive(Serialize)]
struct MatrixOut<'a> {
    kind: Kind,
    measure: &'a str,
    ids: &'a [String],
    values: Vec<Vec<f64>>,
    support: Vec<Vec<u32>>,
}

/// Similarity matrix: `{kind, measure, ids, values, support}` (rows in order of first appearance).
#[wasm_bindgen]
pub fn similarity(ratings_in: JsValue, options_in: JsValue) -> Result<JsValue, JsError> {
    let o = options(options_in)?;
    let r = ratings(ratings_in, &o)?;
    let p = similarity_params(&o)?;
    let m = compute(&r, None, &p).map_err(err)?;
    to_js(&MatrixOut {
        kind: m.kind,
        measure: m.measure.name(),
        ids: &m.ids,
        values: (0..m.len()).map(|r| m.values.row(r).iter().collect()).collect(),
        support: m.support.to_u32().rows().into_iter().map(|r| r.to_vec()).collect(),
    })
}

/// The step-by-step computation of one pair's similarity (ids `a` and `b`).
#[wasm_bindgen]
pub fn explain(ratings_in: JsValue, options_in: JsValue, a: &str, b: &str) -> Result<JsValue, JsError> {
    let o = options(options_in)?;
    let r = ratings(ratings_in, &o)?;
    let p = similarity_params(&o)?;
    let ids = r.ids(p.kind);
    let find = |id: &str| ids.iter().position(|x| x == id).ok_or_else(|| err(format!("unknown id '{id}'")));
    let e = explain_pair(&r, None, &p, find(a)?, find(b)?).map_err(err)?;
    to_js(&e)
}

/// The `k` users (or items) most similar to `id`: an array of `{index, id, similarity, support}`
/// (positive similarity over common ratings only, most similar first).
#[wasm_bindgen]
pub fn neighbours(ratings_in: JsValue, options_in: JsValue, id: &str, k: usize) -> Result<JsValue, JsError> {
    let o = options(options_in)?;
    let r = ratings(ratings_in, &o)?;
    let p = similarity_params(&o)?;
    let row = r.ids(p.kind).iter().position(|x| x == id).ok_or_else(|| err(format!("unknown id '{id}'")))?;
    let m = compute(&r, None, &p).map_err(err)?;
    to_js(&top_k(&m, row, k, NeighbourFilter::Similar))
}

/// A parsed rating set kept in WebAssembly memory, for repeated computations
/// without re-parsing (and a flat `Float64Array` for large matrices).
#[wasm_bindgen]
pub struct RatingSet {
    ratings: Ratings,
}

#[wasm_bindgen]
impl RatingSet {
    /// Parses ratings (text or rows, as for `similarity`); options may give `scale`, `separator`, `header`.
    #[wasm_bindgen(constructor)]
    pub fn new(ratings_in: JsValue, options_in: JsValue) -> Result<RatingSet, JsError> {
        let o = options(options_in)?;
        Ok(RatingSet { ratings: ratings(ratings_in, &o)? })
    }

    /// User ids in order of first appearance.
    #[wasm_bindgen(getter)]
    pub fn users(&self) -> Vec<String> {
        self.ratings.user_ids().to_vec()
    }

    /// Item ids in order of first appearance.
    #[wasm_bindgen(getter)]
    pub fn items(&self) -> Vec<String> {
        self.ratings.item_ids().to_vec()
    }

    /// Number of ratings.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.ratings.len()
    }

    /// The similarity matrix row-major in one `Float64Array` (n × n; ids from `users` or `items`).
    #[wasm_bindgen(js_name = similarityValues)]
    pub fn similarity_values(&self, options_in: JsValue) -> Result<Vec<f64>, JsError> {
        let o = options(options_in)?;
        let m = compute(&self.ratings, None, &similarity_params(&o)?).map_err(err)?;
        Ok(m.values.into_f64().into_raw_vec_and_offset().0)
    }
}
