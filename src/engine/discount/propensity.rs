//! Purchase probability: a logistic regression of "bought" on who the customer is,
//! what the item is and the discount offered, and the offer that maximises expected
//! profit under it.
//!
//! Every row of the purchase log is an offer seen (quantity 0: not bought). The model is
//! logit p = β0 + βᵤ·z_user + β_P·z(ln P0) + β_d·d + γ·(d × z_user) + δ_category: user
//! features as z-scores, the item's log list price, the discount, the discount times each
//! user feature so that price sensitivity can differ between customers, and one
//! indicator per item category of the item table but the first (the reference). Fitted by
//! Newton–Raphson, with an L2 penalty of strength 1/C on everything but the intercept
//! (scikit-learn's convention).
//!
//! Per user, p(buy | d) is evaluated on the user's basket for d from 0 to the
//! guardrails' ceiling in 1-point steps, and the offer maximises the expected
//! incremental profit p(d)·(P(1 − d) − c) − p(0)·(P − c). Without unit costs c = 0,
//! which maximises expected revenue instead (said in the "why").
//!
//! ```
//! use discount_lab::engine::discount::propensity::{fit_response, ResponseParams};
//! use discount_lab::engine::discount::features::user_features;
//! use discount_lab::engine::data::samples::{shop, ShopParams};
//! let data = shop(&ShopParams { seed: 42, customers: 100, products: 20 });
//! let f = user_features(&data);
//! let m = fit_response(&data, &f, &ResponseParams::default().check().unwrap()).unwrap();
//! // Deeper discounts sell more on average.
//! assert!(m.probability(0, 20.0, Some("books"), 0.3) > m.probability(0, 20.0, Some("books"), 0.0));
//! ```

use std::collections::HashMap;

use ndarray::Array2;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use super::basket::Basket;
use super::features::UserFeatures;
use super::guardrails::ValidGuardrails;
use super::offer::{Offered, Unavailable};
use crate::engine::cluster::Standardiser;
use crate::engine::data::samples::Dataset;
use crate::engine::error::{EngineError, Need};
use crate::engine::evaluate::classification::{grid_search_c, report, CGridPoint, ClassificationReport};
use crate::engine::stats::logistic::{fit, sigmoid, LogisticModel, LogisticParams};

/// Options of the purchase-probability model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ResponseParams {
    /// Inverse L2 strength C (default 1.0); `None` fits without a penalty.
    pub c: Option<f64>,
    /// Share of users held out to report accuracy (default 0.2).
    pub holdout: f64,
    /// Seed of the hold-out split (default 42).
    pub seed: u64,
}

impl Default for ResponseParams {
    fn default() -> Self {
        ResponseParams { c: Some(1.0), holdout: 0.2, seed: 42 }
    }
}

/// Checked [`ResponseParams`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidResponseParams(ResponseParams);

impl std::ops::Deref for ValidResponseParams {
    type Target = ResponseParams;
    fn deref(&self) -> &ResponseParams {
        &self.0
    }
}

impl ResponseParams {
    /// Checks C > 0 and 0 ≤ holdout < 1.
    pub fn check(self) -> Result<ValidResponseParams, EngineError> {
        if self.c.is_some_and(|c| !(c.is_finite() && c > 0.0)) {
            return Err(EngineError::param("C", "must be a positive number"));
        }
        if !(self.holdout.is_finite() && (0.0..0.9).contains(&self.holdout)) {
            return Err(EngineError::param("holdout", "must be between 0 and 0.9"));
        }
        Ok(ValidResponseParams(self))
    }
}

/// The fitted purchase-probability model.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseModel {
    /// The logistic regression on the design described in the module docs.
    pub model: LogisticModel,
    /// Column names of the design, in order.
    pub columns: Vec<String>,
    /// Users' z-scored features (rows in rating-set user order).
    pub user_z: Array2<f64>,
    /// Mean and standard deviation of ln(list price) over the training rows.
    pub log_price: (f64, f64),
    /// Item categories in the rows, sorted; every one but the first has an indicator column.
    pub categories: Vec<String>,
    /// Accuracy, precision, recall, F1 and AUC on the held-out users' rows (threshold 0.5).
    pub holdout: Option<ClassificationReport>,
    /// Rows used to fit, and how many were purchases.
    pub rows: (usize, usize),
}

/// The design matrix and labels of the purchase log (rows of known users only).
pub struct Design {
    /// Rows × columns.
    pub x: Array2<f64>,
    /// Bought or not.
    pub y: Vec<bool>,
    /// The user of each row.
    pub user: Vec<usize>,
    /// Column names.
    pub columns: Vec<String>,
    /// z-scored user features.
    pub user_z: Array2<f64>,
    /// Mean and sd of ln(list price).
    pub log_price: (f64, f64),
    /// Item categories, sorted (the first is the reference).
    pub categories: Vec<String>,
}

