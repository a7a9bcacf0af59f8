//! The centre's demo, played as it would happen in life: synthetic
//! laptops write their caseloads' history up to yesterday, send their
//! bundles, and the centre steers them through today's exchanges, every
//! change going through the one door (`Store::run`) on the workspace that
//! makes it and reaching the others only in signed bundles. The story is
//! played with a cast of up to three laptops (the first two and the last);
//! the others send their history, their recent plans submitted, at the
//! end, and the centre decides on what they sent.
//!
//! 1. The cast's bundles. The centre completes its register (both forms
//!    of employment, dates, working time, and an assistant who has left),
//!    takes in seven referred cases (social workers' requests and courts'
//!    orders), assigns three of them weeks ago within the cap, decides the
//!    evaluations submitted long enough ago (returning one), and asks.
//! 2. The laptops work on their assigned families (members, contacts, a
//!    first plan), submit their recent plan versions, answer and ask,
//!    correct the returned evaluation, and one enters a person another
//!    assistant's family has too (a duplicate across assistants).
//! 3. The centre decides: approves, returns two plans with a note, leaves
//!    the recent ones waiting; answers; accepts the corrected evaluation;
//!    transfers a family of the assistant once over the cap, effective
//!    yesterday.
//! 4. The laptops correct one returned plan and resubmit it; the old
//!    laptop notes on the transferred family after the transfer's date (a
//!    late edit), and its bundle acknowledges the transfer.
//! 5. The centre approves the correction and records a second transfer
//!    from the same laptop, effective today: pending, since that laptop
//!    has sent nothing since. The new laptop of the first transfer has
//!    received the whole file and visits the family.
//!
//! The assistant once over the cap is the last laptop's: fifteen families
//! of its own are active and a sixteenth, closed a couple of weeks ago,
//! was still worked with when the last of them started (what a laptop may
//! record: its cap is checked on what is active). The dashboard shows it
//! as `breach_in_past`.
//!
//! Synthetic laptops keep a clock of their own: their history is written
//! yesterday afternoon, today's exchanges happen today (or now, when
//! `today` has passed), so the old laptop's note comes after the
//! transfer's effective date and nothing else of that family does,
//! whatever day the demo is run.

use asysta_core::centre::approval::DecisionForm;
use asysta_core::demo::steering::{self as script, Referred, Work};
use asysta_core::demo::DemoRng;
use asysta_core::evaluation::{EvaluationForm, EvaluationStatus};
use asysta_core::exchange::ImportSummary;
use asysta_core::family::FamilySummary;
use asysta_core::member::Relation;
use asysta_core::ops;
use asysta_core::record::FamilyStatus;
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_core::{DeviceId, EntityId};
use asysta_store::{Environment, ExportRequest, KdfParams, Passphrase, Store, StoreError, SystemEnvironment};
use chrono::{Duration, NaiveDate};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

/// What the demo at a centre is played with.
pub struct Story {
    /// How many synthetic laptops.
    pub laptops: usize,
    /// Families of each laptop's own.
    pub families: usize,
    pub seed: u64,
    pub today: NaiveDate,
}

/// A synthetic assistant's laptop.
pub struct Laptop {
    pub name: String,
    pub store: Store,
    clock: Clock,
}

/// A synthetic laptop's clock: set by the demo to the moment of its
/// story, a millisecond on at every reading, and (once live) never behind
/// the system's clock; randomness from the system.
#[derive(Clone)]
struct Clock {
    ms: Arc<AtomicU64>,
    live: Arc<AtomicBool>,
}

impl Clock {
    fn at(ms: u64) -> Clock {
        Clock { ms: Arc::new(AtomicU64::new(ms)), live: Arc::new(AtomicBool::new(false)) }
    }

    /// Moves the clock on to `ms` (never back), from then on keeping up
    /// with the system's clock.
    fn go_live_from(&self, ms: u64) {
        self.ms.fetch_max(ms, Ordering::Relaxed);
        self.live.store(true, Ordering::Relaxed);
    }
}

impl Environment for Clock {
    fn now_ms(&self) -> u64 {
        if self.live.load(Ordering::Relaxed) {
            self.ms.fetch_max(SystemEnvironment.now_ms(), Ordering::Relaxed);
        }
        self.ms.fetch_add(1, Ordering::Relaxed)
    }

    fn fill_random(&mut self, buf: &mut [u8]) -> asysta_store::Result<()> {
        SystemEnvironment.fill_random(buf)
    }
}

