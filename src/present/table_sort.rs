//! How a table is sorted, pure: which column, which way, what a click on a header does, how
//! the header says it, and the order of the articles' user-discount rows.
//!
//! ```
//! use discount_lab::present::table_sort::{Sort, UserColumn};
//! let sort = Sort::new(UserColumn::Off);
//! assert_eq!(sort.aria(UserColumn::Off), "descending");
//! let sort = sort.click(UserColumn::Off);
//! assert_eq!(sort.aria(UserColumn::Off), "ascending");
//! assert_eq!(sort.aria(UserColumn::Mean), "none");
//! ```

use std::cmp::Ordering;

use crate::engine::discount::seed_user::UserDiscount;

/// A table's sort: by `key`, largest first when `descending`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort<K> {
    /// The column sorted by.
    pub key: K,
    /// Largest first.
    pub descending: bool,
}

impl<K: Copy + PartialEq> Sort<K> {
    /// Sorted by `key`, largest first.
    pub fn new(key: K) -> Sort<K> {
        Sort { key, descending: true }
    }

    /// The sort after a click on the header of `key`: the same column turns round, another
    /// one sorts largest first.
    pub fn click(self, key: K) -> Sort<K> {
        if self.key == key {
            Sort { key, descending: !self.descending }
        } else {
            Sort::new(key)
        }
    }

    /// The header's `aria-sort` for column `key`.
    pub fn aria(self, key: K) -> &'static str {
        match (self.key == key, self.descending) {
            (false, _) => "none",
            (true, true) => "descending",
            (true, false) => "ascending",
        }
    }

    /// The arrow after the header's name for column `key` (none when not sorted by it).
    pub fn arrow(self, key: K) -> &'static str {
        match (self.key == key, self.descending) {
            (false, _) => "",
            (true, true) => " ▼",
            (true, false) => " ▲",
        }
    }
}

/// The sortable columns of the articles' user-discount table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserColumn {
    /// The user (the rows' own order, or its reverse).
    User,
    /// The neighbours' mean rating.
    Mean,
    /// The strength.
    Strength,
    /// The percent off.
    Off,
}

/// The rows in the order of `sort` (equal rows keep their order).
pub fn sorted_user_discounts(rows: &[UserDiscount], sort: Sort<UserColumn>) -> Vec<&UserDiscount> {
    let mut sorted: Vec<&UserDiscount> = rows.iter().collect();
    sorted.sort_by(|a, b| {
        let o = match sort.key {
            UserColumn::User => Ordering::Equal,
            UserColumn::Mean => a.neighbour_mean.total_cmp(&b.neighbour_mean),
            UserColumn::Strength => a.strength.total_cmp(&b.strength),
            UserColumn::Off => a.percent_off.0.total_cmp(&b.percent_off.0),
        };
        if sort.descending {
            o.reverse()
        } else {
            o
        }
    });
    if sort.key == UserColumn::User && sort.descending {
        sorted.reverse();
    }
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::discount::offer::Percent;

    fn row(user: &str, mean: f64, off: f64) -> UserDiscount {
        UserDiscount {
            user: user.into(),
            neighbours: Vec::new(),
            neighbour_mean: mean,
            r_min: 1.0,
            r_max: 5.0,
            strength: off / 25.0,
            percent_off: Percent(off),
            fallback: None,
        }
    }

    fn users(rows: Vec<&UserDiscount>) -> Vec<&str> {
        rows.iter().map(|r| r.user.as_str()).collect()
    }

    #[test]
    fn a_click_turns_the_column_round_or_sorts_another_largest_first() {
        let s = Sort::new(UserColumn::Off);
        assert_eq!(s.click(UserColumn::Off), Sort { key: UserColumn::Off, descending: false });
        assert_eq!(s.click(UserColumn::Off).click(UserColumn::Mean), Sort::new(UserColumn::Mean));
        assert_eq!((s.arrow(UserColumn::Off), s.arrow(UserColumn::User)), (" ▼", ""));
        assert_eq!(s.click(UserColumn::Off).arrow(UserColumn::Off), " ▲");
    }

    #[test]
    fn rows_sort_by_the_column_and_users_keep_or_reverse_their_order() {
        let rows = vec![row("a", 3.0, 10.0), row("b", 4.0, 5.0), row("c", 2.0, 20.0)];
        assert_eq!(users(sorted_user_discounts(&rows, Sort::new(UserColumn::Off))), ["c", "a", "b"]);
        assert_eq!(
            users(sorted_user_discounts(&rows, Sort::new(UserColumn::Off).click(UserColumn::Off))),
            ["b", "a", "c"]
        );
        assert_eq!(users(sorted_user_discounts(&rows, Sort::new(UserColumn::Mean))), ["b", "a", "c"]);
        assert_eq!(users(sorted_user_discounts(&rows, Sort::new(UserColumn::Strength))), ["c", "a", "b"]);
        assert_eq!(users(sorted_user_discounts(&rows, Sort::new(UserColumn::User))), ["c", "b", "a"]);
        let ascending = Sort { key: UserColumn::User, descending: false };
        assert_eq!(users(sorted_user_discounts(&rows, ascending)), ["a", "b", "c"]);
    }
}
