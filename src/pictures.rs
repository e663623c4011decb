//! Pictures of the moves: one line drawing per built-in exercise (`src/pictures/ID.svg`),
//! rasterized to a 128 px PNG at build time (`build.rs`) and embedded in the binary.
//!
//! Notification servers take a picture as a file (`image-path`); [`Pictures`] writes the
//! PNGs it is asked for into a private folder (the runtime folder, else the cache) once,
//! and names the file. Exercises without a drawing of their own (the user's) get
//! [`OWN`], a neutral figure at ease.

use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The picture used for exercises that have no drawing of their own.
pub const OWN: &str = "own";

/// (name, SVG source, PNG) for every drawing under `src/pictures/`.
static PICTURES: &[(&str, &str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/pictures.rs"));

/// Every embedded picture as (name, SVG source, 128 px PNG).
#[must_use]
pub fn all() -> &'static [(&'static str, &'static str, &'static [u8])] {
    PICTURES
}

/// The name of the picture for exercise `id`: its own, or the neutral [`OWN`].
#[must_use]
pub fn name_for(id: &str) -> &'static str {
    PICTURES
        .iter()
        .find(|(name, _, _)| *name == id && *name != OWN)
        .map_or(OWN, |(name, _, _)| name)
}

/// The PNG for exercise `id` (its own or the neutral one).
#[must_use]
pub fn png_for(id: &str) -> &'static [u8] {
    let name = name_for(id);
    PICTURES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map_or(&[][..], |(_, _, png)| png)
}

/// Where the PNG files go, written on first use.
#[derive(Clone, Debug)]
pub struct Pictures {
    dir: PathBuf,
}

impl Pictures {
    /// Pictures written into `dir` (created 0700 when first needed).
    #[must_use]
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The usual folder: `$XDG_RUNTIME_DIR/deskbreak/pictures` (a per-user tmpfs), else
    /// `cache_dir/pictures`.
    #[must_use]
    pub fn default_dir(runtime_dir: Option<PathBuf>, cache_dir: &Path) -> PathBuf {
        match runtime_dir.filter(|d| d.is_absolute()) {
            Some(runtime) => runtime.join("deskbreak").join("pictures"),
            None => cache_dir.join("pictures"),
        }
    }

    /// The file showing exercise `id`, written if it is missing or not what is embedded.
    pub fn file_for(&self, id: &str) -> io::Result<PathBuf> {
        let name = name_for(id);
        let png = png_for(id);
        let path = self.dir.join(format!("{name}.png"));
        // Through the safe read: a FIFO put in its place is refused, not waited on.
        let on_disk = crate::store::read_regular(&path, png.len() as u64);
        if on_disk.is_ok_and(|on_disk| on_disk.as_deref() == Some(png)) {
            return Ok(path);
        }
        std::fs::create_dir_all(&self.dir)?;
        std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700))?;
        // Written aside and renamed, so a server never reads half a picture.
        let temporary = self.dir.join(format!(".{name}.png.{}", std::process::id()));
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&temporary)?;
        file.write_all(png)?;
        drop(file);
        std::fs::rename(&temporary, &path)?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercises::Library;

    /// The `viewBox` attribute of the root element, as four numbers.
    fn view_box(svg: &str) -> Option<[f64; 4]> {
        let root = svg.get(svg.find("<svg")?..)?;
        let root = root.get(..root.find('>')?)?;
        let start = root.find("viewBox=\"")? + "viewBox=\"".len();
        let rest = root.get(start..)?;
        let value = rest.get(..rest.find('"')?)?;
        let numbers: Vec<f64> = value
            .split([' ', ','])
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        numbers.try_into().ok()
    }

    #[test]
    fn every_built_in_exercise_has_its_own_picture() {
        for exercise in Library::embedded().all() {
            assert_eq!(
                name_for(&exercise.id),
                exercise.id,
                "{} has no src/pictures/{}.svg",
                exercise.id,
                exercise.id
            );
        }
        assert_eq!(name_for("my-own-stretch"), OWN);
    }

    #[test]
    fn every_picture_is_a_square_svg_and_a_128_px_png() {
        assert!(PICTURES.iter().any(|(name, _, _)| *name == OWN));
        for (name, svg, png) in PICTURES {
            let [x, y, w, h] = view_box(svg).unwrap_or_else(|| panic!("{name}: no viewBox"));
            assert!(
                x == 0.0 && y == 0.0 && w == h && (64.0..=512.0).contains(&w),
                "{name}"
            );
            assert!(
                svg.trim_end().ends_with("</svg>"),
                "{name}: not a whole SVG"
            );
            assert!(
                svg.contains("<!--"),
                "{name}: says in a comment what it shows"
            );
            // PNG signature, then IHDR with width and height.
            assert_eq!(png.get(..8), Some(&b"\x89PNG\r\n\x1a\n"[..]), "{name}");
            let size = |at: usize| {
                png.get(at..at + 4)
                    .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
            };
            assert_eq!((size(16), size(20)), (Some(128), Some(128)), "{name}");
        }
    }

    #[test]
    fn the_file_named_exists_and_holds_the_picture() {
        let dir = tempfile::tempdir().unwrap();
        let pictures = Pictures::new(dir.path().join("pictures"));
        let path = pictures.file_for("chin-tucks").unwrap();
        assert!(path.is_absolute());
        assert_eq!(std::fs::read(&path).unwrap(), png_for("chin-tucks"));
        let mode = std::fs::metadata(dir.path().join("pictures"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
        // A damaged file is replaced; an own exercise gets the neutral picture.
        std::fs::write(&path, b"junk").unwrap();
        assert_eq!(
            std::fs::read(pictures.file_for("chin-tucks").unwrap()).unwrap(),
            png_for("chin-tucks")
        );
        let own = pictures.file_for("my-stretch").unwrap();
        assert_eq!(own.file_name().unwrap(), "own.png");
    }

    #[test]
    fn the_runtime_folder_is_preferred() {
        let cache = Path::new("/c");
        assert_eq!(
            Pictures::default_dir(Some("/run/user/1000".into()), cache),
            Path::new("/run/user/1000/deskbreak/pictures")
        );
        assert_eq!(
            Pictures::default_dir(Some("relative".into()), cache),
            Path::new("/c/pictures")
        );
        assert_eq!(Pictures::default_dir(None, cache), Path::new("/c/pictures"));
    }
}