/// `day` at `hour` (UTC), in Unix milliseconds.
fn ms_of(day: NaiveDate, hour: u32) -> u64 {
    day.and_hms_opt(hour, 0, 0).map_or(0, |t| t.and_utc().timestamp_millis().max(0) as u64)
}

/// Who plays which part.
struct Parts {
    /// The first laptop and (of three or more) the second: they receive
    /// the assigned cases and the transferred families.
    receivers: Vec<usize>,
    /// The last laptop (of two or more): its assistant was once over the
    /// cap, and the centre moves two of its families to the receivers.
    over_cap: Option<usize>,
    /// The laptops of the story: the receivers and the one once over the cap.
    cast: Vec<usize>,
}

impl Parts {
    fn of(n: usize) -> Parts {
        let over_cap = (n >= 2).then(|| n - 1);
        let receivers: Vec<usize> = (0..n.min(2)).filter(|i| Some(*i) != over_cap).collect();
        let cast = receivers.iter().copied().chain(over_cap).collect();
        Parts { receivers, over_cap, cast }
    }

    /// The cast's second laptop (the only one when alone): its
    /// evaluation and a revised plan are returned, the centre asks about
    /// one of its actions, and it enters the duplicate.
    fn second(&self) -> usize {
        self.cast[1 % self.cast.len()]
    }

    /// The laptop the `k`-th assigned case goes to (another receiver when
    /// it is full).
    fn assignee(&self, k: usize) -> usize {
        self.receivers[k % self.receivers.len()]
    }

    /// The new laptops of the completed transfer and of the pending one.
    fn transfer_targets(&self) -> [usize; 2] {
        [self.receivers[1 % self.receivers.len()], self.receivers[0]]
    }

    /// How many families each laptop is given by the centre.
    fn incoming(&self, n: usize, assigned: usize) -> Vec<usize> {
        let mut out = vec![0; n];
        for k in 0..assigned {
            out[self.assignee(k)] += 1;
        }
        if self.over_cap.is_some() {
            for target in self.transfer_targets() {
                out[target] += 1;
            }
        }
        out
    }

    /// Laptop `i`, then the other receivers (where a case goes when `i` is full).
    fn receivers_from(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(i).chain(self.receivers.iter().copied().filter(move |r| *r != i))
    }
}

/// A referred case as the centre took it in.
struct Case {
    referred: Referred,
    family_id: EntityId,
    /// The laptop it was assigned to.
    laptop: Option<usize>,
}

impl Story {
    /// Plays the story at `centre` with laptops made in `dir`; `report`
    /// hears of every bundle the centre imports. Answers the laptops.
    pub fn play(
        &self,
        centre: &mut Store,
        dir: &Path,
        report: &mut dyn FnMut(&ImportSummary),
    ) -> Result<Vec<Laptop>, StoreError> {
        if self.laptops == 0 {
            return Ok(Vec::new());
        }
        let parts = Parts::of(self.laptops);
        let referred = script::referrals(self.seed, self.today);
        let incoming = parts.incoming(self.laptops, referred.iter().filter(|r| r.assigned.is_some()).count());
        let laptops = self.laptops_with_history(centre, dir, &parts, &incoming)?;
        let own = laptops.iter().map(|l| l.store.list_families()).collect::<Result<Vec<_>, _>>()?;
        let bundles = dir.join("bundles");
        std::fs::create_dir_all(&bundles).map_err(|source| StoreError::Io { path: bundles.clone(), source })?;
        let mut stage = Stage {
            today: self.today,
            centre,
            laptops,
            own,
            parts,
            bundles,
            report,
            rng: DemoRng::new(self.seed ^ 0x5CE4_7E00),
            assistant_ids: HashMap::new(),
            cases: Vec::new(),
            moved: Vec::new(),
            moved_to: None,
            returned_evaluation: None,
            question: None,
            submitted: Vec::new(),
        };
        stage.take_in(referred)?;
        stage.work_on_the_laptops()?;
        stage.decide_and_transfer()?;
        stage.correct_and_hand_over()?;
        stage.approve_and_transfer_again()?;
        stage.the_others()?;
        Ok(stage.laptops)
    }

