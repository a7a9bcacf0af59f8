//! `asysta-typeset`: the app's printer. Reads a template's name and its
//! data on standard input, writes the PDF on standard output, and exits; the
//! protocol is in `asysta_print::typeset`.

use std::process::ExitCode;

fn main() -> ExitCode {
    match asysta_print::typeset::serve(std::io::stdin().lock(), std::io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("asysta-typeset: {error}");
            match error {
                asysta_print::PrintError::Template { .. } => ExitCode::from(asysta_print::typeset::TEMPLATE_FAILED),
                _ => ExitCode::FAILURE,
            }
        }
    }
}
