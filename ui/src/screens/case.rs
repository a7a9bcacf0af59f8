//! The case record of one family: its header and status (with closing the
//! work), its people, the case details, notes, the work plan, the visit
//! diary, periodic evaluations, opinions for the court, and the history of
//! the record.
//!
//! This screen fetches the case, the centre's plan areas and its lists for
//! evaluations and closing (`case_vocabulary`); each section (one module
//! each) edits one part of the case and hands back the whole case the shell
//! answers with. An archived case is read-only, as every case is at a
//! centre (where only the head of the centre's decision on an evaluation is
//! made).
//!
//! The centre's steering shows beside the records: the plan's approval
//! (`approval`), comments on the family, the plan's goals and actions, the
//! visits and the evaluations (`comments`, threads reading the
//! [`comments::CommentsContext`] this screen provides), and who works with
//! the family (`assignment`: the history, the referral, assigning and
//! transferring at a centre, the banner of a family in transfer on the
//! laptop it leaves). A family this laptop handed over is shown read-only.

pub mod approval;
pub mod assignment;
pub mod attachments;
pub mod closing;
pub mod comments;
pub mod conflicts;
pub mod details;
pub mod diary;
pub mod evaluations;
pub mod members;
pub mod notes;
pub mod opinions;
pub mod plan;
pub mod status;

use crate::clock::today;
use crate::components::case_header::CaseHeader;
use crate::components::header::Header;
use crate::components::history::{HistoryContent, HistoryPanel};
use crate::i18n::use_i18n;
use crate::ipc;
use assignment::{AssignmentSection, TransferBanner};
use asysta_core::api::{CaseVocabulary, ErrorKind, FamilyCase, WorkspaceStatus};
use asysta_core::centre::CommentTarget;
use asysta_core::evaluation::has_final_evaluation;
use asysta_core::plan::PlanArea;
use asysta_core::record::FamilyStatus;
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_core::{EntityId, Event};
use attachments::AttachmentsSection;
use closing::summary::ClosingSummary;
use comments::{CommentThread, CommentsContext, UnreadSummary};
use conflicts::ConflictsSection;
use details::DetailsSection;
use diary::DiarySection;
use evaluations::EvaluationsSection;
use members::MembersSection;
use notes::NotesSection;
use opinions::OpinionsSection;
use plan::PlanSection;
use status::StatusSection;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The case as the screen shows it. Fetches are numbered as on the
/// families screen: a reply to an older request is dropped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaseState {
    /// `None` until the case arrives.
    pub case: Option<Rc<FamilyCase>>,
    pub request: u32,
    /// A failure that concerns the whole screen (reading the case, locking).
    pub page_error: Option<ErrorKind>,
    /// The history panel, when open.
    pub history: Option<HistoryContent>,
    pub history_request: u32,
    /// The centre's areas of the work plan (empty until read).
    pub areas: Rc<Vec<PlanArea>>,
    pub areas_error: Option<ErrorKind>,
    /// The centre's rating scale and reasons for closing; `None` until read.
    pub vocabulary: Option<Rc<CaseVocabulary>>,
    pub vocabulary_error: Option<ErrorKind>,
    /// Bumped when the closing form asks for the final evaluation.
    pub final_request: u32,
    /// How many comments were unread when the case was read, and on which
    /// records (announced, with links to their threads).
    pub unread_on_load: usize,
    pub unread_targets: Vec<CommentTarget>,
}

/// What may be done to a case here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseRights {
    /// The case may be changed: the assistant's own, not archived.
    pub edit: bool,
    /// Submitted evaluations may be accepted or returned: at a centre, in
    /// a case not archived.
    pub decide: bool,
}

impl CaseRights {
    pub fn of(role: Role, status: FamilyStatus) -> CaseRights {
        let archived = status == FamilyStatus::Archived;
        CaseRights { edit: role == Role::Assistant && !archived, decide: role == Role::Centre && !archived }
    }

    /// The rights on `case`: a family this laptop handed over to another
    /// assistant is read-only here.
    pub fn for_case(role: Role, case: &FamilyCase) -> CaseRights {
        let rights = CaseRights::of(role, case.family.status);
        CaseRights { edit: rights.edit && !case.steering.read_only, ..rights }
    }

    /// Whether comments may be written: by either side, in a case neither
    /// archived nor handed over from this laptop.
    pub fn comment(role: Role, case: &FamilyCase) -> bool {
        let rights = CaseRights::for_case(role, case);
        rights.edit || rights.decide
    }
}

