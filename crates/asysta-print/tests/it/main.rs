//! The printed documents, checked through what poppler reads back from them
//! (`pdftotext`, `pdfinfo`, `pdftoppm`; Debian package poppler-utils), and
//! the DOCX through its XML.

mod documents;
mod docx;
mod fsutil;
mod injection;
mod poppler;
mod samples;
