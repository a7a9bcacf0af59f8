//! When to save the visit form as a draft: a short while after the last
//! edit (typing a sentence saves once, not once a key), and at once when
//! the form loses the focus or closes with edits not saved yet.
//!
//! Edits are numbered by the reducer ([`super::DiaryState::edits`]); the
//! schedule remembers the newest edit and its form, and which edit was last
//! sent to the shell. It is plain data, so host tests check the decisions.

use asysta_core::api::ErrorKind;
use asysta_core::visit::VisitForm;
use std::time::Duration;

/// How long after the last edit the draft is saved.
pub const DRAFT_DELAY: Duration = Duration::from_millis(400);

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

/// The newest edit and the last one sent to the shell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftSchedule {
    latest: u32,
    latest_form: VisitForm,
    sent: u32,
}

impl DraftSchedule {
    /// Edit `seq` made the form `form`; a timer for it has been started.
    pub fn edited(&mut self, seq: u32, form: VisitForm) {
        if seq > self.latest {
            self.latest = seq;
            self.latest_form = form;
        }
    }

    /// The timer of edit `seq` ran out: the form to save, when no later
    /// edit came (its own timer will save) and it is not saved already.
    pub fn take_due(&mut self, seq: u32) -> Option<(u32, VisitForm)> {
        (seq == self.latest && self.sent < seq).then(|| self.take())
    }

    /// The form to save at once (focus lost, form closed), when an edit is
    /// not saved yet.
    pub fn take_pending(&mut self) -> Option<(u32, VisitForm)> {
        (self.sent < self.latest).then(|| self.take())
    }

    /// The save of edit `seq` failed: when nothing later was sent, the next
    /// focus loss tries again.
    pub fn failed(&mut self, seq: u32) {
        if self.sent == seq {
            self.sent = seq.saturating_sub(1);
        }
    }

    /// Forgets unsaved edits: the form was recorded or its draft discarded,
    /// so no timer still running may save it again.
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

    fn take(&mut self) -> (u32, VisitForm) {
        self.sent = self.latest;
        (self.latest, self.latest_form.clone())
    }
}
