//! The core's faults said in a plan's language. Each fault is a type where it happens (a
//! value typed wrong, a calendar that cannot be read, an MS Project file that is not one);
//! it becomes a sentence only here, when the view or the command line shows it, so the same
//! import failure reads in Spanish in a Spanish plan's view and on its command line.

use std::fmt::Display;

use super::Msg;
use crate::document::{DocProblem, WordsError};
use crate::import::activities::{CsvError, CsvFault};
use crate::import::mspdi::{ProjectNote, TaskKind, first_codes};
use crate::import::{ProjectError, ReadError};
use crate::plan::busy::MAX_BUSY_DAYS;
use crate::plan::error::Located;
use crate::plan::validate::{CircleLink, Rule, Violation};
use crate::plan::{FieldError, HoursError, Locale, PlanError};
use crate::schedule::ScheduleError;
use crate::text::{CodeProblem, Unfit};
use crate::xml::XmlError;

/// A fault that can be said to a person in the plan's language.
pub trait Say {
    /// The sentence, in `locale`'s language.
    fn say(&self, locale: Locale) -> String;
}

impl Say for FieldError {
    fn say(&self, locale: Locale) -> String {
        let fill = |msg: Msg, values: &[&dyn Display]| msg.fill(locale, values);
        match self {
            FieldError::NotADate(text) => fill(Msg::FaultNotADate, &[text]),
            FieldError::NotADay(text) => fill(Msg::FaultNotADay, &[text]),
            FieldError::NotATime(text) => fill(Msg::FaultNotATime, &[text]),
            FieldError::NotAMoment(text) => fill(Msg::FaultNotAMoment, &[text]),
            FieldError::NotALocale(text) => fill(Msg::FaultNotALocale, &[text]),
            FieldError::NotAWindow(text) => fill(Msg::FaultNotAWindow, &[text]),
            FieldError::ClosesFirst(text) => fill(Msg::FaultClosesFirst, &[text]),
            FieldError::OffQuarter(text) => fill(Msg::FaultOffQuarter, &[text]),
            FieldError::Overlaps { window, before } => fill(Msg::FaultOverlaps, &[window, before]),
            FieldError::TooManyWindows => fill(Msg::FaultTooManyWindows, &[]),
            FieldError::NoWindows => fill(Msg::FaultNoWindows, &[]),
            FieldError::NotAWeekday(text) => fill(Msg::FaultNotAWeekday, &[text]),
            FieldError::Backwards(text) => fill(Msg::FaultBackwards, &[text]),
            FieldError::NoWeekdays => fill(Msg::FaultNoWeekdays, &[]),
        }
    }
}

/// Hours typed as `text` that are not an amount of hours, said in `locale`'s language
/// ([`HoursError`] does not keep the text it refused).
pub fn hours(text: &str, error: HoursError, locale: Locale) -> String {
    let msg = match error {
        HoursError::NotANumber => Msg::NotANumberOfHours,
        HoursError::Negative => Msg::FaultHoursNegative,
        HoursError::NotQuarter => Msg::FaultHoursNotQuarter,
        HoursError::TooLarge => Msg::FaultHoursTooLarge,
    };
    msg.fill(locale, &[&text])
}

