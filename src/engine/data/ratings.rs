//! The rating set: users, items and their ratings, indexed both ways.
//!
//! Ids are strings and keep the order in which they first appear, so every matrix
//! and table lists users and items in file order. Ratings are stored twice in
//! compressed sparse rows, once per user and once per item, which is what the
//! similarity engine walks; a user-item pair appears at most once (the last
//! rating given wins).
//!
//! ```
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! let r = Ratings::from_triples(
//!     [("u1", "i1", 4.0), ("u2", "i1", 2.0), ("u1", "i2", 5.0)],
//!     Scale::new(1.0, 5.0).unwrap(),
//! ).unwrap();
//! assert_eq!(r.n_users(), 2);
//! assert_eq!(r.user_id(r.user_index("u2").unwrap()), "u2");
//! assert_eq!(r.user_mean(r.user_index("u1").unwrap()), 4.5);
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::engine::error::EngineError;
use crate::engine::limits::{InputLimits, MAX_RATING_MAGNITUDE};

/// Index of a user in a [`Ratings`] (order of first appearance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UserIdx(pub u32);

/// Index of an item in a [`Ratings`] (order of first appearance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ItemIdx(pub u32);

/// The rating scale, lowest and highest possible rating (both inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    /// Lowest rating (the articles use 0 as a real rating on a 0-5 scale).
    pub lo: f64,
    /// Highest rating.
    pub hi: f64,
}

impl Scale {
    /// A checked scale: both ends finite and `lo < hi`.
    pub fn new(lo: f64, hi: f64) -> Result<Scale, EngineError> {
        if !lo.is_finite() || !hi.is_finite() {
            return Err(EngineError::param("scale", "both ends must be finite numbers"));
        }
        if lo >= hi {
            return Err(EngineError::param("scale", format!("lowest {lo} must be below highest {hi}")));
        }
        if lo.abs() > MAX_RATING_MAGNITUDE || hi.abs() > MAX_RATING_MAGNITUDE {
            return Err(EngineError::param("scale", format!("must lie within ±{MAX_RATING_MAGNITUDE}")));
        }
        Ok(Scale { lo, hi })
    }

    /// Whether `v` lies on the scale.
    pub fn contains(&self, v: f64) -> bool {
        v >= self.lo && v <= self.hi
    }

    /// The scale most likely meant by ratings between `min` and `max`:
    /// 1-5 or 0-5 when they fit, 0-10 or 1-10 next, otherwise the rounded range.
    pub fn infer(min: f64, max: f64) -> Scale {
        let lo = if min >= 1.0 {
            1.0
        } else if min >= 0.0 {
            0.0
        } else {
            min.floor()
        };
        let hi = if max <= 5.0 && lo >= 0.0 {
            5.0
        } else if max <= 10.0 && lo >= 0.0 {
            10.0
        } else {
            max.ceil()
        };
        if hi > lo {
            Scale { lo, hi }
        } else {
            Scale { lo, hi: lo + 1.0 }
        }
    }
}

/// One rating of the set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Who rated.
    pub user: UserIdx,
    /// What was rated.
    pub item: ItemIdx,
    /// The rating.
    pub value: f64,
}

/// Compressed sparse rows: for each row, the column indices (ascending) and values.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Csr {
    offsets: Vec<usize>,
    cols: Vec<u32>,
    vals: Vec<f64>,
}

impl Csr {
    /// Rows of `(row, column, value)` entries, each row in the order given.
    fn build(n_rows: usize, entries: &[Entry], row_col: impl Fn(&Entry) -> (u32, u32)) -> Csr {
        let offsets = row_starts(n_rows, entries.iter().map(|e| row_col(e).0));
        let mut next = offsets.clone();
        let mut cols = vec![0u32; entries.len()];
        let mut vals = vec![0f64; entries.len()];
        for e in entries {
            let (r, c) = row_col(e);
            let at = &mut next[r as usize];
            cols[*at] = c;
            vals[*at] = e.value;
            *at += 1;
        }
        Csr { offsets, cols, vals }
    }

    /// The same entries indexed the other way (`n_cols` rows). Filling them in row order
    /// leaves every new row sorted by column, with no sorting.
    fn transpose(&self, n_cols: usize) -> Csr {
        let offsets = row_starts(n_cols, self.cols.iter().copied());
        let mut next = offsets.clone();
        let mut cols = vec![0u32; self.nnz()];
        let mut vals = vec![0f64; self.nnz()];
        for r in 0..self.n_rows() {
            let (cs, vs) = self.row(r);
            for (&c, &v) in cs.iter().zip(vs) {
                let at = &mut next[c as usize];
                cols[*at] = r as u32;
                vals[*at] = v;
                *at += 1;
            }
        }
        Csr { offsets, cols, vals }
    }

