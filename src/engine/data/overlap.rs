//! How many of the purchase log's and the user table's customers are in the ratings: a file
//! whose customers are all strangers to the ratings changes nothing, and the page says so.
//!
//! ```
//! use discount_lab::engine::data::overlap::Overlap;
//! use discount_lab::engine::data::samples::{shop, ShopParams};
//! let data = shop(&ShopParams::default());
//! let o = Overlap::of(&data);
//! assert_eq!(o.log_known, o.log_users);
//! ```

use std::collections::HashSet;

use super::samples::Dataset;

/// Customers of the purchase log and the user table, and how many of them are rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overlap {
    /// Distinct customers of the purchase log.
    pub log_users: usize,
    /// Of them, those in the ratings.
    pub log_known: usize,
    /// Users of the user table.
    pub table_users: usize,
    /// Of them, those in the ratings.
    pub table_known: usize,
}

impl Overlap {
    /// The overlap of `data`'s files with its ratings.
    pub fn of(data: &Dataset) -> Overlap {
        let rated: HashSet<&str> = data.ratings.user_ids().iter().map(String::as_str).collect();
        let log_users: HashSet<&str> = data.purchases.rows.iter().map(|p| p.user.as_str()).collect();
        Overlap {
            log_users: log_users.len(),
            log_known: log_users.iter().filter(|u| rated.contains(*u)).count(),
            table_users: data.users.rows.len(),
            table_known: data.users.rows.keys().filter(|u| rated.contains(u.as_str())).count(),
        }
    }

    /// A purchase log is loaded and none of its customers is rated.
    pub fn log_of_strangers(&self) -> bool {
        self.log_users > 0 && self.log_known == 0
    }

    /// A user table is loaded and none of its users is rated.
    pub fn table_of_strangers(&self) -> bool {
        self.table_users > 0 && self.table_known == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::purchases::parse_purchases;
    use crate::engine::data::samples::worked_example;

    #[test]
    fn a_log_of_other_customers_is_all_strangers() {
        let mut data = worked_example();
        let log =
            b"user,item,list_price,price_paid,quantity,timestamp\nu1,i1,10,9,1,1\nx9,i1,10,9,1,2\nx9,i2,10,9,1,3\n";
        data.purchases = parse_purchases(log).unwrap();
        let o = Overlap::of(&data);
        assert_eq!((o.log_users, o.log_known), (2, 1));
        assert!(!o.log_of_strangers());
        data.purchases =
            parse_purchases(b"user,item,list_price,price_paid,quantity,timestamp\nx9,i1,10,9,1,1\n").unwrap();
        assert!(Overlap::of(&data).log_of_strangers());
        assert!(!Overlap::of(&data).table_of_strangers());
    }
}