impl Say for ReadError {
    fn say(&self, locale: Locale) -> String {
        let fill = |msg: Msg, values: &[&dyn Display]| msg.fill(locale, values);
        let bad = |line: &usize, what: String| fill(Msg::FaultBadCalendar, &[line, &what]);
        match self {
            ReadError::Unreadable(why) => fill(Msg::FaultUnreadable, &[why]),
            ReadError::TooLarge => fill(Msg::FaultTooLarge, &[&crate::import::file::MAX_ICS_BYTES]),
            ReadError::NotACalendar => fill(Msg::FaultNotACalendar, &[]),
            ReadError::AfterCalendar(line) => bad(line, fill(Msg::FaultAfterCalendar, &[])),
            ReadError::TooDeep(line) => bad(
                line,
                fill(Msg::FaultTooDeep, &[&crate::import::ical::MAX_DEPTH]),
            ),
            ReadError::EndWithoutBegin { line, component } => {
                bad(line, fill(Msg::FaultEndWithoutBegin, &[component]))
            }
            ReadError::Mismatched {
                line,
                component,
                open,
                opened_at,
            } => bad(
                line,
                fill(Msg::FaultMismatched, &[component, open, opened_at]),
            ),
            ReadError::CutShort { open, line } => fill(Msg::FaultCutShort, &[open, open, line]),
            ReadError::TooManyRepeats { line, from, to } => fill(
                Msg::FaultTooManyRepeats,
                &[line, &crate::import::events::MAX_OCCURRENCES, from, to],
            ),
            ReadError::TooManyPeriods { line, from, to } => fill(
                Msg::FaultTooManyPeriods,
                &[line, &crate::import::events::MAX_OCCURRENCES, from, to],
            ),
            ReadError::NoSuchCalendar => fill(Msg::FaultNoSuchCalendar, &[]),
            ReadError::NoSuchSubdivision {
                country,
                code,
                asked,
            } => fill(Msg::FaultNoSuchSubdivision, &[country, asked, code]),
            ReadError::NotAPerson(who) => fill(Msg::FaultNotAPerson, &[who]),
            ReadError::In { calendar, error } => format!("{calendar}: {}", error.say(locale)),
        }
    }
}

impl Say for ScheduleError {
    fn say(&self, locale: Locale) -> String {
        match self {
            ScheduleError::PastTheCalendar { code } => {
                Msg::FaultPastTheCalendar.fill(locale, &[code])
            }
            ScheduleError::Cycle { codes } => Msg::FaultCycle.fill(locale, &[codes]),
        }
    }
}

impl Say for ProjectError {
    fn say(&self, locale: Locale) -> String {
        let fill = |msg: Msg, values: &[&dyn Display]| msg.fill(locale, values);
        match self {
            ProjectError::Dtd | ProjectError::Xml(XmlError::Dtd) => fill(Msg::FaultDtd, &[]),
            ProjectError::Xml(XmlError::TooDeep { line }) => {
                fill(Msg::FaultXmlDeep, &[&crate::xml::MAX_DEPTH, line])
            }
            ProjectError::Xml(XmlError::Malformed(why)) => fill(Msg::FaultXmlMalformed, &[why]),
            ProjectError::NotAProject(root) => fill(
                Msg::FaultNotAProject,
                &[root, &crate::import::mspdi::NAMESPACE],
            ),
        }
    }
}

impl Say for CsvError {
    fn say(&self, locale: Locale) -> String {
        let fill = |msg: Msg, values: &[&dyn Display]| msg.fill(locale, values);
        match &self.fault {
            CsvFault::NoHeader => fill(Msg::CsvNoHeader, &[]),
            CsvFault::HeaderUnreadable(why) => fill(Msg::CsvHeaderUnreadable, &[why]),
            CsvFault::NoColumn { missing, columns } => fill(Msg::CsvNoColumn, &[missing, columns]),
            CsvFault::RowUnreadable(why) => fill(Msg::CsvRowUnreadable, &[why]),
            CsvFault::NotHours(text) => fill(Msg::CsvNotHours, &[text]),
            CsvFault::NotADate(error) => format!("not_before: {}", error.say(locale)),
            CsvFault::NoActivities => fill(Msg::CsvNoActivities, &[]),
        }
    }
}

/// What usually mends a spreadsheet that `fault` is wrong with.
pub fn csv_tip(fault: &CsvFault) -> Msg {
    match fault {
        CsvFault::NoHeader
        | CsvFault::HeaderUnreadable(_)
        | CsvFault::NoColumn { .. }
        | CsvFault::NoActivities => Msg::TipCsvColumns,
        CsvFault::RowUnreadable(_) => Msg::TipCsvQuote,
        CsvFault::NotHours(_) => Msg::TipCsvHours,
        CsvFault::NotADate(_) => Msg::TipDateFormat,
    }
}

