//! One key out of the user's dconf database, read the way every GNOME program's dconf
//! engine reads it: straight from the file, `$XDG_CONFIG_HOME/dconf/user`.
//!
//! GSettings has no D-Bus API of its own: programs read the database file (a GVDB file,
//! GLib's "GVariant database"), and write through `dconf-service`, which rewrites the file
//! and then sends `ca.desrt.dconf.Writer.Notify` (so the file is on disk before the
//! signal). Only what one lookup needs is parsed here (the header, the root hash table, one
//! item and its GVariant value, after GLib's `gvdb-reader.c`), with every offset checked
//! against the file's size; a damaged file is an error, never a panic.
//!
//! Left out on purpose: system databases and locks of other dconf profiles
//! (`/etc/dconf/…`), which can only change a key's default; the defaults used here are
//! the schema's.

use std::path::Path;

/// The key GNOME's do-not-disturb switch sets to `false`
/// (`org.gnome.desktop.notifications` `show-banners`).
pub const SHOW_BANNERS: &str = "/org/gnome/desktop/notifications/show-banners";

/// The largest database file read (real ones are a few KiB to a few hundred KiB).
pub const MAX_DB_BYTES: u64 = 16 << 20;

/// A value found under a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A boolean (GVariant type `b`).
    Bool(bool),
    /// Something else, with its GVariant type string (GSettings then uses the default).
    Other(String),
}

/// Why a database file cannot be read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum GvdbError {
    /// Too short, or the signature or version is wrong.
    #[error("it is not a dconf database (no GVDB header)")]
    Header,
    /// The root hash table points outside the file or does not add up.
    #[error("its hash table is damaged")]
    Table,
    /// The key's item points outside the file.
    #[error("the value of {0} is damaged")]
    Item(String),
}

/// The user's dconf database: `$XDG_CONFIG_HOME/dconf/user` (default `~/.config/…`).
#[must_use]
pub fn user_db(config_home: &Path) -> std::path::PathBuf {
    config_home.join("dconf").join("user")
}

/// Size of the file header: signature (8), version, options, root pointer (8).
const HEADER: usize = 24;
/// Size of one hash item.
const ITEM: usize = 24;
/// `parent` of an item at the top of the key tree.
const NO_PARENT: u32 = u32::MAX;

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let bytes = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(bytes.try_into().ok()?))
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let bytes = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes(bytes.try_into().ok()?))
}

/// The bytes a `gvdb_pointer` at `at` points to, if inside the file and aligned.
fn dereference(data: &[u8], at: usize, alignment: usize) -> Option<&[u8]> {
    let start = usize::try_from(u32_at(data, at)?).ok()?;
    let end = usize::try_from(u32_at(data, at + 4)?).ok()?;
    if start > end || start % alignment != 0 {
        return None;
    }
    data.get(start..end)
}

/// The root hash table: its buckets and items, as offsets into the file.
struct Table {
    buckets: usize,
    n_buckets: usize,
    items: usize,
    n_items: usize,
}

impl Table {
    fn open(data: &[u8]) -> Result<Table, GvdbError> {
        // The structure is little-endian whatever the signature says; a swapped signature
        // only means the values are big-endian (which a boolean does not care about).
        let signature = data.get(..8).ok_or(GvdbError::Header)?;
        if !(signature == b"GVariant" || signature == b"raVGtnai")
            || u32_at(data, 8) != Some(0)
            || data.len() < HEADER
        {
            return Err(GvdbError::Header);
        }
        let root = dereference(data, 16, 4).ok_or(GvdbError::Table)?;
        // Offsets from here on are into `data`: `root` is a slice of it.
        let root_start = root.as_ptr() as usize - data.as_ptr() as usize;
        let n_bloom = u32_at(root, 0).ok_or(GvdbError::Table)? & ((1 << 27) - 1);
        let n_buckets = u32_at(root, 4).ok_or(GvdbError::Table)?;
        let n_bloom = usize::try_from(n_bloom).map_err(|_| GvdbError::Table)?;
        let n_buckets = usize::try_from(n_buckets).map_err(|_| GvdbError::Table)?;
        let rest = root.len() - 8;
        let bloom_bytes = n_bloom.checked_mul(4).ok_or(GvdbError::Table)?;
        let bucket_bytes = n_buckets.checked_mul(4).ok_or(GvdbError::Table)?;
        let items_bytes = rest
            .checked_sub(bloom_bytes)
            .and_then(|r| r.checked_sub(bucket_bytes))
            .ok_or(GvdbError::Table)?;
        if items_bytes % ITEM != 0 {
            return Err(GvdbError::Table);
        }
        let buckets = root_start + 8 + bloom_bytes;
        Ok(Table {
            buckets,
            n_buckets,
            items: buckets + bucket_bytes,
            n_items: items_bytes / ITEM,
        })
    }

