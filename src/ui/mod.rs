//! The Yew interface: one component per file, state in `state.rs`.

pub mod app;
pub mod browser;
pub mod data_view;
pub mod discounts_view;
pub mod explain_panel;
pub mod heatmap;
pub mod histogram_chart;
pub mod items_view;
pub mod notice;
pub mod rating_grid;
pub mod similarity_view;
pub mod state;

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