impl Say for Rule {
    fn say(&self, locale: Locale) -> String {
        let fill = |msg: Msg, values: &[&dyn Display]| msg.fill(locale, values);
        match self {
            Rule::NotTracked => fill(Msg::RuleNotTracked, &[]),
            Rule::MilestoneHasNoWork { code } => fill(Msg::RuleMilestoneHasNoWork, &[code]),
            Rule::DoneWithoutLog { code } => fill(Msg::RuleDoneWithoutLog, &[code]),
            Rule::LogUnknownCode { code } => fill(Msg::RuleLogUnknownCode, &[code]),
            Rule::LogMilestone { code } => fill(Msg::MilestoneNotLogged, &[code]),
            Rule::LogTwice { code, date, first } => fill(Msg::RuleLogTwice, &[code, date, first]),
            Rule::BothDayFields { field } => fill(Msg::RuleBothDayFields, &[field]),
            Rule::NoWorkingDay => fill(Msg::RuleNoWorkingDay, &[]),
            Rule::PastMidnight {
                hours,
                opens,
                closes,
            } => fill(Msg::RulePastMidnight, &[hours, opens, closes]),
            Rule::NotAWorkday { day } => fill(Msg::RuleNotAWorkday, &[day]),
            Rule::WeekdayTwice { day, first } => fill(Msg::RuleWeekdayTwice, &[day, first]),
            Rule::NameEmpty => fill(Msg::RuleNameEmpty, &[]),
            Rule::NameTwice { name, first } => fill(Msg::RuleNameTwice, &[name, first]),
            Rule::NearlyAPerson { who, name, first } => {
                fill(Msg::RuleNearlyAPerson, &[who, name, first])
            }
            Rule::ExceptionBoth { date } => fill(Msg::RuleExceptionBoth, &[date]),
            Rule::ExceptionNeither { date } => fill(Msg::RuleExceptionNeither, &[date]),
            Rule::ExceptionPastMidnight { hours, windows } => {
                fill(Msg::RuleExceptionPastMidnight, &[hours, windows])
            }
            Rule::ExceptionTwice { date, first } => fill(Msg::RuleExceptionTwice, &[date, first]),
            Rule::NoWorkdays => fill(Msg::RuleNoWorkdays, &[]),
            Rule::WorkdayTwice { day } => fill(Msg::RuleWorkdayTwice, &[day]),
            Rule::BusyBackwards { until, date } => fill(Msg::RuleBusyBackwards, &[until, date]),
            Rule::BusyTooLong => fill(Msg::RuleBusyTooLong, &[&MAX_BUSY_DAYS]),
            Rule::HolidayBackwards { until, date } => {
                fill(Msg::RuleHolidayBackwards, &[until, date])
            }
            Rule::HolidayTwice { date, first } => fill(Msg::RuleHolidayTwice, &[date, first]),
            Rule::AfterUnknown { code } => fill(Msg::RuleAfterUnknown, &[code]),
            Rule::AfterItself { code } => fill(Msg::RuleAfterItself, &[code]),
            Rule::Circle { codes, links } => {
                let links: Vec<String> = links.iter().map(|link| link.say(locale)).collect();
                fill(Msg::RuleCircle, &[codes, &links.join(", ")])
            }
            Rule::NoActivities => fill(Msg::RuleNoActivities, &[]),
            Rule::BadCode(problem) => problem.say(locale),
            Rule::CodeIsHolidayMark { code } => fill(Msg::RuleCodeIsHolidayMark, &[code, code]),
            Rule::WorkTooLarge => fill(Msg::RuleWorkTooLarge, &[]),
            Rule::CodeTwice { code, first } => fill(Msg::RuleCodeTwice, &[code, first]),
        }
    }
}