    fn item(&self, index: usize) -> usize {
        self.items + index * ITEM
    }

    /// Whether the item at `index` is named `key` (its own part, then its parents').
    fn is_named(&self, data: &[u8], mut index: usize, key: &[u8]) -> bool {
        let mut left = key.len();
        loop {
            let at = self.item(index);
            let (Some(start), Some(size)) = (u32_at(data, at + 8), u16_at(data, at + 12)) else {
                return false;
            };
            let size = usize::from(size);
            let Some(part) = usize::try_from(start)
                .ok()
                .and_then(|start| data.get(start..start.checked_add(size)?))
            else {
                return false;
            };
            if size > left || part != &key[left - size..left] {
                return false;
            }
            left -= size;
            let parent = u32_at(data, at + 4).unwrap_or(0);
            if left == 0 && parent == NO_PARENT {
                return true;
            }
            // Each step eats at least one byte of `key`, so this ends.
            match usize::try_from(parent) {
                Ok(parent) if parent < self.n_items && size > 0 => index = parent,
                _ => return false,
            }
        }
    }
}

/// GLib's string hash (djb2 over signed chars), as GVDB stores it.
fn hash(key: &[u8]) -> u32 {
    key.iter().fold(5381u32, |h, &b| {
        // Signed chars, as in `gvdb_table_lookup`.
        h.wrapping_mul(33).wrapping_add(i32::from(b as i8) as u32)
    })
}

/// Look `key` up in the GVDB file `data`. `Ok(None)`: the key is not set (its default
/// applies).
pub fn lookup(data: &[u8], key: &str) -> Result<Option<Value>, GvdbError> {
    let table = Table::open(data)?;
    if table.n_buckets == 0 || table.n_items == 0 {
        return Ok(None);
    }
    let key_bytes = key.as_bytes();
    let hash = hash(key_bytes);
    let bucket = usize::try_from(hash).unwrap_or(0) % table.n_buckets;
    let first = u32_at(data, table.buckets + bucket * 4).ok_or(GvdbError::Table)?;
    let first = usize::try_from(first).map_err(|_| GvdbError::Table)?;
    let last = if bucket + 1 == table.n_buckets {
        table.n_items
    } else {
        let next = u32_at(data, table.buckets + (bucket + 1) * 4).ok_or(GvdbError::Table)?;
        usize::try_from(next)
            .unwrap_or(usize::MAX)
            .min(table.n_items)
    };
    for index in first..last {
        let at = table.item(index);
        if u32_at(data, at) != Some(hash)
            || data.get(at + 14) != Some(&b'v')
            || !table.is_named(data, index, key_bytes)
        {
            continue;
        }
        let value = dereference(data, at + 16, 8).ok_or_else(|| GvdbError::Item(key.into()))?;
        return Ok(Some(variant(value)));
    }
    Ok(None)
}