    /// Creates, enrols and fills every laptop (the one once over the cap
    /// with the cap's worth of active families and its past cases; the
    /// others leaving room for what the centre gives them), its clock at
    /// yesterday afternoon.
    fn laptops_with_history(
        &self,
        centre: &Store,
        dir: &Path,
        parts: &Parts,
        incoming: &[usize],
    ) -> Result<Vec<Laptop>, StoreError> {
        let yesterday = self.today - Duration::days(1);
        let enrolment = centre.enrolment()?.to_json();
        let centre_name = centre.info()?.centre_name;
        let cap = centre.settings()?.caseload_cap as usize;
        let pass = Passphrase::new(format!("demo {} {}", self.seed, std::process::id()));
        let mut out = Vec::new();
        for (i, &incoming) in incoming.iter().enumerate() {
            let name = match super::ASSISTANTS.get(i) {
                Some(name) => (*name).to_owned(),
                None => format!("Asystentka {}", i + 1),
            };
            let info =
                WorkspaceInfo { assistant_name: name.clone(), centre_name: centre_name.clone(), role: Role::Assistant };
            let clock = Clock::at(ms_of(yesterday, 16));
            // Throwaway workspaces: the cheap key derivation keeps the demo fast.
            let mut store = Store::create(
                &dir.join(format!("laptop-{i}")),
                &info,
                &pass,
                KdfParams::INSECURE_FOR_TESTS,
                Box::new(clock.clone()),
            )?;
            store.enrol(&enrolment)?;
            let cap = cap.min(store.settings()?.caseload_cap as usize);
            // The receivers keep a place for a family whose closing is
            // still under way when a case comes.
            let (families, room) = if parts.over_cap == Some(i) {
                (self.families.max(cap + 3), cap)
            } else if incoming > 0 {
                (self.families, cap.saturating_sub(incoming + 1))
            } else {
                (self.families, cap)
            };
            let seed = self.seed.wrapping_add(i as u64 * 7919);
            super::fill_within(&mut store, families, room, seed, yesterday)?;
            out.push(Laptop { name, store, clock });
        }
        Ok(out)
    }
}

/// The story's state between its acts.
struct Stage<'a> {
    today: NaiveDate,
    centre: &'a mut Store,
    laptops: Vec<Laptop>,
    /// Each laptop's families of its own, as its history left them.
    own: Vec<Vec<FamilySummary>>,
    parts: Parts,
    /// Where bundles are written on their way.
    bundles: PathBuf,
    report: &'a mut dyn FnMut(&ImportSummary),
    rng: DemoRng,
    /// Each laptop's assistant in the register (once their bundle came).
    assistant_ids: HashMap<usize, EntityId>,
    cases: Vec<Case>,
    /// The families the centre moves from the laptop once over the cap:
    /// the two it took on last (the completed transfer, the pending one).
    moved: Vec<EntityId>,
    /// The new laptop of the completed transfer.
    moved_to: Option<usize>,
    /// (laptop, evaluation, family) of the evaluation the centre returns.
    returned_evaluation: Option<(usize, EntityId, EntityId)>,
    /// The centre's question the first laptop answers.
    question: Option<EntityId>,
    /// The cast's plan versions submitted: (laptop, family, version, on).
    submitted: Vec<(usize, EntityId, u32, NaiveDate)>,
}

