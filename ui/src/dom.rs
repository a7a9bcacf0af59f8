//! Small DOM helpers that do nothing in host tests.

/// Moves the keyboard focus to the element with `id`, if it exists.
#[cfg(target_arch = "wasm32")]
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn focus(_id: &str) {}

/// Resolves once the browser has painted what is in the page now: after
/// the next frame's paint and the callbacks of the frame after it (so
/// that work started then never delays that paint).
#[cfg(target_arch = "wasm32")]
pub async fn after_paint() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let outer = window.clone();
        let second = Closure::once_into_js(move || {
            let _ = outer.set_timeout_with_callback(resolve.unchecked_ref());
        });
        let inner = window.clone();
        let first = Closure::once_into_js(move || {
            let _ = inner.request_animation_frame(second.unchecked_ref());
        });
        let _ = window.request_animation_frame(first.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn after_paint() {}
