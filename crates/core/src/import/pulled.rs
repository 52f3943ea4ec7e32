//! Busy time brought into a plan: from a file (`busy import`) or from the calendars a server
//! keeps (`busy pull`, `sync`). Both read as far as the plan reaches once the busy time is
//! taken out ([`read_reachable`]), so that a week of classes that pushes the end out is read
//! over the days it pushes the work onto too. A pull replaces what the same calendar brought
//! before and leaves every other block alone (typed in, imported from a file, or pulled from
//! another calendar).

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};

use super::ReadError;
use super::busy::{BusyImport, busy_from_free_busy, busy_from_ics};
use crate::plan::{Busy, Locale, Plan};

/// The most rounds of reading further: each reaches as far as the last one pushed the end; a
/// few do for any real plan, and the bound keeps a calendar busy every day from looping.
const MAX_ROUNDS: usize = 20;

/// A moment in the local time busy time is read in: the `TZ` environment variable's zone when
/// set, else the system's (chrono's `Local` reads both).
pub fn local_time(moment: DateTime<Utc>) -> NaiveDateTime {
    moment.with_timezone(&Local).naive_local()
}

/// A moment of local time in UTC (the earlier of a doubled hour; a skipped one read as UTC).
pub fn utc_of(at: NaiveDateTime) -> DateTime<Utc> {
    Local
        .from_local_datetime(&at)
        .earliest()
        .map_or_else(|| at.and_utc(), |moment| moment.with_timezone(&Utc))
}

/// The moments a free-busy question asks about for a plan that starts on `start` and whose
/// schedule ends at `end`: from its start to a year past twice its span, so that the busy time
/// found can push the end out and still have been read.
pub fn horizon(start: NaiveDate, end: NaiveDateTime) -> (DateTime<Utc>, DateTime<Utc>) {
    let first = start.and_time(chrono::NaiveTime::MIN);
    let last = end + (end - first) + chrono::TimeDelta::days(366);
    (utc_of(first), utc_of(last))
}

/// What a server answered for one busy calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Its events (a `calendar-query`), as one iCalendar text: read as `busy import` reads a
    /// file, so the plan's own events can be told apart and left out.
    Events(Vec<u8>),
    /// A free-busy answer (a `free-busy-query`) over the dates asked.
    FreeBusy(Vec<u8>),
}

/// One calendar's busy time as pulled: where from, for whom, and the server's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PulledCalendar {
    /// The calendar's address, kept as each block's `source`.
    pub source: String,
    /// The person it is for (`None`: everyone).
    pub who: Option<String>,
    /// What its free-busy periods are called (its events keep their own names).
    pub name: String,
    /// What the server answered.
    pub answer: Answer,
}

/// What a pull did to one calendar's blocks.
#[derive(Debug, Default)]
pub struct Pulled {
    /// The calendar's address.
    pub source: String,
    /// What was read from it.
    pub import: BusyImport,
    /// How many blocks it had brought before (now replaced).
    pub removed: usize,
}

impl Pulled {
    /// `added 3 busy blocks (41 times), replacing 2 pulled before; skipped …`, in
    /// `locale`'s language.
    pub fn summary(&self, from: NaiveDate, to: NaiveDate, locale: Locale) -> String {
        self.import.summary((from, to), self.removed, locale)
    }
}

/// The busy blocks of the plan, or of the person `who` (`None` when there is no such person).
fn blocks_of<'a>(plan: &'a mut Plan, who: Option<&str>) -> Option<&'a mut Vec<Busy>> {
    match who {
        Some(name) => plan
            .people
            .iter_mut()
            .find(|person| &*person.name == name)
            .map(|person| &mut person.busy),
        None => Some(&mut plan.busy),
    }
}

/// Adds `blocks` to the plan's busy time or `who`'s, in date order.
pub fn add_blocks(plan: &mut Plan, who: Option<&str>, blocks: Vec<Busy>) {
    if let Some(list) = blocks_of(plan, who) {
        list.extend(blocks);
        list.sort_by_key(|block| (block.date, block.time));
    }
}

