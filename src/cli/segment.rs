//! `segment FILE --k K`: `user,segment,name` as CSV; inertia and silhouette on standard error.

use super::args::Args;
use super::failure::{fail, Failure};
use super::io::{load_dataset, write_out};
use crate::engine::discount::features::user_features;
use crate::engine::discount::segments::{choose_k, segment as segment_users, SegmentParams};
use crate::present::csv::segments_csv;
use crate::present::why::segments_capped;
use crate::present::Lang;

pub(super) fn run(a: &Args) -> Result<(), Failure> {
    let d = SegmentParams::default();
    let params = SegmentParams {
        k: a.value_or("k", d.k)?,
        seed: a.value_or("seed", d.seed)?,
        model: a.choice_or("model", d.model)?,
        ..d
    }
    .check()
    .map_err(fail)?;
    let data = load_dataset(a)?;
    let s = segment_users(&user_features(&data), &params).map_err(fail)?;
    if let Some(capped) = segments_capped(Lang::En, &s) {
        eprintln!("{capped}");
    }
    eprintln!("inertia {:.6}; silhouette {}", s.inertia, s.silhouette.map_or("n/a".to_string(), |v| format!("{v:.4}")));
    for (k, p) in s.profiles.iter().enumerate() {
        eprintln!("segment {k}: {} users, {}", p.size, p.name);
    }
    if a.flag("elbow") {
        eprintln!("k\tinertia\tsilhouette");
        for (k, inertia, sil) in choose_k(&user_features(&data), 8, params.seed).map_err(fail)? {
            eprintln!("{k}\t{inertia:.4}\t{}", sil.map_or("n/a".to_string(), |s| format!("{s:.4}")));
        }
    }
    write_out(a, &segments_csv(data.ratings.user_ids(), &s))
}