pub enum CaseAction {
    Loaded {
        request: u32,
        case: FamilyCase,
    },
    LoadFailed {
        request: u32,
        kind: ErrorKind,
    },
    /// A section saved a change; the shell answered with the whole case.
    Updated(FamilyCase),
    OpenHistory,
    HistoryLoaded {
        request: u32,
        events: Vec<Event>,
    },
    HistoryFailed {
        request: u32,
        kind: ErrorKind,
    },
    CloseHistory,
    LockFailed(ErrorKind),
    AreasLoaded(Vec<PlanArea>),
    AreasFailed(ErrorKind),
    VocabularyLoaded(CaseVocabulary),
    VocabularyFailed(ErrorKind),
    /// The closing form asks for the final evaluation.
    WriteFinalEvaluation,
    /// These comments were shown and marked read on this device.
    CommentsRead(Vec<EntityId>),
}

impl Reducible for CaseState {
    type Action = CaseAction;

    fn reduce(self: Rc<Self>, action: CaseAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CaseAction::Loaded { request, case } => {
                if request == next.request {
                    next.unread_on_load = case.steering.comments.iter().filter(|c| c.unread).count();
                    next.unread_targets = comments::unread_targets(&case.steering.comments);
                    next.case = Some(Rc::new(case));
                    next.page_error = None;
                }
            }
            CaseAction::LoadFailed { request, kind } => {
                if request == next.request {
                    next.page_error = Some(kind);
                }
            }
            CaseAction::Updated(case) => {
                next.case = Some(Rc::new(case));
                // An open history shows the change just made.
                if next.history.is_some() {
                    next.history_request = next.history_request.wrapping_add(1);
                }
            }
            CaseAction::OpenHistory => {
                next.history = Some(HistoryContent::Loading);
                next.history_request = next.history_request.wrapping_add(1);
            }
            CaseAction::HistoryLoaded { request, events } => {
                if next.history.is_some() && request == next.history_request {
                    next.history = Some(HistoryContent::Loaded(Rc::new(events)));
                }
            }
            CaseAction::HistoryFailed { request, kind } => {
                if next.history.is_some() && request == next.history_request {
                    next.history = Some(HistoryContent::Failed(kind));
                }
            }
            CaseAction::CloseHistory => next.history = None,
            CaseAction::LockFailed(kind) => next.page_error = Some(kind),
            CaseAction::AreasLoaded(areas) => next.areas = Rc::new(areas),
            CaseAction::AreasFailed(kind) => next.areas_error = Some(kind),
            CaseAction::VocabularyLoaded(vocabulary) => {
                next.vocabulary = Some(Rc::new(vocabulary));
                next.vocabulary_error = None;
            }
            CaseAction::VocabularyFailed(kind) => next.vocabulary_error = Some(kind),
            CaseAction::WriteFinalEvaluation => next.final_request = next.final_request.wrapping_add(1).max(1),
            CaseAction::CommentsRead(ids) => {
                let Some(case) = next.case.as_mut() else { return self };
                comments::mark_read(&mut Rc::make_mut(case).steering.comments, &ids);
            }
        }
        Rc::new(next)
    }
}

/// The sections of the case, daily work first, as the section links list
/// them: the element id and the title's message.
const SECTIONS: [(&str, &str); 9] = [
    ("diary", "visit-title"),
    ("plan", "plan-title"),
    ("evaluations", "evaluations-title"),
    ("opinions", "opinions-title"),
    ("members", "members-title"),
    ("details", "details-title"),
    ("notes", "notes-title"),
    ("attachments", "attachments-title"),
    ("assignment", "assignment-title"),
];

#[derive(Properties, PartialEq)]
pub struct CaseScreenProps {
    pub info: WorkspaceInfo,
    pub family_id: EntityId,
    /// A new workspace status: after locking, or when the shell reports
    /// that the workspace is locked.
    pub on_status: Callback<WorkspaceStatus>,
    /// Back to the family list.
    pub on_back: Callback<()>,
    /// Opens the sync screen.
    #[prop_or_default]
    pub on_open_sync: Callback<()>,
}

