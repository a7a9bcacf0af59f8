//! The app locks itself: after the centre's `lock_minutes` without use, and
//! when the computer wakes from sleep. "Use" is a key, a mouse button or
//! movement, the wheel or a touch anywhere in the window.
//!
//! Sleep is seen on the wall clock: a tick every [`TICK_MS`] that finds
//! more than [`SLEEP_GAP_MS`] since the tick before means the computer was
//! suspended in between (a window that was hidden at the last tick is left
//! out: the WebView may slow its timers down then).
//!
//! [`IdleWatch`] holds the decisions as plain data, so host tests check
//! them; [`use_idle_lock`] connects it to the document and a timer in the
//! window.
//!
//! Test hook: a whole number of seconds in the window's local storage under
//! [`LOCK_SECONDS_KEY`] (`asysta-lock-seconds`) replaces the centre's
//! setting; it is read at every tick, so a test sets it with a script at
//! any time. The message on the unlock form still names the setting.

use yew::prelude::*;

/// How often the watch looks at the clock, in milliseconds.
pub const TICK_MS: i32 = 5_000;

/// A gap between two ticks longer than this (milliseconds) means that the
/// computer slept.
pub const SLEEP_GAP_MS: f64 = 60_000.0;

/// The minutes without use when the centre's setting cannot be read.
pub const DEFAULT_LOCK_MINUTES: u32 = 10;

/// The local-storage key of the test hook (see the module's comment).
pub const LOCK_SECONDS_KEY: &str = "asysta-lock-seconds";

/// Why the unlock form is shown over the open screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockReason {
    /// The lock button, or a command that found the workspace locked.
    Manual,
    /// Not used for this many minutes (the centre's setting).
    Idle { minutes: u32 },
    /// The computer slept.
    Suspended,
}

impl LockReason {
    /// The Fluent message that explains the lock and its `$minutes`, if the
    /// reason is worth a line of its own.
    pub fn message(self) -> Option<(&'static str, Option<u32>)> {
        match self {
            LockReason::Manual => None,
            LockReason::Idle { minutes } => Some(("lock-reason-idle", Some(minutes))),
            LockReason::Suspended => Some(("lock-reason-suspended", None)),
        }
    }
}

/// When the window was last used and when the watch last looked at the
/// clock (milliseconds of the wall clock, `Date.now()`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IdleWatch {
    last_use_ms: f64,
    last_tick_ms: f64,
    hidden_at_last_tick: bool,
}

impl IdleWatch {
    /// A watch started at `now_ms`, which counts as use.
    pub fn new(now_ms: f64) -> IdleWatch {
        IdleWatch { last_use_ms: now_ms, last_tick_ms: now_ms, hidden_at_last_tick: false }
    }

    /// The window was used at `now_ms`.
    pub fn used(&mut self, now_ms: f64) {
        self.last_use_ms = self.last_use_ms.max(now_ms);
    }

    /// A tick at `now_ms`, with `timeout_ms` of allowed non-use and whether
    /// the window is hidden now: why the app must lock, if it must.
    pub fn tick(&mut self, now_ms: f64, timeout_ms: f64, hidden: bool) -> Option<LockCause> {
        let slept = now_ms - self.last_tick_ms > SLEEP_GAP_MS && !self.hidden_at_last_tick;
        self.last_tick_ms = now_ms;
        self.hidden_at_last_tick = hidden;
        if slept {
            Some(LockCause::Slept)
        } else if now_ms - self.last_use_ms >= timeout_ms {
            Some(LockCause::Idle)
        } else {
            None
        }
    }
}

/// What a tick found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockCause {
    Idle,
    Slept,
}

/// The allowed time without use: the test hook's seconds when it holds a
/// whole number above zero, else the centre's minutes.
pub fn timeout_ms(lock_minutes: u32, hook_seconds: Option<&str>) -> f64 {
    match hook_seconds.and_then(|s| s.trim().parse::<u32>().ok()).filter(|&s| s > 0) {
        Some(seconds) => f64::from(seconds) * 1000.0,
        None => f64::from(lock_minutes.max(1)) * 60_000.0,
    }
}

/// Where the user was on the screen that is being locked: its scroll
/// position and the focused element, to come back to after unlocking.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Place {
    scroll_y: f64,
    focused_id: Option<String>,
}

