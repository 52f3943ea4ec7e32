//! Killing `cronograma fmt` mid-save never damages the plan: after SIGKILL at a random moment the
//! file parses and holds either the old text or the new one, byte for byte.

#![cfg(unix)]

use std::fmt::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const KILLS: usize = 200;

/// A valid plan of `count` activities on one line: valid, but far from canonical.
fn compact_plan(count: usize) -> String {
    let mut text =
        String::from("// crash test\nPlan(start:\"2024-01-08\",hours_per_day:7.5,activities:[");
    for i in 0..count {
        let _ = write!(
            text,
            "(code:\"T{i}\",name:\"Task number {i} of the crash test\",hours:{}),",
            1 + i % 40
        );
    }
    text.push_str("])\n");
    text
}

/// A small xorshift generator: the kill moments only need to be spread, not unpredictable.
struct Moments(u64);

impl Moments {
    fn next_below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

fn fmt(path: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cronograma"));
    command.arg("fmt").arg(path);
    command
}

#[test]
fn sigkill_during_fmt_leaves_the_old_or_the_new_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let old = compact_plan(4000);

    // The canonical text from one undisturbed run.
    std::fs::write(&path, &old).unwrap();
    assert!(fmt(&path).status().unwrap().success());
    let new = std::fs::read_to_string(&path).unwrap();
    assert_ne!(new, old);
    let full_run = typical_run(&path, &old);

    let mut moments = Moments(0x9E37_79B9_7F4A_7C15);
    let window = (full_run.as_micros() as u64 * 3 / 2).max(1);
    let (mut mid_run, mut after_run) = (0, 0);
    for kill in 0..KILLS {
        std::fs::write(&path, &old).unwrap();
        let mut child = fmt(&path).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(moments.next_below(window)));
        match child.try_wait().unwrap() {
            None => mid_run += 1,
            Some(_) => after_run += 1,
        }
        let _ = child.kill();
        let _ = child.wait();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text == old || text == new,
            "kill {kill}: the plan is neither old nor new"
        );
        cronograma::plan::parse(&text, &path).unwrap_or_else(|e| panic!("kill {kill}: {e}"));
    }
    let leftovers = temporaries(dir.path());
    eprintln!(
        "{KILLS} kills over a {full_run:?} run: {mid_run} while fmt ran, {after_run} after it ended; {} temporary files left behind",
        leftovers.len()
    );
    assert!(
        mid_run >= KILLS / 4,
        "most kills must land while fmt runs ({mid_run} did)"
    );

    // The next save sweeps what the killed ones left, once it is old enough to be stale.
    let long_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for leftover in &leftovers {
        let file = std::fs::File::options().write(true).open(leftover).unwrap();
        file.set_modified(long_ago).unwrap();
    }
    std::fs::write(&path, &old).unwrap();
    assert!(fmt(&path).status().unwrap().success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), new);
    assert_eq!(temporaries(dir.path()), Vec::<std::path::PathBuf>::new());
}

/// How long a whole run takes: the median of a few undisturbed runs. The very first run of a
/// fresh binary is no measure (it pays for the page cache and the loader, several times a warm
/// run on a busy CI machine), and a window drawn from it lets most kills land after the end.
fn typical_run(path: &Path, old: &str) -> Duration {
    let mut runs: Vec<Duration> = (0..5)
        .map(|_| {
            std::fs::write(path, old).unwrap();
            let started = Instant::now();
            assert!(fmt(path).status().unwrap().success());
            started.elapsed()
        })
        .collect();
    runs.sort();
    runs[runs.len() / 2]
}

fn temporaries(folder: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".cronograma-tmp"))
        .collect()
}
