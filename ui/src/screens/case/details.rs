//! The case details: contact, the basis of the work, dates, "Za życiem",
//! Niebieska Karta and foster care, saved as a whole.
//!
//! Field names follow `validate_case_details` (`basis.case_signature`,
//! `foster_care[0].place`, `za_zyciem_request_date`); each input's id is the
//! name through [`dom_id`], so an error for any field, local or from the
//! shell, is shown next to its input in `error-<dom id>`.

use crate::clock::today;
use crate::components::checkbox::CheckboxField;
use crate::components::field::{dom_id, error_for, TextField};
use crate::components::foster_placement::{FosterPlacement, PlacementField};
use crate::components::select::{SelectField, SelectOption};
use crate::i18n::use_i18n;
use crate::ipc;
use crate::screens::form::{submit_case_form, FormSteps};
use crate::screens::split_api_error;
use asysta_core::api::{ApiError, ErrorKind, FamilyCase, MemberView};
use asysta_core::member::Relation;
use asysta_core::record::{
    validate_case_details, BasisForm, CaseDetails, CaseDetailsForm, FosterKind, FosterPlacementForm, WorkBasis,
};
use asysta_core::{EntityId, FieldError};
use std::rc::Rc;
use yew::prelude::*;

/// A text, date or choice field of the form (foster placements aside).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailsField {
    Phones,
    SocialWorkerName,
    SocialWorkerPhone,
    SocialWorkerEmail,
    BasisKind,
    BasisInterviewDate,
    BasisRequestDate,
    BasisDecisionDate,
    BasisCourt,
    BasisCaseSignature,
    BasisOrderDate,
    StartDate,
    ConsentDate,
    ZaZyciemRequestDate,
    ZaZyciemCertificateType,
    ZaZyciemCertificateDate,
    ZaZyciemSupportCatalogue,
    NiebieskaKartaStartedOn,
    NiebieskaKartaTeamContact,
}

/// The kinds of basis, as `BasisForm::kind` names them ("" for none yet).
pub const BASIS_KINDS: [(&str, &str); 3] = [
    ("", "basis-kind-none"),
    ("social_worker_request", "basis-kind-social-worker-request"),
    ("court_order", "basis-kind-court-order"),
];

impl DetailsField {
    pub const ALL: [DetailsField; 19] = [
        DetailsField::Phones,
        DetailsField::SocialWorkerName,
        DetailsField::SocialWorkerPhone,
        DetailsField::SocialWorkerEmail,
        DetailsField::BasisKind,
        DetailsField::BasisInterviewDate,
        DetailsField::BasisRequestDate,
        DetailsField::BasisDecisionDate,
        DetailsField::BasisCourt,
        DetailsField::BasisCaseSignature,
        DetailsField::BasisOrderDate,
        DetailsField::StartDate,
        DetailsField::ConsentDate,
        DetailsField::ZaZyciemRequestDate,
        DetailsField::ZaZyciemCertificateType,
        DetailsField::ZaZyciemCertificateDate,
        DetailsField::ZaZyciemSupportCatalogue,
        DetailsField::NiebieskaKartaStartedOn,
        DetailsField::NiebieskaKartaTeamContact,
    ];

