//! `sample worked|article-code|shop|ml-1m-shape --out DIR`: the app's built-in samples as files,
//! so a scenario is reproduced from its seed.

use std::io::Write;

use super::args::Args;
use super::failure::{fail, usage, Failure};
use crate::engine::data::movielens_shape::{movielens_shape, MovieLensShapeParams, ShapedRatings};
use crate::engine::data::samples::{article_code_sample, shop, worked_example, Dataset, ShopParams};
use crate::present::csv::{items_csv, purchases_csv, ratings_csv, users_csv};
use crate::present::csv_writer::{Cell, CsvWriter};

/// Each sample and the size flags it reads.
const SIZE_FLAGS: &[(&str, &[&str])] = &[
    ("worked", &[]),
    ("article-code", &[]),
    ("shop", &["customers", "products"]),
    ("ml-1m-shape", &["users", "items", "ratings"]),
];

pub(super) fn run(a: &Args) -> Result<(), Failure> {
    let which = a.one_file("sample name (worked, article-code, shop or ml-1m-shape)")?;
    let Some((_, own)) = SIZE_FLAGS.iter().find(|(name, _)| *name == which) else {
        return Err(usage(format!("unknown sample '{which}'")));
    };
    if let Some(other) = SIZE_FLAGS.iter().flat_map(|(_, f)| *f).find(|f| !own.contains(f) && a.get(f).is_some()) {
        return Err(usage(format!("--{other} is not an option of the {which} sample")));
    }
    let dir = a.get("out").unwrap_or_default();
    std::fs::create_dir_all(dir).map_err(|e| fail(format!("cannot create {dir}: {e}")))?;
    let path = |name: &str| std::path::Path::new(dir).join(name);
    let write = |name: &str, text: String| {
        let path = path(name);
        std::fs::write(&path, text).map_err(|e| fail(format!("cannot write {}: {e}", path.display())))
    };
    let data = match which {
        "worked" => worked_example(),
        "article-code" => Dataset::of_ratings(article_code_sample()),
        "shop" => {
            let d = ShopParams::default();
            let params = ShopParams {
                seed: a.value_or("seed", d.seed)?,
                customers: a.value_or("customers", d.customers)?,
                products: a.value_or("products", d.products)?,
            }
            .check()
            .map_err(fail)?;
            shop(&params)
        }
        _ => {
            let d = MovieLensShapeParams::default();
            let params = MovieLensShapeParams {
                seed: a.value_or("seed", d.seed)?,
                users: a.value_or("users", d.users)?,
                items: a.value_or("items", d.items)?,
                ratings: a.value_or("ratings", d.ratings)?,
            }
            .check()
            .map_err(fail)?;
            return write_shaped(&path("ratings.csv"), &movielens_shape(&params));
        }
    };
    write("ratings.csv", ratings_csv(&data.ratings))?;
    if !data.items.items.is_empty() {
        write("items.csv", items_csv(&data.items))?;
    }
    if !data.purchases.is_empty() {
        write("purchases.csv", purchases_csv(&data.purchases))?;
    }
    if !data.users.is_empty() {
        write("users.csv", users_csv(&data.users))?;
    }
    Ok(())
}

/// The shaped set as `user,item,rating` CSV, the rows `ratings_csv` writes for the same set,
/// a user at a time (MovieLens-10M's shape is over what one rating set holds, and 150 MB of text).
fn write_shaped(path: &std::path::Path, set: &ShapedRatings) -> Result<(), Failure> {
    let failed = |e: std::io::Error| fail(format!("cannot write {}: {e}", path.display()));
    let file = std::fs::File::create(path).map_err(failed)?;
    let mut out = std::io::BufWriter::new(file);
    let item_ids: Vec<String> = (0..set.n_items() as u32).map(ShapedRatings::id).collect();
    let mut w = CsvWriter::default();
    w.row(["user", "item", "rating"].iter().map(|h| Cell::Text(h)));
    for u in 0..set.n_users() {
        let user = ShapedRatings::id(u as u32);
        let (items, stars) = set.user_ratings(u);
        for (&i, &s) in items.iter().zip(stars) {
            w.row([Cell::Text(&user), Cell::Text(&item_ids[i as usize]), Cell::Num(s as f64)]);
        }
        if u % 256 == 255 {
            out.write_all(std::mem::take(&mut w).finish().as_bytes()).map_err(failed)?;
        }
    }
    out.write_all(w.finish().as_bytes()).map_err(failed)?;
    out.flush().map_err(failed)
}