/// While `active`, watches the window and calls `on_lock` (once) when the
/// app must lock after `lock_minutes` without use or after a sleep.
#[hook]
pub fn use_idle_lock(active: bool, lock_minutes: u32, on_lock: Callback<LockReason>) {
    use_effect_with((active, lock_minutes), move |&(active, lock_minutes)| {
        let watcher = if active { watch::start(lock_minutes, on_lock) } else { None };
        move || {
            // Dropping the watcher removes its listeners and its timer.
            let _stopped = watcher;
        }
    });
}

/// The place on the current screen (see [`Place`]).
#[cfg(target_arch = "wasm32")]
pub fn current_place() -> Place {
    let Some(window) = web_sys::window() else { return Place::default() };
    let focused_id = window.document().and_then(|d| d.active_element()).map(|e| e.id()).filter(|id| !id.is_empty());
    Place { scroll_y: window.scroll_y().unwrap_or(0.0), focused_id }
}

/// Host tests have no window.
#[cfg(not(target_arch = "wasm32"))]
pub fn current_place() -> Place {
    Place::default()
}

/// Goes back to `place` (scrolls, then focuses without scrolling away).
#[cfg(target_arch = "wasm32")]
pub fn restore_place(place: &Place) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let focused = place.focused_id.as_deref().and_then(|id| window.document()?.get_element_by_id(id));
    if let Some(element) = focused.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
    window.scroll_to_with_x_and_y(0.0, place.scroll_y);
}

#[cfg(not(target_arch = "wasm32"))]
pub fn restore_place(_place: &Place) {}

#[cfg(target_arch = "wasm32")]
mod watch {
    use super::{timeout_ms, IdleWatch, LockCause, LockReason, LOCK_SECONDS_KEY, TICK_MS};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use yew::Callback;

    /// The events that count as use.
    const USE_EVENTS: [&str; 7] = ["keydown", "mousedown", "mousemove", "pointerdown", "wheel", "touchstart", "input"];

    /// A running watch: its listeners and timer are removed when dropped.
    pub struct Watcher {
        window: web_sys::Window,
        document: web_sys::Document,
        on_use: Closure<dyn FnMut()>,
        _on_tick: Closure<dyn FnMut()>,
        interval: i32,
    }

    impl Drop for Watcher {
        fn drop(&mut self) {
            self.window.clear_interval_with_handle(self.interval);
            for event in USE_EVENTS {
                let _ = self.document.remove_event_listener_with_callback_and_bool(
                    event,
                    self.on_use.as_ref().unchecked_ref(),
                    true,
                );
            }
        }
    }

    pub fn start(lock_minutes: u32, on_lock: Callback<LockReason>) -> Option<Watcher> {
        let window = web_sys::window()?;
        let document = window.document()?;
        let watch = Rc::new(RefCell::new(IdleWatch::new(js_sys::Date::now())));

        let on_use = {
            let watch = watch.clone();
            Closure::<dyn FnMut()>::new(move || watch.borrow_mut().used(js_sys::Date::now()))
        };
        let on_tick = {
            let (window, document) = (window.clone(), document.clone());
            let fired = Cell::new(false);
            Closure::<dyn FnMut()>::new(move || {
                if fired.get() {
                    return;
                }
                let hook =
                    window.local_storage().ok().flatten().and_then(|s| s.get_item(LOCK_SECONDS_KEY).ok().flatten());
                let timeout = timeout_ms(lock_minutes, hook.as_deref());
                let cause = watch.borrow_mut().tick(js_sys::Date::now(), timeout, document.hidden());
                if let Some(cause) = cause {
                    fired.set(true);
                    on_lock.emit(match cause {
                        LockCause::Idle => LockReason::Idle { minutes: lock_minutes },
                        LockCause::Slept => LockReason::Suspended,
                    });
                }
            })
        };
        let interval = window
            .set_interval_with_callback_and_timeout_and_arguments_0(on_tick.as_ref().unchecked_ref(), TICK_MS)
            .ok()?;
        let options = web_sys::AddEventListenerOptions::new();
        options.set_capture(true);
        options.set_passive(true);
        for event in USE_EVENTS {
            let _ = document.add_event_listener_with_callback_and_add_event_listener_options(
                event,
                on_use.as_ref().unchecked_ref(),
                &options,
            );
        }
        Some(Watcher { window, document, on_use, _on_tick: on_tick, interval })
    }
}

/// Host tests render views only; nothing is watched there.
#[cfg(not(target_arch = "wasm32"))]
mod watch {
    use super::LockReason;
    use yew::Callback;

    pub struct Watcher;

    pub fn start(_lock_minutes: u32, _on_lock: Callback<LockReason>) -> Option<Watcher> {
        None
    }
}

#[cfg(test)]
mod tests;