    /// Number of rows.
    pub fn n_rows(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Column indices and values of row `r`.
    pub fn row(&self, r: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.offsets[r], self.offsets[r + 1]);
        (&self.cols[a..b], &self.vals[a..b])
    }

    /// Number of entries in row `r`.
    pub fn row_len(&self, r: usize) -> usize {
        self.offsets[r + 1] - self.offsets[r]
    }

    /// Position range of row `r` in the flat arrays (for values aligned with them).
    pub fn span(&self, r: usize) -> std::ops::Range<usize> {
        self.offsets[r]..self.offsets[r + 1]
    }

    /// Every row's values, one after the other (row `r`'s at [`Csr::span`]`(r)`).
    pub fn values(&self) -> &[f64] {
        &self.vals
    }

    /// Total number of entries.
    pub fn nnz(&self) -> usize {
        self.cols.len()
    }
}

/// Which side of the rating matrix is compared: users with users, or items with items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Kind {
    /// User-user similarity (users compared over the items they both rated).
    #[default]
    User,
    /// Item-item similarity (items compared over the users who rated both).
    Item,
}

/// A rating set with string ids, its scale and both sparse orientations.
#[derive(Debug, Clone, PartialEq)]
pub struct Ratings {
    user_ids: Vec<String>,
    item_ids: Vec<String>,
    user_lookup: IdMap,
    item_lookup: IdMap,
    entries: Vec<Entry>,
    scale: Scale,
    by_user: Csr,
    by_item: Csr,
    global_mean: f64,
}

impl Ratings {
    /// Builds a rating set from ids and entries. Duplicate user-item pairs keep the last
    /// value; every index must be in range, every value finite and on the scale.
    pub fn new(
        user_ids: Vec<String>,
        item_ids: Vec<String>,
        entries: Vec<Entry>,
        scale: Scale,
    ) -> Result<Ratings, EngineError> {
        Ratings::new_within(user_ids, item_ids, entries, scale, &InputLimits::APP)
    }

    /// As [`Ratings::new`], within `limits` rather than the app's.
    pub fn new_within(
        user_ids: Vec<String>,
        item_ids: Vec<String>,
        entries: Vec<Entry>,
        scale: Scale,
        limits: &InputLimits,
    ) -> Result<Ratings, EngineError> {
        for (what, count, limit) in [
            ("users", user_ids.len(), limits.users),
            ("items", item_ids.len(), limits.items),
            ("ratings", entries.len(), limits.ratings),
        ] {
            if count > limit {
                return Err(EngineError::param(what, format!("{count} {what}, over the limit of {limit}")));
            }
        }
        let user_lookup = lookup(&user_ids, "user")?;
        let item_lookup = lookup(&item_ids, "item")?;
        for e in &entries {
            if e.user.0 as usize >= user_ids.len() || e.item.0 as usize >= item_ids.len() {
                return Err(EngineError::param("entry", "user or item index out of range"));
            }
            if !e.value.is_finite() || !scale.contains(e.value) {
                return Err(EngineError::param(
                    "rating",
                    format!("{} is outside the scale {}..{}", e.value, scale.lo, scale.hi),
                ));
            }
        }
        // A repeated user-item pair keeps the place of its first rating and the value of its last.
        let first = first_occurrences(&entries, user_ids.len(), item_ids.len());
        let mut kept: Vec<Entry> = Vec::with_capacity(entries.len());
        let mut kept_at: Vec<u32> = vec![0; entries.len()];
        for (k, (e, &f)) in entries.iter().zip(&first).enumerate() {
            if f as usize == k {
                kept_at[k] = kept.len() as u32;
                kept.push(*e);
            } else {
                kept[kept_at[f as usize] as usize].value = e.value;
            }
        }
        // Only the kept entries are needed from here: a large set's copies go before its indexes grow.
        drop((entries, first, kept_at));
        // Item rows in input order, turned into user rows sorted by item and back into item rows sorted by user.
        let by_user = Csr::build(item_ids.len(), &kept, |e| (e.item.0, e.user.0)).transpose(user_ids.len());
        let by_item = by_user.transpose(item_ids.len());
        let global_mean = if kept.is_empty() {
            (scale.lo + scale.hi) / 2.0
        } else {
            kept.iter().map(|e| e.value).sum::<f64>() / kept.len() as f64
        };
        Ok(Ratings {
            user_ids,
            item_ids,
            user_lookup,
            item_lookup,
            entries: kept,
            scale,
            by_user,
            by_item,
            global_mean,
        })
    }

