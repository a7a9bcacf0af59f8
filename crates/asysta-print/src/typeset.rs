//! Who typesets a PDF. typst, its fonts and the data it needs make up most
//! of a program that links them (about 50 of the app's 84 MB) and tens of
//! megabytes of memory once used. The CLI prints in its own short-lived
//! process ([`InProcess`]); the app, which runs all day, hands each print
//! to a helper program beside it ([`HelperProcess`], `asysta-typeset`),
//! which lives only for that print.
//!
//! The helper's protocol: standard input is the template's file name, a
//! line feed, then the template's data as JSON, to the end; standard output
//! is the PDF, exit status 0. On failure standard error says why, and the
//! exit status is [`TEMPLATE_FAILED`] when the template failed (a bug, as
//! in process) or 1 when the request was bad. The data travels through
//! pipes only, never through a file.

use crate::engine::{typeset_here, Template};
use crate::PrintError;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The helper's exit status when typst failed on the template.
pub const TEMPLATE_FAILED: u8 = 3;

/// Makes the PDF of `template` from its data (`json`).
pub trait Typeset {
    fn typeset(&self, template: Template, json: &[u8]) -> Result<Vec<u8>, PrintError>;
}

/// Typesets in this process, with typst linked in.
pub struct InProcess;

impl Typeset for InProcess {
    fn typeset(&self, template: Template, json: &[u8]) -> Result<Vec<u8>, PrintError> {
        typeset_here(template, json)
    }
}

/// Typesets in a helper process started for each print.
pub struct HelperProcess {
    program: PathBuf,
}

impl HelperProcess {
    /// The helper program's name, without the platform's extension.
    pub const PROGRAM: &'static str = "asysta-typeset";

    pub fn new(program: PathBuf) -> HelperProcess {
        HelperProcess { program }
    }

    /// The helper installed beside the running program (a package puts
    /// both in one folder, as cargo does).
    pub fn beside_this_program() -> HelperProcess {
        let name = format!("{}{}", HelperProcess::PROGRAM, std::env::consts::EXE_SUFFIX);
        let program = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(&name)))
            .unwrap_or_else(|| PathBuf::from(name));
        HelperProcess { program }
    }

    fn failed(&self, message: impl Into<String>) -> PrintError {
        PrintError::Helper { program: self.program.display().to_string(), message: message.into() }
    }
}

impl Typeset for HelperProcess {
    fn typeset(&self, template: Template, json: &[u8]) -> Result<Vec<u8>, PrintError> {
        let mut child = Command::new(&self.program)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| self.failed(format!("cannot start it: {e}")))?;
        // The helper reads the whole request before it writes, so writing
        // it all first cannot deadlock; a helper that died early shows in
        // its exit status below rather than in this write's broken pipe.
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(template.file_name().as_bytes());
            let _ = stdin.write_all(b"\n");
            let _ = stdin.write_all(json);
        }
        let output = child.wait_with_output().map_err(|e| self.failed(format!("no answer: {e}")))?;
        if !output.status.success() {
            let reason = String::from_utf8_lossy(&output.stderr).trim().to_owned();
            if output.status.code() == Some(i32::from(TEMPLATE_FAILED)) {
                return Err(PrintError::Template { template: template.file_name(), message: reason });
            }
            return Err(self.failed(format!("{}: {reason}", output.status)));
        }
        if !output.stdout.starts_with(b"%PDF-") {
            return Err(self.failed("its answer is not a PDF"));
        }
        Ok(output.stdout)
    }
}

/// The helper's side: reads one request from `input`, typesets it in this
/// process and writes the PDF to `output`. A bad request or a failed
/// read or write is a [`PrintError::Helper`]; a failed template stays a
/// [`PrintError::Template`].
pub fn serve(mut input: impl Read, mut output: impl Write) -> Result<(), PrintError> {
    let bad = |message: String| PrintError::Helper { program: HelperProcess::PROGRAM.to_owned(), message };
    let mut request = Vec::new();
    input.read_to_end(&mut request).map_err(|e| bad(format!("cannot read the request: {e}")))?;
    let line_end =
        request.iter().position(|&b| b == b'\n').ok_or_else(|| bad("the request names no template".to_owned()))?;
    let name = std::str::from_utf8(&request[..line_end]).map_err(|_| bad("the template's name is not UTF-8".into()))?;
    let template = Template::from_file_name(name).ok_or_else(|| bad(format!("no template is named {name:?}")))?;
    let pdf = typeset_here(template, &request[line_end + 1..])?;
    output.write_all(&pdf).and_then(|()| output.flush()).map_err(|e| bad(format!("cannot write the PDF: {e}")))
}

#[cfg(test)]
mod tests;
