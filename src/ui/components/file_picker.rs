//! A file input whose button speaks the interface's language (the browser's own says "Choose
//! File" in its own language): the input stays in the page, focusable and labelled, only drawn
//! as a button.

use yew::prelude::*;

use crate::present::{text, Key, Lang};

/// Props of [`FilePicker`].
#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    /// The input's id.
    pub id: AttrValue,
    /// File types offered.
    pub accept: AttrValue,
    /// Several files at once.
    #[prop_or_default]
    pub multiple: bool,
    /// The id of the element that names what the file is for, if not the button itself.
    #[prop_or_default]
    pub labelled_by: Option<AttrValue>,
    /// Language of the button.
    pub lang: Lang,
    /// A file was chosen.
    pub onchange: Callback<Event>,
}

/// The picker.
#[component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    let label = text(props.lang, if props.multiple { Key::ChooseFiles } else { Key::ChooseFile });
    html! {
        <span class="file-picker">
            <input id={props.id.clone()} type="file" accept={props.accept.clone()} multiple={props.multiple}
                aria-labelledby={props.labelled_by.clone()} onchange={props.onchange.clone()} />
            <label for={props.id.clone()} class="button">{ label }</label>
        </span>
    }
}
