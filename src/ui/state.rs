//! The application state and its reducer: the one place state changes.
//!
//! A failed load never touches the dataset or the settings: it only sets a notice.

use std::rc::Rc;

use yew::Reducible;

use crate::engine::data::items::ItemTable;
use crate::engine::data::parse::{DuplicateWarning, ParseOptions};
use crate::engine::data::purchases::PurchaseLog;
use crate::engine::data::ratings::{ItemIdx, Kind, Ratings, Scale, UserIdx};
use crate::engine::data::samples::{article_code_sample, shop, worked_example, Dataset, ShopParams};
use crate::engine::data::user_table::UserTable;
use crate::engine::discount::offer::{OfferBounds, Percent};
use crate::engine::error::{EngineError, ParseErrors};
use crate::engine::similarity::ordering::RowOrder;
use crate::engine::similarity::Measure;
use crate::engine::strategy::{Strategy, StrategyParams};
use crate::options::strategy_edit::StrategyEdit;
use crate::present::{Key, Lang};

/// Which built-in sample is loaded, if any (the worked example shows the articles' slips).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sample {
    /// The synthetic shop with its seed and size.
    Shop(ShopParams),
    /// The articles' worked example.
    Worked,
    /// The articles' code sample.
    ArticleCode,
}

impl Sample {
    /// Parses "shop", "worked", "article-code" (`shop` gives the shop of those parameters).
    pub fn from_name(name: &str, shop: ShopParams) -> Option<Sample> {
        match name {
            "shop" => Some(Sample::Shop(shop)),
            "worked" => Some(Sample::Worked),
            "article-code" => Some(Sample::ArticleCode),
            _ => None,
        }
    }

    /// Generates the sample's data.
    pub fn dataset(self) -> Dataset {
        match self {
            Sample::Shop(params) => shop(&params),
            Sample::Worked => worked_example(),
            Sample::ArticleCode => Dataset::of_ratings(article_code_sample()),
        }
    }
}

/// The tabs of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Data in.
    Data,
    /// Similarity heatmaps.
    Similarity,
    /// Per-user discounts.
    Discounts,
    /// Per-item discounts.
    Items,
    /// Rating prediction and cross-validation.
    Evaluate,
}

impl Tab {
    /// Parses a view name as used by `mount`.
    pub fn from_name(name: &str) -> Option<Tab> {
        match name {
            "data" => Some(Tab::Data),
            "similarity" | "heatmap" => Some(Tab::Similarity),
            "discounts" => Some(Tab::Discounts),
            "items" | "item-discounts" => Some(Tab::Items),
            "evaluate" => Some(Tab::Evaluate),
            _ => None,
        }
    }

    /// Every tab, in the order the tab bar shows them.
    pub const ALL: [Tab; 5] = [Tab::Data, Tab::Similarity, Tab::Discounts, Tab::Items, Tab::Evaluate];

    /// The tab's place in [`Tab::ALL`].
    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    /// The id of the tab's button (the tab panel is labelled by it).
    pub fn button_id(self) -> &'static str {
        match self {
            Tab::Data => "tab-data",
            Tab::Similarity => "tab-similarity",
            Tab::Discounts => "tab-discounts",
            Tab::Items => "tab-items",
            Tab::Evaluate => "tab-evaluate",
        }
    }

    /// The tab's name in the tab bar.
    pub fn label(self) -> Key {
        match self {
            Tab::Data => Key::TabData,
            Tab::Similarity => Key::TabSimilarity,
            Tab::Discounts => Key::TabDiscounts,
            Tab::Items => Key::TabItems,
            Tab::Evaluate => Key::TabEvaluate,
        }
    }

    /// The tab a key moves to from this one, as the WAI-ARIA tabs pattern expects: the arrows
    /// go round, Home and End to either end; `None` for any other key.
    pub fn after_key(self, key: &str) -> Option<Tab> {
        let (at, n) = (self.index(), Tab::ALL.len());
        let next = match key {
            "ArrowRight" => (at + 1) % n,
            "ArrowLeft" => (at + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return None,
        };
        Some(Tab::ALL[next])
    }
}

