//! Messages in the user's language: Fluent catalogs embedded in the binary.
//!
//! Every sentence a person reads (notifications, the guide, CLI replies and errors,
//! `status` words, `stats`, `doctor`, config errors, the tray menu) is a message in
//! `src/i18n/en/deskbreak.ftl`, English being the source; `src/i18n/LANG/deskbreak.ftl`
//! translates it. Machine-read words (JSON keys, waybar classes, history fields, D-Bus
//! names) are never messages.
//!
//! # Using it
//!
//! ```
//! use deskbreak::t;
//! let done = t!("reminder-button-done");
//! let snooze = t!("reminder-button-snooze", duration = deskbreak::human::duration(
//!     std::time::Duration::from_secs(600)));
//! assert_eq!((done.as_str(), snooze.as_str()), ("Done", "Snooze 10 min"));
//! ```
//!
//! [`t!`](crate::t) takes a message id (kebab-case, grouped by where it appears:
//! `reminder-…`, `guide-…`, `cli-…`, `status-…`, `stats-…`, `doctor-…`, `config-…`,
//! `tray-…`, `micro-…`, `hours-…`, `wait-…`) and Fluent variables. Numbers go in as numbers
//! (so that a translation can choose its plural with a selector, and decimals get the
//! language's separator); durations and times are worded first by [`crate::human`]. A new
//! message goes into the English catalog only; the translations follow (the completeness
//! test in this module says what they lack).
//!
//! # Which language
//!
//! [`Choice::Auto`] (the default, `ui.language = "auto"`) follows the session's locale as
//! gettext does: `LANGUAGE` (a list, first shipped language wins) unless the locale is
//! C/POSIX, then the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`. A language deskbreak
//! does not ship falls back to English, and so does a message a translation lacks (or
//! cannot format): a person never reads a message id or an empty string.
//!
//! # Footprint
//!
//! Each catalog is parsed the first time a message of its language is asked for, once;
//! a catalog of a language not in use is never parsed (it costs its bytes in the binary
//! only). English is parsed besides the language in use only when a message falls back.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub use fluent_bundle::FluentArgs;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};

/// A language deskbreak ships a catalog for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the source of every message.
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every shipped language, English first.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::De, Lang::Fr, Lang::Es];

    /// The language's code, as in `ui.language` and the catalog's folder name.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language's own name for itself ("Deutsch"), as a language menu shows it.
    #[must_use]
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// The language named by `code` ("de"), if shipped.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code))
    }

    /// The language's messages, as written (`src/i18n/LANG/deskbreak.ftl`).
    #[must_use]
    pub fn messages_source(self) -> &'static str {
        match self {
            Lang::En => include_str!("en/deskbreak.ftl"),
            Lang::De => include_str!("de/deskbreak.ftl"),
            Lang::Fr => include_str!("fr/deskbreak.ftl"),
            Lang::Es => include_str!("es/deskbreak.ftl"),
        }
    }

    /// The language's exercise texts (`src/i18n/LANG/exercises.ftl`: one message per
    /// exercise id, one attribute per text field); English has none, its texts are in
    /// `exercises.json`.
    #[must_use]
    pub fn exercises_source(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::De => Some(include_str!("de/exercises.ftl")),
            Lang::Fr => Some(include_str!("fr/exercises.ftl")),
            Lang::Es => Some(include_str!("es/exercises.ftl")),
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Whether numbers in this language take a decimal comma ("2,5").
    fn decimal_comma(self) -> bool {
        !matches!(self, Lang::En)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// `ui.language`: follow the session's locale, or one language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choice {
    /// The session's locale (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`).
    #[default]
    Auto,
    /// This language, whatever the locale.
    Fixed(Lang),
}

/// `ui.language` names no shipped language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::t!("config-language-unknown", value = format!("{:?}", .0), choices = choices()))]
pub struct UnknownLanguage(pub String);

/// `"auto", "en", "de", …`: what `ui.language` accepts, as the file writes it.
#[must_use]
pub fn choices() -> String {
    std::iter::once("\"auto\"".to_owned())
        .chain(Lang::ALL.iter().map(|l| format!("\"{l}\"")))
        .collect::<Vec<_>>()
        .join(", ")
}

impl FromStr for Choice {
    type Err = UnknownLanguage;

    fn from_str(text: &str) -> Result<Self, UnknownLanguage> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("auto") {
            return Ok(Choice::Auto);
        }
        Lang::from_code(text)
            .map(Choice::Fixed)
            .ok_or_else(|| UnknownLanguage(text.to_owned()))
    }
}

impl Choice {
    /// The word in the config file.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Auto => "auto",
            Choice::Fixed(lang) => lang.code(),
        }
    }

    /// The language this choice means in a session with this environment.
    #[must_use]
    pub fn resolve(self, env: impl Fn(&str) -> Option<String>) -> Lang {
        match self {
            Choice::Auto => from_locale(env).unwrap_or(Lang::En),
            Choice::Fixed(lang) => lang,
        }
    }
}

