"""Reads a project file with MPXJ (the MS Project reader behind ProjectLibre and most open
tools) and prints what it understood, one line a task and a line for the project, for
cronograma's tests (tests/ms_project.rs): `python3 read.py FILE`.

task<TAB>WBS<TAB>name<TAB>start<TAB>finish<TAB>work hours<TAB>milestone<TAB>predecessor WBS,…<TAB>resources<TAB>percent
calendar<TAB>name<TAB>exception dates,…

With `--days FROM TO` (ISO dates), also the working hours MPXJ's own calendar arithmetic gives
each calendar on each day, base calendars and exceptions applied:

day<TAB>calendar<TAB>date<TAB>hours
"""
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader  # noqa: E402


def when(moment):
    return "" if moment is None else str(moment.toString()).replace("T", " ")[:16]


def hours(duration):
    if duration is None:
        return ""
    from org.mpxj import TimeUnit

    return "%g" % duration.convertUnits(TimeUnit.HOURS, project.getProjectProperties()).getDuration()


project = UniversalProjectReader().read(sys.argv[1])
for task in project.getTasks():
    if task.getUniqueID() is None or task.getUniqueID() == 0 or task.getSummary():
        continue
    preds = ",".join(str(rel.getPredecessorTask().getWBS()) for rel in task.getPredecessors())
    resources = ",".join(str(a.getResource().getName()) for a in task.getResourceAssignments() if a.getResource())
    print("\t".join([
        "task", str(task.getWBS()), str(task.getName()), when(task.getStart()), when(task.getFinish()),
        hours(task.getWork()), "1" if task.getMilestone() else "0", preds, resources,
        str(task.getPercentageComplete() or 0),
    ]))
for calendar in project.getCalendars():
    days = []
    for exception in calendar.getCalendarExceptions():
        days.append(str(exception.getFromDate().toString()))
    print("\t".join(["calendar", str(calendar.getName()), ",".join(days)]))

if len(sys.argv) == 5 and sys.argv[2] == "--days":
    from java.time import LocalDate
    from org.mpxj import TimeUnit

    first, last = LocalDate.parse(sys.argv[3]), LocalDate.parse(sys.argv[4])
    for calendar in project.getCalendars():
        date = first
        while not date.isAfter(last):
            work = calendar.getWork(date, TimeUnit.HOURS)
            print("\t".join(["day", str(calendar.getName()), str(date.toString()), "%g" % work.getDuration()]))
            date = date.plusDays(1)
