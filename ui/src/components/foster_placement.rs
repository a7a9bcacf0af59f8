//! The fields of one foster-care placement in the case-details form.

use crate::components::field::{dom_id, error_for, TextField};
use crate::components::select::{SelectField, SelectOption};
use crate::i18n::use_i18n;
use asysta_core::record::FosterPlacementForm;
use asysta_core::FieldError;
use asysta_i18n::Arg;
use yew::prelude::*;

/// A field of a placement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlacementField {
    ChildId,
    Kind,
    Place,
    CoordinatorName,
    CoordinatorPhone,
    Pcpr,
    AssistancePlanDate,
}

impl PlacementField {
    pub const ALL: [PlacementField; 7] = [
        PlacementField::ChildId,
        PlacementField::Kind,
        PlacementField::Place,
        PlacementField::CoordinatorName,
        PlacementField::CoordinatorPhone,
        PlacementField::Pcpr,
        PlacementField::AssistancePlanDate,
    ];

    /// The field's name in `FosterPlacementForm`.
    pub fn name(self) -> &'static str {
        match self {
            PlacementField::ChildId => "child_id",
            PlacementField::Kind => "kind",
            PlacementField::Place => "place",
            PlacementField::CoordinatorName => "coordinator_name",
            PlacementField::CoordinatorPhone => "coordinator_phone",
            PlacementField::Pcpr => "pcpr",
            PlacementField::AssistancePlanDate => "assistance_plan_date",
        }
    }

    /// The name the shell gives this field of placement `index`, e.g.
    /// `foster_care[0].place` (see `validate_case_details`).
    pub fn path(self, index: usize) -> String {
        format!("foster_care[{index}].{}", self.name())
    }

    fn label_id(self) -> &'static str {
        match self {
            PlacementField::ChildId => "foster-child",
            PlacementField::Kind => "foster-kind",
            PlacementField::Place => "foster-place",
            PlacementField::CoordinatorName => "foster-coordinator-name",
            PlacementField::CoordinatorPhone => "foster-coordinator-phone",
            PlacementField::Pcpr => "foster-pcpr",
            PlacementField::AssistancePlanDate => "foster-assistance-plan-date",
        }
    }

    pub fn value(self, form: &FosterPlacementForm) -> &str {
        match self {
            PlacementField::ChildId => &form.child_id,
            PlacementField::Kind => &form.kind,
            PlacementField::Place => &form.place,
            PlacementField::CoordinatorName => &form.coordinator_name,
            PlacementField::CoordinatorPhone => &form.coordinator_phone,
            PlacementField::Pcpr => &form.pcpr,
            PlacementField::AssistancePlanDate => &form.assistance_plan_date,
        }
    }

    pub fn value_mut(self, form: &mut FosterPlacementForm) -> &mut String {
        match self {
            PlacementField::ChildId => &mut form.child_id,
            PlacementField::Kind => &mut form.kind,
            PlacementField::Place => &mut form.place,
            PlacementField::CoordinatorName => &mut form.coordinator_name,
            PlacementField::CoordinatorPhone => &mut form.coordinator_phone,
            PlacementField::Pcpr => &mut form.pcpr,
            PlacementField::AssistancePlanDate => &mut form.assistance_plan_date,
        }
    }
}

/// The kinds of foster care, as `FosterPlacementForm::kind` names them.
const KINDS: [(&str, &str); 2] = [("family", "foster-kind-family"), ("institutional", "foster-kind-institutional")];

#[derive(Properties, PartialEq)]
pub struct FosterPlacementProps {
    pub index: usize,
    pub placement: FosterPlacementForm,
    /// The children who may be chosen, with a first "choose" option.
    pub child_options: Vec<SelectOption>,
    /// The form's errors; those of this placement are shown.
    pub errors: Vec<FieldError>,
    pub on_edit: Callback<(PlacementField, String)>,
    pub on_remove: Callback<()>,
}

#[component]
pub fn FosterPlacement(props: &FosterPlacementProps) -> Html {
    let i18n = use_i18n();
    let index = props.index;
    let field = |field: PlacementField| {
        let id = dom_id(&field.path(index));
        let error = error_for(&props.errors, &field.path(index));
        let label = i18n.tr(field.label_id());
        let value = field.value(&props.placement).to_owned();
        let onchange = props.on_edit.reform(move |value| (field, value));
        match field {
            PlacementField::ChildId => html! {
                <SelectField {id} {label} {value} options={props.child_options.clone()} {error} {onchange} />
            },
            PlacementField::Kind => {
                let options: Vec<_> =
                    KINDS.iter().map(|(value, label)| SelectOption::new(*value, i18n.tr(label))).collect();
                html! { <SelectField {id} {label} {value} {options} {error} {onchange} /> }
            }
            PlacementField::AssistancePlanDate => html! {
                <TextField {id} {label} {value} input_type="date" {error} oninput={onchange} />
            },
            _ => html! { <TextField {id} {label} {value} {error} oninput={onchange} /> },
        }
    };
    let legend = i18n.tr_args("foster-placement", &[("number", Arg::Num((index + 1) as f64))]);
    html! {
        <fieldset class="foster-placement grid" data-index={index.to_string()}>
            <legend>{ legend.clone() }</legend>
            { for PlacementField::ALL.into_iter().map(field) }
            <div class="actions">
                <button
                    type="button"
                    id={format!("foster-remove-{index}")}
                    class="secondary"
                    aria-label={format!("{} ({legend})", i18n.tr("foster-remove"))}
                    onclick={props.on_remove.reform(|_| ())}
                >
                    { i18n.tr("foster-remove") }
                </button>
            </div>
        </fieldset>
    }
}