/// Similarity options of the heatmap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimSettings {
    /// Users or items.
    pub kind: Kind,
    /// Measure.
    pub measure: Measure,
    /// min_support.
    pub min_support: usize,
    /// shrinkage.
    pub shrinkage: f64,
    /// Zero-filled cosine.
    pub zero_fill: bool,
    /// Row order.
    pub order: RowOrder,
    /// A seeded random sample of this many rows (users or items, as `kind`) instead of all.
    pub sample: Option<usize>,
}

impl SimSettings {
    /// The articles' own setting for their worked example: the cosine over all columns with an
    /// unrated cell counted as 0, users in their order (the point the article makes).
    pub fn as_in_the_article() -> SimSettings {
        SimSettings { measure: Measure::Cosine, zero_fill: true, order: RowOrder::Original, ..SimSettings::default() }
    }
}

impl Default for SimSettings {
    fn default() -> Self {
        SimSettings {
            kind: Kind::User,
            measure: Measure::Pearson,
            min_support: 1,
            shrinkage: 100.0,
            zero_fill: false,
            order: RowOrder::Spectral,
            sample: None,
        }
    }
}

/// Options of the articles' user formula (its maximum is the guardrails' one, its item K the
/// strategies' one: see [`AppState::offer_bounds`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DiscountSettings {
    /// Similarity measure used to find neighbours.
    pub measure: Measure,
    /// K.
    pub k: usize,
    /// Smallest offer of the user formula.
    pub min_discount: Percent,
    /// The article's code variant.
    pub as_in_article: bool,
}

impl Default for DiscountSettings {
    fn default() -> Self {
        DiscountSettings { measure: Measure::Pearson, k: 5, min_discount: Percent(0.0), as_in_article: false }
    }
}

/// A message shown above the views.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A file could not be parsed (the previous data stays).
    ParseFailed(ParseErrors),
    /// A change was refused by the engine (the previous data stays).
    Refused(EngineError),
    /// An edit in the grid was not a valid rating.
    BadGridValue {
        /// User id.
        user: String,
        /// Item id.
        item: String,
        /// What was typed.
        value: String,
    },
    /// The file could not be read at all.
    ReadFailed,
}

/// Everything the interface shows.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Interface language.
    pub lang: Lang,
    /// The loaded data.
    pub data: Rc<Dataset>,
    /// Bumped on every data change; keys the memoised computations.
    pub version: u64,
    /// Name of what is loaded (a file name or a sample).
    pub source: String,
    /// The sample loaded, if the data is one.
    pub sample: Option<Sample>,
    /// Whether the item table was uploaded (kept when new ratings are loaded) rather than a sample's.
    pub items_uploaded: bool,
    /// Whether the purchase log and the user table were uploaded (kept when new ratings are loaded).
    pub extras_uploaded: bool,
    /// How the next file is read.
    pub parse: ParseOptions,
    /// Duplicate pairs found in the last file.
    pub duplicates: Vec<DuplicateWarning>,
    /// The last failure, if any.
    pub notice: Option<Notice>,
    /// Heatmap options.
    pub sim: SimSettings,
    /// Discount options.
    pub disc: DiscountSettings,
    /// Strategy options of the Discounts view.
    pub strategy: StrategyParams,
    /// Whether the user chose the strategy; until then the view opens on
    /// [`Strategy::first_to_show`] for the data loaded.
    pub strategy_chosen: bool,
    /// The selected heatmap cell (row indices).
    pub selected: Option<(usize, usize)>,
    /// The current tab.
    pub tab: Tab,
    /// Cross-validation runs of the Evaluate view, oldest first.
    pub eval_runs: Rc<Vec<crate::engine::evaluate::CvRun>>,
}

impl PartialEq for AppState {
    // The dataset is compared by identity: every change replaces it and bumps `version`.
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.data, &o.data)
            && self.version == o.version
            && self.lang == o.lang
            && self.source == o.source
            && self.sample == o.sample
            && self.items_uploaded == o.items_uploaded
            && self.extras_uploaded == o.extras_uploaded
            && self.strategy == o.strategy
            && self.strategy_chosen == o.strategy_chosen
            && self.parse == o.parse
            && self.duplicates == o.duplicates
            && self.notice == o.notice
            && self.sim == o.sim
            && self.disc == o.disc
            && self.selected == o.selected
            && self.tab == o.tab
            && Rc::ptr_eq(&self.eval_runs, &o.eval_runs)
    }
}