    /// The name `validate_case_details` reports the field under.
    pub fn name(self) -> &'static str {
        match self {
            DetailsField::Phones => "phones",
            DetailsField::SocialWorkerName => "social_worker_name",
            DetailsField::SocialWorkerPhone => "social_worker_phone",
            DetailsField::SocialWorkerEmail => "social_worker_email",
            DetailsField::BasisKind => "basis.kind",
            DetailsField::BasisInterviewDate => "basis.interview_date",
            DetailsField::BasisRequestDate => "basis.request_date",
            DetailsField::BasisDecisionDate => "basis.decision_date",
            DetailsField::BasisCourt => "basis.court",
            DetailsField::BasisCaseSignature => "basis.case_signature",
            DetailsField::BasisOrderDate => "basis.order_date",
            DetailsField::StartDate => "start_date",
            DetailsField::ConsentDate => "consent_date",
            DetailsField::ZaZyciemRequestDate => "za_zyciem_request_date",
            DetailsField::ZaZyciemCertificateType => "za_zyciem_certificate_type",
            DetailsField::ZaZyciemCertificateDate => "za_zyciem_certificate_date",
            DetailsField::ZaZyciemSupportCatalogue => "za_zyciem_support_catalogue",
            DetailsField::NiebieskaKartaStartedOn => "niebieska_karta_started_on",
            DetailsField::NiebieskaKartaTeamContact => "niebieska_karta_team_contact",
        }
    }

    fn label_id(self) -> &'static str {
        match self {
            DetailsField::Phones => "details-phones",
            DetailsField::SocialWorkerName => "details-social-worker-name",
            DetailsField::SocialWorkerPhone => "details-social-worker-phone",
            DetailsField::SocialWorkerEmail => "details-social-worker-email",
            DetailsField::BasisKind => "basis-kind",
            DetailsField::BasisInterviewDate => "basis-interview-date",
            DetailsField::BasisRequestDate => "basis-request-date",
            DetailsField::BasisDecisionDate => "basis-decision-date",
            DetailsField::BasisCourt => "basis-court",
            DetailsField::BasisCaseSignature => "basis-case-signature",
            DetailsField::BasisOrderDate => "basis-order-date",
            DetailsField::StartDate => "details-start-date",
            DetailsField::ConsentDate => "details-consent-date",
            DetailsField::ZaZyciemRequestDate => "za-zyciem-request-date",
            DetailsField::ZaZyciemCertificateType => "za-zyciem-certificate-type",
            DetailsField::ZaZyciemCertificateDate => "za-zyciem-certificate-date",
            DetailsField::ZaZyciemSupportCatalogue => "za-zyciem-support-catalogue",
            DetailsField::NiebieskaKartaStartedOn => "niebieska-karta-started-on",
            DetailsField::NiebieskaKartaTeamContact => "niebieska-karta-team-contact",
        }
    }

    fn is_date(self) -> bool {
        matches!(
            self,
            DetailsField::BasisInterviewDate
                | DetailsField::BasisRequestDate
                | DetailsField::BasisDecisionDate
                | DetailsField::BasisOrderDate
                | DetailsField::StartDate
                | DetailsField::ConsentDate
                | DetailsField::ZaZyciemRequestDate
                | DetailsField::ZaZyciemCertificateDate
                | DetailsField::NiebieskaKartaStartedOn
        )
    }

    /// Whether the form shows the field: the basis fields of the chosen
    /// kind, and the fields of the sections that are ticked.
    pub fn shown(self, form: &CaseDetailsForm) -> bool {
        use DetailsField::*;
        match self {
            BasisInterviewDate | BasisRequestDate | BasisDecisionDate => form.basis.kind == "social_worker_request",
            BasisCourt | BasisCaseSignature | BasisOrderDate => form.basis.kind == "court_order",
            ZaZyciemRequestDate | ZaZyciemCertificateType | ZaZyciemCertificateDate | ZaZyciemSupportCatalogue => {
                form.za_zyciem
            }
            NiebieskaKartaStartedOn | NiebieskaKartaTeamContact => form.niebieska_karta,
            _ => true,
        }
    }

    pub fn value(self, form: &CaseDetailsForm) -> &str {
        match self {
            DetailsField::Phones => &form.phones,
            DetailsField::SocialWorkerName => &form.social_worker_name,
            DetailsField::SocialWorkerPhone => &form.social_worker_phone,
            DetailsField::SocialWorkerEmail => &form.social_worker_email,
            DetailsField::BasisKind => &form.basis.kind,
            DetailsField::BasisInterviewDate => &form.basis.interview_date,
            DetailsField::BasisRequestDate => &form.basis.request_date,
            DetailsField::BasisDecisionDate => &form.basis.decision_date,
            DetailsField::BasisCourt => &form.basis.court,
            DetailsField::BasisCaseSignature => &form.basis.case_signature,
            DetailsField::BasisOrderDate => &form.basis.order_date,
            DetailsField::StartDate => &form.start_date,
            DetailsField::ConsentDate => &form.consent_date,
            DetailsField::ZaZyciemRequestDate => &form.za_zyciem_request_date,
            DetailsField::ZaZyciemCertificateType => &form.za_zyciem_certificate_type,
            DetailsField::ZaZyciemCertificateDate => &form.za_zyciem_certificate_date,
            DetailsField::ZaZyciemSupportCatalogue => &form.za_zyciem_support_catalogue,
            DetailsField::NiebieskaKartaStartedOn => &form.niebieska_karta_started_on,
            DetailsField::NiebieskaKartaTeamContact => &form.niebieska_karta_team_contact,
        }
    }

    fn value_mut(self, form: &mut CaseDetailsForm) -> &mut String {
        match self {
            DetailsField::Phones => &mut form.phones,
            DetailsField::SocialWorkerName => &mut form.social_worker_name,
            DetailsField::SocialWorkerPhone => &mut form.social_worker_phone,
            DetailsField::SocialWorkerEmail => &mut form.social_worker_email,
            DetailsField::BasisKind => &mut form.basis.kind,
            DetailsField::BasisInterviewDate => &mut form.basis.interview_date,
            DetailsField::BasisRequestDate => &mut form.basis.request_date,
            DetailsField::BasisDecisionDate => &mut form.basis.decision_date,
            DetailsField::BasisCourt => &mut form.basis.court,
            DetailsField::BasisCaseSignature => &mut form.basis.case_signature,
            DetailsField::BasisOrderDate => &mut form.basis.order_date,
            DetailsField::StartDate => &mut form.start_date,
            DetailsField::ConsentDate => &mut form.consent_date,
            DetailsField::ZaZyciemRequestDate => &mut form.za_zyciem_request_date,
            DetailsField::ZaZyciemCertificateType => &mut form.za_zyciem_certificate_type,
            DetailsField::ZaZyciemCertificateDate => &mut form.za_zyciem_certificate_date,
            DetailsField::ZaZyciemSupportCatalogue => &mut form.za_zyciem_support_catalogue,
            DetailsField::NiebieskaKartaStartedOn => &mut form.niebieska_karta_started_on,
            DetailsField::NiebieskaKartaTeamContact => &mut form.niebieska_karta_team_contact,
        }
    }
}

