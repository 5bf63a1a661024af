//! A [`FilePicker`] that hands over the one file chosen (and forgets it, so that choosing the
//! same file again reads it again).

use yew::prelude::*;

use crate::present::Lang;
use crate::ui::components::file_picker::FilePicker;

/// Props of [`SingleFilePicker`].
#[derive(Properties, PartialEq)]
pub struct SingleFilePickerProps {
    /// The input's id.
    pub id: AttrValue,
    /// File types offered.
    pub accept: AttrValue,
    /// The id of the element that names what the file is for.
    pub labelled_by: AttrValue,
    /// Language of the button.
    pub lang: Lang,
    /// A file was chosen.
    pub on_file: Callback<web_sys::File>,
}

/// The picker.
#[component]
pub fn SingleFilePicker(props: &SingleFilePickerProps) -> Html {
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_file.emit(file);
            }
            input.set_value("");
        })
    };
    html! {
        <FilePicker id={props.id.clone()} accept={props.accept.clone()} lang={props.lang}
            labelled_by={props.labelled_by.clone()} {onchange} />
    }
}
