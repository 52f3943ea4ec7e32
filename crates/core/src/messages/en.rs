//! English: every message and every key's help. Each is an exhaustive `match`, so a
//! message or a key missing here does not compile.

use super::{KeyHelp, Msg};

/// Every message.
pub(super) fn message(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        CalendarTitle => " Calendar ",
        CalendarOf => " Calendar of {} ",
        PersonShown => "The calendars show {}'s days and work",
        EveryoneShown => "The calendars show everyone",
        FormPersonTime => "Working time of {}",
        PersonTimeNow => "{}: {} h a day, {}",
        StepPersonTime => "working time of {}",
        GanttTitle => " Gantt · {} zoom (z) · * critical path ",
        ZoomDay => "day",
        ZoomWeek => "week",
        ZoomMonth => "month",
        ActivityHeading => " Activity",
        RowsOf => " {}–{} of {}",
        HoursPerDay => "{} h/day {}",
        HelpTitle => " Keys · any key closes ",
        HelpPages => " Keys {}/{} · ← → pages · any other key closes ",
        LegendTitle => "Legend",
        TooSmall => "Terminal too small: {}×{}. cronograma needs at least {}×{}.",
        ContextEverywhere => "Everywhere",
        ContextCalendar => "Calendars",
        ContextGantt => "Gantt",
        ContextForm => "Forms",
        ContextQuestion => "Questions",
        ContextHelp => "Help",
        ContextPalette => "Command palette",
        PaletteTitle => "Commands · type to filter",
        PaletteNothing => "No command matches «{}»",
        HintRun => "run",
        HintMove => "move",
        HintMonth => "month",
        HintHoliday => "holiday",
        HintShiftHoliday => "shift holiday",
        HintGanttPane => "Gantt",
        HintCalendarPane => "calendars",
        HintSelect => "select",
        HintHours => "hours",
        HintEdit => "edit",
        HintAdd => "add",
        HintDelete => "delete",
        HintReorder => "reorder",
        HintSearch => "search",
        HintView => "view",
        HintUndo => "undo",
        HintSave => "save",
        HintHelp => "help",
        HintQuit => "quit",
        HintAccept => "accept",
        HintCancel => "cancel",
        HintNextField => "next field",
        UnsavedTitle => "Unsaved changes",
        UnsavedText => "The plan has changes that are not saved.",
        AnswerSaveQuit => "save and quit",
        AnswerDiscardQuit => "discard and quit",
        AnswerCancel => "cancel",
        DeleteTitle => "Delete activity",
        DeleteText => "Delete {} ({} h) {}?",
        AnswerDelete => "delete",
        AnswerKeep => "keep it",
        ChangedTitle => "Changed on disk",
        ChangedText => "{} was changed by another program since it was loaded.",
        AnswerOverwrite => "overwrite it",
        AnswerReload => "reload it (drops your changes)",
        ReloadTitle => "Reload",
        ReloadText => "Drop your unsaved changes and load {} from disk?",
        AnswerReloadYes => "reload",
        AnswerKeepEditing => "keep editing",
        RecoverTitle => "Unsaved edits found",
        RecoverText => {
            "An earlier session of {} ended with unsaved edits; they were kept in {}.recover."
        }
        AnswerRecover => "recover them",
        AnswerDeleteThem => "delete them",
        AnswerLater => "decide later",
        FieldCode => "Code",
        FieldName => "Name",
        FieldHours => "Hours",
        FieldWho => "Who",
        FieldAfter => "After",
        FieldNotBefore => "Not before",
        FieldTitle => "Title",
        FieldStart => "Start",
        FieldHoursADay => "Hours a day",
        FieldDayStarts => "Day starts",
        FieldWorkingDays => "Working days",
        FieldLanguage => "Language (en, es, pt-BR, fr…)",
        FieldDayHours => "Hours (0: day off) or windows (14:00-18:00)",
        FieldCalendarOrIcs => "Calendar or .ics file",
        FieldImportAs => "As (holidays, busy, a person)",
        ImportAsHolidays => "holidays",
        ImportAsUnknown => "\"{}\" is not holidays, busy or one of the plan's people{}",
        StepImportedBusy => "busy time from {}",
        FieldCsvFile => "CSV file",
        FieldHoursPerDay => "Hours per day",
        FieldDayStartsAt => "Day starts at",
        FieldWindows => "Windows",
        FieldSearch => "Code or name",
        FormEditActivity => "Edit activity {} · {} → {}",
        FormNewActivity => "New activity",
        FormHolidayOn => "Holiday on {}",
        FormHolidayRange => "Holiday {}",
        FormShortDay => "Short day on {}",
        FormExtraDay => "Extra working day on {}",
        FormImportHolidays => {
            "Import holidays or busy time · country (ar), region (es-md) or .ics · Tab completes"
        }
        FormImportActivities => "Activities from a spreadsheet (replaces the plan's)",
        FormExport => "Export the plan",
        FieldExportFormat => "Format (xlsx, pdf, md, csv, svg, ics, json, mermaid, tjp, mspdi)",
        FieldExportFile => "File (empty: beside the plan, with its name)",
        ExportUnknownFormat => "\"{}\" is not a format: {}",
        ExportStarted => "Exporting to {}…",
        ExportDone => "Exported to {} ({} KB)",
        ExportFailed => "Not exported to {}: {}",
        ExportBug => "the export failed (a bug: please report it)",
        ExportRunning => "An export is already under way",
        FormWorkingTime => "Working time",
        FormNewPlan => "New plan {} · Esc leaves, writing nothing",
        FormSearch => "Search (n next, N previous)",
        Saved => "Saved {}",
        NotSaved => "{}: not saved: {}",
        Reloaded => "Reloaded {}",
        ReloadedFromDisk => "{} changed on disk: reloaded",
        ChangedUnusable => "{} changed on disk but cannot be used; kept the plan on screen: {}",
        ChangedWillAsk => "{} changed on disk; saving will ask before overwriting it",
        NotRecovered => "Not recovered: {}",
        Recovered => "Recovered the unsaved edits: s saves them",
        DeletedFile => "Deleted {}",
        CannotDelete => "{}: cannot delete: {}",
        RecoveryKept => "{} kept; it is offered again next time",
        PlanStartsOn => "The plan now starts on {}",
        RangeCancelled => "Range cancelled",
        SyncStarted => "Syncing with the calendar server… (Esc cancels)",
        SyncProgress => "Syncing with the calendar server: {} of {} changes (Esc cancels)",
        SyncDone => "Calendar server in step: {} created, {} updated, {} deleted, {} unchanged",
        SyncRefused => "; {} server answers named places outside the calendar and were left alone",
        StatusDateMoved => "Work is logged up to {}, after {}: the plan is followed as of that day",
        HeaderOverAllocated => "over-allocated: {} ({} days)",
        SyncFailed => "Sync stopped: {}",
        SyncNoServer => "No calendar server: set sync: (url: \"…\") in config.ron (README)",
        SyncCancelling => "Cancelling the sync after the change under way…",
        SyncRunning => "A sync is already running (Esc cancels it)",
        PullStarted => "Reading the holiday calendar from the server…",
        PullNoServer => "No holiday calendar: set holidays_url in sync: (…) in config.ron",
        RangeFrom => "Range from {}: move to its last day and press Space (Esc cancels)",
        NothingToUndo => "Nothing to undo",
        NothingToChange => "nothing to change: the plan already says so",
        NothingToRedo => "Nothing to redo",
        Undid => "Undid: {}",
        Redid => "Redid: {}",
        NoActivitySelected => "No activity selected",
        LessThanAnHour => "{} cannot have less than an hour taken off",
        AtThatEnd => "The activity is already at that end of the list",
        NowAHoliday => "{} is now a holiday",
        RangeNowHolidays => "{} are now holidays",
        NoLongerAHoliday => "{} is no longer a holiday",
        AlreadyAHoliday => "{} is already a holiday",
        NotAHoliday => "{} is not a holiday: nothing to shift",
        PastTheEnd => "That is past the end of the calendar",
        HolidayMoved => "Holiday moved from {} to {}",
        HoursGaveWayOne => "; {} loses its own hours",
        HoursGaveWayMany => "; {} days lose their own hours: {}",
        DayHoursOnHoliday => "{}: {} h, though it is a holiday ({})",
        FormHolidayWorked => "Work on {}, a holiday ({})",
        UsualHoursAgain => "{} has the plan's usual hours again",
        DayHours => "{}: {} h",
        NeedsAnActivity => "A plan needs at least one activity",
        DeletedActivity => "Deleted {}",
        AddedActivity => "Added {}",
        EditedActivity => "Changed {}",
        HoursNow => "{} now takes {} h",
        MovedActivity => "{} moved to position {}",
        WorkingTimeNow => "Working time: {} h a day, {}",
        Created => "Created {}: name the first activity (Esc keeps it as it is)",
        ActivitiesFrom => "{} activities from {}",
        LoggedNotListed => "{} is not in the spreadsheet, and the log has hours for it",
        CannotReadIt => "{}: cannot read it: {}",
        NotANumberOfHours => "\"{}\" is not a number of hours",
        ZeroHours => "0 is not a positive number of hours",
        Searching => "/{}",
        NotFound => "No activity matches \"{}\"",
        Found => "{} of {}: {}",
        ZoomNow => "Gantt zoom: a {} a column",
        FocusCalendars => "Keys go to the calendars",
        FocusGantt => "Keys go to the Gantt",
        DetailActivity => "{} {} · {} h · {} → {}",
        DetailCritical => "critical",
        DetailAfter => "after {}",
        DetailNotBefore => "not before {}",
        DetailWho => "by {}",
        DetailMilestone => "{} {} · milestone · {}",
        DetailDayOff => "{} · day off ({} h)",
        DetailRestDay => "{} · rest day",
        DetailNothing => "{} · {} h free",
        DetailBusy => "busy: {}",
        DetailAllDay => "all day",
        DetailHoliday => "{} · holiday: {}",
        DetailHolidayWorked => "{}: worked {} h all the same",
        DetailHolidayDay => "{} (holiday)",
        CliCreated => "Created {}{}",
        CliCreatedFrom => " from {}",
        BusyWeekly => "weekly",
        BusySkippedOne => " (1 week skipped)",
        BusySkippedMany => " ({} weeks skipped)",
        DocAgrees => "{}: the {} month tables ({} days) agree with the schedule",
        DocUpToDate => "{}: up to date",
        DocBroughtUpToDate => "{}: brought up to date ({} lines written, {} removed)",
        DocCellDiffers => "{}, week {}, {}: document says {}, schedule says {}",
        DocSaysNothing => "nothing",
        DocMonthMissing => "{}: the schedule has work this month, the document has no table for it",
        DocDiffersOne => "{}: {} cell of the tables differs from the schedule",
        DocDiffersMany => "{}: {} cells of the tables differ from the schedule",
        NotBundledYears => "{}: the bundled calendar has {}–{}; it has nothing for {}",
        MovedEnd => "{} ends {}, was {}",
        MovedStart => "{} starts {}, was {}",
        MovedMore => " and {} more",
        MovedFreed => "no longer busy: {}",
        MovedAfter => "after {}, which moved",
        MovedLoad => "its person's other work moved",
        StepHoliday => "holiday {}",
        StepNoHoliday => "holiday {} removed",
        StepHolidayMoved => "holiday moved from {} to {}",
        StepDayHours => "{} h on {}",
        StepUsualHours => "usual hours on {}",
        StepHours => "hours of {}",
        StepActivity => "changes to {}",
        StepNewActivity => "new activity {}",
        StepDeleted => "deleting {}",
        StepMoved => "moving {}",
        StepStart => "plan start {}",
        StepWorkingTime => "working time",
        StepImportedHolidays => "holidays from {}",
        StepPulledBusy => "busy time from {} calendars",
        BusyPulledNote => "busy time: {} blocks pulled, {} replaced; {} activities moved",
        StepImportedActivities => "activities from {}",
        StepRecovered => "recovered edits",
        LegendHolidayMark => "{}  a holiday (red); dim numbers: days nobody works",
        LegendShared => "A3+  A3 and more activities that day",
        LegendCritical => "*  on the critical path: it sets the end",
        LegendMilestone => "◆  a milestone",
        LegendPartDay => "▌▐  part of a day's work",
        LegendBusy => "blue number: busy time (a class) takes part of the day",
        LegendColours => "yellow number: a day with its own hours; underlined: today",
        LegendMouse => "mouse: click a day or a row; the wheel scrolls",
        TrackingOn => "Tracking is on: remaining work starts on {}",
        LoggedHours => "{}: {} h logged on {}",
        MarkedDone => "{}: done",
        MarkedNotDone => "{}: not done any more",
        EndsNow => "the plan ends {}",
        SlipLate => "{} working days late",
        SlipLateOne => "1 working day late",
        SlipEarly => "{} working days early",
        SlipEarlyOne => "1 working day early",
        SlipNone => "on time",
        BaselineSaved => "Baseline saved on {}: {} activities",
        BaselineExists => "the plan already has a baseline, saved on {}",
        MilestoneNotLogged => "{} is a milestone: milestones are not logged",
        NothingLogged => "{} has no logged hours: log them first (L)",
        StatusHeading => "Status as of {}",
        StatusProgress => "Progress: {} % ({} h logged, {} h remaining)",
        StatusEnd => "Forecast end: {}",
        StatusBaselineEnd => "Baseline end: {} ({})",
        StatusWeek => "Week {} ({} to {}): {} h planned, {} h logged",
        StatusBusy => "Busy time takes {} h of working time from {} to the end",
        StatusLate => "Late against the baseline: {}",
        StatusNoneLate => "No activity is late against the baseline",
        ColumnActivity => "Activity",
        ColumnState => "State",
        ColumnLogged => "Logged",
        ColumnRemaining => "Remaining",
        ColumnStart => "Start",
        ColumnEnd => "End",
        ColumnSlip => "Slip",
        SheetActivities => "Activities",
        SheetCalendar => "Calendar",
        SheetGantt => "Gantt",
        ColumnCode => "Code",
        ColumnName => "Name",
        ColumnPerson => "Person",
        ColumnHours => "Hours",
        ColumnWorkingDays => "Working days",
        ColumnAfter => "After",
        ColumnCritical => "Critical",
        ColumnProgress => "Progress",
        ColumnBaselineStart => "Baseline start",
        ColumnBaselineEnd => "Baseline end",
        RowTotal => "Total",
        ReportSpan => "From {} to {}",
        ReportEffort => "{} h of work in {} working days",
        ReportWorkingTime => "Working time: {} ({})",
        ReportPeople => "People: {}",
        ReportYes => "yes",
        ReportHolidays => "Holidays",
        ReportDate => "Date",
        StatusDateMark => "Status date: {}",
        StateDone => "done",
        StateInProgress => "in progress",
        StateNotStarted => "not started",
        HeaderProgress => "{} % done",
        FormLog => "Log hours on {}",
        FormLogged => "{} (logged: {})",
        FieldActivity => "Activity",
        FieldNote => "Note",
        StepLog => "hours of {} on {}",
        StepDone => "{} done",
        StepNotDone => "{} not done",
        StepBaseline => "baseline",
        BaselineTitle => "Replace the baseline?",
        BaselineText => {
            "The plan has a baseline saved on {}. Replace it with the schedule as it is now?"
        }
        AnswerReplace => "replace",
        DetailTracked => "logged {} h · remaining {} h · {}",
        LegendLogged => "A2 underlined, bold █: hours logged",
        LegendPlanned => "dim ▓: still to do · │ status date · _ baseline",
        HintLog => "log hours",
        HintDone => "done",
        HintBaseline => "baseline",
        LogAfterToday => "{} is after today, {}: hours are logged for days that have come",
        NoSuchCode => "no activity has the code {}",
        LogRemoved => "{}: the hours of {} taken away",
        CheckSpan => "span",
        CheckTotalHours => "total hours",
        CheckWorkingDays => "working days",
        CheckWorkingTime => "working time",
        CheckBusyTime => "busy time",
        CheckHoursADay => "{} h a day {}, {}",
        CheckFrom => "from {}",
        CheckBusyTaken => "{} h of working time taken in the span",
        CheckCriticalPath => "critical path (*): {}",
        CheckOverAllocated => "over-allocated: {} {} ({})",
        CheckDayOne => "1 day",
        CheckDays => "{} days",
        CheckHoursOf => "{} {} h of {}",
        ImportAddedHoliday => "added 1 holiday",
        ImportAddedHolidays => "added {} holidays",
        ImportAddedBusyOne => "added 1 busy block ({} times)",
        ImportAddedBusyMany => "added {} busy blocks ({} times)",
        ImportReplacing => ", replacing {} pulled before",
        ImportSkipped => "; skipped {}",
        SkipTimedOne => "{} timed event",
        SkipTimedMany => "{} timed events",
        SkipCancelled => "{} cancelled",
        SkipInvalid => "{} invalid ({})",
        SkipOutside => "{} outside {} – {}",
        SkipFasterThanDaily => "{} repeating faster than daily ({})",
        SkipFasterThanHourly => "{} repeating faster than hourly ({})",
        SkipHolidayOne => "{} already a holiday",
        SkipHolidayMany => "{} already holidays",
        SkipUnreadable => "{} unreadable ({})",
        SkipTransparent => "{} transparent (free)",
        SkipOwn => "{} the plan's own events",
        SkipAlreadyBusy => "{} already busy time of the plan",
        ImportCut => {
            "; the event of line {} repeats past the limit of {} instances: {} kept, up to {}"
        }
        ImportUnknownZone => "; an unknown TZID was read as local time ({})",
        ImportLatin1 => " (the file is not UTF-8: it was read as Latin-1)",
        LineOne => "line {}",
        LinesMany => "lines {}",
        AndMore => " and {} more",
        FaultNotADate => "\"{}\" is not a date written as YYYY-MM-DD",
        FaultNotADay => "\"{}\" is not a day of the calendar",
        FaultNotATime => "\"{}\" is not a time of day written as HH:MM (00:00 to 23:59)",
        FaultNotAMoment => "\"{}\" is not a moment written as YYYY-MM-DDTHH:MM",
        FaultNotALocale => {
            "\"{}\" is not a known locale; use a language and perhaps a region, as \"es\", \"en\", \"pt-BR\", \"fr\" or \"de\""
        }
        FaultNotAWindow => "\"{}\" is not a window written as HH:MM-HH:MM, from 00:00 to 24:00",
        FaultClosesFirst => {
            "the window \"{}\" closes before it opens (a window ends by 24:00, the same day)"
        }
        FaultOffQuarter => "the window \"{}\" is not on quarter hours (:00, :15, :30, :45)",
        FaultOverlaps => {
            "the window \"{}\" starts before \"{}\" ends: windows are listed in the order of the day and do not overlap"
        }
        FaultTooManyWindows => "a day holds at most 96 windows",
        FaultNoWindows => "the list of windows is empty: give at least one, as [\"09:00-13:00\"]",
        FaultHoursNegative => "{} is not a positive number of hours",
        FaultHoursNotQuarter => "{} is not a multiple of a quarter-hour (0.25)",
        FaultHoursTooLarge => "{} is more hours than cronograma accepts (1000000 at most)",
        FaultUnreadable => "cannot read it: {}",
        FaultTooLarge => "the file is larger than the {} bytes a calendar may have",
        FaultNotACalendar => "not an iCalendar file: it does not start with BEGIN:VCALENDAR",
        FaultBadCalendar => "not a valid iCalendar file: line {}: {}",
        FaultAfterCalendar => "a component after END:VCALENDAR that is not another VCALENDAR",
        FaultTooDeep => "components are nested more than {} deep",
        FaultEndWithoutBegin => "END:{} without a BEGIN",
        FaultMismatched => "END:{} closes BEGIN:{} of line {}",
        FaultCutShort => {
            "the file ends before END:{} (BEGIN:{} is on line {}): it may have been cut short"
        }
        FaultTooManyRepeats => "line {}: the events repeat more than {} times between {} and {}",
        FaultTooManyPeriods => "line {}: more than {} busy periods between {} and {}",
        FaultNoSuchCalendar => {
            "no bundled calendar has this name; `cronograma holidays list` names them"
        }
        FaultNoSuchSubdivision => {
            "{} has no subdivision \"{}\"; `cronograma holidays list {}` names them"
        }
        FaultNotAPerson => "\"{}\" is not one of the plan's people",
        FaultDtd => {
            "the file declares a DTD, which MS Project XML never has: it is not read (entities could expand without bound)"
        }
        FaultXmlDeep => {
            "elements are nested more than {} levels deep (line {}), which no real file is: it is not read"
        }
        FaultXmlMalformed => "not well-formed XML: {}",
        FaultNotAProject => {
            "not MS Project XML: the document is <{}>, where MSPDI has <Project xmlns=\"{}\">"
        }
        FaultNotAWeekday => "\"{}\" is not a day of the week (Mon … Sun, or lun … dom)",
        FaultBackwards => "\"{}\": the range runs backwards",
        FaultNoWeekdays => "no day of the week: list the worked days, as Mon Tue Wed Thu Fri",
        FaultPastTheCalendar => "activity {} would run past the year 9999",
        FaultCycle => "activities {} wait for each other in a circle",
        Just => "{}",
        Located => "{}: {}",
        LabelError => "error",
        LabelWarning => "warning",
        LabelHint => "hint",
        LabelNote => "note",
        CsvNoHeader => "the file has no header line",
        CsvHeaderUnreadable => "the header line cannot be read: {}",
        CsvNoColumn => "no `{}` column (the columns are: {})",
        CsvRowUnreadable => "the row cannot be read: {}",
        CsvNotHours => "\"{}\" is not a number of hours",
        CsvNoActivities => "the file has no activities under its header",
        TipCsvColumns => {
            "the first line names the columns: code, name, hours (and optionally who, after, not_before)"
        }
        TipCsvQuote => "quote cells that hold the separator or line breaks",
        TipCsvHours => {
            "hours are numbers in quarter-hour steps: 42, 7.5, 7,5, 0.25 (0 for a milestone)"
        }
        TipDateFormat => "write dates as YYYY-MM-DD",
        InputTooLarge => "the file is larger than {} bytes",
        PasswordUnreadable => "the password file cannot be read: {}",
        ProjectNotUtf8 => "the file is not UTF-8 text",
        TipProjectUtf8 => "MS Project writes its XML files in UTF-8",
        TipExportMspdi => {
            "export the project from MS Project, ProjectLibre or GanttProject as XML (MSPDI)"
        }
        NoActivityRead => "no activity could be read",
        TipActivityLines => {
            "activities are written as `* **Activity 1 (A1):** name *Duration: 42 hours.*` or `* **Actividad Nº1 (A1):** nombre *Duración: 42 horas.*`"
        }
        NothingToCompare => "no activity could be read, so there is no schedule to compare with",
        TipNamePlan => "name the plan to compare with: cronograma check --doc DOC.md PLAN",
        ImportedTask => "task {} \"{}\": {}",
        PlanTooLarge => "the plan made of it would be {} bytes, more than the {} a plan may have",
        PlanTooLargeBecause => {
            "the plan made of it would be {} bytes, more than the {} a plan may have; activity {} alone holds {} bytes of text"
        }
        TipShorten => "shorten that text in the file and import it again",
        WouldNotOpen => "the plan made of it would not open again: {}",
        Unschedulable => "the plan made of it cannot be scheduled: {}",
        TipCheckTasks => "check the task's dates, work and links in the file",
        LogsUnlisted => "{} logs hours for {}, which the spreadsheet does not list",
        TipKeepRow => "keep its row, or take its entries out of the plan's log first",
        NoPlanParts => {
            "no plan parts to bring up to date (start sentence, activity list, month tables)"
        }
        TipWholeSection => {
            "`cronograma export PLAN --format md -o DOC.md` writes a whole new section"
        }
        BusyNotAPerson => {
            "\"{}\" is not one of the plan's people: add them to `people` first, or leave --who out for busy time of everyone"
        }
        FromAfterTo => {
            "the first day to import, {}, is after the last, {}: choose --from and --to so that no day is left out"
        }
        NoSuchCommand => "no command `{}`; `cronograma --help` lists them",
        Mistyped => {
            "`{}` is not a command, and there is no plan of that name; did you mean `cronograma {}`? (`cronograma --help` lists the commands)"
        }
        LogAfterStatus => {
            "{} is after the status date, {}: hours can be logged only for days that have come (give a later status date with --as-of)"
        }
        NothingChangedBecause => "{}: {}; nothing was changed",
        TipReplaceBaseline => {
            "cronograma baseline --replace {} saves the schedule as it is now in its place"
        }
        Untracked => "{}: the plan is not tracked yet: it has no `log`",
        TipFirstLog => {
            "log the first hours with `cronograma log CODE HOURS {}`, or add `log: []` to the plan"
        }
        UnknownCode => "no activity has the code \"{}\" (the codes are {})",
        WhichCalendar => {
            "which calendar? give --url URL, or name it once in the config file: {} (README.md, \"Settings\")"
        }
        NoPassword => {
            "--user needs a password: set CRONOGRAMA_CALDAV_PASSWORD, or name a secret file as password_file in the config file (it is never taken from the command line)"
        }
        NoBusyCalendars => {
            "no busy calendars: name them in the config file as sync: (url: \"…\", busy: [\"https://…/university/\"]) (README.md, \"Busy time from calendars\")"
        }
        BusyForStranger => {
            "the busy calendar {} is for \"{}\", who is not one of the plan's people: add them to `people`, or fix `who` in the config file"
        }
        PlanExists => "{} exists already: open it with `cronograma {}` (new never replaces a file)",
        NoTerminalToAsk => {
            "no terminal to ask on: give --yes for the defaults, or the values as flags (--title, --start, --hours-per-day, --day-start, --workdays, --locale)"
        }
        OutputExists => "{} exists already; give --force to replace it, or -o to name another file",
        IntoWithProject => {
            "--into takes a spreadsheet (.csv); an MS Project file makes a whole plan: give -o PLAN"
        }
        IntoWithDocument => {
            "--into replaces a plan's activities with a spreadsheet's (.csv); a document makes a whole plan: give -o PLAN"
        }
        GoesWith => "{} goes with --format {}",
        BinaryToTerminal => {
            "--format {} is a binary file, not for a terminal: name it with -o plan.{}"
        }
        NotCanonical => "{}: not in canonical form",
        TipFmt => "run `cronograma fmt {}` to rewrite it",
        NoTerminal => "the interactive view needs a terminal, and none could be opened ({})",
        TipNoTerminal => "check, cal, export and status work without one",
        CannotWrite => "{}: cannot write: {}",
        RuleNotTracked => "the plan is not tracked: it has no `log`",
        TipNotTracked => {
            "add `log: []` to the plan (or log hours with `cronograma log`) to follow its progress"
        }
        RuleMilestoneHasNoWork => "{} is a milestone: it has no work to finish",
        TipMilestoneHasNoWork => {
            "milestones are reached when what they wait for ends; remove the field"
        }
        RuleDoneWithoutLog => "{} is done but has no logged hours",
        TipDoneWithoutLog => "log the hours it took first (`cronograma log CODE HOURS --date D`)",
        RuleLogUnknownCode => "no activity has the code \"{}\"",
        TipLogUnknownCode => "log hours against the code of an activity of the plan",
        TipLogMilestone => "log the hours against the work that leads to it",
        RuleLogTwice => "{} already has hours logged on {} ({})",
        TipLogTwice => "one entry per date and code: add the hours up into one",
        RuleBothDayFields => "`windows` and `{}` both give the working day",
        TipBothDayFields => "keep `windows` (their sum is the day's hours) and remove the other",
        RuleNoWorkingDay => {
            "the plan gives neither `hours_per_day` nor `windows`: how long is a working day?"
        }
        TipNoWorkingDay => {
            "add `hours_per_day: 8`, or `windows: [\"08:00-12:00\", \"13:00-17:00\"]`"
        }
        RulePastMidnight => "{} hours from {} end at {}, past midnight",
        TipPastMidnight => {
            "make the day shorter or start it earlier: the window must fit in one day"
        }
        RuleNotAWorkday => "{} is not a workday: it has no windows to change",
        TipNotAWorkday => "add it to `workdays`, or give a date's windows in `exceptions`",
        RuleWeekdayTwice => "{} already has its windows ({})",
        TipWeekdayTwice => "name each weekday in one group",
        RuleNameEmpty => "the name is empty",
        TipNameEmpty => "write the name activities give in `who`",
        RuleNameTwice => "\"{}\" is already listed ({})",
        TipNameTwice => "list each person once",
        RuleNearlyAPerson => "\"{}\" is not \"{}\" ({}): as written it works the plan's hours",
        TipNearlyAPerson => "write the name exactly as in `people`",
        RuleExceptionBoth => "{} gives both `hours` and `windows`",
        TipExceptionBoth => {
            "give the day's `hours` (the first of its windows) or its own `windows`"
        }
        RuleExceptionNeither => "{} gives neither `hours` nor `windows`",
        TipExceptionNeither => "give the day's `hours` (0 for a day off) or its own `windows`",
        RuleExceptionPastMidnight => "{} hours from the first window ({}) run past midnight",
        TipExceptionPastMidnight => "make the day shorter, or give it `windows` of its own",
        RuleExceptionTwice => "{} already has its hours ({})",
        TipExceptionTwice => "give each date one exception",
        RuleNoWorkdays => "no day of the week is worked, so no work can ever be done",
        TipNoWorkdays => "list the worked days, as [Mon, Tue, Wed, Thu, Fri]",
        RuleWorkdayTwice => "{} is listed twice",
        TipWorkdayTwice => "list each day once",
        RuleBusyBackwards => "the block repeats until {}, before its first day {}",
        TipBusyBackwards => "a block repeats from `date` to `until`, both included",
        RuleBusyTooLong => "the busy blocks reach more than {} days together",
        TipBusyTooLong => "give a repetition the last day it is really held on",
        RuleHolidayBackwards => "{} is before the range's first day, {}",
        TipHolidayBackwards => "a range runs from `date` to `until`, both included",
        RuleHolidayTwice => "{} is already a holiday ({})",
        TipHolidayTwice => "list each holiday once",
        RuleAfterUnknown => "\"{}\" is not the code of any activity",
        TipAfterUnknown => "`after` lists codes of other activities of the plan",
        RuleAfterItself => "{} cannot wait for itself",
        TipAfterItself => "remove it from its own `after`",
        RuleCircle => "{} wait for each other in a circle ({})",
        CircleSamePerson => "{} follows {} for {}",
        CircleAfter => "{} is after {}",
        PlansOnePerson => "the plan's one person",
        TipCircle => "remove one of these `after` links, or reorder the person's activities",
        RuleNoActivities => "the plan has no activities",
        TipNoActivities => "add one, as (code: \"A1\", name: \"Research\", hours: 40)",
        CodeEmpty => "the code is empty",
        CodeHoldsBar => "\"{}\" contains a `|`",
        CodeHoldsSpace => "\"{}\" contains a space",
        CodeHoldsInvisible => "\"{}\" contains the invisible character {}",
        TipBadCode => {
            "codes are written next to day numbers: use one word of visible characters, as \"A1\" or \"Review\""
        }
        RuleCodeIsHolidayMark => {
            "\"{}\" is how the tables mark a holiday in this plan's language (13 ({}))"
        }
        TipCodeIsHolidayMark => "give the activity another code, as \"F1\" or \"Fin\"",
        RuleWorkTooLarge => "its work is more hours than cronograma accepts (1000000 at most)",
        TipWorkTooLarge => "split the work into activities of at most a million hours",
        RuleCodeTwice => "\"{}\" is already the code of {}",
        TipCodeTwice => "codes name activities in the calendars, so each must be unique",
        PlanUnreadable => "{}: cannot read the plan: {}",
        PlanTooBig => "{}: the file is {} bytes, more than the {} a plan may have",
        PlanNotText => "the file is not UTF-8 text (a binary file, or another encoding)",
        TipSaveUtf8 => "save the plan as UTF-8",
        PlanNotSaved => "{}: cannot save the plan: {} (the file on disk is unchanged)",
        NoteNoCalendar => "the file has no calendar: Monday to Friday, {}",
        NoteStartsMidDay => "the project starts at {}: its first day, {}, is worked from then ({})",
        NoteOffQuarter => "working times off the quarter hour are moved to it: {}",
        NoteRepeatingException => {
            "a repeating calendar exception from {} is read as its first period only"
        }
        NoteSameName => {
            "{} resources are named \"{}\": the second and later are told apart by their resource ID, as \"{} (ID)\""
        }
        NoteSecondPeople => {
            "{} assignments of a second person to a task are left out: an activity has one person"
        }
        NoteSummaries => "{} summary tasks are left out (their work is their subtasks')",
        NoteCutAtMidnight => {
            "{} days record more actual work for one person than fits before midnight (several people on a task, or long days): kept up to midnight"
        }
        NoteUnrecorded => {
            "{} tasks have actual work with no day-by-day record in the file ({}): left out; log it with `cronograma log CODE HOURS --date DAY`"
        }
        NoteLogged => "the actual work recorded day by day is the plan's log: {} entries, up to {}",
        NoteLinkKept => "{} after {}: a {} link{} is kept as finish-to-start without lag",
        NoteLag => " with a lag of {} min",
        LinkFinishToFinish => "finish-to-finish",
        LinkFinishToStart => "finish-to-start",
        LinkStartToFinish => "start-to-finish",
        LinkStartToStart => "start-to-start",
        LinkUnknown => "of an unknown kind",
        NoteRounded => "{}: work of {} min, taken as {} h (quarter-hour steps)",
        NoteTaskOne => "task {} has {}",
        NoteTaskMany => "{} tasks ({}) have {}",
        KindElapsed => "an elapsed duration (days of 24 hours, every day), read as working time",
        KindTaskCalendar => {
            "a task calendar, left out: the person's or the plan's calendar is used"
        }
        KindManual => "manual scheduling in the file, scheduled here by the plan's rules",
        KindShared => {
            "shared or part-time work (several people, or units under 100 %), read as the task's duration: a plan's person works full days"
        }
        KindConstraint => "the constraint \"{}\", left out: a plan has only \"{}\"",
        ConstraintAsSoonAsPossible => "as soon as possible",
        ConstraintAsLateAsPossible => "as late as possible",
        ConstraintMustStartOn => "must start on",
        ConstraintMustFinishOn => "must finish on",
        ConstraintStartNoEarlier => "start no earlier than",
        ConstraintStartNoLater => "start no later than",
        ConstraintFinishNoEarlier => "finish no earlier than",
        ConstraintFinishNoLater => "finish no later than",
        ConstraintUnknown => "unknown",
        NoteMoved => {
            "{} activities start at another time than in the file ({}): they are scheduled on the working time the plan has of the file, and what the notes above left out no longer holds them"
        }
        NoteEnglishForCode => {
            "the task code \"{}\" is how the tables of this language mark a holiday, so the plan is in English (holidays marked H)"
        }
        DocProblemActivity => "activity: {}",
        DocProblemStart => "start sentence: {}",
        DocProblemRow => "{} table: {}",
        DocProblemNoTable => "a month heading with no table under it",
        DocProblemNoStart => {
            "no start sentence (`Del 13 de Septiembre del 2023 con 6 horas diarias …`): the start is the first day in the tables, with 8 hours a day from 09:00"
        }
        WordsNoMonth => "no month name: write the start as `13 de Septiembre del 2023`",
        WordsNoDay => "no day of the month next to the month's name",
        WordsNoYear => "no year (four digits) after the month's name",
        WordsNotADay => "{}/{}/{} is not a day of the calendar",
        WordsNoHoursADay => "no hours a day: write them as `6 horas diarias` or `6 hours a day`",
        WordsNotHours => "\"{}\" is not a number of hours in quarter-hour steps",
        WordsNotAWindow => "{} to {} is not a window of the day on quarter hours",
        WordsWindowsDoNotAddUp => "the windows {} hold {} hours, not {}",
        WordsNotAnActivity => "an activity starts with `Actividad`, `Activity` or `Atividade`",
        WordsNoNumber => "no number after the word `Actividad`/`Activity`",
        WordsNoCode => "no code in parentheses after the number, as `(A1)`",
        WordsCodeNotClosed => "the code's parenthesis is not closed",
        WordsNoEffort => "no `Duración: N horas` (or `Duration: N hours`, or `Hito`)",
        WordsRowCells => "a row of {} cells, not 8 (the week and seven days)",
        WordsNoDayNumber => "\"{}\" does not start with a day number",
        WordsMarkOutsideParentheses => "\"{}\": what follows the day goes in parentheses",
        WordsUnexpectedDay => "day {} where {} was expected",
    }
}

