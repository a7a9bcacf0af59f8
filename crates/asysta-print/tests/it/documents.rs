//! Each document renders, on A4, with its Polish text intact.

use crate::poppler::{file_size, Pdf};
use crate::samples::{self, CENTRE, PANGRAM};
use asysta_print::*;

/// Checks what every printed document shows (A4 pages, the centre's name,
/// "Strona X z N", the generation date, Polish diacritics) and the
/// `expected` texts; returns the PDF for further checks.
#[track_caller]
fn check(bytes: Result<Vec<u8>, PrintError>, expected: &[&str]) -> Pdf {
    let pdf = Pdf::new(bytes.expect("the document did not render"));
    let pages = pdf.page_count();
    let sizes = pdf.page_sizes();
    assert_eq!(sizes.len(), pages);
    assert!(sizes.iter().all(|s| s.ends_with("(A4)")), "not all pages are A4: {sizes:?}");
    let text = pdf.text();
    let first = format!("Strona 1 z {pages}");
    let last = format!("Strona {pages} z {pages}");
    for want in [CENTRE, PANGRAM, "Łódź", "02.11.2026", &first, &last].iter().chain(expected) {
        assert!(text.contains(want), "{want:?} is missing from the text:\n{text}");
    }
    pdf
}

#[test]
fn plan() {
    let pdf = check(
        plan_pdf(&samples::plan(5, 3), &InProcess),
        &[
            "PLAN PRACY Z RODZINĄ",
            "wersja 3",
            "Kowalscy",
            "Uzgodniono z rodziną:",
            "28.10.2026",
            "30.10.2026, Maria Wiśniewska",
            "Cel 5.",
            "Obszar: Relacje w rodzinie i ze środowiskiem",
            "15.12.2026",
            "bez terminu",
            "Stan realizacji",
            "Żaneta Kowalska",
            "pracownik socjalny — konsultacja planu",
        ],
    );
    assert!(pdf.page_count() >= 2, "5 goals of 3 actions should take more than a page");
}

#[test]
fn plan_without_agreement_or_consultation_says_so() {
    let mut plan = samples::plan(1, 1);
    plan.agreed_with_family_on = None;
    plan.consultation = None;
    check(plan_pdf(&plan, &InProcess), &["jeszcze nie uzgodniono", "jeszcze nie konsultowano"]);
}

#[test]
fn plan_first_page_renders_to_a_non_trivial_png() {
    let pdf = check(plan_pdf(&samples::plan(5, 3), &InProcess), &[]);
    let png = pdf.first_page_png(60);
    let size = file_size(&png);
    assert!(size > 15_000, "page 1 as PNG is only {size} bytes");
    // A copy to look at: target/print/preview-plan.png with this crate's
    // usual CARGO_TARGET_DIR.
    let preview = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("preview-plan.png");
    std::fs::copy(&png, &preview).unwrap();
}

#[test]
fn evaluation() {
    check(
        evaluation_pdf(&samples::evaluation(), &InProcess),
        &[
            "OKRESOWA OCENA SYTUACJI RODZINY",
            "01.05.2026 – 31.10.2026",
            "wersja 2",
            "Złożona 02.11.2026, przyjęta 05.11.2026",
            "4 — dobra",
            "nie oceniono",
            "osiągnięty częściowo",
            "Pani Żaneta chce podjąć pracę.",
            "kontynuować pracę z rodziną",
            "kierownik jednostki",
        ],
    );
}

#[test]
fn final_evaluation_is_titled_so() {
    let mut evaluation = samples::evaluation();
    evaluation.is_final = true;
    let pdf = check(evaluation_pdf(&evaluation, &InProcess), &["KOŃCOWA OCENA SYTUACJI RODZINY"]);
    assert!(!pdf.text().contains("OKRESOWA"));
}

#[test]
fn opinion() {
    let pdf = check(
        opinion_pdf(&samples::opinion(true), &InProcess),
        &[
            "OPINIA ASYSTENTA RODZINY",
            "Sąd Rejonowy dla Łodzi-Śródmieścia w Łodzi, III Wydział Rodzinny i Nieletnich",
            "Sygn. akt: III Nsm 123/26",
            "dnia 04.11.2026",
            "20.10.2026",
            "20.11.2026",
            "Wnioski: zasadne jest dalsze wspieranie rodziny.",
            "asystent rodziny (podpis)",
        ],
    );
    assert!(!pdf.text().contains("Projekt"), "a finalised opinion is no draft");
}

