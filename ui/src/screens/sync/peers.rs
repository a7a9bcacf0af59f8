//! This device and the ones it exchanges bundles with: on a laptop its
//! centre, at a centre each enrolled device (with an export button each).

use super::report::missing_text;
use crate::format::local_timestamp;
use crate::i18n::{use_i18n, I18n};
use asysta_core::exchange::{BundleRecord, PeerView, SyncStatus};
use asysta_core::workspace::Role;
use asysta_core::DeviceId;
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::prelude::*;

/// "2026-11-23 10:15, plik.asysta (12 zdarzeń)" or "never".
pub fn bundle_text(i18n: &I18n, bundle: Option<&BundleRecord>) -> String {
    match bundle {
        None => i18n.tr("sync-never"),
        Some(b) => i18n.tr_args(
            "sync-bundle",
            &[
                ("time", Arg::Str(&local_timestamp(b.at_ms))),
                ("file", Arg::Str(&b.file_name)),
                ("count", Arg::Num(b.event_count as f64)),
            ],
        ),
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryPanelProps {
    pub status: Rc<SyncStatus>,
}

#[component]
pub fn SummaryPanel(props: &SummaryPanelProps) -> Html {
    let i18n = use_i18n();
    let s = &props.status;
    let role = if s.role == Role::Centre { "role-centre" } else { "role-assistant" };
    html! {
        <section id="sync-summary" class="panel" aria-labelledby="sync-device-title">
            <h3 id="sync-device-title">{ i18n.tr("sync-this-device") }{ " (" }{ i18n.tr(role) }{ ")" }</h3>
            <dl class="sync-facts">
                <dt>{ i18n.tr("sync-fingerprint") }</dt>
                <dd id="sync-fingerprint" class="fingerprint">{ s.fingerprint.clone() }</dd>
                <dt>{ i18n.tr("sync-device-id") }</dt>
                <dd><code id="sync-device-id">{ s.device_id.to_string() }</code></dd>
                <dt>{ i18n.tr("sync-pending") }</dt>
                <dd id="sync-pending">{ i18n.count("sync-events", s.pending_events as usize) }</dd>
                <dt>{ i18n.tr("sync-last-export") }</dt>
                <dd id="sync-last-export">{ bundle_text(&i18n, s.last_export.as_ref()) }</dd>
                <dt>{ i18n.tr("sync-last-import") }</dt>
                <dd id="sync-last-import">{ bundle_text(&i18n, s.last_import.as_ref()) }</dd>
                <dt>{ i18n.tr("sync-held") }</dt>
                <dd id="sync-held">{ i18n.count("sync-events", s.held_back as usize) }</dd>
                <dt>{ i18n.tr("sync-conflicts") }</dt>
                <dd id="sync-conflicts">{ s.conflicts }</dd>
            </dl>
            { for s.missing.iter().map(|m| html! { <p class="sync-missing warning">{ missing_text(&i18n, m) }</p> }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct CentrePanelProps {
    /// `None` until the laptop is enrolled.
    pub centre: Option<PeerView>,
    pub disabled: bool,
    pub on_export: Callback<Option<DeviceId>>,
}

/// On a laptop: its centre and the export for it.
#[component]
pub fn CentrePanel(props: &CentrePanelProps) -> Html {
    let i18n = use_i18n();
    let Some(centre) = &props.centre else {
        return html! { <p id="sync-not-enrolled" class="warning">{ i18n.tr("error-not-enrolled") }</p> };
    };
    let on_export = props.on_export.reform(|_: MouseEvent| None);
    html! {
        <div id="sync-centre" class="sync-peer">
            <p>
                <strong id="sync-centre-name">{ centre.centre_name.clone() }</strong>
                { " · " }{ i18n.tr("sync-fingerprint") }{ " " }
                <span id="sync-centre-fingerprint" class="fingerprint">{ centre.fingerprint.clone() }</span>
            </p>
            { peer_facts(&i18n, centre) }
            <div class="actions">
                <button type="button" id="export-submit" class="primary" disabled={props.disabled} onclick={on_export}>
                    { i18n.tr("sync-export-submit") }
                </button>
            </div>
        </div>
    }
}

fn peer_facts(i18n: &I18n, peer: &PeerView) -> Html {
    html! {
        <ul class="peer-facts">
            <li class="peer-last-import">{ i18n.tr("sync-peer-last-import") }{ ": " }{ bundle_text(i18n, peer.last_import.as_ref()) }</li>
            <li class="peer-last-export">{ i18n.tr("sync-peer-last-export") }{ ": " }{ bundle_text(i18n, peer.last_export.as_ref()) }</li>
            <li class="peer-pending">{ i18n.tr("sync-pending") }{ ": " }{ i18n.count("sync-events", peer.pending_events as usize) }</li>
            if peer.held_back > 0 {
                <li class="peer-held warning">{ i18n.tr("sync-held") }{ ": " }{ i18n.count("sync-events", peer.held_back as usize) }</li>
            }
            if peer.conflicts > 0 {
                <li class="peer-conflicts warning">{ i18n.tr("sync-conflicts") }{ ": " }{ peer.conflicts }</li>
            }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct DevicesPanelProps {
    pub devices: Vec<PeerView>,
    pub disabled: bool,
    pub on_export: Callback<Option<DeviceId>>,
}

/// At a centre: every enrolled device, each with its own export.
#[component]
pub fn DevicesPanel(props: &DevicesPanelProps) -> Html {
    let i18n = use_i18n();
    if props.devices.is_empty() {
        return html! { <p id="sync-no-devices" class="empty">{ i18n.tr("sync-no-devices") }</p> };
    }
    html! {
        <ul id="sync-devices" class="sync-devices">
            { for props.devices.iter().map(|d| {
                let device = d.device_id;
                let on_export = props.on_export.reform(move |_: MouseEvent| Some(device));
                html! {
                    <li class="sync-device" key={device.to_string()} data-device={device.to_string()}>
                        <p>
                            <strong class="device-user">{ d.user_name.clone() }</strong>
                            { " · " }{ i18n.tr("sync-fingerprint") }{ " " }
                            <span class="device-fingerprint fingerprint">{ d.fingerprint.clone() }</span>
                        </p>
                        { peer_facts(&i18n, d) }
                        <button type="button" class="primary device-export" disabled={props.disabled} onclick={on_export}>
                            { i18n.tr_args("sync-export-for", &[("name", Arg::Str(&d.user_name))]) }
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}