impl AppState {
    /// The bounds of the formulas' offers: the one maximum discount (the guardrails'), and the
    /// user formula's minimum.
    pub fn offer_bounds(&self) -> OfferBounds {
        let max = self.strategy.guardrails.max_discount;
        OfferBounds { min: Percent(self.disc.min_discount.0.min(max.0)), max }
    }

    /// A state with `sample` loaded.
    pub fn new(lang: Lang, sample: Sample, tab: Tab) -> AppState {
        let data = Rc::new(sample.dataset());
        let strategy = StrategyParams { strategy: Strategy::first_to_show(&data), ..Default::default() };
        AppState {
            lang,
            data,
            version: 1,
            source: String::new(),
            sample: Some(sample),
            items_uploaded: false,
            extras_uploaded: false,
            parse: ParseOptions::default(),
            duplicates: Vec::new(),
            notice: None,
            sim: if sample == Sample::Worked { SimSettings::as_in_the_article() } else { SimSettings::default() },
            disc: DiscountSettings::default(),
            strategy,
            strategy_chosen: false,
            selected: None,
            tab,
            eval_runs: Rc::new(Vec::new()),
        }
    }
}

/// Everything that can happen.
#[derive(Debug, Clone)]
pub enum Action {
    /// Switch language.
    SetLang(Lang),
    /// Switch tab.
    SetTab(Tab),
    /// Load a built-in sample.
    LoadSample(Sample),
    /// A ratings file parsed: replace the ratings (keeping the item table).
    LoadRatings {
        /// The ratings.
        ratings: Box<Ratings>,
        /// File name.
        source: String,
        /// Duplicate pairs.
        duplicates: Vec<DuplicateWarning>,
    },
    /// An item table parsed.
    LoadItems(ItemTable),
    /// A purchase log parsed.
    LoadPurchases(PurchaseLog),
    /// A user table parsed.
    LoadUsers(UserTable),
    /// Change one strategy setting (the one maximum discount and the item formula's K
    /// included: every formula and strategy shares them).
    EditStrategy(StrategyEdit),
    /// Something failed; the data stays.
    Fail(Notice),
    /// Dismiss the notice.
    ClearNotice,
    /// Set or clear one rating from the grid.
    EditRating {
        /// User index.
        user: UserIdx,
        /// Item index.
        item: ItemIdx,
        /// What was typed (empty clears).
        text: String,
    },
    /// Change how files are read.
    SetParse(ParseOptions),
    /// Change the heatmap options.
    SetSim(SimSettings),
    /// Change the discount options.
    SetDisc(DiscountSettings),
    /// Select a heatmap cell.
    Select(Option<(usize, usize)>),
    /// A cross-validation run finished.
    AddEvalRun(crate::engine::evaluate::CvRun),
    /// Forget the runs.
    ClearEvalRuns,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        if !next.strategy_chosen {
            next.strategy.strategy = Strategy::first_to_show(&next.data);
        }
        Rc::new(next)
    }
}

/// The reducer's steps, one per group of actions; each changes `self`, the next state (a copy
/// of the current one, so it reads the current values before it changes them).
impl AppState {
    /// Applies one action.
    fn apply(&mut self, action: Action) {
        match action {
            Action::SetLang(l) => self.lang = l,
            Action::SetTab(t) => self.tab = t,
            Action::LoadSample(s) => self.load_sample(s),
            Action::LoadRatings { ratings, source, duplicates } => self.load_ratings(*ratings, source, duplicates),
            Action::LoadItems(items) => self.load_items(items),
            Action::LoadPurchases(purchases) => self.load_extras(Dataset { purchases, ..(*self.data).clone() }),
            Action::LoadUsers(users) => self.load_extras(Dataset { users, ..(*self.data).clone() }),
            Action::Fail(n) => self.notice = Some(n),
            Action::ClearNotice => self.notice = None,
            Action::EditRating { user, item, text } => self.edit_rating(user, item, &text),
            Action::SetParse(p) => self.set_parse(p),
            Action::EditStrategy(edit) => self.edit_strategy(edit),
            Action::SetSim(s) => self.set_sim(s),
            Action::SetDisc(d) => self.disc = d,
            Action::Select(sel) => self.selected = sel,
            Action::AddEvalRun(run) => self.add_eval_run(run),
            Action::ClearEvalRuns => self.eval_runs = Rc::new(Vec::new()),
        }
    }