/// Reads busy time with `read` from `from` to every day the plan reaches once that busy time
/// is taken out (`add` puts what was read into a plan): read up to the plan's end, scheduled,
/// and read again up to the new end until it stays. What was read, and the last day read.
pub fn read_reachable<T>(
    plan: &Plan,
    from: NaiveDate,
    read: &dyn Fn((NaiveDate, NaiveDate)) -> Result<T, ReadError>,
    add: &dyn Fn(&mut Plan, &T),
) -> Result<(T, NaiveDate), ReadError> {
    let end = |plan: &Plan| {
        crate::schedule::schedule(plan)
            .map(|schedule| schedule.end().date())
            .ok()
    };
    let mut to = end(plan).unwrap_or(from).max(from);
    for _ in 0..MAX_ROUNDS {
        let found = read((from, to))?;
        let mut trial = plan.clone();
        add(&mut trial, &found);
        match end(&trial) {
            Some(reached) if reached > to => to = reached,
            _ => return Ok((found, to)),
        }
    }
    Ok((read((from, to))?, to))
}

/// The plan with the busy time of `calendars` in place of what each brought before (blocks
/// whose `source` is its address), read from the plan's start as far as the plan then
/// reaches; and what each calendar gave, with the last day read. Times are put in local time
/// with `to_local`.
pub fn with_pulled(
    plan: &Plan,
    calendars: &[PulledCalendar],
    to_local: &dyn Fn(DateTime<Utc>) -> NaiveDateTime,
) -> Result<(Plan, Vec<Pulled>, NaiveDate), ReadError> {
    let mut base = plan.clone();
    let mut removed = Vec::with_capacity(calendars.len());
    for calendar in calendars {
        let Some(list) = blocks_of(&mut base, calendar.who.as_deref()) else {
            let who = calendar.who.as_deref().unwrap_or_default();
            return Err(ReadError::NotAPerson(who.to_owned()).of(&calendar.source));
        };
        let before = list.len();
        list.retain(|block| block.source.as_deref() != Some(calendar.source.as_str()));
        removed.push(before - list.len());
    }
    let read = |range: (NaiveDate, NaiveDate)| -> Result<Vec<BusyImport>, ReadError> {
        calendars
            .iter()
            .map(|calendar| read_one(calendar, &base, range, to_local))
            .collect()
    };
    let add = |plan: &mut Plan, found: &Vec<BusyImport>| {
        for (calendar, import) in calendars.iter().zip(found) {
            add_blocks(plan, calendar.who.as_deref(), import.added.clone());
        }
    };
    let (found, to) = read_reachable(&base, base.start, &read, &add)?;
    add(&mut base, &found);
    let pulled = calendars
        .iter()
        .zip(found)
        .zip(removed)
        .map(|((calendar, import), removed)| Pulled {
            source: calendar.source.clone(),
            import,
            removed,
        })
        .collect();
    Ok((base, pulled, to))
}

