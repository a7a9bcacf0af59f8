//! `asysta evaluation …`: due evaluations, one evaluation, writing and
//! submitting one from a form file (or a saved draft as it is), and the
//! centre's decision.

use crate::commands::{describe, line, open, parse_id, print_json, today_local};
use crate::EvaluationCommand;
use asysta_core::api::{ApiError, DueWhat};
use asysta_core::evaluation::{EvaluationForm, EvaluationView};
use asysta_core::ops;
use asysta_i18n::{Arg, Translator};
use asysta_store::StoreError;
use std::path::Path;

pub fn evaluation(data_dir: &Path, command: EvaluationCommand, t: &Translator, out: &mut String) -> Result<(), String> {
    let fail = |e: StoreError| describe(&ApiError::from(e), t);
    let today = today_local();
    match command {
        EvaluationCommand::Due { all, json } => {
            let store = open(data_dir, t)?;
            let mut items = if all { store.due_all(today) } else { store.due(today) }.map_err(fail)?;
            items.retain(|i| matches!(i.what, DueWhat::Evaluation { .. }));
            if json {
                return print_json(out, &items);
            }
            for item in &items {
                let (due, state) = crate::home::due_state(item.state, t);
                line(
                    out,
                    format_args!("{}\t{}\t{}\t{}", item.family_id, item.family_name, due.format("%d.%m.%Y"), state),
                );
            }
            Ok(())
        }
        EvaluationCommand::Show { id, json } => {
            let evaluation = open(data_dir, t)?.evaluation(parse_id(&id)?).map_err(fail)?;
            if json {
                return print_json(out, &evaluation);
            }
            print_evaluation(out, &evaluation, t);
            Ok(())
        }
        EvaluationCommand::Save { family_id, form, id, submit, json } => {
            let form = read_form(&form)?;
            let mut store = open(data_dir, t)?;
            let family_id = parse_id(&family_id)?;
            let id = id.as_deref().map(parse_id).transpose()?;
            let saved = if submit {
                store.run(ops::SubmitEvaluation { family_id, evaluation_id: id, form }, today)
            } else {
                store.run(ops::SaveEvaluation { family_id, evaluation_id: id, form }, today)
            }
            .map_err(fail)?;
            let evaluation = store.evaluation(saved).map_err(fail)?;
            if json {
                return print_json(out, &evaluation);
            }
            line(out, format_args!("{}\t{}", evaluation.id, t.tr(&evaluation.status.message_id())));
            Ok(())
        }
        EvaluationCommand::Submit { id, json } => {
            // The draft as it was saved is the form: the same door as
            // `evaluation save --submit`, which checks it is whole.
            let id = parse_id(&id)?;
            let mut store = open(data_dir, t)?;
            let draft = store.evaluation(id).map_err(fail)?;
            let form = EvaluationForm::from_evaluation(&draft.evaluation);
            let family_id = draft.family_id;
            store.run(ops::SubmitEvaluation { family_id, evaluation_id: Some(id), form }, today).map_err(fail)?;
            let evaluation = store.evaluation(id).map_err(fail)?;
            if json {
                return print_json(out, &evaluation);
            }
            line(out, format_args!("{}\t{}", evaluation.id, t.tr(&evaluation.status.message_id())));
            Ok(())
        }
        EvaluationCommand::Correct { id, json } => {
            let id = parse_id(&id)?;
            let mut store = crate::forms::open_for_edit(data_dir, t)?;
            let correction = store.run(ops::CorrectEvaluation { evaluation_id: id }, today).map_err(fail)?;
            let evaluation = store.evaluation(correction).map_err(fail)?;
            if json {
                return print_json(out, &evaluation);
            }
            line(out, format_args!("{}\t{}", evaluation.id, t.tr(&evaluation.status.message_id())));
            Ok(())
        }
        EvaluationCommand::Decide { id, accept, return_note, json } => {
            let id = parse_id(&id)?;
            let (accept, note) = match (accept, return_note) {
                (true, None) => (true, String::new()),
                (false, Some(note)) => (false, note),
                _ => return Err("give either --accept or --return NOTE".into()),
            };
            let mut store = open(data_dir, t)?;
            store.run(ops::DecideEvaluation { evaluation_id: id, accept, note }, today).map_err(fail)?;
            let evaluation = store.evaluation(id).map_err(fail)?;
            if json {
                return print_json(out, &evaluation);
            }
            line(out, format_args!("{}\t{}", evaluation.id, t.tr(&evaluation.status.message_id())));
            Ok(())
        }
    }
}

