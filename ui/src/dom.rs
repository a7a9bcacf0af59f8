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
