//! Where a ratings file is dropped, or chosen with the picker inside it.

use yew::prelude::*;

use crate::present::{text, Key, Lang};
use crate::ui::components::single_file_picker::SingleFilePicker;

/// Props of [`DropZone`].
#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    /// Language.
    pub lang: Lang,
    /// The id of the element that names what the file is for.
    pub labelled_by: AttrValue,
    /// A file was dropped or chosen.
    pub on_file: Callback<web_sys::File>,
}

/// The zone, outlined while a file is dragged over it.
#[component]
pub fn DropZone(props: &DropZoneProps) -> Html {
    let dragging = use_state(|| false);
    let on_drop = {
        let (on_file, dragging) = (props.on_file.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|dt| dt.files()).and_then(|f| f.get(0)) {
                on_file.emit(file);
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
    html! {
        <div class={classes!("dropzone", dragging.then_some("over"))} ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
            <p class="drop-line"><span id="drop-h">{ text(props.lang, Key::DropHere) }</span>{ " · " }
                <SingleFilePicker id="ratings-file" accept=".csv,.tsv,.txt,.data,.dat,text/csv,text/plain" lang={props.lang}
                    labelled_by={props.labelled_by.clone()} on_file={props.on_file.clone()} />
            </p>
        </div>
    }
}
