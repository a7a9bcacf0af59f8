//! A figure computed from the store's tables, kept until a table changes
//! (the store's change mark), so that showing it again costs nothing.

use asysta_store::ChangeMark;

/// The last value computed for a key, with the store's mark then.
#[derive(Debug)]
pub struct Kept<K, V> {
    last: Option<(K, ChangeMark, V)>,
}

impl<K, V> Default for Kept<K, V> {
    fn default() -> Self {
        Kept { last: None }
    }
}

impl<K: PartialEq, V: Clone> Kept<K, V> {
    /// The kept value when `key` and `mark` are the kept ones; else
    /// `compute`'s, which is kept (an error keeps nothing).
    pub fn get_or<E>(&mut self, key: K, mark: ChangeMark, compute: impl FnOnce() -> Result<V, E>) -> Result<V, E> {
        if let Some((kept_key, kept_mark, value)) = &self.last {
            if *kept_key == key && *kept_mark == mark {
                return Ok(value.clone());
            }
        }
        let value = compute()?;
        self.last = Some((key, mark, value.clone()));
        Ok(value)
    }

    /// Forgets the value (the store was closed or replaced).
    pub fn clear(&mut self) {
        self.last = None;
    }
}

/// The value kept in `kept` for `key` while the store's tables are as they
/// were, else `compute`'s over the store (then kept); locked: an error.
pub fn figure<K: PartialEq, V: Clone>(
    store: Option<&asysta_store::Store>,
    kept: &mut Kept<K, V>,
    key: K,
    compute: impl FnOnce(&asysta_store::Store) -> Result<V, asysta_store::StoreError>,
) -> Result<V, asysta_core::api::ApiError> {
    let store = store.ok_or(asysta_core::api::ApiError::new(asysta_core::api::ErrorKind::Locked))?;
    let mark = store.change_mark()?;
    kept.get_or(key, mark, || Ok(compute(store)?))
}