impl Stage<'_> {
    /// The cast's first bundles; the centre's register, intake and
    /// assignments, decisions on the evaluations, questions; its bundles.
    fn take_in(&mut self, referred: Vec<Referred>) -> Result<(), StoreError> {
        let today = self.today;
        let cast = self.parts.cast.clone();
        for &i in &cast {
            self.first_bundle(i)?;
        }
        self.complete_register(&cast)?;
        self.centre
            .run(ops::RegisterAssistant { form: script::former_assistant(today), devices: Vec::new() }, today)?;
        for r in referred {
            let requested: NaiveDate = r.form.requested_on.parse().unwrap_or(today);
            let family_id = self.centre.run(ops::ReferFamily { form: r.form.clone() }, requested)?;
            self.cases.push(Case { referred: r, family_id, laptop: None });
        }
        let mut k = 0;
        for c in 0..self.cases.len() {
            let Some(assigned) = self.cases[c].referred.assigned.clone() else { continue };
            let family_id = self.cases[c].family_id;
            let first = self.parts.assignee(k);
            k += 1;
            let (centre, ids) = (&mut *self.centre, &self.assistant_ids);
            self.cases[c].laptop = try_each(self.parts.receivers_from(first), ids, |assistant_id| {
                let on = assigned.on.to_string();
                centre.run(ops::AssignFamily { family_id, assistant_id, on }, assigned.on)
            })?;
        }
        if let Some(i) = self.parts.over_cap {
            self.moved = newest_active(self.centre, &self.own[i], 2)?;
        }
        let second = self.parts.second();
        self.returned_evaluation = self.evaluation_to_return(second)?;
        let returned = self.returned_evaluation.map(|(_, id, _)| id);
        let families: Vec<FamilySummary> = cast.iter().flat_map(|i| self.own[*i].clone()).collect();
        self.decide_evaluations(&families, returned)?;
        if let Some(family) = self.first_active(self.parts.cast[0]) {
            let text = script::CENTRE_ASKS_ABOUT_FAMILY.to_owned();
            let asked =
                self.centre.run(ops::AddComment { target_id: family.to_string(), text, reply_to: None }, today)?;
            self.question = Some(asked);
        }
        if let Some(action) = self.overdue_action(second)? {
            let text = script::CENTRE_ASKS_ABOUT_ACTION.to_owned();
            self.centre.run(ops::AddComment { target_id: action.to_string(), text, reply_to: None }, today)?;
        }
        self.down()
    }

    /// On the laptops: the assigned families, submissions, an answer,
    /// questions, the corrected evaluation, a person entered twice; their
    /// bundles.
    fn work_on_the_laptops(&mut self) -> Result<(), StoreError> {
        let today = self.today;
        for c in 0..self.cases.len() {
            if let Some(i) = self.cases[c].laptop {
                work_on_assigned(&mut self.laptops[i].store, &self.cases[c], today, &mut self.rng)?;
            }
        }
        for i in self.parts.cast.clone() {
            let keep_out = self.moved.clone();
            let families: Vec<EntityId> = active(&self.own[i], &keep_out).collect();
            for (family, version, on) in submit_recent_plans(&mut self.laptops[i].store, &families, today)? {
                self.submitted.push((i, family, version, on));
            }
        }
        if let Some(question) = self.question {
            let laptop = &mut self.laptops[self.parts.cast[0]].store;
            laptop.mark_comments_read(&[question])?;
            let text = script::ASSISTANT_ANSWERS_FAMILY.to_owned();
            laptop.run(ops::AddComment { target_id: String::new(), text, reply_to: Some(question) }, today)?;
        }
        let asker = self.parts.over_cap.unwrap_or(self.parts.cast[0]);
        if let Some(visit) = self.latest_visit(asker)? {
            let text = script::ASSISTANT_ASKS_ABOUT_VISIT.to_owned();
            self.laptops[asker]
                .store
                .run(ops::AddComment { target_id: visit.to_string(), text, reply_to: None }, today)?;
        }
        let court_case = self.cases.iter().find(|c| c.laptop.is_some() && c.referred.form.basis == "court");
        if let Some(&Case { family_id, laptop: Some(i), .. }) = court_case {
            let text = script::ASSISTANT_ASKS_ABOUT_ORDER.to_owned();
            self.laptops[i]
                .store
                .run(ops::AddComment { target_id: family_id.to_string(), text, reply_to: None }, today)?;
        }
        if let Some((i, evaluation_id, family_id)) = self.returned_evaluation {
            correct_evaluation(&mut self.laptops[i].store, evaluation_id, family_id, today)?;
        }
        self.enter_twice()?;
        self.up()
    }

    /// At the centre: decisions on the submitted plans, an answer, the
    /// corrected evaluation accepted, a family moved from the laptop once
    /// over the cap, effective yesterday; its bundles.
    fn decide_and_transfer(&mut self) -> Result<(), StoreError> {
        let today = self.today;
        for case in self.cases.iter().filter(|c| c.laptop.is_some()) {
            if let Some(Work::PlanReturnedAndCorrected { returned, .. }) =
                case.referred.assigned.as_ref().map(|a| a.work)
            {
                let form =
                    DecisionForm { decision: "returned".into(), note: script::PLAN_RETURNED_FOR_DEADLINES.into() };
                self.centre.run(ops::DecidePlan { family_id: case.family_id, version: 1, form }, returned)?;
            }
        }
        let submitted = std::mem::take(&mut self.submitted);
        self.decide_plans(&submitted, Some(self.parts.second()))?;
        let asked = self
            .centre
            .comments(None)?
            .into_iter()
            .find(|c| c.side == Role::Assistant && c.text == script::ASSISTANT_ASKS_ABOUT_ORDER);
        if let Some(asked) = asked {
            self.centre.mark_comments_read(&[asked.id])?;
            let text = script::CENTRE_ANSWERS_ORDER.to_owned();
            self.centre.run(ops::AddComment { target_id: String::new(), text, reply_to: Some(asked.id) }, today)?;
        }
        if let Some((_, returned, family)) = self.returned_evaluation {
            let correction = self
                .centre
                .evaluations(family)?
                .into_iter()
                .find(|e| e.corrects == Some(returned) && e.status == EvaluationStatus::Submitted);
            if let Some(correction) = correction {
                let decision =
                    ops::DecideEvaluation { evaluation_id: correction.id, accept: true, note: String::new() };
                self.centre.run(decision, today)?;
            }
        }
        if let Some(&family) = self.moved.first() {
            let to = self.parts.transfer_targets()[0];
            self.moved_to = self.transfer(family, to, today - Duration::days(1))?;
        }
        self.down()
    }

    /// On the laptops: the returned first plan corrected and submitted
    /// again; the old laptop's note on the family it is handing over, after
    /// the transfer's date; their bundles (the old laptop's acknowledges
    /// the transfer).
    fn correct_and_hand_over(&mut self) -> Result<(), StoreError> {
        for case in &self.cases {
            let (Some(i), Some(Work::PlanReturnedAndCorrected { corrected, resubmitted, .. })) =
                (case.laptop, case.referred.assigned.as_ref().map(|a| a.work))
            else {
                continue;
            };
            let store = &mut self.laptops[i].store;
            let Some(returned) = store.family_case(case.family_id)?.plan_versions.pop() else { continue };
            let form = script::corrected_plan(&returned, corrected, &social_worker_of(&case.referred));
            let saved = corrected + Duration::days(script::CONSULTATION_DAYS);
            let version = store.run(ops::SavePlanVersion { family_id: case.family_id, form }, saved)?;
            store.run(ops::SubmitPlan { family_id: case.family_id, version }, resubmitted)?;
        }
        if let (Some(i), Some(&family)) = (self.parts.over_cap, self.moved.first()) {
            let text = script::NOTE_AFTER_TRANSFER.to_owned();
            self.laptops[i].store.run(ops::AddNote { family_id: family, text, restricted: false }, self.today)?;
        }
        self.up()
    }

    /// At the centre: the corrected plan approved; a second family moved
    /// from the laptop once over the cap, from today (pending until that
    /// laptop's next bundle); its bundles. Then the new laptop of the
    /// first transfer visits its family.
    fn approve_and_transfer_again(&mut self) -> Result<(), StoreError> {
        let today = self.today;
        for case in self.cases.iter().filter(|c| c.laptop.is_some()) {
            if let Some(Work::PlanReturnedAndCorrected { approved, .. }) =
                case.referred.assigned.as_ref().map(|a| a.work)
            {
                let form = DecisionForm { decision: "approve".into(), note: String::new() };
                self.centre.run(ops::DecidePlan { family_id: case.family_id, version: 2, form }, approved)?;
            }
        }
        if let Some(&family) = self.moved.get(1) {
            let to = self.parts.transfer_targets()[1];
            self.transfer(family, to, today)?;
        }
        self.down()?;
        let (Some(&family), Some(i)) = (self.moved.first(), self.moved_to) else { return Ok(()) };
        let store = &mut self.laptops[i].store;
        let members = parent_first(&store.family_case(family)?.members);
        if let Some(form) = script::contacts(&mut self.rng, &members, None, today, today).pop() {
            store.run(ops::RecordVisit { family_id: family, form }, today)?;
        }
        let report = send(store, self.centre, None, &self.bundles, None)?;
        (self.report)(&report);
        Ok(())
    }

    /// The laptops outside the cast: their recent plans submitted, their
    /// bundles; the centre completes their register entries and decides
    /// on what they sent (none of it returned).
    fn the_others(&mut self) -> Result<(), StoreError> {
        let others: Vec<usize> = (0..self.laptops.len()).filter(|i| !self.parts.cast.contains(i)).collect();
        let mut submitted = Vec::new();
        for &i in &others {
            self.laptops[i].clock.go_live_from(morning(self.today));
            let families: Vec<EntityId> = active(&self.own[i], &[]).collect();
            for (family, version, on) in submit_recent_plans(&mut self.laptops[i].store, &families, self.today)? {
                submitted.push((i, family, version, on));
            }
            self.first_bundle(i)?;
        }
        self.complete_register(&others)?;
        let families: Vec<FamilySummary> = others.iter().flat_map(|i| self.own[*i].clone()).collect();
        self.decide_evaluations(&families, None)?;
        self.decide_plans(&submitted, None)
    }

    /// Laptop `i`'s first bundle, its sender trusted by its fingerprint;
    /// from then on the laptop lives today.
    fn first_bundle(&mut self, i: usize) -> Result<(), StoreError> {
        let laptop = &mut self.laptops[i];
        laptop.clock.go_live_from(morning(self.today));
        let fingerprint = laptop.store.fingerprint().to_string();
        let report = send(&mut laptop.store, self.centre, None, &self.bundles, Some(&fingerprint))?;
        (self.report)(&report);
        Ok(())
    }

    /// The centre's bundle to each laptop of the cast.
    fn down(&mut self) -> Result<(), StoreError> {
        for &i in &self.parts.cast {
            let store = &mut self.laptops[i].store;
            send(self.centre, store, Some(store.device_id()), &self.bundles, None)?;
        }
        Ok(())
    }

    /// Each laptop of the cast's bundle to the centre.
    fn up(&mut self) -> Result<(), StoreError> {
        for &i in &self.parts.cast {
            let report = send(&mut self.laptops[i].store, self.centre, None, &self.bundles, None)?;
            (self.report)(&report);
        }
        Ok(())
    }

    /// Completes the register entries of the laptops `which` (enrolled,
    /// so listed already by their devices).
    fn complete_register(&mut self, which: &[usize]) -> Result<(), StoreError> {
        let register = self.centre.assistants(None)?;
        for &i in which {
            let device = self.laptops[i].store.device_id();
            let id = register
                .iter()
                .find(|a| a.entry.devices.contains(&device))
                .map(|a| a.id)
                .ok_or_else(|| StoreError::NotFound(device.to_string()))?;
            let form = script::register_form(&self.laptops[i].name, i, self.today);
            self.centre.run(ops::UpdateAssistant { assistant_id: id, form, devices: Vec::new() }, self.today)?;
            self.assistant_ids.insert(i, id);
        }
        Ok(())
    }

    /// The latest evaluation submitted for one of laptop `i`'s active
    /// families (the one the centre returns with a note).
    fn evaluation_to_return(&self, i: usize) -> Result<Option<(usize, EntityId, EntityId)>, StoreError> {
        let mut latest: Option<(NaiveDate, EntityId, EntityId)> = None;
        for family in active(&self.own[i], &self.moved) {
            for e in self.centre.evaluations(family)?.iter().filter(|e| e.status == EvaluationStatus::Submitted) {
                let on = e.submitted.as_ref().map_or(NaiveDate::MIN, |s| s.on);
                if latest.is_none_or(|(latest, _, _)| on > latest) {
                    latest = Some((on, e.id, family));
                }
            }
        }
        Ok(latest.map(|(_, id, family)| (i, id, family)))
    }

    /// Accepts every evaluation of `families` submitted long enough ago,
    /// a few days after its submission, but returns `returned` with a note.
    /// An archived case is read-only, its documents included.
    fn decide_evaluations(&mut self, families: &[FamilySummary], returned: Option<EntityId>) -> Result<(), StoreError> {
        for family in families.iter().filter(|f| f.status != FamilyStatus::Archived) {
            for e in self.centre.evaluations(family.id)? {
                let (EvaluationStatus::Submitted, Some(submitted)) = (e.status, e.submitted.as_ref().map(|s| s.on))
                else {
                    continue;
                };
                let day = script::decision_day(&mut self.rng, submitted, self.today);
                let (accept, note, day) = match (returned == Some(e.id), day) {
                    (true, day) => (false, script::EVALUATION_RETURNED.to_owned(), day.unwrap_or(self.today)),
                    (false, Some(day)) => (true, String::new(), day),
                    (false, None) => continue,
                };
                self.centre.run(ops::DecideEvaluation { evaluation_id: e.id, accept, note }, day)?;
            }
        }
        Ok(())
    }

    /// The centre's decisions on plan versions submitted: approved a few
    /// days after their submission, the recent ones left waiting; laptop
    /// `return_one_of`'s latest decided one returned for its effects.
    fn decide_plans(
        &mut self,
        submitted: &[(usize, EntityId, u32, NaiveDate)],
        return_one_of: Option<usize>,
    ) -> Result<(), StoreError> {
        let days: Vec<Option<NaiveDate>> =
            submitted.iter().map(|(.., on)| script::decision_day(&mut self.rng, *on, self.today)).collect();
        let returned = submitted
            .iter()
            .zip(&days)
            .enumerate()
            .filter(|(_, ((i, ..), day))| Some(*i) == return_one_of && day.is_some())
            .max_by_key(|(_, ((.., on), _))| *on)
            .map(|(k, _)| k);
        for (k, ((_, family_id, version, _), day)) in submitted.iter().zip(&days).enumerate() {
            let Some(day) = *day else { continue };
            let form = if Some(k) == returned {
                DecisionForm { decision: "returned".into(), note: script::PLAN_RETURNED_FOR_EFFECTS.into() }
            } else {
                DecisionForm { decision: "approve".into(), note: String::new() }
            };
            self.centre.run(ops::DecidePlan { family_id: *family_id, version: *version, form }, day)?;
        }
        Ok(())
    }

    /// Moves `family` to the laptop `to` (another receiver when `to` is
    /// full) from `on`; answers which laptop it went to.
    fn transfer(&mut self, family: EntityId, to: usize, on: NaiveDate) -> Result<Option<usize>, StoreError> {
        let (centre, ids, today) = (&mut *self.centre, &self.assistant_ids, self.today);
        try_each(self.parts.receivers_from(to), ids, |assistant_id| {
            centre.run(ops::TransferFamily { family_id: family, assistant_id, on: on.to_string() }, today)
        })
    }

    fn first_active(&self, i: usize) -> Option<EntityId> {
        active(&self.own[i], &self.moved).next()
    }

    /// An action of the plan in force of one of laptop `i`'s active
    /// families that is overdue today (else any action of one).
    fn overdue_action(&self, i: usize) -> Result<Option<EntityId>, StoreError> {
        let store = &self.laptops[i].store;
        let mut any = None;
        for family in active(&self.own[i], &self.moved) {
            let case = store.family_case(family)?;
            let Some(plan) = case.plan_versions.last() else { continue };
            if let Some(action) = asysta_core::plan::overdue_actions(plan, &case.progress_notes, self.today).first() {
                return Ok(Some(action.id));
            }
            any = any.or(plan.actions().next().map(|a| a.id));
        }
        Ok(any)
    }

    /// The latest visit to one of laptop `i`'s active families.
    fn latest_visit(&self, i: usize) -> Result<Option<EntityId>, StoreError> {
        let latest = self.own[i]
            .iter()
            .filter(|f| f.status == FamilyStatus::Active && !self.moved.contains(&f.id))
            .filter_map(|f| f.last_visit.map(|on| (on, f.id)))
            .max();
        let Some((_, family)) = latest else { return Ok(None) };
        Ok(self.laptops[i].store.family_case(family)?.visits.first().map(|v| v.id))
    }

    /// The cast's second laptop enters, as a parent's partner in one of
    /// its active families, a parent of the first laptop's first active
    /// family: the same person (the same PESEL) in two assistants'
    /// families.
    fn enter_twice(&mut self) -> Result<(), StoreError> {
        let (first, second) = (self.parts.cast[0], self.parts.second());
        if first == second {
            return Ok(());
        }
        let (Some(there), Some(here)) = (self.first_active(first), self.first_active(second)) else { return Ok(()) };
        let members = self.laptops[first].store.family_case(there)?.members;
        let Some(person) = members.into_iter().find(|m| m.details.relation == Relation::Parent) else { return Ok(()) };
        let mut form = script::member_form(&person.details);
        form.relation = Relation::Partner.as_str().to_owned();
        self.laptops[second].store.run(ops::AddMember { family_id: here, form }, self.today)?;
        Ok(())
    }
}