    /// Puts `data` in use: a new version, and the last failure forgotten.
    fn replace_data(&mut self, data: Dataset) {
        self.data = Rc::new(data);
        self.notice = None;
        self.version += 1;
    }

    /// A built-in sample replaces everything loaded.
    fn load_sample(&mut self, s: Sample) {
        // The worked example opens on the setting the articles compute it with.
        if s == Sample::Worked {
            self.sim = SimSettings::as_in_the_article();
        }
        self.replace_data(s.dataset());
        self.sample = Some(s);
        self.items_uploaded = false;
        self.extras_uploaded = false;
        self.source = String::new();
        self.duplicates.clear();
        self.selected = None;
    }

    /// New ratings, keeping what was uploaded beside them.
    fn load_ratings(&mut self, ratings: Ratings, source: String, duplicates: Vec<DuplicateWarning>) {
        // A sample's item table describes the sample's items only; an uploaded one is kept.
        let items = if self.items_uploaded { self.data.items.clone() } else { ItemTable::default() };
        let mut data = Dataset { items, ..Dataset::of_ratings(ratings) };
        if self.extras_uploaded {
            data.purchases = self.data.purchases.clone();
            data.users = self.data.users.clone();
        }
        self.replace_data(data);
        self.sample = None;
        self.source = source;
        self.duplicates = duplicates;
        self.selected = None;
    }

    /// An item table, if it describes the loaded ratings' items.
    fn load_items(&mut self, items: ItemTable) {
        match items.for_ratings(&self.data.ratings) {
            Ok(items) => {
                self.replace_data(Dataset { items, ..(*self.data).clone() });
                self.items_uploaded = true;
            }
            Err(e) => self.notice = Some(Notice::Refused(e)),
        }
    }

    /// A purchase log or a user table, already put into `data`.
    fn load_extras(&mut self, data: Dataset) {
        self.replace_data(data);
        self.extras_uploaded = true;
    }

    /// One cell of the grid set or cleared, if what was typed is a rating on the scale.
    fn edit_rating(&mut self, user: UserIdx, item: ItemIdx, text: &str) {
        let text = text.trim();
        let value = if text.is_empty() { Ok(None) } else { text.parse::<f64>().map(Some) };
        let ratings = &self.data.ratings;
        // The ratings refuse a value off their scale (or not finite).
        let edited = value.ok().and_then(|v| ratings.with_rating(user, item, v).ok());
        match edited {
            Some(r) => self.replace_data(Dataset { ratings: r, ..(*self.data).clone() }),
            None => {
                self.notice = Some(Notice::BadGridValue {
                    user: ratings.user_id(user).to_string(),
                    item: ratings.item_id(item).to_string(),
                    value: text.to_string(),
                })
            }
        }
    }

    /// How files are read; a new scale applies to the loaded ratings at once, if they fit it
    /// (otherwise nothing changes but the notice).
    fn set_parse(&mut self, p: ParseOptions) {
        if p.scale != self.parse.scale {
            let target = p.scale.unwrap_or_else(|| {
                let (lo, hi) = self.data.ratings.observed_range();
                Scale::infer(lo, hi)
            });
            match self.data.ratings.with_scale(target) {
                Ok(r) => self.replace_data(Dataset { ratings: r, ..(*self.data).clone() }),
                Err(e) => {
                    self.notice = Some(Notice::Refused(e));
                    return;
                }
            }
        }
        self.parse = p;
    }

    /// The strategy options; choosing another strategy keeps it from then on.
    fn edit_strategy(&mut self, edit: StrategyEdit) {
        self.strategy_chosen |= matches!(edit, StrategyEdit::Strategy(s) if s != self.strategy.strategy);
        edit.apply(&mut self.strategy);
    }

    /// The heatmap options; another kind or sample clears the selected cell.
    fn set_sim(&mut self, mut s: SimSettings) {
        if s.kind != self.sim.kind || s.sample != self.sim.sample {
            self.selected = None;
        }
        // A sample is of users or of items: another kind starts whole again.
        if s.kind != self.sim.kind && s.sample == self.sim.sample {
            s.sample = None;
        }
        self.sim = s;
    }

    /// One more cross-validation run.
    fn add_eval_run(&mut self, run: crate::engine::evaluate::CvRun) {
        let mut runs = (*self.eval_runs).clone();
        runs.push(run);
        self.eval_runs = Rc::new(runs);
    }
}
