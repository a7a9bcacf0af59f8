//! The people of a family, each with a button to correct their details.

use crate::i18n::use_i18n;
use asysta_core::api::MemberView;
use asysta_i18n::Arg;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MemberListProps {
    /// In the order they were added.
    pub members: Vec<MemberView>,
    /// Starts editing a member.
    pub on_edit: Callback<MemberView>,
}

/// "Anna Nowak".
pub fn full_name(member: &MemberView) -> String {
    format!("{} {}", member.details.first_name, member.details.last_name)
}

#[component]
pub fn MemberList(props: &MemberListProps) -> Html {
    let i18n = use_i18n();
    if props.members.is_empty() {
        return html! { <p id="members-empty" class="empty">{ i18n.tr("members-empty") }</p> };
    }
    let rows = props.members.iter().map(|member| {
        let name = full_name(member);
        let details = &member.details;
        let on_edit = {
            let on_edit = props.on_edit.clone();
            let member = member.clone();
            Callback::from(move |_: MouseEvent| on_edit.emit(member.clone()))
        };
        html! {
            <tr class="member-row" key={member.id.to_string()} data-id={member.id.to_string()}>
                <td class="member-name">{ name.clone() }</td>
                <td class="member-relation">{ i18n.tr(details.relation.message_id()) }</td>
                <td class="member-birth-date">{ details.birth_date.map(|d| i18n.date(d)).unwrap_or_default() }</td>
                <td class="member-pesel">{ details.pesel.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default() }</td>
                <td class="member-actions">
                    <button
                        type="button"
                        class="member-edit secondary"
                        aria-label={i18n.tr_args("member-edit-label", &[("name", Arg::Str(&name))])}
                        onclick={on_edit}
                    >
                        { i18n.tr("member-edit") }
                    </button>
                </td>
            </tr>
        }
    });
    html! {
        <table id="members-table" class="members-table">
            <thead>
                <tr>
                    <th scope="col">{ i18n.tr("member-column-name") }</th>
                    <th scope="col">{ i18n.tr("member-relation") }</th>
                    <th scope="col">{ i18n.tr("member-birth-date") }</th>
                    <th scope="col">{ i18n.tr("member-pesel") }</th>
                    <th scope="col"><span class="visually-hidden">{ i18n.tr("member-edit") }</span></th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
