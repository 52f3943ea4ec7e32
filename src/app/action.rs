//! Everything the user can ask of the interactive view, as values.

/// One thing the user asks for. Keys map to actions through [`super::keys`];
/// [`super::App::apply`] carries them out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move the day cursor by this many days.
    MoveDays(i64),
    /// Move the day cursor by this many months.
    MoveMonths(i32),
    /// Put the cursor on the plan's first worked day.
    GoToStart,
    /// Put the cursor on the plan's last worked day.
    GoToEnd,
    /// Put the cursor on today.
    GoToToday,
    /// Make the cursor's day a holiday, or a workday again.
    ToggleHoliday,
    /// Move the holiday (or holiday range) under the cursor by this many days (the cursor follows).
    ShiftHoliday(i64),
    /// Start marking a holiday range on the cursor's day; the next holiday toggle ends it.
    MarkRange,
    /// Give the cursor's day its own hours (a short day, an extra day), or take them away.
    ToggleException,
    /// Import holidays from a bundled calendar or an `.ics` file.
    ImportHolidays,
    /// Replace the activities with those of a spreadsheet (CSV).
    ImportActivities,
    /// Export the plan to a file (a workbook, a chart, a calendar…), named in a form.
    Export,
    /// Move the focus between the calendars and the Gantt.
    SwitchFocus,
    /// Select the activity this many rows down (up when negative).
    Select(i64),
    /// Change the selected activity's hours by this many hours.
    ChangeHours(i32),
    /// Open the form that edits the selected activity.
    EditActivity,
    /// Add an activity after the selected one and open its form.
    AddActivity,
    /// Ask to delete the selected activity.
    DeleteActivity,
    /// Move the selected activity this many places later (earlier when negative).
    MoveActivity(i64),
    /// Make the cursor's day the plan's start.
    SetStart,
    /// Open the form that edits hours per day and the day's start.
    EditWorkingTime,
    /// Take back the last change.
    Undo,
    /// Do again the change last taken back.
    Redo,
    /// Write the plan to its file.
    Save,
    /// Leave (asking first when there are unsaved changes).
    Quit,
    /// On narrow terminals, switch between calendars and Gantt.
    SwitchView,
    /// Cycle the Gantt's zoom: day, week, month.
    Zoom,
    /// Show or hide the key help.
    Help,
    /// Open the command palette: every action by its words, filtered as one types.
    Palette,
    /// Type a character into the open form.
    Type(char),
    /// Edit the text of the form's field, or move its cursor.
    EditText(super::form::Edit),
    /// Go to the form's next field.
    NextField,
    /// Go to the form's previous field.
    PreviousField,
    /// Accept the open form or question.
    Confirm,
    /// Close the open form or question without changes.
    Cancel,
    /// In the quit question: leave without saving.
    Discard,
    /// In the conflict question: save over the file another program changed.
    Overwrite,
    /// In the conflict question: load the file as it is now on disk.
    Reload,
    /// Look whether another program changed the plan's file (sent by a timer, not a key).
    CheckDisk,
    /// Put the cursor on a day (a mouse click).
    Pick(chrono::NaiveDate),
    /// Select an activity by its index (a mouse click).
    PickActivity(usize),
    /// Select the first activity.
    FirstActivity,
    /// Keep the calendar server in step with the schedule (in the background).
    Sync,
    /// Add the holidays of the server's holiday calendar (in the background).
    PullHolidays,
    /// Select the last activity.
    LastActivity,
    /// Select the activity a page of rows down (up when negative).
    PageRows(i64),
    /// Open the search for an activity by code or name.
    Search,
    /// Go to the next activity the last search matches.
    SearchNext,
    /// Go to the previous activity the last search matches.
    SearchPrevious,
    /// Show the calendars of the next person (and, after the last, everyone's).
    CyclePerson,
    /// Turn the help's page (when it does not fit on one screen).
    HelpPage(i64),
    /// Stop the program for the shell (Ctrl+Z); `fg` brings it back.
    Suspend,
    /// Log hours worked on the cursor's day (the first entry turns tracking on).
    LogHours,
    /// Mark the selected activity done, or not done again.
    ToggleDone,
    /// Save the schedule as the baseline (asking before replacing one).
    SaveBaseline,
    /// How many activity rows the Gantt shows (sent by the terminal loop, not a key).
    ViewRows(usize),
}
