//! The Data view: samples, file picker, drag-and-drop, paste box, read options,
//! the item table and the editable rating grid.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::data::items::parse_items;
use crate::engine::data::parse::{parse_ratings, ParseOptions};
use crate::engine::data::purchases::parse_purchases;
use crate::engine::data::ratings::Scale;
use crate::engine::data::samples::ShopParams;
use crate::engine::data::text_input::Separator;
use crate::engine::data::user_table::parse_users;
use crate::engine::limits::{MAX_SHOP_CUSTOMERS, MAX_SHOP_PRODUCTS};
use crate::present::{text, tr, Key};
use crate::ui::browser::read_file;
use crate::ui::components::file_picker::FilePicker;
use crate::ui::components::rating_grid::RatingGrid;
use crate::ui::state::{Action, AppState, Notice, Sample};
use crate::ui::{on_change, Edit};

/// Props of [`DataView`].
#[derive(Properties, PartialEq)]
pub struct DataViewProps {
    /// The state.
    pub state: Rc<AppState>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// Parses `bytes` as ratings with the current options and dispatches the result.
fn load_ratings(bytes: &[u8], name: String, options: &ParseOptions, dispatch: &Callback<Action>) {
    match parse_ratings(bytes, options) {
        Ok(p) => dispatch.emit(Action::LoadRatings { ratings: p.ratings, source: name, duplicates: p.duplicates }),
        Err(e) => dispatch.emit(Action::Fail(Notice::ParseFailed(e))),
    }
}

fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|f| f.get(0))
}

/// Reads a file in the background and hands its bytes to `then`.
fn read_then(file: web_sys::File, dispatch: Callback<Action>, then: impl FnOnce(Vec<u8>, String) + 'static) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        match read_file(file).await {
            Ok(bytes) => then(bytes, name),
            Err(()) => dispatch.emit(Action::Fail(Notice::ReadFailed)),
        }
    });
}