/// The form from a file, or from standard input for `-`.
fn read_form(file: &Path) -> Result<EvaluationForm, String> {
    let text = if file == Path::new("-") {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|e| format!("stdin: {e}"))?;
        text
    } else {
        std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?
    };
    serde_json::from_str(&text).map_err(|e| format!("{}: not an evaluation form: {e}", file.display()))
}

fn print_evaluation(out: &mut String, e: &EvaluationView, t: &Translator) {
    let v = &e.evaluation;
    let kind = if v.is_final { "evaluation-kind-final" } else { "evaluation-kind-periodic" };
    line(
        out,
        format_args!(
            "{} ({}), {} {}: {}–{} ({})",
            t.tr(kind),
            e.id,
            t.tr_args("evaluation-version", &[("version", Arg::Num(e.version as f64))]),
            e.author_name,
            v.period_from.format("%d.%m.%Y"),
            v.period_to.format("%d.%m.%Y"),
            t.tr(&e.status.message_id())
        ),
    );
    if let Some(s) = &e.submitted {
        line(
            out,
            format_args!(
                "  {}",
                t.tr_args("evaluation-submitted-on", &[("date", Arg::Str(&s.on.format("%d.%m.%Y").to_string()))])
            ),
        );
    }
    if !e.decision_note.is_empty() {
        line(out, format_args!("  {}", t.tr_args("evaluation-decision-note", &[("note", Arg::Str(&e.decision_note))])));
    }
    for a in &v.areas {
        line(out, format_args!("  {}\t{}\t{}", a.area, a.rating.map(|r| r.to_string()).unwrap_or_default(), a.comment));
    }
    for g in &v.goals {
        let outcome = g.outcome.map(|o| t.tr(&o.message_id())).unwrap_or_default();
        line(out, format_args!("  {}\t{}\t{}", g.goal, outcome, g.comment));
    }
    for (label, text) in [
        ("evaluation-field-family-view", &v.family_view),
        ("evaluation-field-child-risks", &v.child_risks),
        ("evaluation-field-cooperation-comment", &v.cooperation_comment),
        ("evaluation-field-recommendation-note", &v.recommendation_note),
    ] {
        if !text.is_empty() {
            line(out, format_args!("  {}: {}", t.tr(label), text));
        }
    }
    if let Some(c) = v.cooperation {
        line(out, format_args!("  {}: {}", t.tr("evaluation-field-cooperation"), t.tr(&c.message_id())));
    }
    if let Some(r) = v.recommendation {
        line(out, format_args!("  {}: {}", t.tr("evaluation-field-recommendation"), t.tr(&r.message_id())));
    }
}

/// One of the centre's lists (plan areas, the rating scale, the closing
/// reasons): how to read it, replace it and print a row.
pub struct CentreList<T> {
    /// What the file must hold, for the error message.
    pub shape: &'static str,
    pub get: fn(&asysta_store::Store) -> asysta_store::Result<Vec<T>>,
    pub put: fn(&mut asysta_store::Store, Vec<T>) -> asysta_store::Result<()>,
    pub row: fn(&T) -> String,
}

/// Shows a centre's list, after replacing it with the JSON in `set`.
pub fn centre_list<T: serde::Serialize + serde::de::DeserializeOwned>(
    data_dir: &Path,
    set: Option<&Path>,
    json: bool,
    t: &Translator,
    out: &mut String,
    list: &CentreList<T>,
) -> Result<(), String> {
    let fail = |e: StoreError| describe(&ApiError::from(e), t);
    let mut store = open(data_dir, t)?;
    if let Some(file) = set {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let items: Vec<T> =
            serde_json::from_str(&text).map_err(|e| format!("{}: not {}: {e}", file.display(), list.shape))?;
        (list.put)(&mut store, items).map_err(fail)?;
    }
    let items = (list.get)(&store).map_err(fail)?;
    if json {
        return print_json(out, &items);
    }
    for item in &items {
        line(out, format_args!("{}", (list.row)(item)));
    }
    Ok(())
}
