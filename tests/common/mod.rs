//! What several test files share.

#![allow(dead_code)]

pub mod fake;
pub mod servers;

/// A year of work for four people, 6 h a day from 08:00, with 15 holidays: activities of 12 to
/// 50 hours one after another (a fixed sequence, so the test is the same each run).
pub fn a_year_of_four_people() -> cronograma::plan::Plan {
    let text = a_year_of_four_people_ron();
    cronograma::plan::parse(&text, std::path::Path::new("year.ron"))
        .unwrap()
        .plan
}

/// [`a_year_of_four_people`] as the text of a plan file.
pub fn a_year_of_four_people_ron() -> String {
    let hours = [
        36, 20, 40, 12, 45, 18, 24, 50, 30, 20, 36, 12, 40, 45, 24, 18, 30,
    ];
    let mut activities = Vec::new();
    for (person, name) in ["Ana", "Bruno", "Carla", "Diego"].iter().enumerate() {
        let mut total = 0;
        for n in 0.. {
            if total >= 1450 {
                break;
            }
            let effort = hours[(n + person * 5) % hours.len()];
            let after = if n == 0 {
                String::new()
            } else {
                format!(", after: [\"{}{n}\"]", &name[..1])
            };
            activities.push(format!(
                "(code: \"{}{}\", name: \"Tarea {} de {name}\", hours: {effort}, who: \"{name}\"{after})",
                &name[..1],
                n + 1,
                n + 1
            ));
            total += effort;
        }
    }
    let holidays = [
        "2025-03-03",
        "2025-03-04",
        "2025-03-24",
        "2025-04-02",
        "2025-04-18",
        "2025-05-01",
        "2025-05-02",
        "2025-06-16",
        "2025-06-20",
        "2025-07-09",
        "2025-08-15",
        "2025-10-10",
        "2025-11-21",
        "2025-12-08",
        "2025-12-25",
    ];
    format!(
        "Plan(title: \"Un año\", start: \"2025-02-03\", windows: [\"08:00-14:00\"], \
         holidays: [{}], people: [(name: \"Ana\"), (name: \"Bruno\"), (name: \"Carla\"), \
         (name: \"Diego\")], activities: [{}])",
        holidays.map(|day| format!("(date: \"{day}\")")).join(", "),
        activities.join(", ")
    )
}

/// One instance of an event of an iCalendar text: its UID, start and end (floating times).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub uid: String,
    pub start: chrono::NaiveDateTime,
    pub end: chrono::NaiveDateTime,
}

/// Every timed instance of the events of `ics` (as cronograma writes them: floating times,
/// weekly series with `EXDATE`s, the days they carry as `RDATE`s each with its override),
/// expanded with the rrule crate, in order. All-day events are left out.
pub fn instances(ics: &str) -> Vec<Instance> {
    let unfolded = ics.replace("\r\n ", "");
    let mut all = Vec::new();
    // Each RDATE's instance is its override's (its own times): the two lists must match.
    let mut added: Vec<(String, String)> = Vec::new();
    let mut overridden: Vec<(String, String)> = Vec::new();
    for event in unfolded.split("BEGIN:VEVENT").skip(1) {
        let value = |name: &str| {
            event
                .lines()
                .find_map(|line| line.strip_prefix(&format!("{name}:")))
                .map(str::to_owned)
        };
        let Some(start) = value("DTSTART") else {
            continue;
        };
        let at = |text: &str| chrono::NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").unwrap();
        let first = at(&start);
        let length = value("DTEND").map_or(chrono::TimeDelta::zero(), |end| at(&end) - first);
        let uid = value("UID").unwrap();
        if let Some(days) = value("RDATE") {
            added.extend(days.split(',').map(|day| (uid.clone(), day.to_owned())));
        }
        if let Some(day) = value("RECURRENCE-ID") {
            overridden.push((uid.clone(), day));
        }
        let starts = match value("RRULE") {
            None => vec![first],
            Some(rule) => {
                // Floating times read as UTC, so no zone's summer time moves them.
                let rule = rule
                    .split(';')
                    .map(|part| match part.strip_prefix("UNTIL=") {
                        Some(until) => format!("UNTIL={until}Z"),
                        None => part.to_owned(),
                    })
                    .collect::<Vec<_>>()
                    .join(";");
                let mut text = format!("DTSTART:{start}Z\nRRULE:{rule}");
                if let Some(excluded) = value("EXDATE") {
                    let excluded: Vec<String> =
                        excluded.split(',').map(|day| format!("{day}Z")).collect();
                    text.push_str(&format!("\nEXDATE:{}", excluded.join(",")));
                }
                let set: rrule::RRuleSet = text.parse().unwrap();
                set.all(u16::MAX)
                    .dates
                    .into_iter()
                    .map(|moment| moment.naive_utc())
                    .collect()
            }
        };
        all.extend(starts.into_iter().map(|start| Instance {
            uid: uid.clone(),
            start,
            end: start + length,
        }));
    }
    added.sort();
    overridden.sort();
    assert_eq!(
        added, overridden,
        "an override for each RDATE, and none other"
    );
    all.sort_by_key(|instance| (instance.start, instance.uid.clone()));
    all
}

/// The binary, with no config file of the user's and a minute to finish.
pub fn cronograma() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::cargo_bin("cronograma").unwrap();
    command
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .timeout(std::time::Duration::from_secs(60));
    command
}
