//! The order work can be done in: every activity after the ones it names in `after` and after
//! the previous activity of the same person. A topological order that keeps the listed order
//! wherever the constraints allow; or the cycle that makes any order impossible.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use super::Plan;

/// Why an activity waits for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// It names the other in `after`.
    After,
    /// The other is the previous activity of the same person.
    SamePerson,
}

/// For each activity, the activities it waits for, and why. `after` codes that name no activity
/// are left out here (validation reports them).
pub fn predecessors(plan: &Plan) -> Vec<Vec<(usize, Link)>> {
    let index: HashMap<&str, usize> = plan
        .activities
        .iter()
        .enumerate()
        .map(|(i, activity)| (&*activity.code, i))
        .collect();
    let mut last_of_person: HashMap<&str, usize> = HashMap::new();
    plan.activities
        .iter()
        .enumerate()
        .map(|(i, activity)| {
            let mut before: Vec<(usize, Link)> = activity
                .after
                .iter()
                .filter_map(|code| index.get(&**code).map(|j| (*j, Link::After)))
                .collect();
            if let Some(previous) = last_of_person.insert(&activity.who, i) {
                before.push((previous, Link::SamePerson));
            }
            before
        })
        .collect()
}

/// An order in which every activity comes after the ones it waits for, as close to the listed
/// order as the constraints allow; or, when there is none, one cycle (each waits for the next).
pub fn work_order(predecessors: &[Vec<(usize, Link)>]) -> Result<Vec<usize>, Vec<usize>> {
    let count = predecessors.len();
    let mut waiting: Vec<usize> = predecessors.iter().map(Vec::len).collect();
    let mut successors: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, before) in predecessors.iter().enumerate() {
        for (j, _) in before {
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
        at = predecessors[at]
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
        assert_eq!(work_order(&predecessors(&plan)), Ok(vec![0, 2, 1, 3]));
    }

    #[test]
    fn a_cycle_is_named_in_waiting_order() {
        let plan = plan(&[
            ("A", "ana", &["C"]),
            ("B", "bo", &["A"]),
            ("C", "cy", &["B"]),
            ("D", "", &[]),
        ]);
        let cycle = work_order(&predecessors(&plan)).unwrap_err();
        assert_eq!(cycle.len(), 3);
        // Each activity in the cycle waits for the one before it.
        for pair in cycle.windows(2) {
            assert!(
                predecessors(&plan)[pair[1]]
                    .iter()
                    .any(|(j, _)| *j == pair[0])
            );
        }
    }

    #[test]
    fn the_same_persons_order_counts_as_a_constraint() {
        // Ana does A, then B; but A waits for B: impossible.
        let plan = plan(&[("A", "ana", &["B"]), ("B", "ana", &[])]);
        assert!(work_order(&predecessors(&plan)).is_err());
    }
}