/// The value inside a serialized GVariant of type `v`: the child's bytes, a zero byte,
/// then the child's type string.
fn variant(bytes: &[u8]) -> Value {
    let Some(zero) = bytes.iter().rposition(|&b| b == 0) else {
        return Value::Other(String::new());
    };
    let (child, type_string) = (&bytes[..zero], &bytes[zero + 1..]);
    match (type_string, child) {
        (b"b", [byte]) => Value::Bool(*byte != 0),
        _ => Value::Other(String::from_utf8_lossy(type_string).into_owned()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A GVDB file as `dconf-service` writes it: a tree of directory items ("/",
    /// "org/", …) with the key's last part as a `v` item under its folder. One bucket per
    /// item keeps the test writer short; the reader must not care.
    pub(crate) fn database(entries: &[(&str, &[u8], &str)]) -> Vec<u8> {
        // (full name, own part, parent index, value)
        let mut items: Vec<(String, String, u32, Option<Vec<u8>>)> = Vec::new();
        fn dir_index(items: &mut Vec<(String, String, u32, Option<Vec<u8>>)>, dir: &str) -> u32 {
            if let Some(i) = items.iter().position(|i| i.0 == dir) {
                return i as u32;
            }
            let (parent, part) = if dir == "/" {
                (NO_PARENT, "/".to_owned())
            } else {
                let trimmed = &dir[..dir.len() - 1];
                let cut = trimmed.rfind('/').unwrap() + 1;
                (dir_index(items, &dir[..cut]), dir[cut..].to_owned())
            };
            items.push((dir.to_owned(), part, parent, None));
            (items.len() - 1) as u32
        }
        for (key, child, type_string) in entries {
            let cut = key.rfind('/').unwrap() + 1;
            let parent = dir_index(&mut items, &key[..cut]);
            let mut value = child.to_vec();
            value.push(0);
            value.extend_from_slice(type_string.as_bytes());
            items.push((key.to_string(), key[cut..].to_owned(), parent, Some(value)));
        }
        // Bucket per item, in item order: bucket i starts at item i only if items are
        // sorted by hash % n; sort them so, keeping parent indices right.
        let n = items.len();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| hash(items[i].0.as_bytes()) as usize % n);
        let new_index = |old: u32| -> u32 {
            if old == NO_PARENT {
                NO_PARENT
            } else {
                order.iter().position(|&o| o == old as usize).unwrap() as u32
            }
        };
        let root_start = HEADER;
        let root_len = 8 + 4 * n + ITEM * n;
        let mut out = vec![0u8; HEADER + root_len];
        out[..8].copy_from_slice(b"GVariant");
        out[16..20].copy_from_slice(&(root_start as u32).to_le_bytes());
        out[20..24].copy_from_slice(&((root_start + root_len) as u32).to_le_bytes());
        out[root_start + 4..root_start + 8].copy_from_slice(&(n as u32).to_le_bytes());
        let buckets = root_start + 8;
        for b in 0..n {
            let first = order
                .iter()
                .position(|&i| hash(items[i].0.as_bytes()) as usize % n >= b)
                .unwrap_or(n);
            out[buckets + 4 * b..buckets + 4 * b + 4]
                .copy_from_slice(&(first as u32).to_le_bytes());
        }
        let items_at = buckets + 4 * n;
        for (slot, &i) in order.iter().enumerate() {
            let (full, part, parent, value) = &items[i];
            let key_start = out.len();
            out.extend_from_slice(part.as_bytes());
            let (kind, pointer) = match value {
                Some(value) => {
                    while !out.len().is_multiple_of(8) {
                        out.push(0);
                    }
                    let start = out.len();
                    out.extend_from_slice(value);
                    (b'v', (start as u32, out.len() as u32))
                }
                None => (b'L', (0, 0)),
            };
            let at = items_at + slot * ITEM;
            out[at..at + 4].copy_from_slice(&hash(full.as_bytes()).to_le_bytes());
            out[at + 4..at + 8].copy_from_slice(&new_index(*parent).to_le_bytes());
            out[at + 8..at + 12].copy_from_slice(&(key_start as u32).to_le_bytes());
            out[at + 12..at + 14].copy_from_slice(&(part.len() as u16).to_le_bytes());
            out[at + 14] = kind;
            out[at + 16..at + 20].copy_from_slice(&pointer.0.to_le_bytes());
            out[at + 20..at + 24].copy_from_slice(&pointer.1.to_le_bytes());
        }
        out
    }

    #[test]
    fn show_banners_is_found_under_its_folders() {
        let db = database(&[
            ("/org/gnome/desktop/interface/color-scheme", b"x\0", "s"),
            (SHOW_BANNERS, &[0], "b"),
            (
                "/org/gnome/desktop/notifications/application-children",
                b"",
                "as",
            ),
        ]);
        assert_eq!(lookup(&db, SHOW_BANNERS), Ok(Some(Value::Bool(false))));
        let db = database(&[(SHOW_BANNERS, &[1], "b")]);
        assert_eq!(lookup(&db, SHOW_BANNERS), Ok(Some(Value::Bool(true))));
    }

    #[test]
    fn a_key_that_is_not_set_or_only_a_folder_is_none() {
        let db = database(&[("/org/gnome/desktop/interface/color-scheme", b"x\0", "s")]);
        assert_eq!(lookup(&db, SHOW_BANNERS), Ok(None));
        // The folder items exist, but are not values.
        assert_eq!(lookup(&db, "/org/gnome/desktop/interface/"), Ok(None));
        // Same last part under another folder is another key.
        let db = database(&[("/org/other/show-banners", &[0], "b")]);
        assert_eq!(lookup(&db, SHOW_BANNERS), Ok(None));
    }

    #[test]
    fn a_value_of_another_type_is_reported_as_such() {
        let db = database(&[(SHOW_BANNERS, b"no\0", "s")]);
        assert_eq!(
            lookup(&db, SHOW_BANNERS),
            Ok(Some(Value::Other("s".into())))
        );
    }

    #[test]
    fn an_empty_database_has_no_keys() {
        let db = database(&[]);
        assert_eq!(lookup(&db, SHOW_BANNERS), Ok(None));
    }

    #[test]
    fn what_is_not_a_database_is_an_error() {
        assert_eq!(lookup(b"", SHOW_BANNERS), Err(GvdbError::Header));
        assert_eq!(lookup(b"GVariant", SHOW_BANNERS), Err(GvdbError::Header));
        let mut db = database(&[(SHOW_BANNERS, &[0], "b")]);
        db[8] = 1; // version
        assert_eq!(lookup(&db, SHOW_BANNERS), Err(GvdbError::Header));
        let mut db = database(&[(SHOW_BANNERS, &[0], "b")]);
        db[20..24].copy_from_slice(&u32::MAX.to_le_bytes()); // root ends past the file
        assert_eq!(lookup(&db, SHOW_BANNERS), Err(GvdbError::Table));
    }

    #[test]
    fn any_damage_is_an_answer_never_a_panic() {
        let good = database(&[
            ("/org/gnome/desktop/interface/color-scheme", b"x\0", "s"),
            (SHOW_BANNERS, &[0], "b"),
        ]);
        // Every byte set to every interesting value, and every truncation.
        for at in 0..good.len() {
            for byte in [0x00, 0x01, 0x7f, 0x80, 0xff] {
                let mut bad = good.clone();
                bad[at] = byte;
                let _ = lookup(&bad, SHOW_BANNERS);
            }
            let _ = lookup(&good[..at], SHOW_BANNERS);
        }
        // A parent loop (an item its own parent) ends.
        let mut looped = good.clone();
        let items_at = HEADER + 8 + 4 * 8;
        for slot in 0..8 {
            let at = items_at + slot * ITEM;
            looped[at + 4..at + 8].copy_from_slice(&(slot as u32).to_le_bytes());
        }
        assert_eq!(lookup(&looped, SHOW_BANNERS), Ok(None));
    }
}
