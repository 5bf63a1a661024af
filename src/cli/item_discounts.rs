//! `item-discounts ITEMS`: the articles' item formula on an item table.

use super::args::Args;
use super::failure::{fail, Failure};
use super::io::{load_items, write_out};
use crate::engine::discount::seed_item::{item_discounts, ItemDiscountParams};
use crate::present::csv::item_discounts_csv;
use crate::present::Lang;

pub(super) fn run(a: &Args) -> Result<(), Failure> {
    let params =
        ItemDiscountParams { k: a.value_or("k", 3usize)?, bounds: super::formula::bounds(a)? }.check().map_err(fail)?;
    let table = load_items(a.one_file("item table ITEMS")?)?;
    let rows = item_discounts(&table, &params).map_err(fail)?;
    write_out(a, &item_discounts_csv(&rows, Lang::En))
}
