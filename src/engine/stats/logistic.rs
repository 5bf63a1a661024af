//! Binary logistic regression, fitted by Newton–Raphson.
//!
//! p(y = 1 | x) = σ(b + w·x). The fit minimises C·Σ log-loss + ½‖w‖² — scikit-learn's
//! objective, the intercept never penalised — or, with no C, the log-loss alone (the
//! maximum-likelihood estimate). Each Newton step solves (XᵀSX + I/C)δ = gradient by
//! Cholesky, halving the step while the objective does not fall. Without a penalty,
//! perfectly separated classes have no finite estimate: that is reported, not returned.
//!
//! ```
//! use discount_lab::engine::stats::logistic::{fit, LogisticParams};
//! let x = ndarray::array![[0.0], [1.0], [2.0], [3.0], [1.5], [2.5]];
//! let y = [false, false, true, true, true, false];
//! let m = fit(x.view(), &y, &LogisticParams::default().check().unwrap()).unwrap();
//! assert!(m.probability(&[3.0]) > m.probability(&[0.0]));
//! ```

use ndarray::{Array2, ArrayView2};

use crate::engine::error::{EngineError, Need, Task};

/// Options of the fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogisticParams {
    /// Inverse penalty strength C; `None` for no penalty.
    pub c: Option<f64>,
    /// Fit an intercept (default true).
    pub fit_intercept: bool,
    /// Newton iterations at most (default 100).
    pub max_iter: usize,
    /// Stop when the largest step is below this (default 1e-10).
    pub tol: f64,
}

impl Default for LogisticParams {
    fn default() -> Self {
        LogisticParams { c: None, fit_intercept: true, max_iter: 100, tol: 1e-10 }
    }
}

/// Checked [`LogisticParams`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidLogisticParams(LogisticParams);

impl std::ops::Deref for ValidLogisticParams {
    type Target = LogisticParams;
    fn deref(&self) -> &LogisticParams {
        &self.0
    }
}

impl LogisticParams {
    /// Checks C > 0, 1 ≤ max_iter ≤ 10,000, tol > 0.
    pub fn check(self) -> Result<ValidLogisticParams, EngineError> {
        if self.c.is_some_and(|c| !(c.is_finite() && c > 0.0)) {
            return Err(EngineError::param("C", "must be a positive number"));
        }
        if !(1..=10_000).contains(&self.max_iter) {
            return Err(EngineError::param("max_iter", "must be between 1 and 10000"));
        }
        if !(self.tol.is_finite() && self.tol > 0.0) {
            return Err(EngineError::param("tol", "must be a positive number"));
        }
        Ok(ValidLogisticParams(self))
    }
}

/// A fitted model.
#[derive(Debug, Clone, PartialEq)]
pub struct LogisticModel {
    /// b.
    pub intercept: f64,
    /// w.
    pub coef: Vec<f64>,
    /// Newton iterations run.
    pub iterations: usize,
    /// Whether the tolerance was reached.
    pub converged: bool,
}

/// σ(z), without overflow.
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// ln(1 + e^z), without overflow.
fn log1p_exp(z: f64) -> f64 {
    if z > 0.0 {
        z + (-z).exp().ln_1p()
    } else {
        z.exp().ln_1p()
    }
}

impl LogisticModel {
    /// p(y = 1 | row).
    pub fn probability(&self, row: &[f64]) -> f64 {
        sigmoid(self.intercept + self.coef.iter().zip(row).map(|(w, x)| w * x).sum::<f64>())
    }
    /// p(y = 1) for every row.
    pub fn predict_proba(&self, x: ArrayView2<f64>) -> Vec<f64> {
        x.rows().into_iter().map(|r| self.probability(r.as_slice().unwrap_or(&r.to_vec()))).collect()
    }
}

fn with_intercept(x: ArrayView2<f64>, intercept: bool) -> Array2<f64> {
    let (n, d) = x.dim();
    let off = usize::from(intercept);
    let mut out = Array2::zeros((n, d + off));
    for i in 0..n {
        if intercept {
            out[(i, 0)] = 1.0;
        }
        for j in 0..d {
            out[(i, j + off)] = x[(i, j)];
        }
    }
    out
}