impl Say for CircleLink {
    fn say(&self, locale: Locale) -> String {
        match self {
            CircleLink::SamePerson { then, first, who } => {
                let who = match who.is_empty() {
                    true => Msg::PlansOnePerson.fill(locale, &[]),
                    false => format!("\"{who}\""),
                };
                Msg::CircleSamePerson.fill(locale, &[then, first, &who])
            }
            CircleLink::After { then, first } => Msg::CircleAfter.fill(locale, &[then, first]),
        }
    }
}

impl Say for CodeProblem {
    fn say(&self, locale: Locale) -> String {
        match self {
            CodeProblem::Empty => Msg::CodeEmpty.fill(locale, &[]),
            CodeProblem::Holds { code, unfit } => match unfit {
                Unfit::Bar => Msg::CodeHoldsBar.fill(locale, &[code]),
                Unfit::Space => Msg::CodeHoldsSpace.fill(locale, &[code]),
                Unfit::Invisible(point) => {
                    let point = format!("U+{point:04X}");
                    Msg::CodeHoldsInvisible.fill(locale, &[code, &point])
                }
            },
        }
    }
}

/// What usually mends a plan that breaks `rule`.
pub fn rule_tip(rule: &Rule) -> Msg {
    match rule {
        Rule::NotTracked => Msg::TipNotTracked,
        Rule::MilestoneHasNoWork { .. } => Msg::TipMilestoneHasNoWork,
        Rule::DoneWithoutLog { .. } => Msg::TipDoneWithoutLog,
        Rule::LogUnknownCode { .. } => Msg::TipLogUnknownCode,
        Rule::LogMilestone { .. } => Msg::TipLogMilestone,
        Rule::LogTwice { .. } => Msg::TipLogTwice,
        Rule::BothDayFields { .. } => Msg::TipBothDayFields,
        Rule::NoWorkingDay => Msg::TipNoWorkingDay,
        Rule::PastMidnight { .. } => Msg::TipPastMidnight,
        Rule::NotAWorkday { .. } => Msg::TipNotAWorkday,
        Rule::WeekdayTwice { .. } => Msg::TipWeekdayTwice,
        Rule::NameEmpty => Msg::TipNameEmpty,
        Rule::NameTwice { .. } => Msg::TipNameTwice,
        Rule::NearlyAPerson { .. } => Msg::TipNearlyAPerson,
        Rule::ExceptionBoth { .. } => Msg::TipExceptionBoth,
        Rule::ExceptionNeither { .. } => Msg::TipExceptionNeither,
        Rule::ExceptionPastMidnight { .. } => Msg::TipExceptionPastMidnight,
        Rule::ExceptionTwice { .. } => Msg::TipExceptionTwice,
        Rule::NoWorkdays => Msg::TipNoWorkdays,
        Rule::WorkdayTwice { .. } => Msg::TipWorkdayTwice,
        Rule::BusyBackwards { .. } => Msg::TipBusyBackwards,
        Rule::BusyTooLong => Msg::TipBusyTooLong,
        Rule::HolidayBackwards { .. } => Msg::TipHolidayBackwards,
        Rule::HolidayTwice { .. } => Msg::TipHolidayTwice,
        Rule::AfterUnknown { .. } => Msg::TipAfterUnknown,
        Rule::AfterItself { .. } => Msg::TipAfterItself,
        Rule::Circle { .. } => Msg::TipCircle,
        Rule::NoActivities => Msg::TipNoActivities,
        Rule::BadCode(_) => Msg::TipBadCode,
        Rule::CodeIsHolidayMark { .. } => Msg::TipCodeIsHolidayMark,
        Rule::WorkTooLarge => Msg::TipWorkTooLarge,
        Rule::CodeTwice { .. } => Msg::TipCodeTwice,
    }
}