    /// Builds a rating set from `(user, item, rating)` triples, ids numbered by first appearance.
    pub fn from_triples<U: AsRef<str>, I: AsRef<str>>(
        triples: impl IntoIterator<Item = (U, I, f64)>,
        scale: Scale,
    ) -> Result<Ratings, EngineError> {
        let mut ids = IdInterner::default();
        let entries: Vec<Entry> = triples
            .into_iter()
            .map(|(u, i, v)| Entry {
                user: UserIdx(ids.user(u.as_ref())),
                item: ItemIdx(ids.item(i.as_ref())),
                value: v,
            })
            .collect();
        Ratings::new(ids.users, ids.items, entries, scale)
    }

    /// The same ids with one rating set (`Some`) or cleared (`None`): what the rating grid edits.
    pub fn with_rating(&self, user: UserIdx, item: ItemIdx, value: Option<f64>) -> Result<Ratings, EngineError> {
        let mut entries: Vec<Entry> =
            self.entries.iter().copied().filter(|e| !(e.user == user && e.item == item)).collect();
        if let Some(v) = value {
            entries.push(Entry { user, item, value: v });
        }
        Ratings::new(self.user_ids.clone(), self.item_ids.clone(), entries, self.scale)
    }

    /// The same ratings on another scale (fails if a rating falls outside it).
    pub fn with_scale(&self, scale: Scale) -> Result<Ratings, EngineError> {
        Ratings::new(self.user_ids.clone(), self.item_ids.clone(), self.entries.clone(), scale)
    }

    /// Number of users.
    pub fn n_users(&self) -> usize {
        self.user_ids.len()
    }
    /// Number of items.
    pub fn n_items(&self) -> usize {
        self.item_ids.len()
    }
    /// Number of ratings.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    /// Whether there are no ratings.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    /// The rating scale.
    pub fn scale(&self) -> Scale {
        self.scale
    }
    /// Mean of all ratings (the middle of the scale when there are none).
    pub fn global_mean(&self) -> f64 {
        self.global_mean
    }
    /// All ratings, in input order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
    /// User ids in order of first appearance.
    pub fn user_ids(&self) -> &[String] {
        &self.user_ids
    }
    /// Item ids in order of first appearance.
    pub fn item_ids(&self) -> &[String] {
        &self.item_ids
    }
    /// The id of user `u`.
    pub fn user_id(&self, u: UserIdx) -> &str {
        &self.user_ids[u.0 as usize]
    }
    /// The id of item `i`.
    pub fn item_id(&self, i: ItemIdx) -> &str {
        &self.item_ids[i.0 as usize]
    }
    /// Index of the user with id `id`.
    pub fn user_index(&self, id: &str) -> Option<UserIdx> {
        self.user_lookup.get(id).map(|&u| UserIdx(u))
    }
    /// Index of the item with id `id`.
    pub fn item_index(&self, id: &str) -> Option<ItemIdx> {
        self.item_lookup.get(id).map(|&i| ItemIdx(i))
    }
    /// Ids of one side.
    pub fn ids(&self, kind: Kind) -> &[String] {
        match kind {
            Kind::User => &self.user_ids,
            Kind::Item => &self.item_ids,
        }
    }
    /// Rows of the compared side: for users, each user's (item, rating) list; for items, each item's (user, rating) list.
    pub fn rows(&self, kind: Kind) -> &Csr {
        match kind {
            Kind::User => &self.by_user,
            Kind::Item => &self.by_item,
        }
    }
    /// Rows of the other side (the dimension compared over).
    pub fn cols(&self, kind: Kind) -> &Csr {
        match kind {
            Kind::User => &self.by_item,
            Kind::Item => &self.by_user,
        }
    }
    /// Items rated by `u` with their ratings.
    pub fn user_ratings(&self, u: UserIdx) -> (&[u32], &[f64]) {
        self.by_user.row(u.0 as usize)
    }
    /// Users who rated `i` with their ratings.
    pub fn item_ratings(&self, i: ItemIdx) -> (&[u32], &[f64]) {
        self.by_item.row(i.0 as usize)
    }
    /// The rating `u` gave `i`, if any.
    pub fn get(&self, u: UserIdx, i: ItemIdx) -> Option<f64> {
        let (items, vals) = self.user_ratings(u);
        items.binary_search(&i.0).ok().map(|k| vals[k])
    }
    /// Mean rating given by `u` (the global mean when `u` rated nothing).
    pub fn user_mean(&self, u: UserIdx) -> f64 {
        mean_or(self.user_ratings(u).1, self.global_mean)
    }
    /// Lowest and highest rating present (the scale when empty).
    pub fn observed_range(&self) -> (f64, f64) {
        if self.entries.is_empty() {
            return (self.scale.lo, self.scale.hi);
        }
        self.entries.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), e| (lo.min(e.value), hi.max(e.value)))
    }
}