/// A section that is ticked on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailsFlag {
    ZaZyciem,
    NiebieskaKarta,
}

impl DetailsFlag {
    /// The checkbox's id, also the prefix of its fields' names.
    pub fn name(self) -> &'static str {
        match self {
            DetailsFlag::ZaZyciem => "za_zyciem",
            DetailsFlag::NiebieskaKarta => "niebieska_karta",
        }
    }

    fn label_id(self) -> &'static str {
        match self {
            DetailsFlag::ZaZyciem => "za-zyciem-applies",
            DetailsFlag::NiebieskaKarta => "niebieska-karta-applies",
        }
    }

    fn value_mut(self, form: &mut CaseDetailsForm) -> &mut bool {
        match self {
            DetailsFlag::ZaZyciem => &mut form.za_zyciem,
            DetailsFlag::NiebieskaKarta => &mut form.niebieska_karta,
        }
    }
}

/// The form that shows recorded details, to be changed and saved again.
pub fn form_from_details(details: &CaseDetails) -> CaseDetailsForm {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let social_worker = details.social_worker.clone().unwrap_or_default();
    let basis = match &details.basis {
        None => BasisForm::default(),
        Some(WorkBasis::SocialWorkerRequest { interview_date, request_date, decision_date }) => BasisForm {
            kind: "social_worker_request".into(),
            interview_date: interview_date.to_string(),
            request_date: request_date.to_string(),
            decision_date: date(*decision_date),
            ..BasisForm::default()
        },
        Some(WorkBasis::CourtOrder { court, case_signature, order_date }) => BasisForm {
            kind: "court_order".into(),
            court: court.clone(),
            case_signature: case_signature.clone(),
            order_date: order_date.to_string(),
            ..BasisForm::default()
        },
    };
    let foster_care = details
        .foster_care
        .iter()
        .map(|p| FosterPlacementForm {
            child_id: p.child_id.to_string(),
            kind: match p.kind {
                FosterKind::Family => "family".into(),
                FosterKind::Institutional => "institutional".into(),
            },
            place: p.place.clone(),
            coordinator_name: p.coordinator.name.clone(),
            coordinator_phone: p.coordinator.phone.clone(),
            pcpr: p.pcpr.clone(),
            assistance_plan_date: date(p.assistance_plan_date),
        })
        .collect();
    let za_zyciem = details.za_zyciem.as_ref();
    let niebieska_karta = details.niebieska_karta.as_ref();
    CaseDetailsForm {
        phones: details.phones.join(", "),
        social_worker_name: social_worker.name,
        social_worker_phone: social_worker.phone,
        social_worker_email: social_worker.email,
        basis,
        start_date: date(details.start_date),
        consent_date: date(details.consent_date),
        foster_care,
        za_zyciem: za_zyciem.is_some(),
        za_zyciem_request_date: date(za_zyciem.map(|z| z.request_date)),
        za_zyciem_certificate_type: za_zyciem.map(|z| z.certificate_type.clone()).unwrap_or_default(),
        za_zyciem_certificate_date: date(za_zyciem.and_then(|z| z.certificate_date)),
        za_zyciem_support_catalogue: za_zyciem.map(|z| z.support_catalogue.clone()).unwrap_or_default(),
        niebieska_karta: niebieska_karta.is_some(),
        niebieska_karta_started_on: date(niebieska_karta.map(|n| n.started_on)),
        niebieska_karta_team_contact: niebieska_karta.map(|n| n.team_contact.clone()).unwrap_or_default(),
    }
}