/// The field at fault and what is wrong with it (`activities[3].code: "A1" is already …`).
impl Say for Violation {
    fn say(&self, locale: Locale) -> String {
        format!("{}: {}", self.field, self.rule.say(locale))
    }
}

/// A plan file's faults, in the shape compilers use (`file:line:col: message`, then the hint).
/// The parser's own words (`Syntax`) stay English, its hint with them.
impl Say for PlanError {
    fn say(&self, locale: Locale) -> String {
        let fill = |msg: Msg, values: &[&dyn Display]| msg.fill(locale, values);
        let hint = Msg::LabelHint.text(locale);
        match self {
            PlanError::Read { path, source } => {
                fill(Msg::PlanUnreadable, &[&path.display(), source])
            }
            PlanError::TooLarge { path, size, limit } => {
                fill(Msg::PlanTooBig, &[&path.display(), size, limit])
            }
            PlanError::NotText { path, at } => Located {
                path,
                at: Some(*at),
                message: Msg::PlanNotText.text(locale),
                hint: Some((hint, Msg::TipSaveUtf8.text(locale))),
            }
            .to_string(),
            PlanError::Syntax {
                path,
                at,
                message,
                hint,
            } => Located {
                path,
                at: Some(*at),
                message,
                hint: hint.map(|hint| ("hint", hint)),
            }
            .to_string(),
            PlanError::Invalid {
                path,
                at,
                violation,
                ..
            } => Located {
                path,
                at: *at,
                message: &violation.say(locale),
                hint: Some((hint, rule_tip(&violation.rule).text(locale))),
            }
            .to_string(),
            PlanError::Write { path, source } => {
                fill(Msg::PlanNotSaved, &[&path.display(), source])
            }
        }
    }
}

impl Say for ProjectNote {
    fn say(&self, locale: Locale) -> String {
        let fill = |msg: Msg, values: &[&dyn Display]| msg.fill(locale, values);
        match self {
            ProjectNote::NoCalendar { windows } => fill(Msg::NoteNoCalendar, &[windows]),
            ProjectNote::StartsMidDay { at, date, windows } => {
                fill(Msg::NoteStartsMidDay, &[at, date, windows])
            }
            ProjectNote::OffQuarter { windows } => fill(Msg::NoteOffQuarter, &[windows]),
            ProjectNote::RepeatingException { from } => fill(Msg::NoteRepeatingException, &[from]),
            ProjectNote::SameName { count, name } => fill(Msg::NoteSameName, &[count, name, name]),
            ProjectNote::SecondPeople { count } => fill(Msg::NoteSecondPeople, &[count]),
            ProjectNote::Summaries { count } => fill(Msg::NoteSummaries, &[count]),
            ProjectNote::CutAtMidnight { days } => fill(Msg::NoteCutAtMidnight, &[days]),
            ProjectNote::Unrecorded { count, codes } => fill(Msg::NoteUnrecorded, &[count, codes]),
            ProjectNote::Logged { entries, last } => fill(Msg::NoteLogged, &[entries, last]),
            ProjectNote::LinkKept {
                code,
                before,
                kind,
                lag_minutes,
            } => {
                let kind = [
                    Msg::LinkFinishToFinish,
                    Msg::LinkFinishToStart,
                    Msg::LinkStartToFinish,
                    Msg::LinkStartToStart,
                ]
                .get(usize::try_from(*kind).unwrap_or(usize::MAX))
                .map_or_else(|| fill(Msg::LinkUnknown, &[]), |msg| fill(*msg, &[]));
                let lag = match lag_minutes {
                    0 => String::new(),
                    minutes => fill(Msg::NoteLag, &[minutes]),
                };
                fill(Msg::NoteLinkKept, &[code, before, &kind, &lag])
            }
            ProjectNote::Rounded {
                code,
                minutes,
                hours,
            } => fill(Msg::NoteRounded, &[code, minutes, hours]),
            ProjectNote::Tasks { kind, codes } => {
                let what = task_kind(*kind, locale);
                match codes.as_slice() {
                    [one] => fill(Msg::NoteTaskOne, &[one, &what]),
                    _ => {
                        let shown = first_codes(codes, codes.len());
                        fill(Msg::NoteTaskMany, &[&codes.len(), &shown, &what])
                    }
                }
            }
            ProjectNote::Moved { count, codes } => fill(Msg::NoteMoved, &[count, codes]),
            ProjectNote::EnglishForCode { code } => fill(Msg::NoteEnglishForCode, &[code]),
        }
    }
}

