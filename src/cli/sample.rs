//! `sample worked|article-code|shop --out DIR`: the app's built-in samples as files, so a
//! scenario is reproduced from its seed.

use super::args::Args;
use super::failure::{fail, usage, Failure};
use crate::engine::data::samples::{article_code_sample, shop, worked_example, Dataset, ShopParams};
use crate::present::csv::{items_csv, purchases_csv, ratings_csv, users_csv};

pub(super) fn run(a: &Args) -> Result<(), Failure> {
    let which = a.one_file("sample name (worked, article-code or shop)")?;
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
        other => return Err(usage(format!("unknown sample '{other}'"))),
    };
    let dir = a.get("out").unwrap_or_default();
    std::fs::create_dir_all(dir).map_err(|e| fail(format!("cannot create {dir}: {e}")))?;
    let write = |name: &str, text: String| {
        let path = std::path::Path::new(dir).join(name);
        std::fs::write(&path, text).map_err(|e| fail(format!("cannot write {}: {e}", path.display())))
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
