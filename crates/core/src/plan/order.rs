//! The order work can be done in: every activity after the ones it names in `after` and after
//! the previous activity of the same person. A topological order that keeps the listed order
//! wherever the constraints allow; or the cycle that makes any order impossible.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

// Hashed by code and name on every key press: foldhash is several times faster than SipHash,
// and these maps hold the plan's own text, not input an attacker chooses to collide.
use foldhash::{HashMap, HashMapExt};

use super::Plan;

/// Why an activity waits for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// It names the other in `after`.
    After,
    /// The other is the previous activity of the same person.
    SamePerson,
}

/// For each activity, the activities it waits for and why, in one flat list (an activity's
/// links are a slice of it). `after` codes that name no activity are left out (validation
/// reports them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predecessors {
    /// Where each activity's links start in `links`; one more entry closes the last.
    starts: Vec<usize>,
    links: Vec<(usize, Link)>,
}

impl Predecessors {
    /// The links of `plan`'s activities.
    pub fn of(plan: &Plan) -> Self {
        let has_after = plan
            .activities
            .iter()
            .any(|activity| !activity.after.is_empty());
        // The code index is only needed to resolve `after`; most plans have none.
        let index: HashMap<&str, usize> = if has_after {
            let codes = plan.activities.iter().enumerate();
            codes.map(|(i, activity)| (&*activity.code, i)).collect()
        } else {
            HashMap::new()
        };
        // Each person gets a number when first met, and the last activity of each number is
        // kept in a list: one lookup of a name when the person changes (a map from names to
        // last activities took a lookup and an insert). The person of the activity just
        // before is kept aside, so a run of one person's activities (the common case) costs
        // no hashing at all.
        let mut number_of: HashMap<&str, usize> = HashMap::new();
        let mut last_of_number: Vec<Option<usize>> = Vec::new();
        // The person just before: name, number and activity.
        let mut current: Option<(&str, usize, usize)> = None;
        // Under `LinksOnly` a person's previous activity holds nothing back.
        let queues = plan.ordering == super::Ordering::OneAtATime;
        let mut starts = Vec::with_capacity(plan.activities.len() + 1);
        let mut links = Vec::with_capacity(plan.activities.len());
        for (i, activity) in plan.activities.iter().enumerate() {
            starts.push(links.len());
            for code in activity.after.iter() {
                if let Some(j) = index.get(&**code) {
                    links.push((*j, Link::After));
                }
            }
            let who = &*activity.who;
            let (number, previous) = match current {
                Some((person, number, last)) if person == who => (number, Some(last)),
                _ => {
                    if let Some((_, number, last)) = current {
                        last_of_number[number] = Some(last);
                    }
                    let next = last_of_number.len();
                    let number = *number_of.entry(who).or_insert(next);
                    if number == next {
                        last_of_number.push(None);
                    }
                    (number, last_of_number[number])
                }
            };
            current = Some((who, number, i));
            if let Some(previous) = previous.filter(|_| queues) {
                links.push((previous, Link::SamePerson));
            }
        }
        starts.push(links.len());
        Predecessors { starts, links }
    }

    /// How many activities there are.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// True for a plan without activities.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// What activity `index` waits for.
    pub fn of_activity(&self, index: usize) -> &[(usize, Link)] {
        &self.links[self.starts[index]..self.starts[index + 1]]
    }

    /// True when every activity waits only for activities listed before it: then the listed
    /// order is the work order, and there can be no cycle.
    pub fn only_backwards(&self) -> bool {
        (0..self.len()).all(|i| self.of_activity(i).iter().all(|(j, _)| *j < i))
    }
}

