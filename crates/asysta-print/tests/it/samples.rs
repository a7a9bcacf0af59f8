//! Sample documents with realistic Polish data, shared by the tests and the
//! benchmark. Every sample carries "Zażółć gęślą jaźń" and "Łódź" somewhere,
//! so a test can check that the diacritics survive.

use asysta_print::*;
use chrono::{Duration, NaiveDate, NaiveTime};

pub const CENTRE: &str = "Miejski Ośrodek Pomocy Społecznej w Łodzi, Filia Łódź-Bałuty";
pub const PANGRAM: &str = "Zażółć gęślą jaźń";

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

pub fn header(family_name: &str) -> DocumentHeader {
    DocumentHeader {
        centre_name: CENTRE.to_owned(),
        assistant_name: "Anna Nowak".to_owned(),
        family_name: family_name.to_owned(),
        generated_on: date(2026, 11, 2),
    }
}

/// A plan version with `goals` goals of `actions` actions each.
pub fn plan(goals: usize, actions: usize) -> PlanDocument {
    const AREAS: [&str; 5] = [
        "Opieka i wychowanie dzieci",
        "Prowadzenie gospodarstwa domowego",
        "Sytuacja zawodowa i finansowa",
        "Zdrowie członków rodziny",
        "Relacje w rodzinie i ze środowiskiem",
    ];
    PlanDocument {
        header: header("Kowalscy"),
        version_number: 3,
        agreed_with_family_on: Some(date(2026, 10, 28)),
        consultation: Some(Consultation { date: date(2026, 10, 30), social_worker: "Maria Wiśniewska".to_owned() }),
        goals: (0..goals)
            .map(|g| PlanGoalRow {
                area: AREAS[g % AREAS.len()].to_owned(),
                goal: format!("{PANGRAM}: rodzina samodzielnie planuje budżet domowy i terminowo opłaca rachunki (cel {})", g + 1),
                actions: (0..actions)
                    .map(|a| PlanActionRow {
                        what: format!("Wspólne sporządzenie miesięcznego planu wydatków, wizyta w urzędzie w Łodzi (działanie {})", a + 1),
                        who: if a % 2 == 0 { "Jan Kowalski".to_owned() } else { "asystent rodziny".to_owned() },
                        deadline: if a == 2 { None } else { Some(date(2026, 12, 15 + a as u32)) },
                        expected_effect: "Zaległości czynszowe spłacone, rachunki opłacane w terminie".to_owned(),
                        status: ["w trakcie", "zaplanowane", "zrealizowane"][a % 3].to_owned(),
                    })
                    .collect(),
            })
            .collect(),
        family_members_signing: vec!["Jan Kowalski".to_owned(), "Żaneta Kowalska".to_owned()],
    }
}

pub fn evaluation() -> EvaluationDocument {
    EvaluationDocument {
        header: header("Kowalscy"),
        period_from: date(2026, 5, 1),
        period_to: date(2026, 10, 31),
        version: 2,
        is_final: false,
        areas: vec![
            EvaluationAreaRow {
                area: "Opieka i wychowanie dzieci".to_owned(),
                rating: Some("4 — dobra".to_owned()),
                comment: format!("{PANGRAM}. Dzieci regularnie uczęszczają do szkoły w Łodzi."),
            },
            EvaluationAreaRow {
                area: "Sytuacja zawodowa i finansowa".to_owned(),
                rating: None,
                comment: String::new(),
            },
        ],
        goals: vec![EvaluationGoalRow {
            goal: "Rodzina samodzielnie planuje budżet domowy".to_owned(),
            status: "osiągnięty częściowo".to_owned(),
            comment: "Plan wydatków sporządzany co miesiąc, zaległości maleją.".to_owned(),
        }],
        family_view: "Rodzina uważa, że jej sytuacja się poprawiła.\n\nPani Żaneta chce podjąć pracę.".to_owned(),
        child_risks: "Nie stwierdzono.".to_owned(),
        cooperation: "dobra".to_owned(),
        cooperation_comment: "Rodzina dotrzymuje ustaleń.".to_owned(),
        recommendation: "kontynuować pracę z rodziną".to_owned(),
        recommendation_note: "Zalecane wsparcie doradcy zawodowego.".to_owned(),
        status_line: "Złożona 02.11.2026, przyjęta 05.11.2026".to_owned(),
    }
}