/// Objective, gradient and Hessian at `beta` (y empty: Hessian only).
fn derivatives(
    x: &Array2<f64>,
    y: &[bool],
    beta: &[f64],
    c: Option<f64>,
    first_penalised: usize,
    with_objective: bool,
) -> (f64, Vec<f64>, Array2<f64>) {
    let (n, p) = x.dim();
    let scale = c.unwrap_or(1.0);
    let mut obj = 0.0;
    let mut grad = vec![0.0; p];
    // The upper triangle of the Hessian, row-major in a flat buffer (the inner loop is hot).
    let mut upper = vec![0.0; p * p];
    let mut copy = vec![0.0; p];
    for i in 0..n {
        let view = x.row(i);
        let row: &[f64] = match view.as_slice() {
            Some(r) => r,
            None => {
                copy.iter_mut().zip(view.iter()).for_each(|(c, v)| *c = *v);
                &copy
            }
        };
        let z: f64 = row.iter().zip(beta).map(|(a, b)| a * b).sum();
        let mu = sigmoid(z);
        let w = mu * (1.0 - mu);
        if let Some(&yi) = y.get(i) {
            let t = if yi { 1.0 } else { 0.0 };
            if with_objective {
                obj += scale * (log1p_exp(z) - t * z);
            }
            let g = scale * (mu - t);
            grad.iter_mut().zip(row).for_each(|(gj, r)| *gj += g * r);
        }
        for a in 0..p {
            let ra = row[a] * w * scale;
            if ra == 0.0 {
                continue;
            }
            let out = &mut upper[a * p + a..(a + 1) * p];
            out.iter_mut().zip(&row[a..]).for_each(|(h, rb)| *h += ra * rb);
        }
    }
    let mut hess = Array2::zeros((p, p));
    for a in 0..p {
        for b in a..p {
            hess[(a, b)] = upper[a * p + b];
            hess[(b, a)] = upper[a * p + b];
        }
    }
    if c.is_some() {
        for j in first_penalised..p {
            obj += 0.5 * beta[j] * beta[j];
            grad[j] += beta[j];
            hess[(j, j)] += 1.0;
        }
    }
    (obj, grad, hess)
}

fn cholesky(a: &Array2<f64>) -> Option<Array2<f64>> {
    let p = a.nrows();
    let mut l = Array2::zeros((p, p));
    for i in 0..p {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[(i, k)] * l[(j, k)]).sum();
            if i == j {
                let v = a[(i, i)] - s;
                if v.is_nan() || v <= 1e-14 * a[(i, i)].abs().max(1e-300) || !v.is_finite() {
                    return None;
                }
                l[(i, j)] = v.sqrt();
            } else {
                l[(i, j)] = (a[(i, j)] - s) / l[(j, j)];
            }
        }
    }
    Some(l)
}

fn solve(l: &Array2<f64>, b: &[f64]) -> Option<Vec<f64>> {
    let p = l.nrows();
    let mut y = vec![0.0; p];
    for i in 0..p {
        y[i] = (b[i] - (0..i).map(|k| l[(i, k)] * y[k]).sum::<f64>()) / l[(i, i)];
    }
    let mut x = vec![0.0; p];
    for i in (0..p).rev() {
        x[i] = (y[i] - (i + 1..p).map(|k| l[(k, i)] * x[k]).sum::<f64>()) / l[(i, i)];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// Fits the model to rows `x` and labels `y`.
pub fn fit(x: ArrayView2<f64>, y: &[bool], params: &ValidLogisticParams) -> Result<LogisticModel, EngineError> {
    let n = x.nrows();
    if n == 0 {
        return Err(EngineError::TooFewRows { task: Task::Logistic, needed: 1, found: 0 });
    }
    if y.len() != n {
        return Err(EngineError::param("y", format!("{} labels for {n} rows", y.len())));
    }
    if let Some(((r, c), v)) = x.indexed_iter().find(|(_, v)| !v.is_finite()) {
        return Err(EngineError::NotFinite { row: r + 1, feature: c + 1, value: *v });
    }
    let positives = y.iter().filter(|&&b| b).count();
    if positives == 0 || positives == n {
        return Err(EngineError::Needs(Need::BothOutcomes));
    }
    let design = with_intercept(x, params.fit_intercept);
    let p = design.ncols();
    let first_penalised = usize::from(params.fit_intercept);
    let mut beta = vec![0.0; p];
    let (mut obj, mut grad, mut hess) = derivatives(&design, y, &beta, params.c, first_penalised, true);
    let mut converged = false;
    let mut iterations = 0;
    for _ in 0..params.max_iter {
        iterations += 1;
        let l = cholesky(&hess).ok_or(EngineError::Needs(Need::Regularisation))?;
        let step = solve(&l, &grad).ok_or(EngineError::NotFiniteStep { task: Task::Logistic })?;
        let mut t = 1.0;
        let mut accepted = None;
        for _ in 0..40 {
            let trial: Vec<f64> = beta.iter().zip(&step).map(|(b, s)| b - t * s).collect();
            let next = derivatives(&design, y, &trial, params.c, first_penalised, true);
            if next.0 <= obj + 1e-12 * obj.abs().max(1.0) {
                accepted = Some((trial, next));
                break;
            }
            t *= 0.5;
        }
        let Some((trial, next)) = accepted else {
            converged = step.iter().map(|s| s.abs()).fold(0.0, f64::max) < params.tol.sqrt();
            break;
        };
        let moved = step.iter().map(|s| (t * s).abs()).fold(0.0, f64::max);
        beta = trial;
        (obj, grad, hess) = next;
        if params.c.is_none() && beta.iter().any(|b| b.abs() > 1e6) {
            return Err(EngineError::Needs(Need::Regularisation));
        }
        if moved < params.tol {
            converged = true;
            break;
        }
    }
    if params.c.is_none() && !converged && beta.iter().any(|b| b.abs() > 30.0) {
        return Err(EngineError::Needs(Need::Regularisation));
    }
    let (intercept, coef) = if params.fit_intercept { (beta[0], beta[1..].to_vec()) } else { (0.0, beta) };
    Ok(LogisticModel { intercept, coef, iterations, converged })
}
