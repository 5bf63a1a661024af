//! The Yew entry point built by Trunk: renders the app into `#app`.
fn main() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    let handle = discount_lab::ui::start(root, discount_lab::ui::AppProps::default());
    // The app lives as long as the page.
    std::mem::forget(handle);
}
