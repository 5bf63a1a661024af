//! The worker protocol: the interface's side of `www/worker.js`, a module Web Worker that runs
//! the same engine through the JS API.
//!
//! In: `{ id, kind: "evaluate" | "grid", ratings: CSV text, options: CvOptions }`.
//! Out: `{ id, progress: { done, total } }` any number of times, then `{ id, report }` (one
//! run, or an array of runs for a grid) or `{ id, error }`. Cancelling ends the worker.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::evaluate::CvRun;
use crate::options::evaluate::CvOptions;

/// A running worker and the handler that must live as long as it; dropping it ends the worker.
pub struct WorkerHandle {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// What a worker said.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// Work done so far.
    Progress {
        /// Fits done.
        done: u32,
        /// Fits in all.
        total: u32,
    },
    /// The runs (one, or a grid's).
    Runs(Vec<CvRun>),
    /// Why it failed.
    Failed(String),
}

fn field(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Reads one message of the worker.
pub fn reply(data: &JsValue) -> Reply {
    let progress = field(data, "progress");
    if !progress.is_undefined() {
        let count = |k: &str| field(&progress, k).as_f64().unwrap_or(0.0) as u32;
        return Reply::Progress { done: count("done"), total: count("total") };
    }
    let report = field(data, "report");
    if report.is_undefined() {
        return Reply::Failed(field(data, "error").as_string().unwrap_or_default());
    }
    let runs = if js_sys::Array::is_array(&report) {
        serde_wasm_bindgen::from_value::<Vec<CvRun>>(report)
    } else {
        serde_wasm_bindgen::from_value::<CvRun>(report).map(|r| vec![r])
    };
    runs.map(Reply::Runs).unwrap_or_else(|e| Reply::Failed(e.to_string()))
}

/// Starts a worker whose every message goes to `on_reply`; `None` where workers are unavailable.
pub fn spawn(mut on_reply: impl FnMut(Reply) + 'static) -> Option<WorkerHandle> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options("./worker.js", &options).ok()?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        on_reply(reply(&e.data()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Some(WorkerHandle { worker, _on_message: on_message })
}

impl WorkerHandle {
    /// Asks for a cross-validation (or, with `options.grid`, a grid search) of `ratings`.
    pub fn evaluate(&self, ratings_csv: &str, options: &CvOptions) -> Result<(), JsValue> {
        let message = js_sys::Object::new();
        let kind = if options.grid.is_some() { "grid" } else { "evaluate" };
        js_sys::Reflect::set(&message, &"id".into(), &JsValue::from_f64(1.0))?;
        js_sys::Reflect::set(&message, &"kind".into(), &JsValue::from_str(kind))?;
        js_sys::Reflect::set(&message, &"ratings".into(), &JsValue::from_str(ratings_csv))?;
        let js_options = serde::Serialize::serialize(options, &serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsValue::from_str(&e.to_string()))?;
        js_sys::Reflect::set(&message, &"options".into(), &js_options)?;
        self.worker.post_message(&message)
    }
}