/// When a laptop's today starts: the day's beginning, or now when `today`
/// has passed (so that the centre's clock and the laptops' agree).
fn morning(today: NaiveDate) -> u64 {
    ms_of(today, 0).max(SystemEnvironment.now_ms())
}

/// On the laptop a referred case was assigned to: its members, its
/// contacts since the assignment, and as far as the case has got, its
/// first plan, submitted.
fn work_on_assigned(store: &mut Store, case: &Case, today: NaiveDate, rng: &mut DemoRng) -> Result<(), StoreError> {
    let Some(assigned) = &case.referred.assigned else { return Ok(()) };
    let family_id = case.family_id;
    for person in &case.referred.case.members {
        store.run(ops::AddMember { family_id, form: script::member_form(person) }, today)?;
    }
    let members = parent_first(&store.family_case(family_id)?.members);
    let plan = match assigned.work {
        Work::GettingToKnow => None,
        Work::PlanSubmitted { agreed, submitted } => Some((agreed, submitted, true)),
        Work::PlanReturnedAndCorrected { agreed, submitted, .. } => Some((agreed, submitted, false)),
    };
    let mut version = None;
    if let Some((agreed, submitted, complete)) = plan {
        let form = script::first_plan(rng, &members, agreed, &social_worker_of(&case.referred), complete);
        let saved = agreed + Duration::days(script::CONSULTATION_DAYS);
        let number = store.run(ops::SavePlanVersion { family_id, form }, saved)?;
        store.run(ops::SubmitPlan { family_id, version: number }, submitted)?;
        version = store.family_case(family_id)?.plan_versions.pop();
    }
    let from = assigned.on + Duration::days(4);
    for form in script::contacts(rng, &members, version.as_ref(), from, today - Duration::days(1)) {
        store.run(ops::RecordVisit { family_id, form }, today)?;
    }
    Ok(())
}

