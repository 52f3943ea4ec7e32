//! Real CalDAV servers for the tests, each started on a free port of 127.0.0.1 with its
//! storage in a temporary folder and ended when dropped: Radicale (`pip install radicale`) and
//! Xandikos (`pip install xandikos`). `start` gives `None` where one cannot be run, and the
//! test says it skipped.

use std::net::TcpListener;
use std::process::{Child, Command as Process, Stdio};
use std::time::{Duration, Instant};

/// True when python3 can import `module`.
fn importable(module: &str) -> bool {
    Process::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|output| output.status.success())
}

/// A free port of this machine.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until something listens on `port` (20 s at most).
fn listening(port: u16) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    true
}

/// Sends `method` to `url` with `body`; the status.
pub fn request(method: &str, url: &str, content_type: &str, body: &str) -> u16 {
    let agent = ureq::Agent::config_builder()
        .allow_non_standard_methods(true)
        .http_status_as_error(false)
        .build()
        .new_agent();
    let request = ureq::http::Request::builder()
        .method(ureq::http::Method::from_bytes(method.as_bytes()).unwrap())
        .uri(url)
        .header("Content-Type", content_type)
        .body(body.to_owned())
        .unwrap();
    agent.run(request).unwrap().status().as_u16()
}

/// Puts the iCalendar `text` at `url`.
pub fn put(url: &str, text: &str) {
    let status = request("PUT", url, "text/calendar", text);
    assert!((200..300).contains(&status), "PUT {url}: {status}");
}

/// A Radicale server on a free port of this machine, its storage in a temporary folder; ended
/// when dropped.
pub struct Radicale {
    child: Child,
    root: String,
    storage: tempfile::TempDir,
}

impl Radicale {
    pub fn start() -> Option<Radicale> {
        if !importable("radicale") {
            return None;
        }
        let storage = tempfile::tempdir().unwrap();
        let port = free_port();
        let child = Process::new("python3")
            .args(["-m", "radicale", "--storage-filesystem-folder"])
            .arg(storage.path())
            .args([
                "--server-hosts",
                &format!("127.0.0.1:{port}"),
                "--auth-type",
                "none",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let server = Radicale {
            child,
            root: format!("http://127.0.0.1:{port}"),
            storage,
        };
        listening(port).then_some(server)
    }

    /// Makes the calendar `name` of user `test`; its URL.
    pub fn calendar(&self, name: &str) -> String {
        let url = format!("{}/test/{name}/", self.root);
        // The user's collection first (409 without it), then the calendar in it.
        let status = request("MKCOL", &format!("{}/test/", self.root), "text/plain", "");
        assert!(matches!(status, 201 | 405 | 409), "MKCOL answered {status}");
        let status = request("MKCALENDAR", &url, "text/plain", "");
        assert!(matches!(status, 201 | 405), "MKCALENDAR answered {status}");
        url
    }

    pub fn put(&self, url: &str, text: &str) {
        put(url, text);
    }

    /// The .ics files Radicale keeps of calendar `name`.
    pub fn stored(&self, name: &str) -> Vec<String> {
        let folder = self.storage.path().join("collection-root/test").join(name);
        std::fs::read_dir(folder)
            .unwrap()
            .filter_map(|entry| {
                let path = entry.unwrap().path();
                (path.extension().is_some_and(|extension| extension == "ics"))
                    .then(|| std::fs::read_to_string(path).unwrap())
            })
            .collect()
    }
}

impl Drop for Radicale {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A Xandikos server on a free port of this machine (its principal `/user/`), its storage in a
/// temporary folder; ended when dropped.
pub struct Xandikos {
    child: Child,
    root: String,
    _storage: tempfile::TempDir,
}

impl Xandikos {
    pub fn start() -> Option<Xandikos> {
        if !importable("xandikos") {
            return None;
        }
        let storage = tempfile::tempdir().unwrap();
        let port = free_port();
        let child = Process::new("python3")
            .args(["-m", "xandikos.web", "--defaults", "-d"])
            .arg(storage.path())
            .args(["-l", "127.0.0.1", "-p", &port.to_string()])
            .env("XDG_DATA_HOME", storage.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let server = Xandikos {
            child,
            root: format!("http://127.0.0.1:{port}"),
            _storage: storage,
        };
        listening(port).then_some(server)
    }

    /// Makes the calendar `name` of the principal; its URL.
    pub fn calendar(&self, name: &str) -> String {
        let url = format!("{}/user/calendars/{name}/", self.root);
        let status = request("MKCALENDAR", &url, "text/plain", "");
        assert!(matches!(status, 201 | 405), "MKCALENDAR answered {status}");
        url
    }
}

impl Drop for Xandikos {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
