//! Notes on the shared fits behind every strategy, in the user's language: how well the
//! purchase model predicts held-out customers (or why there is none), and how the customers
//! were segmented.

use super::errors::engine_error;
use super::messages::{tr, Key, Lang};
use super::why::segments_capped;
use crate::engine::strategy::Context;

/// Three decimals, or a dash for none.
fn three(x: Option<f64>) -> String {
    x.map_or("—".into(), |v| format!("{v:.3}"))
}

/// The notes on `c`, one sentence each.
pub fn model_notes(lang: Lang, c: &Context) -> Vec<String> {
    let mut notes = Vec::new();
    match &c.response {
        Ok(m) => {
            if let Some(h) = &m.holdout {
                let figures = [
                    ("acc", three(Some(h.accuracy))),
                    ("prec", three(Some(h.precision))),
                    ("rec", three(Some(h.recall))),
                    ("f1", three(Some(h.f1))),
                    ("auc", three(h.auc)),
                    ("rows", m.rows.0.to_string()),
                ];
                notes.push(tr(lang, Key::ModelQuality, &figures));
            }
        }
        Err(e) => notes.push(tr(lang, Key::NoPurchaseModel, &[("reason", engine_error(lang, e))])),
    }
    if let Ok(s) = &c.segmentation {
        notes.extend(segments_capped(lang, s));
        let figures = [
            ("k", s.profiles.len().to_string()),
            ("inertia", format!("{:.1}", s.inertia)),
            ("sil", three(s.silhouette)),
        ];
        notes.push(tr(lang, Key::SegmentQuality, &figures));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::samples::{shop, ShopParams};
    use crate::engine::strategy::{prepare, StrategyParams};

    #[test]
    fn the_notes_give_the_model_s_figures_to_three_decimals_and_the_segments() {
        let data = shop(&ShopParams { seed: 3, customers: 120, products: 20 });
        let ctx = prepare(&data, &StrategyParams::default().check().unwrap());
        let notes = model_notes(Lang::En, &ctx);
        let s = ctx.segmentation.as_ref().unwrap();
        let last = notes.last().unwrap();
        assert!(last.contains(&format!("{:.1}", s.inertia)), "{last}");
        assert!(last.contains(&s.profiles.len().to_string()), "{last}");
        let h = ctx.response.as_ref().unwrap().holdout.as_ref().unwrap();
        assert!(notes[0].contains(&format!("{:.3}", h.accuracy)), "{}", notes[0]);
    }
}
