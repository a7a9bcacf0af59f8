//! `asysta member add|edit|duplicates`: the people of a family, from the
//! member form the window sends, run through the store's one door
//! (`asysta_core::ops`), which checks it as it does the window's.

use crate::commands::{line, print_json, today_local};
use crate::forms::{failed, invalid, open_for_edit, parse_id, read_form, with_family};
use crate::MemberCommand;
use asysta_core::api::MemberView;
use asysta_core::member::{validate_member, MemberForm};
use asysta_core::ops;
use asysta_core::EntityId;
use asysta_i18n::Translator;
use asysta_store::Store;
use std::path::Path;

pub fn run(data_dir: &Path, command: MemberCommand, t: &Translator, out: &mut String) -> Result<(), String> {
    let today = today_local();
    match command {
        MemberCommand::Add { family_id, form, json } => {
            let form: MemberForm = read_form(&form, t)?;
            let family_id = parse_id(&family_id, t)?;
            let mut store = open_for_edit(data_dir, t)?;
            let id = store.run(ops::AddMember { family_id, form }, today).map_err(failed(t))?;
            print_member(out, &store, family_id, id, json, t)
        }
        MemberCommand::Edit { member_id, form, json } => {
            let form: MemberForm = read_form(&form, t)?;
            let member_id = parse_id(&member_id, t)?;
            let mut store = open_for_edit(data_dir, t)?;
            let family_id = store.run(ops::UpdateMember { member_id, form }, today).map_err(failed(t))?;
            print_member(out, &store, family_id, member_id, json, t)
        }
        MemberCommand::Duplicates { form, editing, json } => {
            let form: MemberForm = read_form(&form, t)?;
            let editing = editing.as_deref().map(|id| parse_id(id, t)).transpose()?;
            let details = validate_member(&form, today).map_err(|fields| invalid(fields, t))?;
            let store = crate::commands::open(data_dir, t)?;
            let found = store.find_duplicates(&details, editing).map_err(failed(t))?;
            if json {
                return print_json(out, &found);
            }
            for d in &found {
                let reason = t.tr(d.reason.message_id());
                line(
                    out,
                    format_args!(
                        "{}\t{} {}\t{}\t{}\t{reason}",
                        d.member_id, d.first_name, d.last_name, d.family_id, d.family_name
                    ),
                );
            }
            Ok(())
        }
    }
}

fn print_member(
    out: &mut String,
    store: &Store,
    family_id: EntityId,
    member_id: EntityId,
    json: bool,
    t: &Translator,
) -> Result<(), String> {
    let case = store.family_case(family_id).map_err(failed(t))?;
    let member: Option<&MemberView> = case.members.iter().find(|m| m.id == member_id);
    if json {
        return print_json(out, &with_family(&member, family_id)?);
    }
    line(out, format_args!("{member_id}"));
    Ok(())
}