/// The shipped language the session's locale asks for, as gettext reads it: `LANGUAGE`
/// (colon-separated, in order of preference) unless the locale is C or POSIX, then the
/// first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG`. `None`: none of them names a
/// shipped language (or the locale is C).
pub fn from_locale(env: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    let language = tag_language(&locale_name(&env)?);
    if let Some(list) = env("LANGUAGE").filter(|v| !v.is_empty())
        && let Some(lang) = list
            .split(':')
            .find_map(|tag| Lang::from_code(&tag_language(tag)))
    {
        return Some(lang);
    }
    Lang::from_code(&language)
}

/// The locale the session asks for messages in (`LC_ALL`, `LC_MESSAGES` or `LANG`, as
/// [`from_locale`] reads them), unless it is C or POSIX: for `doctor` to name a locale
/// deskbreak has no translation for.
pub fn locale_name(env: impl Fn(&str) -> Option<String>) -> Option<String> {
    let get = |name: &str| env(name).filter(|v| !v.is_empty());
    let locale = get("LC_ALL")
        .or_else(|| get("LC_MESSAGES"))
        .or_else(|| get("LANG"))?;
    let language = tag_language(&locale);
    (language != "c" && language != "posix").then_some(locale)
}

/// The language part of a locale name or tag: "de" for `de_DE.UTF-8@euro` or `de-AT`.
fn tag_language(tag: &str) -> String {
    let tag = tag.split(['.', '@']).next().unwrap_or_default();
    tag.split(['_', '-'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// `LANG`-style lookup of the process's environment, for [`Choice::resolve`].
#[must_use]
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// No language set yet: the first message resolves `Choice::Auto` from the environment.
const UNSET: u8 = u8::MAX;

/// The language of this process, as an index into [`Lang::ALL`].
static ACTIVE: AtomicU8 = AtomicU8::new(UNSET);

thread_local! {
    /// A language for this thread only ([`scoped`]), over the process's.
    static SCOPED: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Set the language of this process from `ui.language` (at start-up, and when the config
/// is reloaded); returns the language now in use.
pub fn set(choice: Choice) -> Lang {
    let lang = choice.resolve(process_env);
    ACTIVE.store(lang as u8, Ordering::Relaxed);
    lang
}

/// The language messages are worded in now.
#[must_use]
pub fn current() -> Lang {
    if let Some(lang) = SCOPED.with(Cell::get) {
        return lang;
    }
    match ACTIVE.load(Ordering::Relaxed) {
        // Unit tests word in English whatever the developer's locale; a test of another
        // language says so with `scoped`.
        UNSET if cfg!(test) => Lang::En,
        UNSET => set(Choice::Auto),
        index => Lang::ALL
            .get(usize::from(index))
            .copied()
            .unwrap_or(Lang::En),
    }
}

/// Run `f` with messages on this thread worded in `lang` (rendering tests, and anything
/// that words a text for someone else's language).
pub fn scoped<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            SCOPED.with(|s| s.set(self.0));
        }
    }
    let _restore = Restore(SCOPED.with(|s| s.replace(Some(lang))));
    f()
}

type Bundle = FluentBundle<FluentResource>;

/// Each language's catalog, parsed on first use.
static BUNDLES: [OnceLock<Bundle>; Lang::ALL.len()] = [const { OnceLock::new() }; Lang::ALL.len()];

/// `lang`'s catalog, parsed the first time it is needed.
fn bundle(lang: Lang) -> &'static Bundle {
    BUNDLES[lang.index()].get_or_init(|| parse(lang, lang.messages_source()))
}

/// A bundle of `source`'s messages for `lang`. A line Fluent cannot read is skipped (its
/// messages then fall back to English); the completeness test keeps the shipped catalogs
/// free of them.
fn parse(lang: Lang, source: &str) -> Bundle {
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, errors)| {
        tracing::warn!(lang = %lang, errors = errors.len(), "the catalog has lines Fluent cannot read");
        partial
    });
    let tag = lang
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // The Unicode isolation marks Fluent puts around placeables are for mixed
    // right-to-left text in a UI toolkit; in a terminal or a bubble they are noise.
    bundle.set_use_isolating(false);
    if lang.decimal_comma() {
        bundle.set_formatter(Some(decimal_comma));
    }
    // Duplicate ids: the first stays (the completeness test reports them).
    let _ = bundle.add_resource(resource);
    bundle
}

/// Fluent writes numbers with a decimal point; most languages want a comma.
fn decimal_comma<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => {
            let text = n.as_string();
            text.contains('.').then(|| text.replace('.', ","))
        }
        _ => None,
    }
}

/// The message `id` from `bundle` with `args`, if it has it and can format it: a missing
/// variable or an empty text counts as not having it.
fn format_in(bundle: &Bundle, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    (errors.is_empty() && !text.trim().is_empty()).then(|| text.into_owned())
}