/// What a task says that a plan cannot, as the object of "task 3 has …".
fn task_kind(kind: TaskKind, locale: Locale) -> String {
    const CONSTRAINTS: [Msg; 8] = [
        Msg::ConstraintAsSoonAsPossible,
        Msg::ConstraintAsLateAsPossible,
        Msg::ConstraintMustStartOn,
        Msg::ConstraintMustFinishOn,
        Msg::ConstraintStartNoEarlier,
        Msg::ConstraintStartNoLater,
        Msg::ConstraintFinishNoEarlier,
        Msg::ConstraintFinishNoLater,
    ];
    let msg = match kind {
        TaskKind::Elapsed => Msg::KindElapsed,
        TaskKind::TaskCalendar => Msg::KindTaskCalendar,
        TaskKind::Manual => Msg::KindManual,
        TaskKind::Shared => Msg::KindShared,
        TaskKind::Constraint(number) => {
            let name = CONSTRAINTS.get(number).copied();
            let name = name.unwrap_or(Msg::ConstraintUnknown).text(locale);
            let kept = Msg::ConstraintStartNoEarlier.text(locale);
            return Msg::KindConstraint.fill(locale, &[&name, &kept]);
        }
    };
    msg.text(locale).to_owned()
}

impl Say for DocProblem {
    fn say(&self, locale: Locale) -> String {
        match self {
            DocProblem::Activity(why) => Msg::DocProblemActivity.fill(locale, &[&why.say(locale)]),
            DocProblem::StartSentence(why) => {
                Msg::DocProblemStart.fill(locale, &[&why.say(locale)])
            }
            DocProblem::Row { month, why } => {
                let table = format!("{}-{:02}", month.year, month.month);
                Msg::DocProblemRow.fill(locale, &[&table, &why.say(locale)])
            }
            DocProblem::NoTable => Msg::DocProblemNoTable.fill(locale, &[]),
            DocProblem::NoStartSentence => Msg::DocProblemNoStart.fill(locale, &[]),
        }
    }
}

impl Say for WordsError {
    fn say(&self, locale: Locale) -> String {
        let fill = |msg: Msg, values: &[&dyn Display]| msg.fill(locale, values);
        match self {
            WordsError::NoMonth => fill(Msg::WordsNoMonth, &[]),
            WordsError::NoDay => fill(Msg::WordsNoDay, &[]),
            WordsError::NoYear => fill(Msg::WordsNoYear, &[]),
            WordsError::NotADay { day, month, year } => {
                fill(Msg::WordsNotADay, &[day, month, year])
            }
            WordsError::NoHoursADay => fill(Msg::WordsNoHoursADay, &[]),
            WordsError::NotHours(text) => fill(Msg::WordsNotHours, &[text]),
            WordsError::NotAWindow(from, to) => fill(Msg::WordsNotAWindow, &[from, to]),
            WordsError::WindowsDoNotAddUp {
                windows,
                total,
                hours_per_day,
            } => fill(
                Msg::WordsWindowsDoNotAddUp,
                &[windows, total, hours_per_day],
            ),
            WordsError::NotAnActivity => fill(Msg::WordsNotAnActivity, &[]),
            WordsError::NoNumber => fill(Msg::WordsNoNumber, &[]),
            WordsError::NoCode => fill(Msg::WordsNoCode, &[]),
            WordsError::CodeNotClosed => fill(Msg::WordsCodeNotClosed, &[]),
            WordsError::NoEffort => fill(Msg::WordsNoEffort, &[]),
            WordsError::RowCells(count) => fill(Msg::WordsRowCells, &[count]),
            WordsError::NoDayNumber(cell) => fill(Msg::WordsNoDayNumber, &[cell]),
            WordsError::MarkOutsideParentheses(cell) => {
                fill(Msg::WordsMarkOutsideParentheses, &[cell])
            }
            WordsError::UnexpectedDay { day, expected } => {
                fill(Msg::WordsUnexpectedDay, &[day, expected])
            }
        }
    }
}