#[test]
fn draft_opinion_says_projekt() {
    check(
        opinion_pdf(&samples::opinion(false), &InProcess),
        &["Projekt — opinia nie została jeszcze zatwierdzona.", "dnia 02.11.2026"],
    );
}

#[test]
fn visit() {
    check(
        visit_pdf(&samples::visit(), &InProcess),
        &[
            "NOTATKA Z WIZYTY ASYSTENTA RODZINY",
            "14:30–16:00 (1,5 h)",
            "wizyta domowa",
            "Jan Kowalski, Żaneta Kowalska",
            "pedagog szkolny",
            "Plan na grudzień gotowy.",
            "Zagrożenie bezpieczeństwa — interwencja",
            "Zaobserwowano siniaki u dziecka.",
            "Następny planowany kontakt:",
            "09.11.2026",
            "członek rodziny (data i podpis)",
        ],
    );
}

#[test]
fn visit_without_intervention_or_next_contact() {
    let mut visit = samples::visit();
    visit.intervention = None;
    visit.next_planned = None;
    visit.actions_worked.clear();
    let pdf = check(visit_pdf(&visit, &InProcess), &["nie zaplanowano", "Nie odnotowano działań z planu."]);
    assert!(!pdf.text().contains("interwencja"));
}

#[test]
fn diary_table_breaks_across_pages_and_repeats_its_header() {
    let pdf = check(
        diary_pdf(&samples::diary(120), &InProcess),
        &["DZIENNIK WIZYT", "listopad 2026", "Liczba wpisów:", "120", "180 h", "09:00–10:30", "1,5 h", "120."],
    );
    let pages = pdf.page_count();
    assert!(pages >= 3, "120 visits took only {pages} page(s)");
    for page in 2..=pages {
        let text = pdf.page_text(page);
        for header in ["Lp.", "Data i godziny", "Forma kontaktu", "Przebieg spotkania"] {
            assert!(text.contains(header), "page {page} lacks the column header {header:?}:\n{text}");
        }
    }
}

#[test]
fn diary_of_a_month_that_does_not_exist_is_refused() {
    let mut diary = samples::diary(1);
    diary.month.month = 13;
    assert!(matches!(diary_pdf(&diary, &InProcess), Err(PrintError::InvalidMonth(13))));
}

#[test]
fn half_year_figures_list_their_rows_with_the_of_them_rows_unnumbered() {
    let pdf = check(
        half_year_pdf(&samples::half_year(), &InProcess),
        &[
            "INFORMACJA PÓŁROCZNA O PRACY ASYSTENTÓW RODZINY",
            "za okres: 01.07.2026 – 31.12.2026",
            "Rodziny objęte pracą asystenta rodziny 42",
            "w tym rodziny zobowiązane przez sąd do pracy z asystentem 7",
            "Asystenci rodziny (na koniec okresu) 3",
            "1. 2.",
            "kierownik jednostki",
        ],
    );
    assert!(!pdf.text().contains("3. "), "rows 'of them' are not numbered");
}

#[test]
fn monthly_report_totals_the_rows() {
    let pdf = check(
        monthly_pdf(&samples::monthly(15), &InProcess),
        &[
            "SPRAWOZDANIE Z PRACY ASYSTENTA RODZINY",
            "za miesiąc: listopad 2026",
            // 5 × (4 + 5 + 6) visits; 15 × 6,5 h + 0,25 h × (0 + 1 + … + 14);
            // 12,5 km × (0 + 1 + … + 14).
            "75 123,75 h 1312,5",
            "Kilometry dojazdów do rozliczenia",
            "2. Rodzina nr 2 5 6,75 h 12,5",
            "wizyta domowa 45",
            "rozmowa telefoniczna 30",
            "urząd w Łodzi 30",
            "wizyta domowa (3), rozmowa telefoniczna (1)",
            "Rodzina nr 15",
            "Towarzyszenie w poradni zdrowia psychicznego",
        ],
    );
    assert!(!pdf.text().contains("Rodzina: "), "a report about no single family names none in the page header");
}

#[test]
fn the_same_document_prints_the_same_bytes() {
    let plan = samples::plan(2, 2);
    assert!(
        plan_pdf(&plan, &InProcess).unwrap() == plan_pdf(&plan, &InProcess).unwrap(),
        "a PDF depends on more than its data"
    );
}