/// The names of every field the form shows now, placements included.
pub fn shown_fields(form: &CaseDetailsForm) -> Vec<String> {
    let mut names: Vec<String> =
        DetailsField::ALL.iter().filter(|f| f.shown(form)).map(|f| f.name().to_owned()).collect();
    for index in 0..form.foster_care.len() {
        names.extend(PlacementField::ALL.iter().map(|f| f.path(index)));
    }
    names
}

/// The members who may be chosen as a placed child: the children, and a
/// member already chosen (whose relation may have changed since), so that a
/// saved placement is never shown without its child.
pub fn child_choices<'a>(members: &'a [MemberView], chosen: &str) -> Vec<&'a MemberView> {
    members.iter().filter(|m| m.details.relation == Relation::Child || m.id.to_string() == chosen).collect()
}

/// The details form and where its submission stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DetailsState {
    pub form: CaseDetailsForm,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    /// A save is under way.
    pub busy: bool,
    /// The details were just saved.
    pub saved: bool,
}

impl DetailsState {
    pub fn new(details: &CaseDetails) -> DetailsState {
        DetailsState { form: form_from_details(details), ..DetailsState::default() }
    }
}

pub enum DetailsAction {
    /// The recorded details (first shown, or just saved).
    Load(Box<CaseDetails>),
    Edit(DetailsField, String),
    Toggle(DetailsFlag, bool),
    AddPlacement,
    RemovePlacement(usize),
    EditPlacement(usize, PlacementField, String),
    /// Local validation refused the form; nothing was sent.
    Rejected(Vec<FieldError>),
    Submitted,
    Saved,
    Failed(ApiError),
}

impl FormSteps for DetailsAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        DetailsAction::Rejected(errors)
    }
    fn submitted() -> Self {
        DetailsAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        DetailsAction::Failed(error)
    }
}

impl Reducible for DetailsState {
    type Action = DetailsAction;