/// One row of the design, in column order: user z-scores, z(ln P0), d, d × user z-scores,
/// category indicators. The one place the layout is written: training rows and predictions
/// both read it.
fn design_values<'a>(
    z: ndarray::ArrayView1<'a, f64>,
    log_price_z: f64,
    d: f64,
    category: Option<usize>,
    categories: usize,
) -> impl Iterator<Item = f64> + 'a {
    let interactions = z.into_iter().map(move |v| v * d);
    z.into_iter().copied().chain([log_price_z, d]).chain(interactions).chain((1..categories).map(move |k| {
        if category == Some(k) {
            1.0
        } else {
            0.0
        }
    }))
}

/// The position of `category` among the sorted `categories`.
fn category_index(categories: &[String], category: Option<&str>) -> Option<usize> {
    let category = category?;
    categories.binary_search_by(|c| c.as_str().cmp(category)).ok()
}

/// Builds the design matrix from the purchase log.
pub fn design(data: &Dataset, features: &UserFeatures) -> Result<Design, EngineError> {
    if data.purchases.is_empty() {
        return Err(EngineError::Needs(Need::PurchaseLogForModel));
    }
    let scaler = Standardiser::fit(features.values.view());
    let user_z = scaler.transform(features.values.view());
    let index: HashMap<&str, usize> =
        data.ratings.user_ids().iter().enumerate().map(|(k, id)| (id.as_str(), k)).collect();
    let items = data.items.index();
    let category_of = |item: &str| items.get(item).and_then(|i| i.category.as_deref());
    let rows: Vec<(usize, f64, f64, bool, Option<&str>)> = data
        .purchases
        .rows
        .iter()
        .filter_map(|p| {
            let u = *index.get(p.user.as_str())?;
            Some((u, p.list_price.ln(), p.discount().max(0.0), p.bought(), category_of(&p.item)))
        })
        .collect();
    let categories: std::collections::BTreeSet<&str> = rows.iter().filter_map(|r| r.4).collect();
    let categories: Vec<String> = categories.into_iter().map(str::to_string).collect();
    if rows.is_empty() {
        return Err(EngineError::Needs(Need::PurchaseLogUsers));
    }
    let n = rows.len() as f64;
    let mean = rows.iter().map(|r| r.1).sum::<f64>() / n;
    let sd = (rows.iter().map(|r| (r.1 - mean).powi(2)).sum::<f64>() / n).sqrt();
    let sd = if sd > 1e-12 { sd } else { 1.0 };
    let d = features.features.len();
    let width = 2 * d + 2 + categories.len().saturating_sub(1);
    let mut x = Array2::zeros((rows.len(), width));
    for (k, r) in rows.iter().enumerate() {
        let cat = category_index(&categories, r.4);
        for (j, v) in design_values(user_z.row(r.0), (r.1 - mean) / sd, r.2, cat, categories.len()).enumerate() {
            x[(k, j)] = v;
        }
    }
    let mut columns: Vec<String> = features.features.iter().map(|f| f.name().to_string()).collect();
    columns.push("log_list_price".into());
    columns.push("discount".into());
    columns.extend(features.features.iter().map(|f| format!("discount*{}", f.name())));
    columns.extend(categories.iter().skip(1).map(|c| format!("category={c}")));
    Ok(Design {
        x,
        y: rows.iter().map(|r| r.3).collect(),
        user: rows.iter().map(|r| r.0).collect(),
        columns,
        user_z,
        log_price: (mean, sd),
        categories,
    })
}

/// Fits the model on all rows, after measuring it on a held-out share of users.
pub fn fit_response(
    data: &Dataset,
    features: &UserFeatures,
    params: &ValidResponseParams,
) -> Result<ResponseModel, EngineError> {
    let design = design(data, features)?;
    let logistic = LogisticParams { c: params.c, ..Default::default() }.check()?;
    let holdout = if params.holdout > 0.0 {
        let n_users = data.ratings.n_users();
        let mut users: Vec<usize> = (0..n_users).collect();
        users.shuffle(&mut StdRng::seed_from_u64(params.seed));
        let cut = ((n_users as f64) * params.holdout).round() as usize;
        let mut held = vec![false; n_users];
        for &u in users.iter().take(cut) {
            held[u] = true;
        }
        let pick =
            |want: bool| -> Vec<usize> { (0..design.y.len()).filter(|&k| held[design.user[k]] == want).collect() };
        let (train, test) = (pick(false), pick(true));
        let sub = |rows: &[usize]| design.x.select(ndarray::Axis(0), rows);
        let ys = |rows: &[usize]| -> Vec<bool> { rows.iter().map(|&k| design.y[k]).collect() };
        if test.is_empty() || train.is_empty() {
            None
        } else {
            match fit(sub(&train).view(), &ys(&train), &logistic) {
                Ok(m) => {
                    let p = m.predict_proba(sub(&test).view());
                    Some(report(&ys(&test), &p, 0.5))
                }
                Err(_) => None,
            }
        }
    } else {
        None
    };
    let model = fit(design.x.view(), &design.y, &logistic)?;
    let bought = design.y.iter().filter(|&&b| b).count();
    Ok(ResponseModel {
        model,
        columns: design.columns,
        rows: (design.y.len(), bought),
        user_z: design.user_z,
        log_price: design.log_price,
        categories: design.categories,
        holdout,
    })
}

