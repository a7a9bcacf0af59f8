//! Running poppler's command-line tools on a PDF. A missing tool fails the
//! test with a message saying what to install; it never skips it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A PDF saved to a temporary directory for the tools to read.
pub struct Pdf {
    dir: tempfile::TempDir,
}

impl Pdf {
    pub fn new(bytes: Vec<u8>) -> Pdf {
        assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("document.pdf"), &bytes).unwrap();
        Pdf { dir }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("document.pdf")
    }

    /// The text of the whole document, whitespace collapsed to single spaces.
    pub fn text(&self) -> String {
        collapse(&run("pdftotext", &[self.path().as_os_str(), "-".as_ref()]))
    }

    /// The text of one page (from 1), whitespace collapsed.
    pub fn page_text(&self, page: usize) -> String {
        let page = page.to_string();
        collapse(&run(
            "pdftotext",
            &["-f".as_ref(), page.as_ref(), "-l".as_ref(), page.as_ref(), self.path().as_os_str(), "-".as_ref()],
        ))
    }

    pub fn page_count(&self) -> usize {
        let info = run("pdfinfo", &[self.path().as_os_str()]);
        let line = info.lines().find(|l| l.starts_with("Pages:")).expect("pdfinfo printed no page count");
        line["Pages:".len()..].trim().parse().unwrap()
    }

    /// The size of every page as pdfinfo names it, e.g. "595.276 x 841.89 pts (A4)".
    pub fn page_sizes(&self) -> Vec<String> {
        let last = self.page_count().to_string();
        let info =
            run("pdfinfo", &["-f".as_ref(), "1".as_ref(), "-l".as_ref(), last.as_ref(), self.path().as_os_str()]);
        info.lines()
            .filter(|l| l.starts_with("Page ") && l.contains(" size:"))
            .map(|l| l.split_once("size:").unwrap().1.trim().to_owned())
            .collect()
    }

    /// Renders page 1 to a PNG at `dpi` and returns its path (inside this
    /// PDF's temporary directory).
    pub fn first_page_png(&self, dpi: u32) -> PathBuf {
        let prefix = self.dir.path().join("page");
        let dpi = dpi.to_string();
        run(
            "pdftoppm",
            &[
                "-png".as_ref(),
                "-r".as_ref(),
                dpi.as_ref(),
                "-f".as_ref(),
                "1".as_ref(),
                "-l".as_ref(),
                "1".as_ref(),
                self.path().as_os_str(),
                prefix.as_os_str(),
            ],
        );
        // pdftoppm pads the page number to the width of the page count.
        std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "png"))
            .expect("pdftoppm wrote no PNG")
    }
}

fn run(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("could not run `{tool}` ({e}): these tests need poppler's tools; on Debian: apt-get install -y poppler-utils")
    });
    assert!(output.status.success(), "`{tool}` failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The size of the file at `path`; 0 when there is none.
pub fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}