    fn reduce(self: Rc<Self>, action: DetailsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            DetailsAction::Load(details) => {
                next.form = form_from_details(&details);
                next.errors.clear();
                next.form_error = None;
            }
            DetailsAction::Edit(field, value) => {
                *field.value_mut(&mut next.form) = value;
                next.errors.retain(|e| e.field != field.name());
                next.saved = false;
            }
            DetailsAction::Toggle(flag, on) => {
                *flag.value_mut(&mut next.form) = on;
                next.errors.retain(|e| !e.field.starts_with(flag.name()));
                next.saved = false;
            }
            DetailsAction::AddPlacement => {
                next.form.foster_care.push(FosterPlacementForm { kind: "family".into(), ..Default::default() });
                next.saved = false;
            }
            DetailsAction::RemovePlacement(index) => {
                if index < next.form.foster_care.len() {
                    next.form.foster_care.remove(index);
                    // The placements after it moved up: their errors no
                    // longer match their numbers.
                    next.errors.retain(|e| !e.field.starts_with("foster_care["));
                    next.saved = false;
                }
            }
            DetailsAction::EditPlacement(index, field, value) => {
                if let Some(placement) = next.form.foster_care.get_mut(index) {
                    *field.value_mut(placement) = value;
                    next.errors.retain(|e| e.field != field.path(index));
                    next.saved = false;
                }
            }
            DetailsAction::Rejected(errors) => {
                next.errors = errors;
                next.form_error = None;
                next.saved = false;
            }
            DetailsAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
                next.saved = false;
            }
            DetailsAction::Saved => {
                next.busy = false;
                next.saved = true;
            }
            DetailsAction::Failed(error) => {
                next.busy = false;
                let shown = shown_fields(&next.form);
                let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
                (next.errors, next.form_error) = split_api_error(error, &shown);
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct DetailsSectionProps {
    pub family_id: EntityId,
    /// The recorded details; when they change the form shows them.
    pub details: CaseDetails,
    /// The family's members (placed children are chosen among them).
    pub members: Vec<MemberView>,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn DetailsSection(props: &DetailsSectionProps) -> Html {
    let i18n = use_i18n();
    let state = {
        let details = props.details.clone();
        use_reducer(move || DetailsState::new(&details))
    };
    {
        let dispatcher = state.dispatcher();
        use_effect_with(props.details.clone(), move |details| {
            dispatcher.dispatch(DetailsAction::Load(Box::new(details.clone())))
        });
    }

    let onsubmit = {
        let state = state.clone();
        let family_id = props.family_id;
        let children: Vec<EntityId> =
            props.members.iter().filter(|m| m.details.relation == Relation::Child).map(|m| m.id).collect();
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let form = state.form.clone();
            // Only the family's children can be placed (the shell checks it too).
            let checked = validate_case_details(&form, &children, today()).map(drop);
            let command = async move { ipc::set_case_details(family_id, &form).await };
            submit_case_form(
                state.dispatcher(),
                checked,
                command,
                on_locked.clone(),
                on_case.clone(),
                DetailsAction::Saved,
            );
        })
    };

    let field = |field: DetailsField| {
        if !field.shown(&state.form) {
            return Html::default();
        }
        let id = dom_id(field.name());
        let label = i18n.tr(field.label_id());
        let value = field.value(&state.form).to_owned();
        let error = error_for(&state.errors, field.name());
        let onchange = state.dispatcher().to_callback().reform(move |value| DetailsAction::Edit(field, value));
        if field == DetailsField::BasisKind {
            let options: Vec<_> =
                BASIS_KINDS.iter().map(|(value, label)| SelectOption::new(*value, i18n.tr(label))).collect();
            return html! { <SelectField {id} {label} {value} {options} {error} {onchange} /> };
        }
        let input_type = if field.is_date() { "date" } else { "text" };
        let hint = (field == DetailsField::Phones).then(|| {
            html! { <p id="phones-hint" class="hint">{ i18n.tr("details-phones-hint") }</p> }
        });
        html! {
            <TextField {id} {label} {value} {input_type} {error} hint_id={hint.is_some().then_some("phones-hint")} oninput={onchange}>
                { hint }
            </TextField>
        }
    };
    let flag = |flag: DetailsFlag, checked: bool| {
        let onchange = state.dispatcher().to_callback().reform(move |on| DetailsAction::Toggle(flag, on));
        html! { <CheckboxField id={flag.name()} label={i18n.tr(flag.label_id())} {checked} {onchange} /> }
    };
    let fields = |fields: &[DetailsField]| -> Html { fields.iter().copied().map(field).collect() };

    let placements = state.form.foster_care.iter().enumerate().map(|(index, placement)| {
        let child_options: Vec<SelectOption> = std::iter::once(SelectOption::new("", i18n.tr("foster-child-none")))
            .chain(child_choices(&props.members, &placement.child_id).into_iter().map(|m| {
                SelectOption::new(m.id.to_string(), format!("{} {}", m.details.first_name, m.details.last_name))
            }))
            .collect();
        let on_edit = state
            .dispatcher()
            .to_callback()
            .reform(move |(field, value)| DetailsAction::EditPlacement(index, field, value));
        let on_remove = state.dispatcher().to_callback().reform(move |()| DetailsAction::RemovePlacement(index));
        html! {
            <FosterPlacement
                key={index}
                {index}
                placement={placement.clone()}
                {child_options}
                errors={state.errors.clone()}
                {on_edit}
                {on_remove}
            />
        }
    });
    let on_add_placement = state.dispatcher().to_callback().reform(|_: MouseEvent| DetailsAction::AddPlacement);
    let has_children = props.members.iter().any(|m| m.details.relation == Relation::Child);

    use DetailsField::*;
    html! {
        <section id="details" class="panel" aria-labelledby="details-title">
            <h3 id="details-title">{ i18n.tr("details-title") }</h3>
            <form id="details-form" class="form" aria-busy={state.busy.then_some("true")} {onsubmit}>
                <fieldset class="grid">
                    <legend>{ i18n.tr("details-contact") }</legend>
                    { fields(&[Phones, SocialWorkerName, SocialWorkerPhone, SocialWorkerEmail]) }
                </fieldset>
                <fieldset class="grid">
                    <legend>{ i18n.tr("details-basis") }</legend>
                    { fields(&[BasisKind, BasisInterviewDate, BasisRequestDate, BasisDecisionDate]) }
                    { fields(&[BasisCourt, BasisCaseSignature, BasisOrderDate, StartDate, ConsentDate]) }
                </fieldset>
                <fieldset class="grid">
                    <legend>{ i18n.tr("za-zyciem") }</legend>
                    { flag(DetailsFlag::ZaZyciem, state.form.za_zyciem) }
                    { fields(&[ZaZyciemRequestDate, ZaZyciemCertificateType, ZaZyciemCertificateDate]) }
                    { fields(&[ZaZyciemSupportCatalogue]) }
                </fieldset>
                <fieldset class="grid">
                    <legend>{ i18n.tr("niebieska-karta") }</legend>
                    { flag(DetailsFlag::NiebieskaKarta, state.form.niebieska_karta) }
                    { fields(&[NiebieskaKartaStartedOn, NiebieskaKartaTeamContact]) }
                </fieldset>
                <fieldset id="foster-care">
                    <legend>{ i18n.tr("foster-care") }</legend>
                    { for placements }
                    if !has_children && state.form.foster_care.is_empty() {
                        <p id="foster-no-children" class="hint">{ i18n.tr("foster-no-children") }</p>
                    }
                    <div class="actions">
                        <button type="button" id="foster-add" class="secondary" onclick={on_add_placement}>
                            { i18n.tr("foster-add") }
                        </button>
                    </div>
                </fieldset>
                if let Some(kind) = state.form_error {
                    <p id="details-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                }
                <div class="actions">
                    <button type="submit" id="details-submit" class="primary" disabled={state.busy}>
                        { i18n.tr("details-submit") }
                    </button>
                </div>
                <div class="status-region" aria-live="polite">
                    if state.saved {
                        <p id="details-status" class="status">{ i18n.tr("details-saved") }</p>
                    }
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests;
