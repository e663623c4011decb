//! A time zone with daylight saving for tests: Central European rules for 2026 (UTC+1,
//! UTC+2 from 29 March 01:00 UTC to 25 October 01:00 UTC), without a tz database.

use chrono::{
    DateTime, FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc,
};

/// The zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cet;

/// An offset of [`Cet`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CetOffset(FixedOffset);

impl Offset for CetOffset {
    fn fix(&self) -> FixedOffset {
        self.0
    }
}

impl std::fmt::Display for CetOffset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

fn summer_start() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 29)
        .and_then(|d| d.and_hms_opt(1, 0, 0))
        .unwrap()
}

fn summer_end() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 10, 25)
        .and_then(|d| d.and_hms_opt(1, 0, 0))
        .unwrap()
}

fn winter() -> FixedOffset {
    FixedOffset::east_opt(3600).unwrap()
}

fn summer() -> FixedOffset {
    FixedOffset::east_opt(7200).unwrap()
}

impl TimeZone for Cet {
    type Offset = CetOffset;

    fn from_offset(_: &CetOffset) -> Self {
        Cet
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<CetOffset> {
        self.offset_from_local_datetime(&local.and_hms_opt(12, 0, 0).unwrap())
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<CetOffset> {
        let candidates: Vec<CetOffset> = [winter(), summer()]
            .into_iter()
            .filter(|offset| {
                let utc = *local - chrono::Duration::seconds(i64::from(offset.local_minus_utc()));
                self.offset_from_utc_datetime(&utc).0 == *offset
            })
            .map(CetOffset)
            .collect();
        match candidates.as_slice() {
            [] => MappedLocalTime::None,
            [one] => MappedLocalTime::Single(*one),
            // The first occurrence is the one still on summer time.
            [w, s] => MappedLocalTime::Ambiguous(*s, *w),
            _ => unreachable!(),
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> CetOffset {
        self.offset_from_utc_datetime(&utc.and_hms_opt(12, 0, 0).unwrap())
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> CetOffset {
        if *utc >= summer_start() && *utc < summer_end() {
            CetOffset(summer())
        } else {
            CetOffset(winter())
        }
    }
}

/// `y-m-d h:m` on the wall clock of [`Cet`] (the first one in a fold).
pub fn cet(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Cet> {
    Cet.with_ymd_and_hms(y, m, d, h, min, 0).earliest().unwrap()
}

/// `y-m-d h:m` at a fixed offset of `hours` east of UTC.
pub fn at_offset(hours: i32, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(hours * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
}

/// The same instant as `t`, in UTC (for comparing across zones).
pub fn utc<Tz: TimeZone>(t: &DateTime<Tz>) -> DateTime<Utc> {
    t.with_timezone(&Utc)
}
