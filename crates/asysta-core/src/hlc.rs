//! A hybrid logical clock (Kulkarni et al., 2014).
//!
//! Events are ordered by their HLC timestamp, never by the wall clock alone:
//! a laptop's clock can be wrong by hours, but an HLC never goes backwards
//! and always moves past every timestamp it has seen, local or received.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How far ahead of this device's wall clock a received timestamp may move
/// the clock: one hour. Clock skew between laptops that have not seen a
/// time server for weeks is seconds to minutes; an hour also absorbs a
/// daylight-saving mistake. Anything further is a wrong clock, not skew.
pub const MAX_CLOCK_LEAD_MS: u64 = 60 * 60 * 1000;

/// A hybrid logical clock timestamp: wall time in Unix milliseconds and a
/// counter that orders events within (or "stuck at") the same millisecond.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Hlc {
    pub wall_ms: u64,
    pub counter: u32,
}

impl Hlc {
    pub const ZERO: Hlc = Hlc { wall_ms: 0, counter: 0 };

    /// The timestamp of a local event, given the last timestamp this device
    /// issued or saw and the wall clock now.
    pub fn tick(last: Hlc, now_ms: u64) -> Hlc {
        if now_ms > last.wall_ms {
            Hlc { wall_ms: now_ms, counter: 0 }
        } else {
            Hlc { wall_ms: last.wall_ms, counter: last.counter.saturating_add(1) }
        }
    }

    /// The clock after receiving a remote timestamp, bounded: a remote
    /// clock more than [`MAX_CLOCK_LEAD_MS`] ahead of this device's wall
    /// clock moves this clock only to `now + MAX_CLOCK_LEAD_MS`. A laptop
    /// whose clock is years off keeps its own (wrong) timestamps on its own
    /// events, but cannot drag every device it syncs with into its future.
    /// Causality does not rest on this clock: merges follow each event's
    /// `based_on` heads, so an event after a far-future one still descends
    /// from it.
    pub fn receive_bounded(last: Hlc, remote: Hlc, now_ms: u64) -> Hlc {
        let limit = now_ms.saturating_add(MAX_CLOCK_LEAD_MS);
        let remote = if remote.wall_ms > limit { Hlc { wall_ms: limit, counter: 0 } } else { remote };
        Hlc::receive(last, remote, now_ms)
    }

    /// The clock after receiving a remote timestamp (unbounded; see
    /// [`Hlc::receive_bounded`], which ingest uses).
    pub fn receive(last: Hlc, remote: Hlc, now_ms: u64) -> Hlc {
        let wall = now_ms.max(last.wall_ms).max(remote.wall_ms);
        let counter = if wall == last.wall_ms && wall == remote.wall_ms {
            last.counter.max(remote.counter).saturating_add(1)
        } else if wall == last.wall_ms {
            last.counter.saturating_add(1)
        } else if wall == remote.wall_ms {
            remote.counter.saturating_add(1)
        } else {
            0
        };
        Hlc { wall_ms: wall, counter }
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:04}", self.wall_ms, self.counter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_follows_the_wall_clock_when_it_moves_forward() {
        let last = Hlc { wall_ms: 100, counter: 7 };
        assert_eq!(Hlc::tick(last, 200), Hlc { wall_ms: 200, counter: 0 });
    }

    #[test]
    fn tick_never_goes_backwards_when_the_wall_clock_does() {
        let last = Hlc { wall_ms: 500, counter: 2 };
        let next = Hlc::tick(last, 100);
        assert_eq!(next, Hlc { wall_ms: 500, counter: 3 });
        assert!(next > last);
    }

    #[test]
    fn receive_moves_past_a_remote_clock_that_is_ahead() {
        let last = Hlc { wall_ms: 100, counter: 0 };
        let remote = Hlc { wall_ms: 900, counter: 4 };
        let next = Hlc::receive(last, remote, 150);
        assert_eq!(next, Hlc { wall_ms: 900, counter: 5 });
        assert!(next > remote && next > last);
    }

    #[test]
    fn receive_bounded_follows_a_remote_clock_within_the_bound() {
        let now = 1_000_000;
        let remote = Hlc { wall_ms: now + MAX_CLOCK_LEAD_MS - 1, counter: 3 };
        assert_eq!(Hlc::receive_bounded(Hlc::ZERO, remote, now), Hlc { wall_ms: remote.wall_ms, counter: 4 });
    }

    #[test]
    fn receive_bounded_is_not_dragged_years_ahead() {
        let now = 1_764_000_000_000;
        let years_ahead = Hlc { wall_ms: now + 5 * 365 * 24 * 3_600_000, counter: 0 };
        let next = Hlc::receive_bounded(Hlc { wall_ms: now - 10, counter: 0 }, years_ahead, now);
        assert_eq!(next, Hlc { wall_ms: now + MAX_CLOCK_LEAD_MS, counter: 1 });
        // And a second such event does not push it further.
        assert_eq!(Hlc::receive_bounded(next, years_ahead, now), Hlc { wall_ms: now + MAX_CLOCK_LEAD_MS, counter: 2 });
        // Once the wall clock passes the bound, local time leads again.
        assert_eq!(
            Hlc::tick(next, now + MAX_CLOCK_LEAD_MS + 5),
            Hlc { wall_ms: now + MAX_CLOCK_LEAD_MS + 5, counter: 0 }
        );
    }

    #[test]
    fn receive_uses_the_wall_clock_when_it_is_ahead_of_both() {
        let next = Hlc::receive(Hlc { wall_ms: 1, counter: 9 }, Hlc { wall_ms: 2, counter: 9 }, 3);
        assert_eq!(next, Hlc { wall_ms: 3, counter: 0 });
    }
}
