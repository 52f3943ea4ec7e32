//! Every sentence cronograma says, in each language it speaks, wherever it says it: the
//! interactive view, and the reports of the command line and the exports (`status`,
//! `export --status`), which share the tracking words; and what each key does ([`KeyHelp`]),
//! named by an id, never by its English words. One file per language (`en`, `es`, `pt`), each
//! an exhaustive `match`, so a message missing in one language does not compile. (Month and
//! weekday names and the plan documents' labels are [`crate::locale::Words`].) Messages with
//! values have `{}` placeholders, filled in order by [`Msg::fill`]; a test checks every
//! language has the same number of them.

mod en;
mod es;
mod faults;
mod pt;
mod sentence;

pub use faults::{Say, csv_tip, hours as say_hours, rule_tip};
pub use sentence::{Part, Sentence};

use std::fmt::Display;

use crate::plan::{Language, Locale};

/// Declares [`Msg`] and [`Msg::ALL`] from one list of names, so the list tests walk cannot
/// fall behind the enum.
macro_rules! messages {
    ($($(#[$comment:meta])* $name:ident,)*) => {
        /// A sentence of cronograma's, in the view or in a report.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Msg {
            $($(#[$comment])* $name,)*
        }

        impl Msg {
            /// Every message.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];
        }
    };
}

messages! {
    // Panes and their parts.
    CalendarTitle,
    CalendarOf,
    PersonShown,
    EveryoneShown,
    FormPersonTime,
    PersonTimeNow,
    StepPersonTime,
    GanttTitle,
    ZoomDay,
    ZoomWeek,
    ZoomMonth,
    ActivityHeading,
    RowsOf,
    HoursPerDay,
    HelpTitle,
    HelpPages,
    LegendTitle,
    TooSmall,
    // Help headings.
    ContextEverywhere,
    ContextCalendar,
    ContextGantt,
    ContextForm,
    ContextQuestion,
    ContextHelp,
    ContextPalette,
    PaletteTitle,
    PaletteNothing,
    HintRun,
    // Footer words.
    HintMove,
    HintMonth,
    HintHoliday,
    HintShiftHoliday,
    HintGanttPane,
    HintCalendarPane,
    HintSelect,
    HintHours,
    HintEdit,
    HintAdd,
    HintDelete,
    HintReorder,
    HintSearch,
    HintView,
    HintUndo,
    HintSave,
    HintHelp,
    HintQuit,
    HintAccept,
    HintCancel,
    HintNextField,
    // Questions.
    UnsavedTitle,
    UnsavedText,
    AnswerSaveQuit,
    AnswerDiscardQuit,
    AnswerCancel,
    DeleteTitle,
    DeleteText,
    AnswerDelete,
    AnswerKeep,
    ChangedTitle,
    ChangedText,
    AnswerOverwrite,
    AnswerReload,
    ReloadTitle,
    ReloadText,
    AnswerReloadYes,
    AnswerKeepEditing,
    RecoverTitle,
    RecoverText,
    AnswerRecover,
    AnswerDeleteThem,
    AnswerLater,
    // Forms.
    FieldCode,
    FieldName,
    FieldHours,
    FieldWho,
    FieldAfter,
    FieldNotBefore,
    FieldTitle,
    FieldStart,
    FieldHoursADay,
    FieldDayStarts,
    FieldWorkingDays,
    FieldLanguage,
    FieldDayHours,
    FieldCalendarOrIcs,
    FieldImportAs,
    ImportAsHolidays,
    ImportAsUnknown,
    StepImportedBusy,
    FieldCsvFile,
    FieldHoursPerDay,
    FieldDayStartsAt,
    FieldWindows,
    FieldSearch,
    FormEditActivity,
    FormNewActivity,
    FormHolidayOn,
    FormHolidayRange,
    FormShortDay,
    FormExtraDay,
    FormImportHolidays,
    FormImportActivities,
    FormExport,
    FieldExportFormat,
    FieldExportFile,
    ExportUnknownFormat,
    ExportStarted,
    ExportDone,
    ExportFailed,
    ExportBug,
    ExportRunning,
    FormWorkingTime,
    FormNewPlan,
    FormSearch,
    // What actions say.
    Saved,
    NotSaved,
    Reloaded,
    ReloadedFromDisk,
    ChangedUnusable,
    ChangedWillAsk,
    NotRecovered,
    Recovered,
    DeletedFile,
    CannotDelete,
    RecoveryKept,
    PlanStartsOn,
    RangeCancelled,
    SyncStarted,
    SyncProgress,
    SyncDone,
    SyncRefused,
    StatusDateMoved,
    HeaderOverAllocated,
    SyncFailed,
    SyncNoServer,
    SyncCancelling,
    SyncRunning,
    PullStarted,
    PullNoServer,
    RangeFrom,
    NothingToUndo,
    NothingToChange,
    NothingToRedo,
    Undid,
    Redid,
    NoActivitySelected,
    LessThanAnHour,
    AtThatEnd,
    NowAHoliday,
    RangeNowHolidays,
    NoLongerAHoliday,
    AlreadyAHoliday,
    NotAHoliday,
    PastTheEnd,
    HolidayMoved,
    HoursGaveWayOne,
    HoursGaveWayMany,
    DayHoursOnHoliday,
    FormHolidayWorked,
    UsualHoursAgain,
    DayHours,
    NeedsAnActivity,
    DeletedActivity,
    AddedActivity,
    EditedActivity,
    HoursNow,
    MovedActivity,
    WorkingTimeNow,
    Created,
    ActivitiesFrom,
    LoggedNotListed,
    CannotReadIt,
    NotANumberOfHours,
    ZeroHours,
    Searching,
    NotFound,
    Found,
    ZoomNow,
    // Whole sentences per pane: "al calendarios" is not Spanish, nor "o calendários" Portuguese.
    FocusCalendars,
    FocusGantt,
    // The detail line.
    DetailActivity,
    DetailCritical,
    DetailAfter,
    DetailNotBefore,
    DetailWho,
    DetailMilestone,
    DetailDayOff,
    DetailRestDay,
    DetailNothing,
    DetailBusy,
    LegendBusy,
    DetailAllDay,
    DetailHoliday,
    DetailHolidayWorked,
    DetailHolidayDay,
    CliCreated,
    CliCreatedFrom,
    BusyWeekly,
    BusySkippedOne,
    BusySkippedMany,
    DocAgrees,
    DocUpToDate,
    DocBroughtUpToDate,
    DocCellDiffers,
    DocSaysNothing,
    DocMonthMissing,
    DocDiffersOne,
    DocDiffersMany,
    NotBundledYears,
    // What a pull of busy time moved (`moves`).
    MovedEnd,
    MovedStart,
    MovedMore,
    MovedFreed,
    MovedAfter,
    MovedLoad,
    // Undo descriptions.
    StepHoliday,
    StepNoHoliday,
    StepHolidayMoved,
    StepDayHours,
    StepUsualHours,
    StepHours,
    StepActivity,
    StepNewActivity,
    StepDeleted,
    StepMoved,
    StepStart,
    StepWorkingTime,
    StepImportedHolidays,
    StepPulledBusy,
    BusyPulledNote,
    StepImportedActivities,
    StepRecovered,
    // The help's legend.
    LegendHolidayMark,
    LegendShared,
    LegendCritical,
    LegendMilestone,
    LegendPartDay,
    LegendColours,
    LegendMouse,
    // Tracking: the view's words, then those the view and the status reports share.
    TrackingOn,
    LoggedHours,
    MarkedDone,
    MarkedNotDone,
    EndsNow,
    SlipLate,
    SlipLateOne,
    SlipEarly,
    SlipEarlyOne,
    SlipNone,
    BaselineSaved,
    BaselineExists,
    MilestoneNotLogged,
    NothingLogged,
    StatusHeading,
    StatusProgress,
    StatusEnd,
    StatusBaselineEnd,
    StatusWeek,
    StatusBusy,
    StatusLate,
    StatusNoneLate,
    ColumnActivity,
    ColumnState,
    ColumnLogged,
    ColumnRemaining,
    ColumnStart,
    ColumnEnd,
    ColumnSlip,
    SheetActivities,
    SheetCalendar,
    SheetGantt,
    ColumnCode,
    ColumnName,
    ColumnPerson,
    ColumnHours,
    ColumnWorkingDays,
    ColumnAfter,
    ColumnCritical,
    ColumnProgress,
    ColumnBaselineStart,
    ColumnBaselineEnd,
    RowTotal,
    ReportSpan,
    ReportEffort,
    ReportWorkingTime,
    ReportPeople,
    ReportYes,
    ReportHolidays,
    ReportDate,
    StatusDateMark,
    StateDone,
    StateInProgress,
    StateNotStarted,
    HeaderProgress,
    FormLog,
    FormLogged,
    FieldActivity,
    FieldNote,
    StepLog,
    StepDone,
    StepNotDone,
    StepBaseline,
    BaselineTitle,
    BaselineText,
    AnswerReplace,
    DetailTracked,
    LegendLogged,
    LegendPlanned,
    HintLog,
    HintDone,
    HintBaseline,
    LogAfterToday,
    NoSuchCode,
    LogRemoved,
    // The summary `check` prints (`export::summary`).
    CheckSpan,
    CheckTotalHours,
    CheckWorkingDays,
    CheckWorkingTime,
    CheckBusyTime,
    CheckHoursADay,
    CheckFrom,
    CheckBusyTaken,
    CheckCriticalPath,
    CheckOverAllocated,
    CheckDayOne,
    CheckDays,
    CheckHoursOf,
    // What an import of holidays or busy time did (`import::report`).
    ImportAddedHoliday,
    ImportAddedHolidays,
    ImportAddedBusyOne,
    ImportAddedBusyMany,
    ImportReplacing,
    ImportSkipped,
    SkipTimedOne,
    SkipTimedMany,
    SkipCancelled,
    SkipInvalid,
    SkipOutside,
    SkipFasterThanDaily,
    SkipFasterThanHourly,
    SkipHolidayOne,
    SkipHolidayMany,
    SkipUnreadable,
    SkipTransparent,
    SkipOwn,
    SkipAlreadyBusy,
    ImportCut,
    ImportUnknownZone,
    ImportLatin1,
    LineOne,
    LinesMany,
    AndMore,
    // Faults of values, files and calendars, said where they are shown (see `faults`).
    FaultNotADate,
    FaultNotADay,
    FaultNotATime,
    FaultNotAMoment,
    FaultNotALocale,
    FaultNotAWindow,
    FaultClosesFirst,
    FaultOffQuarter,
    FaultOverlaps,
    FaultTooManyWindows,
    FaultNoWindows,
    FaultHoursNegative,
    FaultHoursNotQuarter,
    FaultHoursTooLarge,
    FaultUnreadable,
    FaultTooLarge,
    FaultNotACalendar,
    FaultBadCalendar,
    FaultAfterCalendar,
    FaultTooDeep,
    FaultEndWithoutBegin,
    FaultMismatched,
    FaultCutShort,
    FaultTooManyRepeats,
    FaultTooManyPeriods,
    FaultNoSuchCalendar,
    FaultNoSuchSubdivision,
    FaultNotAPerson,
    FaultDtd,
    FaultXmlDeep,
    FaultXmlMalformed,
    FaultNotAProject,
    FaultNotAWeekday,
    FaultBackwards,
    FaultNoWeekdays,
    FaultPastTheCalendar,
    FaultCycle,
    // Refusals of the command line, kept as `Sentence`s and said when reported.
    Just,
    Located,
    LabelError,
    LabelWarning,
    LabelHint,
    LabelNote,
    CsvNoHeader,
    CsvHeaderUnreadable,
    CsvNoColumn,
    CsvRowUnreadable,
    CsvNotHours,
    CsvNoActivities,
    TipCsvColumns,
    TipCsvQuote,
    TipCsvHours,
    TipDateFormat,
    InputTooLarge,
    PasswordUnreadable,
    ProjectNotUtf8,
    TipProjectUtf8,
    TipExportMspdi,
    NoActivityRead,
    TipActivityLines,
    NothingToCompare,
    TipNamePlan,
    ImportedTask,
    PlanTooLarge,
    PlanTooLargeBecause,
    TipShorten,
    WouldNotOpen,
    Unschedulable,
    TipCheckTasks,
    LogsUnlisted,
    TipKeepRow,
    NoPlanParts,
    TipWholeSection,
    BusyNotAPerson,
    FromAfterTo,
    NoSuchCommand,
    Mistyped,
    LogAfterStatus,
    NothingChangedBecause,
    TipReplaceBaseline,
    Untracked,
    TipFirstLog,
    UnknownCode,
    WhichCalendar,
    NoPassword,
    NoBusyCalendars,
    BusyForStranger,
    PlanExists,
    NoTerminalToAsk,
    OutputExists,
    IntoWithProject,
    IntoWithDocument,
    GoesWith,
    BinaryToTerminal,
    NotCanonical,
    TipFmt,
    NoTerminal,
    TipNoTerminal,
    CannotWrite,
    // The plan's rules across fields (`validate::Rule`), each with what usually mends it.
    RuleNotTracked,
    TipNotTracked,
    RuleMilestoneHasNoWork,
    TipMilestoneHasNoWork,
    RuleDoneWithoutLog,
    TipDoneWithoutLog,
    RuleLogUnknownCode,
    TipLogUnknownCode,
    TipLogMilestone,
    RuleLogTwice,
    TipLogTwice,
    RuleBothDayFields,
    TipBothDayFields,
    RuleNoWorkingDay,
    TipNoWorkingDay,
    RulePastMidnight,
    TipPastMidnight,
    RuleNotAWorkday,
    TipNotAWorkday,
    RuleWeekdayTwice,
    TipWeekdayTwice,
    RuleNameEmpty,
    TipNameEmpty,
    RuleNameTwice,
    TipNameTwice,
    RuleNearlyAPerson,
    TipNearlyAPerson,
    RuleExceptionBoth,
    TipExceptionBoth,
    RuleExceptionNeither,
    TipExceptionNeither,
    RuleExceptionPastMidnight,
    TipExceptionPastMidnight,
    RuleExceptionTwice,
    TipExceptionTwice,
    RuleNoWorkdays,
    TipNoWorkdays,
    RuleWorkdayTwice,
    TipWorkdayTwice,
    RuleBusyBackwards,
    TipBusyBackwards,
    RuleBusyTooLong,
    TipBusyTooLong,
    RuleHolidayBackwards,
    TipHolidayBackwards,
    RuleHolidayTwice,
    TipHolidayTwice,
    RuleAfterUnknown,
    TipAfterUnknown,
    RuleAfterItself,
    TipAfterItself,
    RuleCircle,
    CircleSamePerson,
    CircleAfter,
    PlansOnePerson,
    TipCircle,
    RuleNoActivities,
    TipNoActivities,
    CodeEmpty,
    CodeHoldsBar,
    CodeHoldsSpace,
    CodeHoldsInvisible,
    TipBadCode,
    RuleCodeIsHolidayMark,
    TipCodeIsHolidayMark,
    RuleWorkTooLarge,
    TipWorkTooLarge,
    RuleCodeTwice,
    TipCodeTwice,
    // A plan file that cannot be read or saved.
    PlanUnreadable,
    PlanTooBig,
    PlanNotText,
    TipSaveUtf8,
    PlanNotSaved,
}

impl Msg {
    /// The message in `locale`'s words, placeholders unfilled.
    pub fn text(self, locale: Locale) -> &'static str {
        match locale.language() {
            Language::En => en::message(self),
            Language::Es => es::message(self),
            Language::Pt => pt::message(self),
        }
    }

    /// The message with its `{}` placeholders filled by `values`, in order.
    pub fn fill(self, locale: Locale, values: &[&dyn Display]) -> String {
        let mut out = String::new();
        let mut values = values.iter();
        let mut parts = self.text(locale).split("{}");
        if let Some(first) = parts.next() {
            out.push_str(first);
        }
        for part in parts {
            if let Some(value) = values.next() {
                out.push_str(&value.to_string());
            }
            out.push_str(part);
        }
        out
    }
}

/// What a holiday added over days with hours of their own says after it (see
/// [`crate::plan::days_off`]): `; 2024-07-19 loses its own hours`, or the count and the first
/// three dates; nothing when no day lost them.
pub fn hours_gave_way(locale: Locale, lost: &[chrono::NaiveDate]) -> String {
    match lost {
        [] => String::new(),
        [one] => Msg::HoursGaveWayOne.fill(locale, &[one]),
        many => {
            let shown: Vec<String> = many.iter().take(3).map(ToString::to_string).collect();
            let mut dates = shown.join(", ");
            if many.len() > 3 {
                dates.push_str(&Msg::AndMore.fill(locale, &[&(many.len() - 3)]));
            }
            Msg::HoursGaveWayMany.fill(locale, &[&many.len(), &dates])
        }
    }
}

/// Declares [`KeyHelp`] and [`KeyHelp::ALL`] from one list, as [`messages!`] does for [`Msg`].
macro_rules! helps {
    ($($name:ident,)*) => {
        /// What a key does, as the help, the footer and the command palette say it: one id
        /// per line of help, its words in each language's table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum KeyHelp {
            $($name,)*
        }

        impl KeyHelp {
            /// Every line of help.
            pub const ALL: &'static [KeyHelp] = &[$(KeyHelp::$name,)*];
        }
    };
}

helps! {
    PreviousDay,
    NextDay,
    PreviousWeek,
    NextWeek,
    PreviousMonth,
    NextMonth,
    PlansFirstDay,
    PlansLastDay,
    Today,
    HolidayOnOff,
    MarkAHolidayRange,
    ShortOrExtraDay,
    ImportHolidays,
    ActivitiesFromCsv,
    ExportToAFile,
    HolidayADayEarlier,
    HolidayADayLater,
    HolidayAWeekEarlier,
    HolidayAWeekLater,
    SwitchFocus,
    PreviousActivity,
    NextActivity,
    PageOfActivitiesUp,
    PageOfActivitiesDown,
    FirstActivity,
    LastActivity,
    OneHourMore,
    OneHourLess,
    EditActivity,
    AddActivityAfter,
    DeleteActivity,
    MoveActivityUp,
    MoveActivityDown,
    PlanStartsThisDay,
    WorkingHours,
    PersonInTurn,
    LogHoursOnThisDay,
    DoneOrNot,
    SaveTheBaseline,
    SyncTheCalendarServer,
    HolidaysFromTheCalendarServer,
    SearchCodesAndNames,
    NextMatch,
    PreviousMatch,
    Undo,
    Redo,
    Save,
    ShowPane,
    Zoom,
    ThisHelp,
    Quit,
    CancelARangeBeingMarked,
    Suspend,
    Accept,
    Cancel,
    NextField,
    PreviousField,
    DeleteACharacter,
    DeleteUnderTheCursor,
    CursorLeft,
    CursorRight,
    StartOfTheField,
    EndOfTheField,
    DeleteToTheStart,
    DeleteToTheEnd,
    DeleteTheWordBefore,
    Yes,
    SaveThenQuit,
    QuitWithoutSaving,
    OverwriteTheFileOnDisk,
    ReloadTheFileFromDisk,
    No,
    NextPage,
    PreviousPage,
    CloseTheHelp,
    CommandPalette,
    RunTheCommand,
    PreviousCommand,
    NextCommand,
    ClearTheFilter,
}

impl KeyHelp {
    /// The words in `locale`'s language.
    pub fn text(self, locale: Locale) -> &'static str {
        match locale.language() {
            Language::En => en::help(self),
            Language::Es => es::help(self),
            Language::Pt => pt::help(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message_with_the_same_placeholders() {
        let portuguese: Locale = "pt-BR".parse().unwrap();
        for msg in Msg::ALL.iter().copied() {
            let en = msg.text(Locale::EN);
            for other in [msg.text(Locale::ES), msg.text(portuguese)] {
                assert!(!en.is_empty() && !other.is_empty(), "{msg:?}");
                assert_eq!(
                    en.matches("{}").count(),
                    other.matches("{}").count(),
                    "{msg:?}: {other}"
                );
            }
        }
        let distinct: std::collections::HashSet<Msg> = Msg::ALL.iter().copied().collect();
        assert_eq!(distinct.len(), Msg::ALL.len());
    }

    #[test]
    fn placeholders_are_filled_in_order() {
        assert_eq!(
            Msg::HolidayMoved.fill(Locale::ES, &[&"2023-10-16", &"2023-10-17"]),
            "Feriado movido del 2023-10-16 al 2023-10-17"
        );
        assert_eq!(
            Msg::Undid.fill(Locale::EN, &[&"holiday 2023-10-12"]),
            "Undid: holiday 2023-10-12"
        );
    }
}