#[component]
pub fn CaseScreen(props: &CaseScreenProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(CaseState::default);
    let on_locked = props.on_status.reform(|()| WorkspaceStatus::Locked);
    let family_id = props.family_id;

    {
        let dispatcher = state.dispatcher();
        let on_locked = on_locked.clone();
        use_effect_with((state.request, family_id), move |&(request, family_id)| {
            spawn_local(async move {
                match ipc::family_case(family_id).await {
                    Ok(case) => dispatcher.dispatch(CaseAction::Loaded { request, case }),
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(CaseAction::LoadFailed { request, kind: error.kind }),
                }
            });
        });
    }
    {
        // The plan's areas: a failure leaves the plan readable (areas are
        // then shown by their keys) and the page says why.
        let dispatcher = state.dispatcher();
        let on_locked = on_locked.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                match ipc::plan_areas().await {
                    Ok(areas) => dispatcher.dispatch(CaseAction::AreasLoaded(areas)),
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(CaseAction::AreasFailed(error.kind)),
                }
            });
        });
    }
    {
        // The centre's lists: without them evaluations and closing wait
        // (their buttons stay disabled) and the page says why.
        let dispatcher = state.dispatcher();
        let on_locked = on_locked.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                match ipc::case_vocabulary().await {
                    Ok(vocabulary) => dispatcher.dispatch(CaseAction::VocabularyLoaded(vocabulary)),
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(CaseAction::VocabularyFailed(error.kind)),
                }
            });
        });
    }
    {
        let dispatcher = state.dispatcher();
        let on_locked = on_locked.clone();
        let open = state.history.is_some();
        use_effect_with((state.history_request, open), move |&(request, open)| {
            if open {
                spawn_local(async move {
                    match ipc::history(family_id).await {
                        Ok(events) => dispatcher.dispatch(CaseAction::HistoryLoaded { request, events }),
                        Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                        Err(error) => dispatcher.dispatch(CaseAction::HistoryFailed { request, kind: error.kind }),
                    }
                });
            }
        });
    }

    let on_lock = {
        let dispatcher = state.dispatcher();
        let on_status = props.on_status.clone();
        Callback::from(move |()| {
            let dispatcher = dispatcher.clone();
            let on_status = on_status.clone();
            spawn_local(async move {
                match ipc::lock().await {
                    Ok(status) => on_status.emit(status),
                    Err(error) => dispatcher.dispatch(CaseAction::LockFailed(error.kind)),
                }
            });
        })
    };
    let on_case = state.dispatcher().to_callback().reform(CaseAction::Updated);
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    let on_history = state.dispatcher().to_callback().reform(|()| CaseAction::OpenHistory);
    let on_close_history = state.dispatcher().to_callback().reform(|()| CaseAction::CloseHistory);
    let on_write_final = state.dispatcher().to_callback().reform(|()| CaseAction::WriteFinalEvaluation);
    let today = today();
    let scale = state.vocabulary.as_ref().map(|v| Rc::new(v.rating_scale.clone()));
    let reasons = Rc::new(state.vocabulary.as_ref().map(|v| v.closing_reasons.clone()).unwrap_or_default());

    // A centre reads its assistants' case records; the assistant edits them
    // (the shell refuses such edits at a centre as well). Nobody edits an
    // archived case.
    let centre = props.info.role == Role::Centre;
    let body = match &state.case {
        None => html! { <p id="case-loading" class="loading">{ i18n.tr("loading") }</p> },
        Some(case) => {
            let family = &case.family;
            let rights = CaseRights::for_case(props.info.role, case);
            let archived = family.status == FamilyStatus::Archived;
            let read_only = !rights.edit;
            let handed_over = case.steering.read_only;
            let comments = CommentsContext {
                comments: Rc::new(case.steering.comments.clone()),
                can_write: CaseRights::comment(props.info.role, case),
                on_case: on_case.clone(),
                on_locked: on_locked.clone(),
                on_read: state.dispatcher().to_callback().reform(CaseAction::CommentsRead),
            };
            html! {
                <ContextProvider<CommentsContext> context={comments}>
                    <TransferBanner notice={case.steering.transfer.clone()} />
                    <CaseHeader case={case.clone()} {on_history}>
                        <UnreadSummary count={state.unread_on_load} targets={state.unread_targets.clone()} />
                        <div class={classes!((centre || handed_over).then_some("case-read-only-status"))}>
                        <StatusSection
                            {family_id}
                            status={family.status}
                            has_final={has_final_evaluation(&case.evaluations)}
                            reasons={reasons.clone()}
                            {today}
                            on_case={on_case.clone()}
                            on_locked={on_locked.clone()}
                            {on_write_final}
                        />
                        </div>
                        <ClosingSummary
                            status={family.status}
                            closing={case.closing.clone()}
                            monitoring_until={case.monitoring_until}
                            reasons={reasons.clone()}
                        />
                        <CommentThread target={comments::target("family", family_id)} subject={family.name.clone()} />
                    </CaseHeader>
                    if let Some(content) = &state.history {
                        <HistoryPanel
                            family_name={family.name.clone()}
                            content={content.clone()}
                            on_close={on_close_history}
                        />
                    }
                    <ConflictsSection
                        {family_id}
                        conflicts={case.conflicts.clone()}
                        on_case={on_case.clone()}
                        on_locked={on_locked.clone()}
                    />
                    if archived {
                        <p id="case-archived" class="hint">{ i18n.tr("case-archived") }</p>
                    } else if centre {
                        <p id="case-read-only" class="hint">{ i18n.tr("case-read-only") }</p>
                    }
                    if let Some(kind) = state.vocabulary_error {
                        <p id="case-vocabulary-error" class="form-error" role="alert">
                            { i18n.tr("case-vocabulary-failed") }{ " " }{ i18n.error(kind) }
                        </p>
                    }
                    <div class={classes!(read_only.then_some("case-read-only"))}>
                    <nav id="case-sections" class="case-sections" aria-label={i18n.tr("case-sections")}>
                        { for SECTIONS.iter().map(|(id, title)| html! { <a href={format!("#{id}")}>{ i18n.tr(title) }</a> }) }
                    </nav>
                    <DiarySection {family_id} case={case.clone()} areas={state.areas.clone()} on_case={on_case.clone()} on_locked={on_locked.clone()} />
                    if let Some(kind) = state.areas_error {
                        <p id="plan-areas-error" class="form-error" role="alert">
                            { i18n.tr("plan-areas-failed") }{ " " }{ i18n.error(kind) }
                        </p>
                    }
                    <PlanSection
                        {family_id}
                        case={case.clone()}
                        areas={state.areas.clone()}
                        can_submit={rights.edit}
                        can_decide={rights.decide}
                        on_case={on_case.clone()}
                        on_locked={on_locked.clone()}
                    />
                    <EvaluationsSection
                        {family_id}
                        case={case.clone()}
                        areas={state.areas.clone()}
                        scale={scale.clone()}
                        can_edit={rights.edit}
                        can_decide={rights.decide}
                        final_request={state.final_request}
                        {today}
                        on_case={on_case.clone()}
                        on_locked={on_locked.clone()}
                    />
                    <OpinionsSection
                        {family_id}
                        case={case.clone()}
                        can_edit={rights.edit}
                        {today}
                        on_case={on_case.clone()}
                        on_locked={on_locked.clone()}
                    />
                    <fieldset class="case-columns" disabled={read_only}>
                        <div class="case-column">
                            <MembersSection
                                {family_id}
                                members={case.members.clone()}
                                on_case={on_case.clone()}
                                on_locked={on_locked.clone()}
                            />
                            <NotesSection
                                {family_id}
                                notes={case.notes.clone()}
                                on_case={on_case.clone()}
                                on_locked={on_locked.clone()}
                            />
                        </div>
                        <div class="case-column">
                            <DetailsSection
                                {family_id}
                                details={case.details.clone()}
                                members={case.members.clone()}
                                on_case={on_case.clone()}
                                on_locked={on_locked.clone()}
                            />
                        </div>
                    </fieldset>
                    <AttachmentsSection
                        {family_id}
                        case={case.clone()}
                        can_edit={rights.edit || (centre && !archived)}
                        on_locked={on_locked.clone()}
                    />
                    <AssignmentSection
                        {family_id}
                        case={case.clone()}
                        can_steer={rights.decide}
                        on_case={on_case.clone()}
                        on_locked={on_locked.clone()}
                    />
                    </div>
                </ContextProvider<CommentsContext>>
            }
        }
    };

    html! {
        <div id="case" class="page">
            <Header info={props.info.clone()} {on_lock} on_sync={props.on_open_sync.clone()} />
            <main class="content case">
                <nav class="case-nav">
                    <button type="button" id="case-back" class="secondary" onclick={on_back}>
                        { i18n.tr("case-back") }
                    </button>
                </nav>
                if let Some(kind) = state.page_error {
                    <p id="case-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                }
                // Present before the case arrives, so that its news is announced.
                <div id="case-announcement" class="visually-hidden" aria-live="polite">
                    if state.unread_on_load > 0 {
                        { i18n.count("comments-new-announcement", state.unread_on_load) }
                    }
                </div>
                { body }
            </main>
        </div>
    }
}

#[cfg(test)]
mod tests;
