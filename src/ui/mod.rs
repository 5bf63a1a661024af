//! The Yew interface: the app and its tabs (`app.rs`), the one reducer (`state.rs`), the
//! worker protocol (`worker.rs`), the browser's services (`browser.rs`), the views (one per
//! tab) and the components they are made of (one per file).

pub mod app;
pub mod browser;
pub mod components;
pub mod state;
pub mod typing;
pub mod views;
pub mod worker;

pub use app::{App, AppProps};

/// Renders the app into `root` (the document body when `None`).
pub fn start(root: Option<web_sys::Element>, props: AppProps) -> yew::AppHandle<App> {
    match root {
        Some(el) => yew::Renderer::<App>::with_root_and_props(el, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    }
}

/// A shared value compared by identity, so large matrices never get compared cell by cell.
#[derive(Debug)]
pub struct Shared<T>(pub std::rc::Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Applies an input's value (or a checkbox's "true"/"false") to a copy of some settings.
pub type Edit<T> = Box<dyn Fn(&mut T, String)>;

/// A change handler for `<input>` and `<select>` elements: copies `current`, applies `edit`
/// with the element's value and emits the new settings.
pub fn on_change<T: Clone + 'static>(current: T, emit: yew::Callback<T>, edit: Edit<T>) -> yew::Callback<yew::Event> {
    yew::Callback::from(move |e: yew::Event| {
        use yew::TargetCast;
        let el: web_sys::HtmlInputElement = e.target_unchecked_into();
        let value = if el.type_() == "checkbox" { el.checked().to_string() } else { el.value() };
        let mut next = current.clone();
        edit(&mut next, value);
        emit.emit(next);
    })
}
