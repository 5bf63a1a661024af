//! The Data view: samples, file picker, drag-and-drop, paste box, read options,
//! the item table and the editable rating grid.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::data::items::parse_items;
use crate::engine::data::parse::{parse_ratings, DuplicateWarning, ParseOptions};
use crate::engine::data::purchases::parse_purchases;
use crate::engine::data::samples::{Dataset, ShopParams};
use crate::engine::data::user_table::parse_users;
use crate::engine::error::ParseErrors;
use crate::present::{text, Key, Lang};
use crate::ui::browser::read_file;
use crate::ui::components::data_summary::DataSummary;
use crate::ui::components::drop_zone::DropZone;
use crate::ui::components::duplicate_list::DuplicateList;
use crate::ui::components::file_card::FileCard;
use crate::ui::components::paste_box::PasteBox;
use crate::ui::components::rating_grid::RatingGrid;
use crate::ui::components::read_options::ReadOptions;
use crate::ui::components::sample_picker::SamplePicker;
use crate::ui::state::{Action, Notice, Sample};
use crate::ui::Shared;

/// Props of [`DataView`].
#[derive(Properties, PartialEq)]
pub struct DataViewProps {
    /// Interface language.
    pub lang: Lang,
    /// The loaded data (compared by identity).
    pub data: Shared<Dataset>,
    /// The sample loaded, if the data is one (the shop's fields start from its size and seed).
    pub sample: Option<Sample>,
    /// How the next file is read.
    pub parse: ParseOptions,
    /// Duplicate pairs found in the last file.
    pub duplicates: Vec<DuplicateWarning>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// What parsing `bytes` as ratings with `options` does: load them, or say why not.
fn ratings_action(bytes: &[u8], name: String, options: &ParseOptions) -> Action {
    match parse_ratings(bytes, options) {
        Ok(p) => Action::LoadRatings { ratings: Box::new(p.ratings), source: name, duplicates: p.duplicates },
        Err(e) => Action::Fail(Notice::ParseFailed(e)),
    }
}

/// What a parsed file does: load it, or say why not.
fn parsed<T>(result: Result<T, ParseErrors>, load: fn(T) -> Action) -> Action {
    result.map_or_else(|e| Action::Fail(Notice::ParseFailed(e)), load)
}

/// Reads a chosen file in the background and dispatches what its bytes and name do (or that
/// it could not be read).
fn reader(dispatch: &Callback<Action>, action: impl Fn(&[u8], String) -> Action + 'static) -> Callback<web_sys::File> {
    let (dispatch, action) = (dispatch.clone(), Rc::new(action));
    Callback::from(move |file: web_sys::File| {
        let (dispatch, action, name) = (dispatch.clone(), action.clone(), file.name());
        wasm_bindgen_futures::spawn_local(async move {
            match read_file(file).await {
                Ok(bytes) => dispatch.emit(action(&bytes, name)),
                Err(()) => dispatch.emit(Action::Fail(Notice::ReadFailed)),
            }
        });
    })
}

/// The Data view.
#[component]
pub fn DataView(props: &DataViewProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let dispatch = &props.dispatch;
    let shop = match props.sample {
        Some(Sample::Shop(s)) => s,
        _ => ShopParams::default(),
    };
    let options = props.parse.clone();
    let on_ratings = {
        let options = options.clone();
        reader(dispatch, move |bytes, name| ratings_action(bytes, name, &options))
    };
    let on_paste = {
        let (d, options, name) = (dispatch.clone(), options.clone(), t(Key::PasteLabel).to_string());
        Callback::from(move |pasted: String| d.emit(ratings_action(pasted.as_bytes(), name.clone(), &options)))
    };
    let on_refused = dispatch.reform(|e| Action::Fail(Notice::Refused(e)));
    html! {
        <div class="data-view">
            <section class="card" aria-labelledby="samples-h">
                <h2 id="samples-h">{ t(Key::Samples) }</h2>
                <SamplePicker {lang} {shop} on_load={dispatch.reform(Action::LoadSample)} />
                <DataSummary {lang} data={props.data.clone()} />
                <DuplicateList {lang} duplicates={props.duplicates.clone()} />
            </section>
            <section class="card" aria-labelledby="upload-h">
                <h2 id="upload-h">{ t(Key::LoadRatings) }</h2>
                <p class="hint">{ t(Key::LoadRatingsHint) }</p>
                <DropZone {lang} labelled_by="upload-h" on_file={on_ratings} />
                <ReadOptions {lang} {options} scale={props.data.0.ratings.scale()} on_change={dispatch.reform(Action::SetParse)} {on_refused} />
                <PasteBox {lang} on_load={on_paste} />
            </section>
            <FileCard name="items" title={t(Key::ItemsFile)} hint={t(Key::ItemsHint)} accept=".csv,.txt,text/csv,text/plain" {lang}
                on_file={reader(dispatch, |b, _| parsed(parse_items(b), Action::LoadItems))} />
            <FileCard name="purchases" title={t(Key::PurchasesFile)} hint={t(Key::PurchasesHint)} accept=".csv,.txt,text/csv,text/plain" {lang}
                on_file={reader(dispatch, |b, _| parsed(parse_purchases(b), Action::LoadPurchases))} />
            <FileCard name="users" title={t(Key::UsersFile)} hint={t(Key::UsersHint)} accept=".csv,.txt,.user,text/csv,text/plain" {lang}
                on_file={reader(dispatch, |b, _| parsed(parse_users(b), Action::LoadUsers))} />
            <RatingGrid {lang} data={props.data.clone()} dispatch={dispatch.clone()} />
        </div>
    }
}