/// Tries `f` on the assistant of each candidate laptop until one is not
/// over the cap; answers which laptop (none: every one was full).
fn try_each(
    candidates: impl Iterator<Item = usize>,
    assistant_ids: &HashMap<usize, EntityId>,
    mut f: impl FnMut(EntityId) -> Result<(), StoreError>,
) -> Result<Option<usize>, StoreError> {
    for i in candidates {
        let Some(&assistant) = assistant_ids.get(&i) else { continue };
        match f(assistant) {
            Ok(()) => return Ok(Some(i)),
            Err(StoreError::AssigneeCaseloadFull { .. }) => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(None)
}

/// Exports from `from` (for `device` at a centre) into `dir` and imports
/// the bundle into `to`, trusting the sender by `fingerprint` the first
/// time.
fn send(
    from: &mut Store,
    to: &mut Store,
    device: Option<DeviceId>,
    dir: &Path,
    fingerprint: Option<&str>,
) -> Result<ImportSummary, StoreError> {
    let sent = from.export_bundle(dir, &ExportRequest { device, ..ExportRequest::default() }, &mut |_| {})?;
    let path = PathBuf::from(&sent.path);
    let bytes = std::fs::read(&path).map_err(|source| StoreError::Io { path: path.clone(), source })?;
    let report = to.import_bundle(&bytes, &sent.file_name, fingerprint)?;
    let _ = std::fs::remove_file(&path);
    Ok(report)
}

/// The active ones of `families`, but those in `keep_out`.
fn active<'a>(families: &'a [FamilySummary], keep_out: &'a [EntityId]) -> impl Iterator<Item = EntityId> + 'a {
    families.iter().filter(move |f| f.status == FamilyStatus::Active && !keep_out.contains(&f.id)).map(|f| f.id)
}

/// The `count` active families of `families` whose work started last (as
/// the centre's history of assignments has it), newest first (on the same
/// day, in the order of `families`).
fn newest_active(centre: &Store, families: &[FamilySummary], count: usize) -> Result<Vec<EntityId>, StoreError> {
    let mut started = Vec::new();
    for family in active(families, &[]) {
        started.push((centre.assignments_of(family)?.first().map(|r| r.from), family));
    }
    started.sort_by_key(|(from, _)| std::cmp::Reverse(*from));
    Ok(started.into_iter().take(count).map(|(_, f)| f).collect())
}

/// Submits the version in force of each of `families` revised in the
/// last five months, two days after it was saved; answers (family,
/// version, submitted on).
fn submit_recent_plans(
    store: &mut Store,
    families: &[EntityId],
    today: NaiveDate,
) -> Result<Vec<(EntityId, u32, NaiveDate)>, StoreError> {
    let mut out = Vec::new();
    for &family in families {
        let Some(plan) = store.family_case(family)?.plan_versions.pop() else { continue };
        let Some(saved) = plan.consultation.as_ref().map(|c| c.date) else { continue };
        if saved < today - Duration::days(150) {
            continue;
        }
        let on = asysta_core::demo::contacts::working_day(saved + Duration::days(2)).min(today);
        store.run(ops::SubmitPlan { family_id: family, version: plan.number }, on)?;
        out.push((family, plan.number, on));
    }
    Ok(out)
}

/// The returned evaluation corrected on its laptop and submitted again.
fn correct_evaluation(
    store: &mut Store,
    evaluation_id: EntityId,
    family_id: EntityId,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let draft = store.run(ops::CorrectEvaluation { evaluation_id }, today)?;
    let Some(view) = store.evaluations(family_id)?.into_iter().find(|e| e.id == draft) else { return Ok(()) };
    let mut form = EvaluationForm::from_evaluation(&view.evaluation);
    form.cooperation_comment = script::EVALUATION_CORRECTED.to_owned();
    store.run(ops::SubmitEvaluation { family_id, evaluation_id: Some(draft), form }, today)?;
    Ok(())
}

/// A family's members, the adults first (as the stories list them).
fn parent_first(members: &[asysta_core::api::MemberView]) -> Vec<EntityId> {
    let mut ordered: Vec<(bool, EntityId)> =
        members.iter().map(|m| (m.details.relation == Relation::Child, m.id)).collect();
    ordered.sort_by_key(|(child, _)| *child);
    ordered.into_iter().map(|(_, id)| id).collect()
}

/// The social worker a plan is consulted with.
fn social_worker_of(referred: &Referred) -> String {
    referred.case.details.social_worker.as_ref().map_or_else(|| "pracownik socjalny".to_owned(), |c| c.name.clone())
}

#[cfg(test)]
mod tests;
