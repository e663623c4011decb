//! Rasterizes the exercise pictures (`src/pictures/*.svg`) to 128 px PNGs at build time and
//! generates the table that embeds them, so the daemon needs no SVG renderer at run time.

use std::fmt::Write as _;
use std::path::Path;

/// Pixel size of the embedded PNGs: what notification servers show at 96–128 px.
const SIZE: u32 = 128;

fn main() {
    let dir = Path::new("src/pictures");
    println!("cargo::rerun-if-changed={}", dir.display());
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("src/pictures exists")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".svg").map(str::to_owned)
        })
        .collect();
    names.sort();
    let mut table = String::from("&[\n");
    for name in &names {
        let svg_path = dir.join(format!("{name}.svg"));
        println!("cargo::rerun-if-changed={}", svg_path.display());
        let svg = std::fs::read(&svg_path).expect("readable picture");
        let tree = resvg::usvg::Tree::from_data(&svg, &resvg::usvg::Options::default())
            .unwrap_or_else(|e| panic!("{}: not a valid SVG: {e}", svg_path.display()));
        let mut pixmap = resvg::tiny_skia::Pixmap::new(SIZE, SIZE).expect("non-zero size");
        let size = tree.size();
        let scale = (SIZE as f32 / size.width()).min(SIZE as f32 / size.height());
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        let png = pixmap.encode_png().expect("PNG encoding");
        let png_path = out.join(format!("{name}.png"));
        std::fs::write(&png_path, png).expect("OUT_DIR is writable");
        writeln!(
            table,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/src/pictures/{name}.svg\")), include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}.png\"))),"
        )
        .expect("write to a String");
    }
    table.push(']');
    std::fs::write(out.join("pictures.rs"), table).expect("OUT_DIR is writable");
}
