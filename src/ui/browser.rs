//! The few browser services the interface needs: language memory, file reading and downloads.

use wasm_bindgen::JsCast;

use crate::present::Lang;

const LANG_KEY: &str = "discount-lab.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The remembered language, else the browser's.
pub fn initial_lang() -> Lang {
    if let Some(code) = storage().and_then(|s| s.get_item(LANG_KEY).ok().flatten()) {
        return Lang::from_code(&code);
    }
    web_sys::window().and_then(|w| w.navigator().language()).map(|l| Lang::from_code(&l)).unwrap_or_default()
}

/// Remembers the language for the next visit.
pub fn remember_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
}

/// Resolves after the browser has had the chance to paint (a timer, not a microtask), so
/// a "computing" note shows before long work starts on the main thread.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30).is_ok())
            .unwrap_or(false);
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Reads a file's bytes.
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, ()> {
    let promise = file.array_buffer();
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| ())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Offers `text` as a download named `filename` (a blob URL, nothing leaves the page).
pub fn download_text(filename: &str, text: &str, mime: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(filename);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
