use super::*;
use asysta_i18n::{Arg, Locale, Translator};

const MINUTE: f64 = 60_000.0;

/// Runs `steps` on a watch started at 0 with a ten-minute timeout: `Use(t)`
/// is use at `t` ms, `Tick(t, hidden)` a tick that must find `expected`.
#[derive(Clone, Copy)]
enum Step {
    Use(f64),
    Tick(f64, bool, Option<LockCause>),
}

#[track_caller]
fn check(steps: &[Step]) {
    let mut watch = IdleWatch::new(0.0);
    for (i, step) in steps.iter().enumerate() {
        match *step {
            Step::Use(at) => watch.used(at),
            Step::Tick(at, hidden, expected) => {
                assert_eq!(watch.tick(at, 10.0 * MINUTE, hidden), expected, "step {i} (tick at {at} ms)")
            }
        }
    }
}

/// Ticks every five seconds after `from` up to and including `to`, none
/// of which locks.
fn quiet_ticks(from: f64, to: f64) -> Vec<Step> {
    (1..)
        .map(|i| from + f64::from(i) * 5_000.0)
        .take_while(|&at| at <= to)
        .map(|at| Step::Tick(at, false, None))
        .collect()
}

#[test]
fn ten_minutes_without_use_lock_the_app() {
    let mut steps = quiet_ticks(0.0, 10.0 * MINUTE - 5_000.0);
    steps.push(Step::Tick(10.0 * MINUTE, false, Some(LockCause::Idle)));
    check(&steps);
}

#[test]
fn use_postpones_the_lock() {
    let mut steps = quiet_ticks(0.0, 9.0 * MINUTE);
    steps.push(Step::Use(9.0 * MINUTE + 1_000.0));
    steps.extend(quiet_ticks(9.0 * MINUTE, 19.0 * MINUTE));
    steps.push(Step::Tick(19.0 * MINUTE + 5_000.0, false, Some(LockCause::Idle)));
    check(&steps);
}

#[test]
fn a_jump_of_the_clock_means_the_computer_slept() {
    use Step::*;
    check(&[Tick(5_000.0, false, None), Use(6_000.0), Tick(2.0 * MINUTE, false, Some(LockCause::Slept))]);
    // A slow tick under a minute late is no sleep.
    check(&[Tick(5_000.0, false, None), Tick(64_000.0, false, None)]);
}

#[test]
fn a_hidden_window_may_tick_slowly() {
    use Step::*;
    check(&[
        Tick(5_000.0, true, None),
        Tick(3.0 * MINUTE, false, None),
        Tick(4.5 * MINUTE, false, Some(LockCause::Slept)),
    ]);
    // Hidden for longer than the timeout: locked as unused.
    check(&[Tick(5_000.0, true, None), Tick(12.0 * MINUTE, true, Some(LockCause::Idle))]);
}

#[test]
fn the_test_hook_replaces_the_setting_only_with_whole_seconds() {
    for (minutes, hook, expected) in [
        (10, None, 600_000.0),
        (1, None, 60_000.0),
        (0, None, 60_000.0),
        (10, Some("5"), 5_000.0),
        (10, Some(" 3 "), 3_000.0),
        (10, Some("0"), 600_000.0),
        (10, Some("-1"), 600_000.0),
        (10, Some("soon"), 600_000.0),
    ] {
        assert_eq!(timeout_ms(minutes, hook), expected, "{minutes} min, hook {hook:?}");
    }
}

#[test]
fn lock_reasons_read_with_polish_plurals() {
    let idle = |locale, minutes: u32| {
        let (id, _) = LockReason::Idle { minutes }.message().unwrap();
        Translator::new(locale).tr_args(id, &[("minutes", Arg::Num(f64::from(minutes)))])
    };
    assert_eq!(idle(Locale::Pl, 1), "Zablokowano po 1 minucie bez używania.");
    assert_eq!(idle(Locale::Pl, 2), "Zablokowano po 2 minutach bez używania.");
    assert_eq!(idle(Locale::Pl, 5), "Zablokowano po 5 minutach bez używania.");
    assert_eq!(idle(Locale::Pl, 10), "Zablokowano po 10 minutach bez używania.");
    assert_eq!(idle(Locale::Pl, 22), "Zablokowano po 22 minutach bez używania.");
    assert_eq!(idle(Locale::En, 1), "Locked after 1 minute without use.");
    assert_eq!(idle(Locale::En, 10), "Locked after 10 minutes without use.");
    assert_eq!(LockReason::Manual.message(), None);
    for locale in Locale::ALL {
        let t = Translator::new(locale);
        for id in ["lock-reason-suspended", "lock-kept-hint", "field-date-placeholder", "field-time-placeholder"] {
            assert!(t.has(id), "{id} missing in {locale:?}");
        }
    }
    assert_eq!(Translator::new(Locale::Pl).tr("field-date-placeholder"), "dd.mm.rrrr");
    assert_eq!(Translator::new(Locale::En).tr("field-time-placeholder"), "hh:mm");
}