/// Where each of `n_rows` rows starts when entries are grouped by row (`rows` gives each
/// entry's row, all below `n_rows`); the last element is the number of entries.
fn row_starts(n_rows: usize, rows: impl Iterator<Item = u32>) -> Vec<usize> {
    let mut starts = vec![0usize; n_rows + 1];
    for r in rows {
        starts[r as usize + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    starts
}

/// For each entry, the index of the first entry with the same user and item (its own index
/// when it is the first). Entries are visited user by user, marking each item with the
/// user who last rated it, so no pair is hashed. Every index must be in range.
pub(crate) fn first_occurrences(entries: &[Entry], n_users: usize, n_items: usize) -> Vec<u32> {
    // Entry indices grouped by user, in input order within a user (a counting sort).
    let starts = row_starts(n_users, entries.iter().map(|e| e.user.0));
    let mut next = starts.clone();
    let mut by_user = vec![0u32; entries.len()];
    for (k, e) in entries.iter().enumerate() {
        let at = &mut next[e.user.0 as usize];
        by_user[*at] = k as u32;
        *at += 1;
    }
    let mut first: Vec<u32> = (0..entries.len() as u32).collect();
    // For each item, the last user seen rating it (u32::MAX: none yet) and at which entry first.
    let mut rated_by = vec![u32::MAX; n_items];
    let mut first_at = vec![0u32; n_items];
    for (u, w) in starts.windows(2).enumerate() {
        for &k in &by_user[w[0]..w[1]] {
            let i = entries[k as usize].item.0 as usize;
            if rated_by[i] == u as u32 {
                first[k as usize] = first_at[i];
            } else {
                rated_by[i] = u as u32;
                first_at[i] = k;
            }
        }
    }
    first
}

fn mean_or(values: &[f64], fallback: f64) -> f64 {
    if values.is_empty() {
        fallback
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

fn lookup(ids: &[String], what: &'static str) -> Result<IdMap, EngineError> {
    let mut map = IdMap::with_capacity_and_hasher(ids.len(), Default::default());
    for (k, id) in ids.iter().enumerate() {
        if map.insert(id.clone(), k as u32).is_some() {
            return Err(EngineError::param(what, format!("id '{id}' appears twice in the id list")));
        }
    }
    Ok(map)
}

/// Numbers user and item ids in order of first appearance.
#[derive(Debug, Default)]
pub struct IdInterner {
    /// User ids seen so far.
    pub users: Vec<String>,
    /// Item ids seen so far.
    pub items: Vec<String>,
    user_map: IdMap,
    item_map: IdMap,
}

impl IdInterner {
    /// Index of user `id`, adding it if new.
    pub fn user(&mut self, id: &str) -> u32 {
        intern(&mut self.users, &mut self.user_map, id)
    }
    /// Index of item `id`, adding it if new.
    pub fn item(&mut self, id: &str) -> u32 {
        intern(&mut self.items, &mut self.item_map, id)
    }
}

fn intern(ids: &mut Vec<String>, map: &mut IdMap, id: &str) -> u32 {
    if let Some(&k) = map.get(id) {
        return k;
    }
    let k = ids.len() as u32;
    ids.push(id.to_string());
    map.insert(id.to_string(), k);
    k
}

/// Index of each id.
type IdMap = HashMap<String, u32, BuildHasherDefault<IdHasher>>;

/// A fast hasher for id lookups: the add-multiply-rotate scheme of rustc's FxHash, a word
/// at a time. Ids come from the user's own file, so resisting crafted collisions (what
/// the default SipHash pays for) does not matter here, while parsing looks up two ids a line.
#[derive(Debug, Default, Clone, Copy)]
struct IdHasher(u64);

impl IdHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = self.0.wrapping_add(word).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
}

impl Hasher for IdHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            self.add(chunk.iter().rev().fold(0, |word, &b| word << 8 | b as u64));
        }
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(b as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // The multiply mixes upwards: move the best-mixed bits to where the table looks first.
        self.0.rotate_left(26)
    }
}
