//! The tray icon, drawn in code: one look per state, as `IconPixmap` wants it.
//!
//! Every look is a few flat shapes in a 22 × 22 design grid (the usual tray size),
//! scaled to each pixmap size and anti-aliased by 4 × 4 supersampling. Colours are
//! mid-tones, and every glyph sits on a disc or ring of its own colour, so the icon reads
//! on dark and light panels alike. Nothing here touches the bus; [`pixmap`] is pure.

use std::f32::consts::TAU;

/// Pixmap sizes offered: hosts pick the nearest and scale (22 for a classic panel, 32
/// and 48 for large and HiDPI ones).
pub const SIZES: [u32; 3] = [22, 32, 48];

/// What the icon shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Look {
    /// Sitting: a ring that fills toward the break, `done` of `of` steps.
    Working {
        /// Steps of sitting so far.
        done: u16,
        /// Steps in a whole interval.
        of: u16,
    },
    /// A break is due: a figure stretching, on orange.
    Due,
    /// A due break held back (meeting, do-not-disturb): a full ring with an ellipsis.
    Waiting,
    /// The due break was snoozed: an amber ring around a "z".
    Snoozed,
    /// Reminders are paused: the pause sign.
    Paused,
    /// Outside working hours: a crescent moon.
    OffHours,
    /// Away, the break already counted: a green tick.
    Away,
    /// A guided break is running: the stretching figure on green.
    Guiding,
}

impl Look {
    /// The themed icon name, for desktops whose theme provides deskbreak's icons (no
    /// theme does by default; hosts then use the pixmap).
    #[must_use]
    pub fn icon_name(self) -> &'static str {
        match self {
            Look::Working { .. } => "deskbreak-working",
            Look::Due => "deskbreak-due",
            Look::Waiting => "deskbreak-waiting",
            Look::Snoozed => "deskbreak-snoozed",
            Look::Paused => "deskbreak-paused",
            Look::OffHours => "deskbreak-off-hours",
            Look::Away => "deskbreak-away",
            Look::Guiding => "deskbreak-guiding",
        }
    }
}

#[derive(Clone, Copy)]
struct Rgb(u8, u8, u8);

const TEAL: Rgb = Rgb(0x26, 0xa6, 0x9a);
const TRACK: Rgb = Rgb(0x8c, 0x8c, 0x8c);
const ORANGE: Rgb = Rgb(0xf5, 0x7c, 0x00);
const AMBER: Rgb = Rgb(0xff, 0xa7, 0x26);
const GREEN: Rgb = Rgb(0x43, 0xa0, 0x47);
const GREY: Rgb = Rgb(0x8e, 0x8e, 0x8e);
const SLATE: Rgb = Rgb(0x90, 0xa4, 0xae);
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

/// The design grid's size.
const GRID: f32 = 22.0;
const CENTRE: f32 = GRID / 2.0;

/// A shape in grid units: whether a point is inside it.
type Shape = Box<dyn Fn(f32, f32) -> bool>;

fn disc(cx: f32, cy: f32, r: f32) -> Shape {
    Box::new(move |x, y| (x - cx).powi(2) + (y - cy).powi(2) <= r * r)
}

fn ring(r_out: f32, r_in: f32) -> Shape {
    Box::new(move |x, y| {
        let d2 = (x - CENTRE).powi(2) + (y - CENTRE).powi(2);
        d2 <= r_out * r_out && d2 >= r_in * r_in
    })
}

/// The part of a ring from 12 o'clock clockwise to `share` of the way round, with
/// round ends so that even a small share shows as a dot.
fn arc(r_out: f32, r_in: f32, share: f32) -> Shape {
    let band = ring(r_out, r_in);
    let mid = (r_out + r_in) / 2.0;
    let half = (r_out - r_in) / 2.0;
    let end = share * TAU;
    let start_cap = disc(CENTRE, CENTRE - mid, half);
    // libm's pure-Rust functions rather than the C library's: with them the daemon does
    // not load libm.so at all (0.4 MiB resident, see the README's footprint section).
    let end_cap = disc(
        CENTRE + mid * libm::sinf(end),
        CENTRE - mid * libm::cosf(end),
        half,
    );
    Box::new(move |x, y| {
        // Angle from 12 o'clock, clockwise, in 0..TAU.
        let angle = libm::atan2f(x - CENTRE, CENTRE - y).rem_euclid(TAU);
        (band(x, y) && angle <= end) || start_cap(x, y) || end_cap(x, y)
    })
}

/// A stroke from one point to another, `width` wide, with round ends.
fn line(x0: f32, y0: f32, x1: f32, y1: f32, width: f32) -> Shape {
    Box::new(move |x, y| {
        let (dx, dy) = (x1 - x0, y1 - y0);
        let len2 = dx * dx + dy * dy;
        let t = if len2 == 0.0 {
            0.0
        } else {
            (((x - x0) * dx + (y - y0) * dy) / len2).clamp(0.0, 1.0)
        };
        let (px, py) = (x0 + t * dx, y0 + t * dy);
        (x - px).powi(2) + (y - py).powi(2) <= (width / 2.0).powi(2)
    })
}

fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Shape {
    Box::new(move |x, y| (x0..=x1).contains(&x) && (y0..=y1).contains(&y))
}

fn minus(a: Shape, b: Shape) -> Shape {
    Box::new(move |x, y| a(x, y) && !b(x, y))
}

/// A person with arms raised: the stretch a break asks for.
fn figure(colour: Rgb) -> Vec<(Shape, Rgb, f32)> {
    vec![
        (disc(11.0, 5.4, 2.1), colour, 1.0),
        (line(11.0, 8.6, 11.0, 13.2, 2.3), colour, 1.0),
        (line(11.0, 9.4, 6.9, 5.6, 2.0), colour, 1.0),
        (line(11.0, 9.4, 15.1, 5.6, 2.0), colour, 1.0),
        (line(11.0, 13.2, 8.3, 17.6, 2.2), colour, 1.0),
        (line(11.0, 13.2, 13.7, 17.6, 2.2), colour, 1.0),
    ]
}

/// The shapes of `look`, bottom first, each with its colour and opacity.
fn layers(look: Look) -> Vec<(Shape, Rgb, f32)> {
    match look {
        Look::Working { done, of } => {
            let share = if of == 0 {
                0.0
            } else {
                f32::from(done.min(of)) / f32::from(of)
            };
            let mut layers = vec![(ring(10.0, 6.8), TRACK, 0.7)];
            if share > 0.0 {
                layers.push((arc(10.0, 6.8, share), TEAL, 1.0));
            }
            layers.push((disc(CENTRE, CENTRE, 2.4), TEAL, 1.0));
            layers
        }
        Look::Due => {
            let mut layers = vec![(disc(CENTRE, CENTRE, 10.6), ORANGE, 1.0)];
            layers.extend(figure(WHITE));
            layers
        }
        Look::Guiding => {
            let mut layers = vec![(disc(CENTRE, CENTRE, 10.6), GREEN, 1.0)];
            layers.extend(figure(WHITE));
            layers
        }
        Look::Waiting => vec![
            (ring(10.0, 6.8), AMBER, 1.0),
            (disc(7.6, 11.0, 1.35), AMBER, 1.0),
            (disc(11.0, 11.0, 1.35), AMBER, 1.0),
            (disc(14.4, 11.0, 1.35), AMBER, 1.0),
        ],
        Look::Snoozed => vec![
            (ring(10.0, 7.6), AMBER, 1.0),
            (line(7.8, 7.6, 14.2, 7.6, 2.0), AMBER, 1.0),
            (line(14.2, 7.6, 7.8, 14.4, 2.0), AMBER, 1.0),
            (line(7.8, 14.4, 14.2, 14.4, 2.0), AMBER, 1.0),
        ],
        Look::Paused => vec![
            (ring(10.0, 8.0), GREY, 1.0),
            (rect(7.2, 6.4, 9.9, 15.6), GREY, 1.0),
            (rect(12.1, 6.4, 14.8, 15.6), GREY, 1.0),
        ],
        Look::OffHours => vec![(
            minus(disc(CENTRE, CENTRE, 9.0), disc(15.2, 7.4, 7.4)),
            SLATE,
            1.0,
        )],
        Look::Away => vec![
            (ring(10.0, 7.6), GREEN, 1.0),
            (line(6.7, 11.4, 9.8, 14.5, 2.4), GREEN, 1.0),
            (line(9.8, 14.5, 15.4, 8.0, 2.4), GREEN, 1.0),
        ],
    }
}

/// Straight-alpha RGBA bytes of `look` at `size` × `size` pixels.
#[must_use]
pub fn rgba(look: Look, size: u32) -> Vec<u8> {
    const SAMPLES: u32 = 4;
    let layers = layers(look);
    let scale = GRID / size as f32;
    let mut out = Vec::with_capacity((size * size * 4) as usize);
    for py in 0..size {
        for px in 0..size {
            // Premultiplied colour, composited bottom to top.
            let (mut r, mut g, mut b, mut a) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
            for (shape, colour, opacity) in &layers {
                let mut inside = 0u32;
                for sy in 0..SAMPLES {
                    for sx in 0..SAMPLES {
                        let x = (px as f32 + (sx as f32 + 0.5) / SAMPLES as f32) * scale;
                        let y = (py as f32 + (sy as f32 + 0.5) / SAMPLES as f32) * scale;
                        inside += u32::from(shape(x, y));
                    }
                }
                let cover = inside as f32 / (SAMPLES * SAMPLES) as f32 * opacity;
                if cover > 0.0 {
                    let keep = 1.0 - cover;
                    r = f32::from(colour.0) / 255.0 * cover + r * keep;
                    g = f32::from(colour.1) / 255.0 * cover + g * keep;
                    b = f32::from(colour.2) / 255.0 * cover + b * keep;
                    a = cover + a * keep;
                }
            }
            let byte = |v: f32| (v * 255.0).round().clamp(0.0, 255.0) as u8;
            if a > 0.0 {
                out.extend([byte(r / a), byte(g / a), byte(b / a), byte(a)]);
            } else {
                out.extend([0, 0, 0, 0]);
            }
        }
    }
    out
}