/// An order in which every activity comes after the ones it waits for, as close to the listed
/// order as the constraints allow; or, when there is none, one cycle (each waits for the one
/// before it, and the first for the last).
pub fn work_order(before: &Predecessors) -> Result<Vec<usize>, Vec<usize>> {
    let count = before.len();
    if before.only_backwards() {
        return Ok((0..count).collect());
    }
    let mut waiting: Vec<usize> = (0..count).map(|i| before.of_activity(i).len()).collect();
    let mut successors: Vec<Vec<usize>> = vec![Vec::new(); count];
    for i in 0..count {
        for (j, _) in before.of_activity(i) {
            successors[*j].push(i);
        }
    }
    let mut ready: BinaryHeap<Reverse<usize>> = (0..count)
        .filter(|i| waiting[*i] == 0)
        .map(Reverse)
        .collect();
    let mut order = Vec::with_capacity(count);
    while let Some(Reverse(i)) = ready.pop() {
        order.push(i);
        for &next in &successors[i] {
            waiting[next] -= 1;
            if waiting[next] == 0 {
                ready.push(Reverse(next));
            }
        }
    }
    if order.len() == count {
        return Ok(order);
    }
    // Every activity left waits for another one left: walking back from any of them must
    // come round to an activity already seen, and the walk from there is a cycle.
    let start = (0..count)
        .find(|i| waiting[*i] > 0)
        .expect("some activity is left");
    let mut seen = vec![usize::MAX; count];
    let mut walk = vec![start];
    let mut at = start;
    loop {
        seen[at] = walk.len() - 1;
        at = before
            .of_activity(at)
            .iter()
            .map(|(j, _)| *j)
            .find(|j| waiting[*j] > 0)
            .expect("a waiting activity waits for a waiting one");
        if seen[at] != usize::MAX {
            let mut cycle = walk.split_off(seen[at]);
            cycle.reverse();
            return Err(cycle);
        }
        walk.push(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Activity;

    fn plan(activities: &[(&str, &str, &[&str])]) -> Plan {
        Plan {
            activities: activities
                .iter()
                .map(|(code, who, after)| Activity {
                    code: (*code).into(),
                    who: (*who).into(),
                    after: after.iter().map(|c| (*c).into()).collect(),
                    ..Activity::default()
                })
                .collect(),
            ..Plan::default()
        }
    }

    #[test]
    fn the_listed_order_is_kept_where_constraints_allow() {
        let plan = plan(&[
            ("A", "ana", &[]),
            ("B", "bo", &["C"]),
            ("C", "cy", &[]),
            ("D", "ana", &[]),
        ]);
        let before = Predecessors::of(&plan);
        assert!(!before.only_backwards());
        assert_eq!(work_order(&before), Ok(vec![0, 2, 1, 3]));
        assert_eq!(before.of_activity(3), [(0, Link::SamePerson)]);
    }

    #[test]
    fn a_cycle_is_named_in_waiting_order() {
        let plan = plan(&[
            ("A", "ana", &["C"]),
            ("B", "bo", &["A"]),
            ("C", "cy", &["B"]),
            ("D", "", &[]),
        ]);
        let before = Predecessors::of(&plan);
        let cycle = work_order(&before).unwrap_err();
        assert_eq!(cycle.len(), 3);
        // Each activity in the cycle waits for the one before it.
        for pair in cycle.windows(2) {
            assert!(
                before
                    .of_activity(pair[1])
                    .iter()
                    .any(|(j, _)| *j == pair[0])
            );
        }
    }

    #[test]
    fn the_same_persons_order_counts_as_a_constraint() {
        // Ana does A, then B; but A waits for B: impossible.
        let plan = plan(&[("A", "ana", &["B"]), ("B", "ana", &[])]);
        assert!(work_order(&Predecessors::of(&plan)).is_err());
    }

    #[test]
    fn each_activity_follows_its_persons_activity_before_it() {
        let people = [
            "ana", "ana", "bo", "ana", "cy", "bo", "bo", "ana", "", "cy", "",
        ];
        let codes: Vec<String> = (0..people.len()).map(|i| format!("A{i}")).collect();
        let activities: Vec<(&str, &str, &[&str])> = codes
            .iter()
            .zip(people)
            .map(|(code, who)| (code.as_str(), who, &[] as &[&str]))
            .collect();
        let before = Predecessors::of(&plan(&activities));
        for (index, who) in people.iter().enumerate() {
            // The reference: the nearest earlier activity of the same person.
            let previous = (0..index).rev().find(|earlier| people[*earlier] == *who);
            let expected: Vec<(usize, Link)> = previous
                .map(|previous| (previous, Link::SamePerson))
                .into_iter()
                .collect();
            assert_eq!(before.of_activity(index), expected, "activity {index}");
        }
    }

    #[test]
    fn a_plan_without_forward_links_keeps_its_order() {
        let plan = plan(&[("A", "", &[]), ("B", "x", &[]), ("C", "", &["B"])]);
        let before = Predecessors::of(&plan);
        assert!(before.only_backwards());
        assert_eq!(work_order(&before), Ok(vec![0, 1, 2]));
        assert_eq!(
            before.of_activity(2),
            [(1, Link::After), (0, Link::SamePerson)]
        );
    }
}