pub fn opinion(finalized: bool) -> OpinionDocument {
    OpinionDocument {
        header: header("Kowalscy"),
        court: "Sąd Rejonowy dla Łodzi-Śródmieścia w Łodzi, III Wydział Rodzinny i Nieletnich".to_owned(),
        case_signature: "III Nsm 123/26".to_owned(),
        received_on: date(2026, 10, 20),
        due_on: date(2026, 11, 20),
        body: format!(
            "Asystent rodziny pracuje z rodziną od 1 marca 2026 r. {PANGRAM}.\n\
             Rodzina mieszka w Łodzi.\n\n\
             Rodzice współpracują z asystentem, dzieci uczęszczają do szkoły.\n\n\
             Wnioski: zasadne jest dalsze wspieranie rodziny."
        ),
        finalized_on: finalized.then(|| date(2026, 11, 4)),
    }
}

pub fn visit() -> VisitRecordDocument {
    VisitRecordDocument {
        header: header("Kowalscy"),
        date: date(2026, 11, 2),
        start: time(14, 30),
        end: time(16, 0),
        place: "dom rodziny".to_owned(),
        form: "wizyta domowa".to_owned(),
        participants: vec!["Jan Kowalski".to_owned(), "Żaneta Kowalska".to_owned()],
        other_participants: "pedagog szkolny".to_owned(),
        areas: vec!["Opieka i wychowanie dzieci".to_owned(), "Zdrowie członków rodziny".to_owned()],
        actions_worked: vec![VisitActionRow {
            action: "Wspólne sporządzenie planu wydatków".to_owned(),
            note: "Plan na grudzień gotowy.".to_owned(),
            status: "zrealizowane".to_owned(),
        }],
        notes: format!("{PANGRAM}. Rozmowa o wydatkach na zimę.\n\nUstalono wizytę w urzędzie w Łodzi."),
        next_planned: Some(date(2026, 11, 9)),
        intervention: Some("Zaobserwowano siniaki u dziecka.\n\nPoinformowano pracownika socjalnego.".to_owned()),
    }
}

/// A diary of `entries` visits in November 2026.
pub fn diary(entries: usize) -> DiaryDocument {
    DiaryDocument {
        header: header("Kowalscy"),
        month: YearMonth { year: 2026, month: 11 },
        entries: (0..entries)
            .map(|i| DiaryRow {
                date: date(2026, 11, 1) + Duration::days((i % 30) as i64),
                start: time(9 + (i % 8) as u32, 0),
                end: time(10 + (i % 8) as u32, 30),
                form: "wizyta domowa".to_owned(),
                place: "dom rodziny, Łódź".to_owned(),
                participants: vec!["Jan Kowalski".to_owned(), "Żaneta Kowalska".to_owned()],
                summary: format!("{PANGRAM}. Omówiono budżet domowy i plan na kolejny tydzień (wpis {}).", i + 1),
            })
            .collect(),
        total_hours: 1.5 * entries as f64,
    }
}

/// A monthly report over `families` families.
pub fn monthly(families: usize) -> MonthlyReportDocument {
    MonthlyReportDocument {
        header: header(""),
        month: YearMonth { year: 2026, month: 11 },
        families: (0..families)
            .map(|i| MonthlyFamilyRow {
                family: if i == 0 { format!("Kowalscy ({PANGRAM})") } else { format!("Rodzina nr {}", i + 1) },
                visits: 4 + (i % 3) as u32,
                hours: 6.5 + i as f64 * 0.25,
                forms: vec![("wizyta domowa".to_owned(), 3), ("rozmowa telefoniczna".to_owned(), 1 + (i % 3) as u32)],
                places: vec![("dom rodziny".to_owned(), 3), ("urząd w Łodzi".to_owned(), 1 + (i % 3) as u32)],
                actions_worked: vec![
                    "Wspólne sporządzenie planu wydatków".to_owned(),
                    "Towarzyszenie w poradni zdrowia psychicznego".to_owned(),
                ],
                km_tenths: 125 * i as u32,
            })
            .collect(),
    }
}

pub fn half_year() -> HalfYearDocument {
    let row = |label: &str, value: u32, sub: bool| HalfYearRow { label: label.to_owned(), value, sub };
    HalfYearDocument {
        header: header(""),
        period: "2026-H2".into(),
        from: chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        rows: vec![
            row("Rodziny objęte pracą asystenta rodziny", 42, false),
            row("w tym rodziny zobowiązane przez sąd do pracy z asystentem", 7, true),
            row(&format!("w tym z powodu: {PANGRAM}"), 3, true),
            row("Asystenci rodziny (na koniec okresu)", 3, false),
        ],
    }
}