impl ResponseModel {
    /// p(buy) of user `u` on a basket item at discount `d`.
    pub fn of_basket(&self, u: usize, b: &Basket, d: f64) -> f64 {
        self.probability(u, b.list_price, b.category.as_deref(), d)
    }

    /// p(buy) for user `u` on an item of list price `list_price` in `category` at discount
    /// `d` (a category the model has not seen counts as the reference one).
    pub fn probability(&self, u: usize, list_price: f64, category: Option<&str>, d: f64) -> f64 {
        if u >= self.user_z.nrows() || list_price.is_nan() || list_price <= 0.0 {
            return 0.0;
        }
        let log_price_z = (list_price.ln() - self.log_price.0) / self.log_price.1;
        let cat = category_index(&self.categories, category);
        // Summed as the row streams out, without building it (this runs for every user,
        // budget option and budget move).
        let row = design_values(self.user_z.row(u), log_price_z, d, cat, self.categories.len());
        let sum: f64 = self.model.coef.iter().zip(row).map(|(w, x)| w * x).sum();
        sigmoid(self.model.intercept + sum)
    }

    /// p(buy | d) at d = 0, 0.01, ..., ceiling.
    pub fn curve(&self, u: usize, list_price: f64, category: Option<&str>, ceiling: f64) -> Vec<(f64, f64)> {
        let steps = (ceiling.clamp(0.0, 1.0) * 100.0 + 1e-9).floor() as usize;
        (0..=steps).map(|k| k as f64 / 100.0).map(|d| (d, self.probability(u, list_price, category, d))).collect()
    }
}

/// Expected incremental profit of offering `d` on `(list, cost)` with purchase curve `p`:
/// p(d)·(P(1 − d) − c) − p(0)·(P − c).
pub fn incremental_profit(p_d: f64, p_0: f64, d: f64, list: f64, cost: f64) -> f64 {
    p_d * (list * (1.0 - d) - cost) - p_0 * (list - cost)
}

/// The point of `curve` with the highest expected incremental profit (ties: the smaller discount).
pub fn best_offer(curve: &[(f64, f64)], list: f64, cost: f64) -> (f64, f64) {
    let p0 = curve.first().map_or(0.0, |c| c.1);
    let mut best = (0.0, 0.0);
    for &(d, p) in curve {
        let v = incremental_profit(p, p0, d, list, cost);
        if v > best.1 + 1e-12 {
            best = (d, v);
        }
    }
    best
}

/// The purchase model cross-validated for each penalty in `cs` (`None`: unpenalised) on
/// `folds` folds of customers (each customer's rows in one fold): accuracy, precision, recall, F1 and
/// AUC per C, and the index of the best C by mean AUC — the articles' evaluation.
pub fn evaluate_response(
    data: &Dataset,
    features: &UserFeatures,
    cs: &[Option<f64>],
    folds: usize,
    seed: u64,
) -> Result<(Vec<CGridPoint>, usize), EngineError> {
    let d = design(data, features)?;
    grid_search_c(d.x.view(), &d.y, Some(&d.user), cs, folds, seed)
}

/// The penalties tried by default: C = 0.01, 0.1, 1, 10 and no penalty.
pub const DEFAULT_C_GRID: [Option<f64>; 5] = [Some(0.01), Some(0.1), Some(1.0), Some(10.0), None];

/// What a purchase-probability offer is based on: the user's purchase curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PropensityBasis {
    /// p(buy | d) at 1-point steps.
    pub curve: Vec<(f64, f64)>,
    /// Expected incremental profit at the chosen d.
    pub best_profit: f64,
    /// Whether unit costs were missing (revenue maximised instead).
    pub no_costs: bool,
}

/// For every user, the offer that maximises expected incremental profit on their purchase
/// curve, up to the most the guardrails allow them.
pub fn propose(
    model: &ResponseModel,
    baskets: &[Option<Basket>],
    guardrails: &ValidGuardrails,
) -> Vec<Offered<PropensityBasis>> {
    let max = guardrails.max_discount.fraction();
    baskets
        .iter()
        .enumerate()
        .map(|(u, b)| match b {
            Some(b) => {
                let ceiling = guardrails.ceiling(b.list_price, b.unit_cost).min(max);
                let curve = model.curve(u, b.list_price, b.category.as_deref(), ceiling);
                let (d, best_profit) = best_offer(&curve, b.list_price, b.unit_cost.unwrap_or(0.0));
                (d, Ok(PropensityBasis { curve, best_profit, no_costs: b.unit_cost.is_none() }))
            }
            None => (0.0, Err(Unavailable::NoListPrice)),
        })
        .collect()
}
