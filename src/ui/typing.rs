//! What a person is typing into a field, kept until they commit it (change) or leave the
//! field. Yew 0.23 sets an input's value on every render where it differs from the page's,
//! so a render while someone types (a view computing after another field's change, a file
//! finishing loading) would otherwise put the value in use back under their keys.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// The text being typed into one field, if any.
#[derive(Clone)]
pub struct Typing(Rc<RefCell<Option<String>>>);

/// A field's typing, kept across renders.
#[hook]
pub fn use_typing() -> Typing {
    Typing(use_mut_ref(|| None))
}

impl Typing {
    /// What the field shows: the text being typed, else `in_use`.
    pub fn shown(&self, in_use: String) -> String {
        self.0.borrow().clone().unwrap_or(in_use)
    }

    /// Follows the typing (the field's `oninput`).
    pub fn oninput(&self) -> Callback<InputEvent> {
        let typing = self.0.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            *typing.borrow_mut() = Some(input.value());
        })
    }

    /// Leaving the field ends the typing, even without a change (typed back to what it was).
    pub fn onblur(&self) -> Callback<FocusEvent> {
        let typing = self.0.clone();
        Callback::from(move |_: FocusEvent| *typing.borrow_mut() = None)
    }

    /// The typing is committed: the field shows the value in use from now on.
    pub fn done(&self) {
        *self.0.borrow_mut() = None;
    }

    /// `onchange` with the typing ended first.
    pub fn committing(&self, onchange: Callback<Event>) -> Callback<Event> {
        let typing = self.0.clone();
        Callback::from(move |e: Event| {
            *typing.borrow_mut() = None;
            onchange.emit(e);
        })
    }
}