/// The Data view.
#[component]
pub fn DataView(props: &DataViewProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let t = |k: Key| text(lang, k);
    let dispatch = props.dispatch.clone();
    let paste = use_state(String::new);
    let shop = use_state(|| match state.sample {
        Some(Sample::Shop(s)) => s,
        _ => ShopParams::default(),
    });
    let dragging = use_state(|| false);

    let sample_button = |sample: Sample, key: Key, id: &'static str| {
        let d = dispatch.clone();
        html! { <button id={id} onclick={Callback::from(move |_| d.emit(Action::LoadSample(sample)))}>{ t(key) }</button> }
    };
    // Edits one size of the shop to generate (the button generates it).
    let shop_field = |f: fn(&mut ShopParams, u64)| {
        let shop = shop.clone();
        Callback::from(move |e: Event| {
            if let Ok(v) = e.target_unchecked_into::<web_sys::HtmlInputElement>().value().trim().parse::<u64>() {
                let mut next = *shop;
                f(&mut next, v);
                shop.set(next.clamped());
            }
        })
    };
    let on_seed = shop_field(|s, v| s.seed = v);
    let on_customers = shop_field(|s, v| s.customers = usize::try_from(v).unwrap_or(usize::MAX));
    let on_products = shop_field(|s, v| s.products = usize::try_from(v).unwrap_or(usize::MAX));

    let options = state.parse.clone();
    let on_file = {
        let (d, options) = (dispatch.clone(), options.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = first_file(input.files()) {
                let (d2, options) = (d.clone(), options.clone());
                read_then(file, d.clone(), move |bytes, name| load_ratings(&bytes, name, &options, &d2));
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let (d, options, dragging) = (dispatch.clone(), options.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = first_file(e.data_transfer().and_then(|dt| dt.files())) {
                let (d2, options) = (d.clone(), options.clone());
                read_then(file, d.clone(), move |bytes, name| load_ratings(&bytes, name, &options, &d2));
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_paste_input = {
        let paste = paste.clone();
        Callback::from(move |e: InputEvent| {
            paste.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        })
    };
    let on_paste_load = {
        let (d, options, paste) = (dispatch.clone(), options.clone(), paste.clone());
        let name = t(Key::PasteLabel).to_string();
        Callback::from(move |_| load_ratings(paste.as_bytes(), name.clone(), &options, &d))
    };
    let on_items = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = first_file(input.files()) {
                let d2 = d.clone();
                read_then(file, d.clone(), move |bytes, _| match parse_items(&bytes) {
                    Ok(t) => d2.emit(Action::LoadItems(t)),
                    Err(e) => d2.emit(Action::Fail(Notice::ParseFailed(e))),
                });
            }
            input.set_value("");
        })
    };
    let upload = |parse: fn(&[u8]) -> Option<Result<Action, crate::engine::error::ParseErrors>>| {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = first_file(input.files()) {
                let d2 = d.clone();
                read_then(file, d.clone(), move |bytes, _| match parse(&bytes) {
                    Some(Ok(a)) => d2.emit(a),
                    Some(Err(e)) => d2.emit(Action::Fail(Notice::ParseFailed(e))),
                    None => {}
                });
            }
            input.set_value("");
        })
    };
    let on_purchases = upload(|b| Some(parse_purchases(b).map(Action::LoadPurchases)));
    let on_users = upload(|b| Some(parse_users(b).map(Action::LoadUsers)));
    let set_parse = |edit: Edit<ParseOptions>| on_change(options.clone(), dispatch.reform(Action::SetParse), edit);
    let on_format = set_parse(Box::new(|o, v| {
        o.separator = match v.as_str() {
            "comma" => Some(Separator::Comma),
            "tab" => Some(Separator::Tab),
            "colons" => Some(Separator::DoubleColon),
            _ => None,
        }
    }));
    let on_header = set_parse(Box::new(|o, v| {
        o.has_header = match v.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        }
    }));
    let scale = state.data.ratings.scale();
    let on_scale_mode = set_parse(Box::new(move |o, v| o.scale = if v == "custom" { Some(scale) } else { None }));
    let on_scale_lo = set_parse(Box::new(move |o, v| {
        if let Ok(lo) = v.trim().parse::<f64>() {
            if let Ok(s) = Scale::new(lo, o.scale.unwrap_or(scale).hi) {
                o.scale = Some(s);
            }
        }
    }));
    let on_scale_hi = set_parse(Box::new(move |o, v| {
        if let Ok(hi) = v.trim().parse::<f64>() {
            if let Ok(s) = Scale::new(o.scale.unwrap_or(scale).lo, hi) {
                o.scale = Some(s);
            }
        }
    }));

    let r = &state.data.ratings;
    let summary = tr(
        lang,
        Key::Summary,
        &[
            ("users", r.n_users().to_string()),
            ("items", r.n_items().to_string()),
            ("ratings", r.len().to_string()),
            ("lo", scale.lo.to_string()),
            ("hi", scale.hi.to_string()),
        ],
    );
    let rated: std::collections::HashSet<&str> = r.user_ids().iter().map(String::as_str).collect();
    let log_users: std::collections::HashSet<&str> =
        state.data.purchases.rows.iter().map(|p| p.user.as_str()).collect();
    let log_known = log_users.iter().filter(|u| rated.contains(*u)).count();
    let purchases_summary = if state.data.purchases.is_empty() {
        t(Key::SummaryNoPurchases).to_string()
    } else {
        tr(
            lang,
            Key::SummaryPurchases,
            &[
                ("n", state.data.purchases.len().to_string()),
                ("known", log_known.to_string()),
                ("users", log_users.len().to_string()),
            ],
        )
    };
    let table = &state.data.users;
    let table_known = table.rows.keys().filter(|u| rated.contains(u.as_str())).count();
    let users_summary = if table.is_empty() {
        t(Key::SummaryNoUsers).to_string()
    } else {
        tr(
            lang,
            Key::SummaryUsers,
            &[
                ("n", table.rows.len().to_string()),
                ("known", table_known.to_string()),
                ("columns", table.columns.join(", ")),
            ],
        )
    };
    // A file whose customers are all strangers to the ratings changes nothing: say so.
    let strangers: Vec<Key> = [
        (!state.data.purchases.is_empty() && log_known == 0, Key::WhatPurchaseLog),
        (!table.is_empty() && table_known == 0, Key::WhatUserTable),
    ]
    .into_iter()
    .filter_map(|(none, what)| none.then_some(what))
    .collect();
    let items_summary = if state.data.items.items.is_empty() {
        t(Key::SummaryNoItems).to_string()
    } else {
        tr(lang, Key::SummaryItems, &[("n", state.data.items.items.len().to_string())])
    };
    let sep_value = match options.separator {
        None => "auto",
        Some(Separator::Comma) => "comma",
        Some(Separator::Tab) => "tab",
        Some(Separator::DoubleColon) => "colons",
    };
    let header_value = match options.has_header {
        None => "auto",
        Some(true) => "yes",
        Some(false) => "no",
    };
    let shop_params = *shop;
    html! {
        <div class="data-view">
            <section class="card" aria-labelledby="samples-h">
                <h2 id="samples-h">{ t(Key::Samples) }</h2>
                <div class="row">
                    { sample_button(Sample::Shop(shop_params), Key::SampleShop, "sample-shop") }
                    <label>{ t(Key::Seed) }
                        <input id="shop-seed" type="number" min="0" value={shop_params.seed.to_string()} onchange={on_seed} class="narrow" />
                    </label>
                    <label>{ t(Key::Customers) }
                        <input id="shop-customers" type="number" min="1" max={MAX_SHOP_CUSTOMERS.to_string()} value={shop_params.customers.to_string()} onchange={on_customers} class="narrow" />
                    </label>
                    <label>{ t(Key::Products) }
                        <input id="shop-products" type="number" min="7" max={MAX_SHOP_PRODUCTS.to_string()} value={shop_params.products.to_string()} onchange={on_products} class="narrow" />
                    </label>
                    { sample_button(Sample::Worked, Key::SampleWorked, "sample-worked") }
                    { sample_button(Sample::ArticleCode, Key::SampleArticleCode, "sample-article-code") }
                </div>
                if shop_params.customers > 2000 {
                    <p class="hint">{ t(Key::ShopSizeHint) }</p>
                }
                <p class="summary" id="data-summary">{ summary }{ " · " }{ items_summary }{ " · " }{ purchases_summary }{ " · " }{ users_summary }</p>
                { for strangers.iter().map(|&what| html! {
                    <p class="notice warning" role="status">{ tr(lang, Key::NoCommonUsers, &[("what", t(what).to_string())]) }</p>
                }) }
                if !state.duplicates.is_empty() {
                    <div class="notice warning" role="status">
                        <strong>{ tr(lang, Key::Duplicates, &[("n", state.duplicates.len().to_string())]) }</strong>
                        <ul>{ for state.duplicates.iter().take(10).map(|d| {
                            let lines: Vec<String> = d.lines.iter().map(|l| l.to_string()).collect();
                            html! { <li>{ tr(lang, Key::DuplicateLine, &[("user", d.user.clone()), ("item", d.item.clone()), ("lines", lines.join(", "))]) }</li> }
                        }) }</ul>
                    </div>
                }
            </section>
            <section class="card" aria-labelledby="upload-h">
                <h2 id="upload-h">{ t(Key::LoadRatings) }</h2>
                <p class="hint">{ t(Key::LoadRatingsHint) }</p>
                <div class={classes!("dropzone", dragging.then_some("over"))} ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
                    <p class="drop-line"><span id="drop-h">{ t(Key::DropHere) }</span>{ " · " }
                        <FilePicker id="ratings-file" accept=".csv,.tsv,.txt,.data,.dat,text/csv,text/plain" lang={lang} labelled_by="upload-h" onchange={on_file} />
                    </p>
                </div>
                <div class="row options">
                    <label>{ t(Key::Format) }
                        <select id="format" onchange={on_format}>
                            <option value="auto" selected={sep_value == "auto"}>{ t(Key::FormatAuto) }</option>
                            <option value="comma" selected={sep_value == "comma"}>{ t(Key::FormatCsv) }</option>
                            <option value="tab" selected={sep_value == "tab"}>{ t(Key::FormatTab) }</option>
                            <option value="colons" selected={sep_value == "colons"}>{ t(Key::FormatColons) }</option>
                        </select>
                    </label>
                    <label>{ t(Key::Header) }
                        <select id="header" onchange={on_header}>
                            <option value="auto" selected={header_value == "auto"}>{ t(Key::HeaderAuto) }</option>
                            <option value="yes" selected={header_value == "yes"}>{ t(Key::HeaderYes) }</option>
                            <option value="no" selected={header_value == "no"}>{ t(Key::HeaderNo) }</option>
                        </select>
                    </label>
                    <label>{ t(Key::Scale) }
                        <select id="scale-mode" onchange={on_scale_mode}>
                            <option value="auto" selected={options.scale.is_none()}>{ t(Key::ScaleAuto) }</option>
                            <option value="custom" selected={options.scale.is_some()}>{ tr(lang, Key::ScaleCustom, &[("lo", scale.lo.to_string()), ("hi", scale.hi.to_string())]) }</option>
                        </select>
                    </label>
                    if options.scale.is_some() {
                        <label>{ t(Key::ScaleLo) }<input id="scale-lo" class="narrow" type="number" step="any" value={scale.lo.to_string()} onchange={on_scale_lo} /></label>
                        <label>{ t(Key::ScaleHi) }<input id="scale-hi" class="narrow" type="number" step="any" value={scale.hi.to_string()} onchange={on_scale_hi} /></label>
                    }
                </div>
                <label for="paste">{ t(Key::PasteLabel) }</label>
                <textarea id="paste" rows="5" placeholder="user,item,rating\nu1,i1,4" value={(*paste).clone()} oninput={on_paste_input} />
                <button id="paste-load" onclick={on_paste_load}>{ t(Key::PasteLoad) }</button>
            </section>
            <section class="card" aria-labelledby="items-h">
                <h2 id="items-h">{ t(Key::ItemsFile) }</h2>
                <p class="hint">{ t(Key::ItemsHint) }</p>
                <FilePicker id="items-file" accept=".csv,.txt,text/csv,text/plain" lang={lang} labelled_by="items-h" onchange={on_items} />
            </section>
            <section class="card" aria-labelledby="purchases-h">
                <h2 id="purchases-h">{ t(Key::PurchasesFile) }</h2>
                <p class="hint">{ t(Key::PurchasesHint) }</p>
                <FilePicker id="purchases-file" accept=".csv,.txt,text/csv,text/plain" lang={lang} labelled_by="purchases-h" onchange={on_purchases} />
            </section>
            <section class="card" aria-labelledby="users-h">
                <h2 id="users-h">{ t(Key::UsersFile) }</h2>
                <p class="hint">{ t(Key::UsersHint) }</p>
                <FilePicker id="users-file" accept=".csv,.txt,.user,text/csv,text/plain" lang={lang} labelled_by="users-h" onchange={on_users} />
            </section>
            <RatingGrid state={state.clone()} dispatch={dispatch.clone()} />
        </div>
    }
}
