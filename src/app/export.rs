//! `E`: the plan exported to a file, its format and file named in a small form. The view only
//! records what was asked; the terminal loop runs [`write_export`] on a thread of its own (a
//! big plan's workbook takes a moment) and tells the view how it ended
//! ([`App::export_finished`]), which the footer says.

use super::Failure;
use std::path::{Path, PathBuf};

use super::form::{Form, Purpose};
use super::{App, Mode};
use crate::export::Output;
use crate::messages::Msg;
use crate::plan::Plan;
use crate::schedule::Schedule;

/// An export the view asked for: what, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportJob {
    /// The format.
    pub output: Output,
    /// The file.
    pub path: PathBuf,
}

/// The state of `E`'s export, as the view knows it (the writing is the terminal loop's).
#[derive(Debug, Default)]
pub(crate) struct ExportState {
    /// Asked for, not started yet.
    wanted: Option<ExportJob>,
    /// Started and not finished.
    running: bool,
}

impl App {
    /// `E`: the form, with the workbook a tutor asks for as the format.
    pub(super) fn open_export_form(&mut self) {
        let locale = self.locale();
        self.mode = Mode::Form(Form::new(
            Purpose::Export,
            Msg::FormExport.text(locale).to_owned(),
            &[
                (Msg::FieldExportFormat.text(locale), "xlsx".to_owned()),
                (Msg::FieldExportFile.text(locale), String::new()),
            ],
        ));
    }

    /// The form's answer: the export is asked of the terminal loop, and the footer says so.
    pub(super) fn submit_export(&mut self, form: &Form) -> Result<(), Failure> {
        if self.export.running {
            return Err(Failure::refused(Msg::ExportRunning, &[]));
        }
        let typed = form.value(0).trim().to_ascii_lowercase();
        let output = Output::ALL
            .into_iter()
            .find(|output| output.name() == typed)
            .ok_or_else(|| {
                let names: Vec<&str> = Output::ALL.iter().map(|output| output.name()).collect();
                Failure::refused(Msg::ExportUnknownFormat, &[&typed, &names.join(", ")])
            })?;
        let path = export_path(self.path(), form.value(1).trim(), output);
        self.tell(Msg::ExportStarted, &[&path.display()]);
        self.export.wanted = Some(ExportJob { output, path });
        self.export.running = true;
        Ok(())
    }

    /// The export asked for, once: the terminal loop starts it.
    pub fn take_export_request(&mut self) -> Option<ExportJob> {
        self.export.wanted.take()
    }

    /// How the export of `job` ended: the bytes written, or why nothing was.
    pub fn export_finished(&mut self, job: &ExportJob, outcome: Result<usize, Failure>) {
        self.export.running = false;
        let path = job.path.display();
        match outcome {
            Ok(bytes) => self.tell(Msg::ExportDone, &[&path, &bytes.div_ceil(1024)]),
            Err(failure) => {
                let why = failure.say(self.locale());
                let said = self.words(Msg::ExportFailed, &[&path, &why]);
                self.report_error(said);
            }
        }
    }
}

/// Where an export goes: the file typed (relative to the plan's folder, where `cronograma`
/// is usually started), or, when none is, beside the plan with its name and the format's
/// extension (`tesis.ron` → `tesis.xlsx`).
fn export_path(plan: &Path, typed: &str, output: Output) -> PathBuf {
    let folder = plan.parent().unwrap_or(Path::new(""));
    if typed.is_empty() {
        let stem = plan.file_stem().unwrap_or_default();
        return folder.join(stem).with_extension(output.extension());
    }
    folder.join(typed)
}

/// Renders `plan` as `job` asks and writes it through the atomic writer (never over the plan
/// at `plan_path`): the bytes written, or why nothing was. A fault in the rendering is an
/// error, not the end of the thread that runs it.
pub fn write_export(
    job: &ExportJob,
    plan: &Plan,
    schedule: &Schedule,
    plan_path: &Path,
) -> Result<usize, Failure> {
    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::export::render_output(job.output, plan, schedule)
    }))
    .map_err(|_| Failure::ExportBug)??;
    crate::plan::save::write_export(&job.path, &rendered, plan_path)?;
    Ok(rendered.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_goes_beside_the_plan_unless_named() {
        let plan = Path::new("/home/ana/tesis.ron");
        assert_eq!(
            export_path(plan, "", Output::Xlsx),
            Path::new("/home/ana/tesis.xlsx")
        );
        assert_eq!(
            export_path(plan, "informe/plan.xlsx", Output::Xlsx),
            Path::new("/home/ana/informe/plan.xlsx")
        );
        assert_eq!(
            export_path(plan, "/tmp/x.svg", Output::Xlsx),
            Path::new("/tmp/x.svg")
        );
        assert_eq!(
            export_path(
                Path::new("tesis.ron"),
                "",
                Output::Text(crate::export::Format::Mspdi)
            ),
            Path::new("tesis.xml")
        );
    }
}
