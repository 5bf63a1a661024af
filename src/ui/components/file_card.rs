//! A card to upload one kind of file beside the ratings (an item table, a purchase log, a
//! user table): its title, what the file holds, and the picker.

use yew::prelude::*;

use crate::present::Lang;
use crate::ui::components::single_file_picker::SingleFilePicker;

/// Props of [`FileCard`].
#[derive(Properties, PartialEq)]
pub struct FileCardProps {
    /// What the file is, in ids: the title is `{name}-h`, the picker `{name}-file`.
    pub name: AttrValue,
    /// The title.
    pub title: AttrValue,
    /// What the file holds.
    pub hint: AttrValue,
    /// File types offered.
    pub accept: AttrValue,
    /// Language.
    pub lang: Lang,
    /// A file was chosen.
    pub on_file: Callback<web_sys::File>,
}

/// The card.
#[component]
pub fn FileCard(props: &FileCardProps) -> Html {
    let title_id = format!("{}-h", props.name);
    html! {
        <section class="card" aria-labelledby={title_id.clone()}>
            <h2 id={title_id.clone()}>{ props.title.clone() }</h2>
            <p class="hint">{ props.hint.clone() }</p>
            <SingleFilePicker id={format!("{}-file", props.name)} accept={props.accept.clone()} lang={props.lang}
                labelled_by={title_id} on_file={props.on_file.clone()} />
        </section>
    }
}
