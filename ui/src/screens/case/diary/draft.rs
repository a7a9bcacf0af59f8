//! When to save the visit form as a draft: at once after every edit, one
//! save at a time. While a save is on its way, later edits wait and the
//! newest of them is sent when it returns, so at most the one edit in
//! flight is ever unsaved (a crash or a closed window loses nothing else),
//! and saves never overtake each other (an older form never overwrites a
//! newer one).
//!
//! Edits are numbered by the reducer ([`super::DiaryState::edits`]); the
//! schedule remembers the newest edit and its form, which edit was last
//! sent to the shell, and whether a save is on its way. It is plain data,
//! so host tests check the decisions.

use asysta_core::api::ErrorKind;
use asysta_core::visit::VisitForm;

/// Where the saving of the draft stands, as the form shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DraftStatus {
    /// Nothing saved since the form was opened.
    #[default]
    Idle,
    /// Saved at this time (Unix ms, the browser's clock).
    Saved { at_ms: u64 },
    /// The last save failed: the assistant must know that the text is not
    /// kept yet.
    Failed(ErrorKind),
}

/// The newest edit, the last one sent to the shell, and whether a save is
/// on its way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftSchedule {
    latest: u32,
    latest_form: VisitForm,
    sent: u32,
    in_flight: bool,
}

impl DraftSchedule {
    /// Edit `seq` made the form `form`: the form to save now, unless a save
    /// is on its way (then it follows when that one returns).
    pub fn edited(&mut self, seq: u32, form: VisitForm) -> Option<(u32, VisitForm)> {
        if seq > self.latest {
            self.latest = seq;
            self.latest_form = form;
        }
        self.take_pending()
    }

    /// The save of edit `seq` returned: the newer form to save next, if the
    /// assistant typed on meanwhile. A failed save is not retried at once
    /// (the next edit or focus loss tries again).
    pub fn returned(&mut self, seq: u32, saved: bool) -> Option<(u32, VisitForm)> {
        self.in_flight = false;
        if !saved {
            if self.sent == seq {
                self.sent = seq.saturating_sub(1);
            }
            return None;
        }
        self.take_pending()
    }

    /// The form to save now (an edit, a focus loss, the form closed), when
    /// an edit is not saved yet and no save is on its way.
    pub fn take_pending(&mut self) -> Option<(u32, VisitForm)> {
        (!self.in_flight && self.sent < self.latest).then(|| {
            self.in_flight = true;
            self.sent = self.latest;
            (self.latest, self.latest_form.clone())
        })
    }

    /// Forgets unsaved edits: the form was recorded or its draft discarded,
    /// so no later save may bring the draft back.
    pub fn settle(&mut self) {
        self.sent = self.latest;
    }

    /// The visit was not recorded after all: the newest edit counts as not
    /// saved again, so the next focus loss saves the draft.
    pub fn unsettle(&mut self) {
        if self.sent == self.latest {
            self.sent = self.latest.saturating_sub(1);
        }
    }
}
