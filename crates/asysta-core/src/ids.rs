//! Identifiers. Every id is a UUIDv7 built from a time and random bytes that
//! the caller supplies, so this crate stays free of clocks and RNGs.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

/// Builds a UUIDv7 from a Unix time in milliseconds and ten random bytes.
pub fn uuid_v7(unix_ms: u64, random: [u8; 10]) -> Uuid {
    uuid::Builder::from_unix_timestamp_millis(unix_ms, &random).into_uuid()
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new UUIDv7 id from the caller's clock and random bytes.
            pub fn new_v7(unix_ms: u64, random: [u8; 10]) -> Self {
                Self(uuid_v7(unix_ms, random))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// The id of a record (a family, a member, the workspace).
    EntityId
);
id_type!(
    /// The id of one event in the log.
    EventId
);
id_type!(
    /// The id of one installation of Asysta (one laptop's workspace).
    DeviceId
);
id_type!(
    /// The id of the person who works in a workspace.
    UserId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v7_ids_sort_by_time_and_carry_version_7() {
        let a = EntityId::new_v7(1_700_000_000_000, [0xff; 10]);
        let b = EntityId::new_v7(1_700_000_000_001, [0x00; 10]);
        assert!(a < b);
        assert_eq!(a.0.get_version_num(), 7);
        assert_eq!(a.to_string().parse::<EntityId>().unwrap(), a);
    }
}
