//! When to save a form as a draft (the visit form, and the long forms: an
//! evaluation, a court opinion): at once after every edit, one save at a
//! time. While a save is on its way, later edits wait and the
//! newest of them is sent when it returns, so at most the one edit in
//! flight is ever unsaved (a crash or a closed window loses nothing else),
//! and saves never overtake each other (an older form never overwrites a
//! newer one).
//!
//! Edits are numbered (the diary's reducer counts them; [`FormDraftSaver`]
//! counts its own); the schedule remembers the newest edit and its form, which edit was last
//! sent to the shell, and whether a save is on its way. It is plain data,
//! so host tests check the decisions.

use crate::ipc;
use asysta_core::api::{DraftKind, ErrorKind};
use asysta_core::visit::VisitForm;
use asysta_core::EntityId;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::Callback;

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
pub struct DraftSchedule<F = VisitForm> {
    latest: u32,
    latest_form: F,
    sent: u32,
    in_flight: bool,
}

impl<F: Clone> DraftSchedule<F> {
    /// Edit `seq` made the form `form`: the form to save now, unless a save
    /// is on its way (then it follows when that one returns).
    pub fn edited(&mut self, seq: u32, form: F) -> Option<(u32, F)> {
        if seq > self.latest {
            self.latest = seq;
            self.latest_form = form;
        }
        self.take_pending()
    }

    /// The save of edit `seq` returned: the newer form to save next, if the
    /// assistant typed on meanwhile. A failed save is not retried at once
    /// (the next edit or focus loss tries again).
    pub fn returned(&mut self, seq: u32, saved: bool) -> Option<(u32, F)> {
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
    pub fn take_pending(&mut self) -> Option<(u32, F)> {
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

/// Saves a long form's drafts (`asysta_core::api::FormDraft`) after every
/// edit through a [`DraftSchedule`]: one save at a time, the newest last,
/// so a crash or a killed app loses at most the edit on its way.
pub struct FormDraftSaver<F> {
    kind: DraftKind,
    family_id: EntityId,
    schedule: Rc<RefCell<DraftSchedule<F>>>,
    edits: Rc<Cell<u32>>,
    on_status: Callback<DraftStatus>,
    on_locked: Callback<()>,
}

impl<F> Clone for FormDraftSaver<F> {
    fn clone(&self) -> Self {
        FormDraftSaver {
            kind: self.kind,
            family_id: self.family_id,
            schedule: self.schedule.clone(),
            edits: self.edits.clone(),
            on_status: self.on_status.clone(),
            on_locked: self.on_locked.clone(),
        }
    }
}

impl<F: Clone + Default + Serialize + 'static> FormDraftSaver<F> {
    pub fn new(
        kind: DraftKind,
        family_id: EntityId,
        on_status: Callback<DraftStatus>,
        on_locked: Callback<()>,
    ) -> Self {
        FormDraftSaver {
            kind,
            family_id,
            schedule: Rc::new(RefCell::new(DraftSchedule::default())),
            edits: Rc::new(Cell::new(0)),
            on_status,
            on_locked,
        }
    }

    /// The form keyed `key` was edited into `form`: saved at once, or
    /// after the save on its way.
    pub fn edited(&self, key: EntityId, form: F) {
        self.edits.set(self.edits.get() + 1);
        let next = self.schedule.borrow_mut().edited(self.edits.get(), form);
        if let Some((seq, form)) = next {
            self.save(key, seq, form);
        }
    }

    /// The form was saved (the shell discarded its draft): no save on its
    /// way may bring the draft back.
    pub fn settle(&self) {
        self.schedule.borrow_mut().settle();
    }

    fn save(&self, key: EntityId, seq: u32, form: F) {
        let saver = self.clone();
        spawn_local(async move {
            let reply = ipc::save_form_draft(saver.kind, key, saver.family_id, &form).await;
            let next = saver.schedule.borrow_mut().returned(seq, reply.is_ok());
            match reply {
                Ok(()) => saver.on_status.emit(DraftStatus::Saved { at_ms: crate::clock::now_ms() }),
                Err(error) if error.kind == ErrorKind::Locked => return saver.on_locked.emit(()),
                Err(error) => saver.on_status.emit(DraftStatus::Failed(error.kind)),
            }
            if let Some((seq, form)) = next {
                saver.save(key, seq, form);
            }
        });
    }
}
