//! MovieLens-style fold files (`u1.base`, `u1.test`, ...) instead of a k-fold split: picked,
//! paired by name, and said back (the folds found, or the files left unpaired).

use yew::prelude::*;

use crate::options::evaluate::{pair_fold_files, FoldText};
use crate::present::{text, tr, Key, Lang};
use crate::ui::browser::read_file;
use crate::ui::components::file_picker::FilePicker;

/// Folds read from files: the names and the folds, or the names that found no pair.
pub type FoldFilesRead = Option<Result<(Vec<String>, Vec<FoldText>), Vec<String>>>;

/// Props of [`FoldFiles`].
#[derive(Properties, PartialEq)]
pub struct FoldFilesProps {
    /// Language.
    pub lang: Lang,
    /// What was read last.
    pub read: FoldFilesRead,
    /// New files were read (or `None`: back to k-fold).
    pub on_read: Callback<FoldFilesRead>,
}

/// The picker and its status.
#[component]
pub fn FoldFiles(props: &FoldFilesProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let on_files = {
        let on_read = props.on_read.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else { return };
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|k| list.get(k)).collect();
            let on_read = on_read.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut named = Vec::new();
                for f in files {
                    let name = f.name();
                    if let Ok(bytes) = read_file(f).await {
                        named.push((name, String::from_utf8_lossy(&bytes).into_owned()));
                    }
                }
                on_read.emit(Some(pair_fold_files(named)));
            });
            input.set_value("");
        })
    };
    let on_clear = props.on_read.reform(|_| None);
    html! { <>
        <div class="field">
            <span id="fold-files-h">{ t(Key::FoldFiles) }</span>
            <FilePicker id="eval-fold-files" multiple=true accept=".base,.test,.csv,.txt,.data" lang={lang} labelled_by="fold-files-h" onchange={on_files} />
        </div>
        { match &props.read {
            Some(Ok((names, folds))) => html! { <p class="hint intro" id="fold-files-status">
                { tr(lang, Key::FoldFilesLoaded, &[("n", folds.len().to_string()), ("names", names.join(", "))]) }{ " " }
                <button class="link" onclick={on_clear}>{ t(Key::UseKFold) }</button>
            </p> },
            Some(Err(unmatched)) => html! { <p class="error intro" role="alert">{ tr(lang, Key::FoldFilesBad, &[("names", unmatched.join(", "))]) }</p> },
            None => html! {},
        } }
    </> }
}