/// What each key does, as the help says it.
pub(super) fn help(help: KeyHelp) -> &'static str {
    use KeyHelp::*;
    match help {
        PreviousDay => "previous day",
        NextDay => "next day",
        PreviousWeek => "previous week",
        NextWeek => "next week",
        PreviousMonth => "previous month",
        NextMonth => "next month",
        PlansFirstDay => "plan's first day",
        PlansLastDay => "plan's last day",
        Today => "today",
        HolidayOnOff => "holiday on/off",
        MarkAHolidayRange => "mark a holiday range",
        ShortOrExtraDay => "short day / extra day",
        ImportHolidays => "import holidays",
        ActivitiesFromCsv => "activities from a CSV",
        ExportToAFile => "export to a file",
        HolidayADayEarlier => "holiday a day earlier",
        HolidayADayLater => "holiday a day later",
        HolidayAWeekEarlier => "holiday a week earlier",
        HolidayAWeekLater => "holiday a week later",
        SwitchFocus => "focus calendars/Gantt",
        PreviousActivity => "previous activity",
        NextActivity => "next activity",
        PageOfActivitiesUp => "a page of activities up",
        PageOfActivitiesDown => "a page of activities down",
        FirstActivity => "first activity",
        LastActivity => "last activity",
        OneHourMore => "one hour more",
        OneHourLess => "one hour less",
        EditActivity => "edit activity",
        AddActivityAfter => "add activity after",
        DeleteActivity => "delete activity",
        MoveActivityUp => "move activity up",
        MoveActivityDown => "move activity down",
        PlanStartsThisDay => "plan starts this day",
        WorkingHours => "working hours",
        PersonInTurn => "calendars of one person, in turn",
        LogHoursOnThisDay => "log hours on this day",
        DoneOrNot => "done / not done",
        SaveTheBaseline => "save the baseline",
        SyncTheCalendarServer => "sync the calendar server",
        HolidaysFromTheCalendarServer => "holidays from the calendar server",
        SearchCodesAndNames => "search codes and names",
        NextMatch => "next match",
        PreviousMatch => "previous match",
        Undo => "undo",
        Redo => "redo",
        Save => "save",
        ShowPane => "show calendars/Gantt",
        Zoom => "zoom: day/week/month",
        ThisHelp => "this help",
        Quit => "quit",
        CancelARangeBeingMarked => "cancel a range being marked",
        Suspend => "suspend (fg brings it back)",
        Accept => "accept",
        Cancel => "cancel",
        NextField => "next field",
        PreviousField => "previous field",
        DeleteACharacter => "delete a character",
        DeleteUnderTheCursor => "delete under the cursor",
        CursorLeft => "cursor left",
        CursorRight => "cursor right",
        StartOfTheField => "start of the field",
        EndOfTheField => "end of the field",
        DeleteToTheStart => "delete to the start",
        DeleteToTheEnd => "delete to the end",
        DeleteTheWordBefore => "delete the word before",
        Yes => "yes",
        SaveThenQuit => "save, then quit",
        QuitWithoutSaving => "quit without saving",
        OverwriteTheFileOnDisk => "overwrite the file on disk",
        ReloadTheFileFromDisk => "reload the file from disk",
        No => "no",
        NextPage => "next page",
        PreviousPage => "previous page",
        CloseTheHelp => "close the help",
        CommandPalette => "command palette: every action by name",
        RunTheCommand => "run the command",
        PreviousCommand => "previous command",
        NextCommand => "next command",
        ClearTheFilter => "clear what was typed",
    }
}