/// The message `id` with `args` from the first of `bundles` that can word it (English
/// last); the id itself if none can.
fn word<'b>(
    mut bundles: impl Iterator<Item = &'b Bundle>,
    id: &str,
    args: Option<&FluentArgs<'_>>,
) -> String {
    bundles
        .find_map(|bundle| format_in(bundle, id, args))
        .unwrap_or_else(|| {
            tracing::error!(id, "no such message");
            id.to_owned()
        })
}

/// The message `id` with `args`, in the current language, else in English (parsed only
/// then). An id not even English has is a bug (the test `every_id_in_the_code_is_in_english`
/// finds it); it reads as the id rather than as nothing.
#[must_use]
pub fn message(id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let lang = current();
    let fallback = (lang != Lang::En).then_some(Lang::En);
    word(std::iter::once(lang).chain(fallback).map(bundle), id, args)
}

/// A Fluent value from anything [`t!`](crate::t) is given: numbers stay numbers.
#[must_use]
pub fn value<'a>(v: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    v.into()
}

/// Text for a Fluent variable: a `String`, `&str`, or something `Display`.
#[must_use]
pub fn text(v: impl fmt::Display) -> FluentValue<'static> {
    FluentValue::String(Cow::Owned(v.to_string()))
}

/// The message `id` in the current language, with Fluent variables:
/// `t!("reminder-button-snooze", duration = text)`. Numbers (`u32`, `u64`, `usize`, `f64`, …)
/// pass as numbers, strings as strings; anything else, `i18n::text(x)` first.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::message($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::value($value)); )+
        $crate::i18n::message($id, Some(&args))
    }};
}

/// The ids of every message in `source`, with the variables each uses (in its value,
/// its attributes and its selectors), sorted.
#[must_use]
pub fn inventory(source: &str) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast;
    fn pattern_vars(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, out);
            }
        }
    }
    fn expression_vars(e: &ast::Expression<&str>, out: &mut Vec<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, out);
                for v in variants {
                    pattern_vars(&v.value, out);
                }
            }
            ast::Expression::Inline(inline) => inline_vars(inline, out),
        }
    }
    fn inline_vars(e: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_vars(a, out);
                }
                for a in &arguments.named {
                    inline_vars(&a.value, out);
                }
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
            _ => {}
        }
    }
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut found: Vec<(String, Vec<String>)> = resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => {
                let mut vars = Vec::new();
                if let Some(value) = &m.value {
                    pattern_vars(value, &mut vars);
                }
                for attribute in &m.attributes {
                    pattern_vars(&attribute.value, &mut vars);
                }
                vars.sort();
                vars.dedup();
                Some((m.id.name.to_owned(), vars))
            }
            _ => None,
        })
        .collect();
    found.sort();
    found
}

/// What a translation lacks or has too many of, against English.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Gaps {
    /// Messages English has and the translation lacks.
    pub missing: Vec<String>,
    /// Messages the translation has and English does not.
    pub extra: Vec<String>,
    /// Messages whose variables differ from English's: (id, English's, the translation's).
    pub placeholders: Vec<(String, Vec<String>, Vec<String>)>,
    /// Lines Fluent cannot read, and ids written twice.
    pub broken: Vec<String>,
}

impl Gaps {
    /// Whether nothing is amiss.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty()
            && self.extra.is_empty()
            && self.placeholders.is_empty()
            && self.broken.is_empty()
    }
}

/// Compare a translation's `source` with English's `english`, message by message.
#[must_use]
pub fn compare(english: &str, source: &str) -> Gaps {
    let mut gaps = Gaps::default();
    if let Err((_, errors)) = fluent_syntax::parser::parse(source) {
        gaps.broken.extend(
            errors
                .iter()
                .map(|e| format!("{:?} at {:?}", e.kind, e.pos)),
        );
    }
    let theirs = inventory(source);
    for pair in theirs.windows(2) {
        if pair[0].0 == pair[1].0 {
            gaps.broken.push(format!("{} is written twice", pair[0].0));
        }
    }
    let ours = inventory(english);
    for (id, vars) in &ours {
        match theirs.iter().find(|(other, _)| other == id) {
            None => gaps.missing.push(id.clone()),
            Some((_, their_vars)) if their_vars != vars => {
                gaps.placeholders
                    .push((id.clone(), vars.clone(), their_vars.clone()));
            }
            Some(_) => {}
        }
    }
    for (id, _) in &theirs {
        if !ours.iter().any(|(other, _)| other == id) && !gaps.extra.contains(id) {
            gaps.extra.push(id.clone());
        }
    }
    gaps
}

/// What `lang`'s message catalog lacks against English (nothing, for English).
#[must_use]
pub fn gaps(lang: Lang) -> Gaps {
    if lang == Lang::En {
        return Gaps::default();
    }
    compare(Lang::En.messages_source(), lang.messages_source())
}

#[cfg(test)]
mod tests;
