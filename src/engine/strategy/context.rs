//! What every strategy run on one dataset shares: features, baskets, segments and the fitted
//! models, built once. Each part that cannot be built records why.

use super::params::ValidStrategyParams;
use crate::engine::data::samples::Dataset;
use crate::engine::discount::basket::{baskets, Basket};
use crate::engine::discount::elasticity_table::{elasticity_table, ElasticityTable};
use crate::engine::discount::features::{user_features, UserFeatures};
use crate::engine::discount::propensity::{fit_response, ResponseModel};
use crate::engine::discount::segments::{segment, Segmentation};
use crate::engine::error::{EngineError, Need};

/// The shared features, baskets, segmentation and models.
#[derive(Debug, Clone)]
pub struct Context {
    /// Per-user features.
    pub features: UserFeatures,
    /// Per-user baskets.
    pub baskets: Vec<Option<Basket>>,
    /// The segmentation, or why there is none.
    pub segmentation: Result<Segmentation, EngineError>,
    /// The purchase-probability model, or why there is none.
    pub response: Result<ResponseModel, EngineError>,
    /// Elasticities, or why there are none.
    pub elasticity: Result<ElasticityTable, EngineError>,
}

/// Builds the shared context (segments, purchase model, elasticities) once.
pub fn prepare(data: &Dataset, params: &ValidStrategyParams) -> Context {
    let features = user_features(data);
    let baskets = baskets(data);
    let segmentation = segment(&features, &params.segments);
    let response = fit_response(data, &features, &params.response);
    // The missing purchase log is the first thing to say, before any segment problem.
    let elasticity = match &segmentation {
        _ if data.purchases.is_empty() => Err(EngineError::Needs(Need::PurchaseLogForElasticity)),
        Ok(s) => elasticity_table(data, s),
        Err(e) => Err(e.clone()),
    };
    Context { features, baskets, segmentation, response, elasticity }
}
