//! `mount`: the whole app, or one view of it, in any element of a page.

use wasm_bindgen::prelude::*;

use super::input::err;
use serde::Deserialize;

use crate::ui::{start, App, AppProps};

#[derive(Deserialize, Default)]
#[serde(default)]
struct MountOptions {
    view: Option<String>,
    lang: Option<String>,
    sample: Option<String>,
    seed: Option<u64>,
    customers: Option<usize>,
    products: Option<usize>,
    page: bool,
}

/// A mounted app; call `destroy()` to remove it.
#[wasm_bindgen]
pub struct MountHandle {
    handle: Option<yew::AppHandle<App>>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Unmounts the app and frees it.
    pub fn destroy(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
    }
}

/// Renders the app into `element`. Options: `{view, lang, sample, seed, customers, products}`; several
/// instances can live on one page, each with its own state.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options_in: JsValue) -> Result<MountHandle, JsError> {
    let o: MountOptions = if options_in.is_undefined() || options_in.is_null() {
        MountOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options_in).map_err(|e| err(format!("options: {e}")))?
    };
    let props = AppProps {
        view: o.view,
        lang: o.lang,
        sample: o.sample,
        seed: o.seed,
        customers: o.customers,
        products: o.products,
        page: o.page,
    };
    Ok(MountHandle { handle: Some(start(Some(element), props)) })
}