/// The busy time of one calendar between the dates of `range`, each block marked with the
/// calendar's address.
fn read_one(
    calendar: &PulledCalendar,
    plan: &Plan,
    range: (NaiveDate, NaiveDate),
    to_local: &dyn Fn(DateTime<Utc>) -> NaiveDateTime,
) -> Result<BusyImport, ReadError> {
    let who = calendar.who.as_deref();
    let mut import = match &calendar.answer {
        Answer::Events(bytes) => busy_from_ics(bytes, plan, who, range, to_local),
        Answer::FreeBusy(bytes) => {
            busy_from_free_busy(bytes, &calendar.name, plan, who, range, to_local)
        }
    }
    .map_err(|error| error.of(&calendar.source))?;
    for block in &mut import.added {
        block.source = Some(calendar.source.clone());
    }
    Ok(import)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let text = r#"Plan(title: "T", start: "2023-09-11", day_start: "08:00", hours_per_day: 6,
            workdays: [Mon, Tue, Wed, Thu, Fri],
            people: [(name: "Ana")],
            busy: [
                (name: "Dentista", date: "2023-09-12", time: "08:00-09:00"),
                (name: "old", date: "2023-09-13", time: "08:00-14:00", source: "https://h/uni/"),
            ],
            activities: [(code: "A1", name: "a", hours: 30, who: "Ana")])"#;
        crate::plan::load::parse(text, std::path::Path::new("plan.ron"))
            .unwrap()
            .plan
    }

    fn free_busy(periods: &str) -> Answer {
        let text = format!(
            "BEGIN:VCALENDAR\r\nBEGIN:VFREEBUSY\r\n{periods}END:VFREEBUSY\r\nEND:VCALENDAR\r\n"
        );
        Answer::FreeBusy(text.into_bytes())
    }

    /// Local time is UTC here.
    fn utc(moment: DateTime<Utc>) -> NaiveDateTime {
        moment.naive_utc()
    }

    #[test]
    fn a_pull_replaces_what_its_calendar_brought_and_keeps_the_rest() {
        let calendars = [
            PulledCalendar {
                source: "https://h/uni/".into(),
                who: None,
                name: "uni".into(),
                answer: free_busy(
                    "FREEBUSY;FBTYPE=BUSY:20230911T100000Z/20230911T115000Z,20230918T100000Z/PT1H50M\r\n\
                     FREEBUSY;FBTYPE=FREE:20230912T100000Z/20230912T120000Z\r\n\
                     FREEBUSY;FBTYPE=BUSY-TENTATIVE:20230914T000000Z/20230915T000000Z\r\n",
                ),
            },
            PulledCalendar {
                source: "https://h/ana-job/".into(),
                who: Some("Ana".into()),
                name: "job".into(),
                answer: free_busy("FREEBUSY:20230915T120000Z/20230915T140000Z\r\n"),
            },
        ];
        let (after, pulled, to) = with_pulled(&plan(), &calendars, &utc).unwrap();
        let names: Vec<(&str, String, Option<String>)> = after
            .busy
            .iter()
            .map(|block| {
                let time = block.time.map(|time| crate::plan::window::shown(&[time]));
                (block.name.as_str(), block.date.to_string(), time)
            })
            .collect();
        assert_eq!(
            names,
            [
                ("uni", "2023-09-11".into(), Some("10:00–11:50".into())),
                ("Dentista", "2023-09-12".into(), Some("08:00–09:00".into())),
                ("uni", "2023-09-14".into(), None),
            ],
            "the weekly class is one block; the free period is not busy; whole days are days"
        );
        assert_eq!(
            after.busy[0].until.map(|day| day.to_string()).as_deref(),
            Some("2023-09-18")
        );
        assert!(after.busy[0].weekly);
        assert_eq!(after.people[0].busy.len(), 1);
        assert_eq!(after.people[0].busy[0].name, "job");
        assert_eq!(pulled[0].removed, 1);
        assert_eq!(pulled[0].import.transparent, 1);
        assert!(to >= NaiveDate::from_ymd_opt(2023, 9, 13).unwrap());
        assert!(
            pulled[0]
                .summary(after.start, to, Locale::EN)
                .starts_with("added 2 busy blocks (3 times), replacing 1 pulled before; skipped 1"),
            "{}",
            pulled[0].summary(after.start, to, Locale::EN)
        );
    }

    #[test]
    fn a_busy_calendar_for_someone_not_in_the_plan_is_an_error() {
        let calendars = [PulledCalendar {
            source: "https://h/x/".into(),
            who: Some("Bea".into()),
            name: "x".into(),
            answer: free_busy(""),
        }];
        let error = with_pulled(&plan(), &calendars, &utc)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("\"Bea\" is not one of the plan's people"),
            "{error}"
        );
    }
}