/// `look` at `size` as the StatusNotifierItem spec wants it: ARGB32, network byte
/// order (alpha first), straight alpha.
#[must_use]
pub fn argb32(look: Look, size: u32) -> Vec<u8> {
    let mut pixels = rgba(look, size);
    for px in pixels.chunks_exact_mut(4) {
        px.rotate_right(1);
    }
    pixels
}

/// Every size of `look`, as `(width, height, ARGB32 bytes)` for `IconPixmap`.
#[must_use]
pub fn pixmap(look: Look) -> Vec<(i32, i32, Vec<u8>)> {
    SIZES
        .iter()
        .map(|&size| {
            let side = i32::try_from(size).unwrap_or(i32::MAX);
            (side, side, argb32(look, size))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Look; 9] = [
        Look::Working { done: 0, of: 9 },
        Look::Working { done: 4, of: 9 },
        Look::Due,
        Look::Waiting,
        Look::Snoozed,
        Look::Paused,
        Look::OffHours,
        Look::Away,
        Look::Guiding,
    ];

    fn alpha_at(look: Look, size: u32, x: u32, y: u32) -> u8 {
        rgba(look, size)[((y * size + x) * 4 + 3) as usize]
    }

    #[test]
    fn pixmaps_are_argb32_in_network_order_at_every_size() {
        for look in ALL {
            let pixmap = pixmap(look);
            assert_eq!(pixmap.len(), SIZES.len());
            for ((w, h, bytes), size) in pixmap.iter().zip(SIZES) {
                assert_eq!((*w, *h), (size as i32, size as i32));
                assert_eq!(bytes.len(), (size * size * 4) as usize);
                let rgba = rgba(look, size);
                for (argb, rgba) in bytes.chunks_exact(4).zip(rgba.chunks_exact(4)) {
                    assert_eq!(argb, [rgba[3], rgba[0], rgba[1], rgba[2]]);
                }
            }
        }
    }

    #[test]
    fn every_look_is_visible_and_different() {
        let drawn: Vec<Vec<u8>> = ALL.iter().map(|&l| rgba(l, 22)).collect();
        for (look, pixels) in ALL.iter().zip(&drawn) {
            let opaque = pixels.chunks_exact(4).filter(|p| p[3] > 128).count();
            assert!(opaque > 40, "{look:?} covers only {opaque} pixels");
            // The corners stay clear: the icon is round, not a tile.
            assert_eq!(alpha_at(*look, 22, 0, 0), 0, "{look:?}");
        }
        for i in 0..drawn.len() {
            for j in i + 1..drawn.len() {
                assert_ne!(
                    drawn[i], drawn[j],
                    "{:?} and {:?} look the same",
                    ALL[i], ALL[j]
                );
            }
        }
    }

    #[test]
    fn the_ring_fills_clockwise_from_the_top() {
        let teal_at = |done, x, y| {
            let p = rgba(Look::Working { done, of: 4 }, 48);
            let i = ((y * 48 + x) * 4) as usize;
            (p[i], p[i + 1], p[i + 2]) == (TEAL.0, TEAL.1, TEAL.2) && p[i + 3] == 255
        };
        // The ring's band at 3 o'clock, 6 o'clock and 9 o'clock (radius ≈ 8.4 of 22).
        let (right, bottom, left) = ((42, 24), (24, 42), (5, 24));
        assert!(!teal_at(0, right.0, right.1));
        assert!(teal_at(2, right.0, right.1), "half full reaches 3 o'clock");
        assert!(
            !teal_at(2, left.0, left.1),
            "half full stops before 9 o'clock"
        );
        assert!(teal_at(2, bottom.0, bottom.1) || teal_at(3, bottom.0, bottom.1));
        assert!(teal_at(4, left.0, left.1), "full goes all the way round");
    }

    /// Not a check: writes every look at every size as raw RGBA into
    /// `$DESKBREAK_ICON_DIR`, to be turned into PNGs and looked at
    /// (`convert -size 48x48 -depth 8 rgba:due-48.rgba due-48.png`).
    #[test]
    #[ignore = "writes files for a person to look at"]
    fn write_icons_for_review() {
        let Some(dir) = std::env::var_os("DESKBREAK_ICON_DIR") else {
            return;
        };
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        for look in ALL {
            let name = match look {
                Look::Working { done, of } => format!("working-{done}of{of}"),
                other => other
                    .icon_name()
                    .trim_start_matches("deskbreak-")
                    .to_owned(),
            };
            for size in SIZES {
                std::fs::write(dir.join(format!("{name}-{size}.rgba")), rgba(look, size)).unwrap();
            }
        }
    }
}
