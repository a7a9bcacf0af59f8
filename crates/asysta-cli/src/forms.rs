//! What the case-editing subcommands share: forms read from JSON files
//! (`-` for standard input) exactly as the window sends them, texts read
//! from files, the rule that only an assistant's laptop edits cases, and
//! refusals that name what to fix (a form's field, or a command's flag).

use crate::commands::{describe_with, open};
use asysta_core::api::ApiError;
use asysta_core::workspace::Role;
use asysta_core::FieldError;
use asysta_i18n::{Arg, Translator};
use asysta_store::{Store, StoreError};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::Read;
use std::path::Path;

/// Reads a form: a JSON object from `file`, or from standard input for
/// `-`. A field left out is empty, as in a blank form (nested objects
/// too); a field the form does not have is refused, so that a typo is not
/// silently lost. The values are checked afterwards by the same
/// `asysta_core` validator the window's form goes through.
pub fn read_form<T: Serialize + DeserializeOwned + Default>(file: &Path, t: &Translator) -> Result<T, String> {
    let name = file_name(file);
    let text = read_text(file, t)?;
    let given: Value = serde_json::from_str(&text).map_err(|e| {
        t.tr_args("cli-form-not-json", &[("file", Arg::Str(&name)), ("error", Arg::Str(&e.to_string()))])
    })?;
    let Value::Object(given) = given else {
        return Err(t.tr_args("cli-form-not-object", &[("file", Arg::Str(&name))]));
    };
    let blank = serde_json::to_value(T::default()).map_err(|e| e.to_string())?;
    let Value::Object(mut form) = blank else {
        return Err(t.tr_args("cli-form-not-object", &[("file", Arg::Str(&name))]));
    };
    fill(&mut form, given, "").map_err(|field| {
        t.tr_args("cli-form-unknown-field", &[("file", Arg::Str(&name)), ("field", Arg::Str(&field))])
    })?;
    serde_json::from_value(Value::Object(form))
        .map_err(|e| t.tr_args("cli-form-invalid", &[("file", Arg::Str(&name)), ("error", Arg::Str(&e.to_string()))]))
}

/// Writes the `given` fields over the blank `form`; nested objects are
/// filled the same way. `Err` names a field the form does not have.
fn fill(form: &mut Map<String, Value>, given: Map<String, Value>, at: &str) -> Result<(), String> {
    for (key, value) in given {
        let path = if at.is_empty() { key.clone() } else { format!("{at}.{key}") };
        match (form.get_mut(&key), value) {
            (None, _) => return Err(path),
            (Some(Value::Object(inner)), Value::Object(value)) => fill(inner, value, &path)?,
            (Some(slot), value) => *slot = value,
        }
    }
    Ok(())
}

/// The whole of `file` as text, or of standard input for `-`.
pub fn read_text(file: &Path, t: &Translator) -> Result<String, String> {
    let unreadable = |e: std::io::Error| {
        t.tr_args("cli-file-unreadable", &[("file", Arg::Str(&file_name(file))), ("error", Arg::Str(&e.to_string()))])
    };
    if file == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(unreadable)?;
        Ok(text)
    } else {
        std::fs::read_to_string(file).map_err(unreadable)
    }
}

fn file_name(file: &Path) -> String {
    if file == Path::new("-") {
        "stdin".to_owned()
    } else {
        file.display().to_string()
    }
}

/// Opens the store for a change to a case. A centre reads its assistants'
/// cases but does not write them (the window's session refuses the same).
pub fn open_for_edit(data_dir: &Path, t: &Translator) -> Result<Store, String> {
    let store = open(data_dir, t)?;
    if store.role() != Role::Assistant {
        return Err(refusal(StoreError::WrongRole { needed: "assistant" }.into(), t));
    }
    Ok(store)
}

/// A refusal whose fields are named as the form names them
/// (`goals[0].actions[1].what`, `date`…).
pub fn refusal(error: ApiError, t: &Translator) -> String {
    describe_with(&error, t, &|field| field.to_owned())
}

/// A refusal whose fields were filled by flags: each is named by its flag
/// (`flags` maps a field to its flag; others keep the form's name).
pub fn flag_refusal(error: ApiError, t: &Translator, flags: &[(&str, &str)]) -> String {
    describe_with(&error, t, &|field| {
        flags.iter().find(|(f, _)| *f == field).map(|(_, flag)| (*flag).to_owned()).unwrap_or_else(|| field.to_owned())
    })
}

/// Refused form fields, named as the form names them.
pub fn invalid(fields: Vec<FieldError>, t: &Translator) -> String {
    refusal(ApiError::invalid(fields), t)
}

/// A store error, its fields named as the form names them.
pub fn failed(t: &Translator) -> impl Fn(StoreError) -> String + '_ {
    move |e| refusal(ApiError::from(e), t)
}

/// An id given on the command line; an unknown one is refused as not found.
pub fn parse_id(text: &str, t: &Translator) -> Result<asysta_core::EntityId, String> {
    text.trim().parse().map_err(|_| t.tr_args("cli-not-an-id", &[("id", Arg::Str(text))]))
}

/// `value` as a JSON object with `family_id` added (a member, a visit…
/// printed with the family it belongs to).
pub fn with_family<T: Serialize>(value: &T, family_id: asysta_core::EntityId) -> Result<Value, String> {
    let mut value = serde_json::to_value(value).map_err(|e| e.to_string())?;
    if let Value::Object(fields) = &mut value {
        fields.insert("family_id".to_owned(), Value::String(family_id.to_string()));
    }
    Ok(value)
}
