//! Bundle file names: who, when, which range.

use asysta_core::exchange::SeqRange;
use asysta_core::DeviceId;

/// `asysta-<who>-<yyyymmdd-hhmm>Z-<first>-<last>.asysta`: the sender's
/// name folded to ASCII, the time (UTC), and the range of the sender's own
/// events in it (`0-0` when it carries none of its own).
pub fn bundle_file_name(who: &str, at_ms: u64, sender: DeviceId, ranges: &[SeqRange]) -> String {
    let (first, last) = ranges.iter().find(|r| r.device_id == sender).map(|r| (r.first, r.last)).unwrap_or((0, 0));
    let when = chrono::DateTime::from_timestamp_millis(at_ms as i64)
        .map(|t| t.format("%Y%m%d-%H%M%S").to_string())
        .unwrap_or_else(|| "00000000-000000".into());
    format!("asysta-{}-{when}Z-{first}-{last}.asysta", slug(who))
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in asysta_core::collation::fold(text).chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '-' };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "workspace".into()
    } else {
        out.chars().take(40).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_says_who_when_and_which_range() {
        let me = DeviceId(uuid::Uuid::from_u128(1));
        let other = DeviceId(uuid::Uuid::from_u128(2));
        let ranges = [
            SeqRange { device_id: other, first: 3, last: 9, count: 7 },
            SeqRange { device_id: me, first: 12, last: 840, count: 829 },
        ];
        let name = bundle_file_name("Anna Łęcka-Żółć", 1_764_639_000_000, me, &ranges);
        assert_eq!(name, "asysta-anna-lecka-zolc-20251202-013000Z-12-840.asysta");
        assert_eq!(bundle_file_name("//", 0, me, &[]), "asysta-workspace-19700101-000000Z-0-0.asysta");
    }
}
