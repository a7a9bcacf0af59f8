//! What an exchange did: the export written, the import's report, and the
//! device to trust once its fingerprint was compared.

use crate::i18n::{use_i18n, I18n};
use asysta_core::exchange::{ExportSummary, ImportSummary, MissingEvents};
use asysta_i18n::Arg;
use yew::prelude::*;

/// "Missing bundle from device X, events a–b."
pub fn missing_text(i18n: &I18n, m: &MissingEvents) -> String {
    let name = m.user_name.clone().unwrap_or_else(|| crate::format::short_device_id(m.device_id));
    i18n.tr_args(
        "import-missing",
        &[("name", Arg::Str(&name)), ("first", Arg::Num(m.first as f64)), ("last", Arg::Num(m.last as f64))],
    )
}

#[derive(Properties, PartialEq)]
pub struct ExportReportProps {
    pub summary: ExportSummary,
}

#[component]
pub fn ExportReport(props: &ExportReportProps) -> Html {
    let i18n = use_i18n();
    let s = &props.summary;
    html! {
        <div id="export-done" class="status">
            <p id="export-file">
                { i18n.tr_args("export-done", &[("file", Arg::Str(&s.file_name)), ("count", Arg::Num(s.event_count as f64))]) }
            </p>
            if s.withheld > 0 {
                <p>{ i18n.count("export-withheld", s.withheld as usize) }</p>
            }
            <p class="hint"><code id="export-path-written">{ s.path.clone() }</code></p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportReportProps {
    pub summary: ImportSummary,
}

#[component]
pub fn ImportReport(props: &ImportReportProps) -> Html {
    let i18n = use_i18n();
    let s = &props.summary;
    let file = Arg::Str(&s.file_name);
    let row = |class: &'static str, label: &str, n: u64| {
        html! { <tr class={class}><th scope="row">{ i18n.tr(label) }</th><td>{ n }</td></tr> }
    };
    html! {
        <div id="import-report" class="status">
            if s.already_imported {
                <p id="import-already">{ i18n.tr_args("import-already", &[("file", file)]) }</p>
            } else {
                <p id="import-title">{ i18n.tr_args("sync-imported", &[("file", file), ("name", Arg::Str(&s.sender_name))]) }</p>
                if s.trusted_now {
                    <p id="import-trusted">
                        { i18n.tr_args("import-trusted", &[("name", Arg::Str(&s.sender_name)), ("fingerprint", Arg::Str(&s.sender_fingerprint))]) }
                    </p>
                }
                <table class="import-counts">
                    { row("report-new", "sync-report-new", s.records_new) }
                    { row("report-updated", "sync-report-updated", s.records_updated) }
                    { row("report-unchanged", "sync-report-unchanged", s.unchanged) }
                    { row("report-held", "sync-report-held", s.held_back) }
                    { row("report-conflicts", "sync-report-conflicts", s.conflicts) }
                </table>
            }
            { for s.missing.iter().map(|m| html! { <p class="sync-missing warning">{ missing_text(&i18n, m) }</p> }) }
            if s.duplicates > 0 {
                <p id="import-duplicates" class="warning">
                    { i18n.tr_args("import-duplicates", &[("count", Arg::Num(f64::from(s.duplicates)))]) }
                </p>
            }
            { for s.over_cap.iter().map(|o| html! {
                <p class="over-cap warning">
                    { i18n.tr_args("import-over-cap", &[
                        ("name", Arg::Str(&o.assistant_name)),
                        ("active", Arg::Num(f64::from(o.active))),
                        ("cap", Arg::Num(f64::from(o.cap))),
                    ]) }
                </p>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct UntrustedDeviceProps {
    pub fingerprint: AttrValue,
    pub name: AttrValue,
    pub disabled: bool,
    pub on_trust: Callback<MouseEvent>,
}

/// A device never seen: its fingerprint, large, to compare with its screen.
#[component]
pub fn UntrustedDevice(props: &UntrustedDeviceProps) -> Html {
    let i18n = use_i18n();
    html! {
        <div id="untrusted" class="panel warning" role="alert">
            <p>{ i18n.tr_args("sync-untrusted", &[("name", Arg::Str(&props.name))]) }</p>
            <p id="untrusted-fingerprint" class="fingerprint">{ props.fingerprint.clone() }</p>
            <button type="button" id="trust-device" class="primary" disabled={props.disabled} onclick={props.on_trust.clone()}>
                { i18n.tr("sync-trust") }
            </button>
        </div>
    }
}