impl std::fmt::Display for WordsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Locale::EN))
    }
}

impl std::error::Error for WordsError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::fields::parse_date;

    /// In English, the sentence is the fault's own words (one wording, not two that
    /// drift); in Spanish, another.
    fn said_in_english_as_shown(fault: impl Say + Display) {
        let shown = fault.to_string();
        assert_eq!(fault.say(Locale::EN), shown);
        assert_ne!(fault.say(Locale::ES), shown, "not said in Spanish: {shown}");
    }

    #[test]
    fn english_says_what_display_says() {
        said_in_english_as_shown(parse_date("2023-02-30").unwrap_err());
        said_in_english_as_shown(parse_date("30/2").unwrap_err());
        said_in_english_as_shown(
            crate::plan::window::parse_list("09:00-13:00 12:00-14:00").unwrap_err(),
        );
        said_in_english_as_shown(crate::plan::window::parse_list("9-13").unwrap_err());
        said_in_english_as_shown(crate::plan::template::parse_workdays("x").unwrap_err());
        said_in_english_as_shown("xx".parse::<Locale>().unwrap_err());
        said_in_english_as_shown(crate::import::ical::events("hello").unwrap_err());
        let cut = "BEGIN:VCALENDAR\nBEGIN:VEVENT\n";
        said_in_english_as_shown(crate::import::ical::events(cut).unwrap_err());
        let crossed = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n";
        said_in_english_as_shown(crate::import::ical::events(crossed).unwrap_err());
        said_in_english_as_shown(crate::import::bundled::Calendar::find("es-zz").unwrap_err());
        said_in_english_as_shown(crate::import::bundled::Calendar::find("xx").unwrap_err());
        said_in_english_as_shown(crate::import::mspdi::plan_from_mspdi("<svg/>").unwrap_err());
        said_in_english_as_shown(crate::import::mspdi::plan_from_mspdi("<a>").unwrap_err());
        said_in_english_as_shown(ScheduleError::Cycle {
            codes: "A1, A2".into(),
        });
    }

    #[test]
    fn a_broken_calendar_reads_in_spanish() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n";
        let error = crate::import::ical::events(text).unwrap_err();
        assert_eq!(
            error.of("clases.ics").say(Locale::ES),
            "clases.ics: no es un archivo iCalendar válido: línea 3: END:VTODO cierra el \
             BEGIN:VEVENT de la línea 2"
        );
    }

    /// One minute or many, the note reads right: no plural to agree with a count.
    #[test]
    fn a_rounded_task_reads_right_for_one_minute() {
        let note = crate::import::mspdi::ProjectNote::Rounded {
            code: "T1".into(),
            minutes: "1".into(),
            hours: "0".parse().unwrap(),
        };
        assert_eq!(
            note.say(Locale::ES),
            "T1: trabajo de 1 min, tomado como 0 h (en pasos de un cuarto de hora)"
        );
        assert_eq!(
            note.say(Locale::EN),
            "T1: work of 1 min, taken as 0 h (quarter-hour steps)"
        );
    }

    #[test]
    fn hours_name_what_was_typed() {
        let error = "7.3".parse::<crate::plan::Hours>().unwrap_err();
        assert_eq!(
            hours("7.3", error, Locale::ES),
            "7.3 no es múltiplo de un cuarto de hora (0,25)"
        );
    }
}
