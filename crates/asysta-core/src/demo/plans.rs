//! What the demo's plans are made of: goals in the areas of a family's
//! life, their actions, and for each action who may fittingly carry it
//! out. The labour office does what is about finding work, a counselling
//! centre (poradnia) or the PCPR what is therapy or a workshop, a parent
//! their own tasks, and the assistant what it does with the family or
//! helps with.

use super::DemoRng;
use crate::ids::EntityId;
use crate::plan::Actor;

/// Who may carry out an action of a demo plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doer {
    /// A parent: their own task (the first member of the family).
    Parent,
    /// The family assistant, supporting the family.
    Assistant,
    /// An institution, by name.
    Institution(&'static str),
}

/// The county labour office: registration, job offers, career advice, training.
pub const LABOUR_OFFICE: &str = "Powiatowy Urząd Pracy";
/// The psychological and educational counselling centre: diagnosis and therapy of children.
pub const COUNSELLING_CENTRE: &str = "Poradnia Psychologiczno-Pedagogiczna";
/// The addiction treatment clinic.
pub const ADDICTION_CLINIC: &str = "Poradnia Leczenia Uzależnień";
/// The county family support centre: parenting workshops, a psychologist.
pub const FAMILY_SUPPORT_CENTRE: &str = "Powiatowe Centrum Pomocy Rodzinie";
/// The children's school: remedial classes.
pub const SCHOOL: &str = "Szkoła Podstawowa nr 12";

/// An action a demo plan can have: what is done, the expected effect, and
/// who may fittingly do it.
#[derive(Debug)]
pub struct ActionTemplate {
    pub what: &'static str,
    pub effect: &'static str,
    pub doers: &'static [Doer],
}

/// A goal a demo plan can have, in one area: the actions it starts with,
/// and those a revision of the plan adds, in order.
#[derive(Debug)]
pub struct GoalTemplate {
    /// A default [`crate::plan::PlanArea`] key.
    pub area: &'static str,
    pub goal: &'static str,
    pub actions: &'static [ActionTemplate],
    pub later: &'static [ActionTemplate],
}

use Doer::{Assistant, Institution, Parent};

const fn action(what: &'static str, effect: &'static str, doers: &'static [Doer]) -> ActionTemplate {
    ActionTemplate { what, effect, doers }
}

/// Every goal of the demo's plans (one per area).
pub const GOALS: &[GoalTemplate] = &[
    GoalTemplate {
        area: "budget_debts",
        goal: "Uporządkowanie budżetu domowego i spłata zaległości",
        actions: &[
            action("Prowadzenie zeszytu wydatków", "Rodzina zna swoje miesięczne wydatki", &[Parent]),
            action(
                "Wniosek o rozłożenie zaległości czynszowych na raty",
                "Ugoda ze spółdzielnią mieszkaniową",
                &[Parent],
            ),
        ],
        later: &[
            action("Wspólne planowanie zakupów na tydzień", "Wydatki mieszczą się w budżecie", &[Parent, Assistant]),
            action("Złożenie wniosku o dodatek mieszkaniowy", "Przyznany dodatek mieszkaniowy", &[Parent]),
        ],
    },
    GoalTemplate {
        area: "employment_education",
        goal: "Podjęcie zatrudnienia przez rodzica",
        actions: &[
            action("Rejestracja w powiatowym urzędzie pracy", "Status osoby bezrobotnej i oferty pracy", &[Parent]),
            action(
                "Przygotowanie CV i listu motywacyjnego",
                "Gotowe dokumenty aplikacyjne",
                &[Parent, Assistant, Institution(LABOUR_OFFICE)],
            ),
        ],
        later: &[
            action(
                "Spotkania z doradcą zawodowym i skierowanie na szkolenie",
                "Ukończone szkolenie zawodowe",
                &[Institution(LABOUR_OFFICE)],
            ),
            action(
                "Odpowiadanie na oferty pracy i udział w rozmowach kwalifikacyjnych",
                "Podjęte zatrudnienie",
                &[Parent],
            ),
        ],
    },
    GoalTemplate {
        area: "school_development",
        goal: "Regularne uczęszczanie dzieci do szkoły",
        actions: &[
            action(
                "Spotkanie z wychowawcą i pedagogiem szkolnym",
                "Ustalony plan wsparcia ucznia",
                &[Parent, Assistant],
            ),
            action("Codzienna kontrola odrabiania lekcji", "Poprawa ocen i frekwencji", &[Parent]),
        ],
        later: &[
            action(
                "Zapisanie dziecka na zajęcia pozalekcyjne",
                "Dziecko regularnie uczestniczy w zajęciach",
                &[Parent],
            ),
            action("Zajęcia wyrównawcze z matematyki", "Dziecko nadrabia zaległości", &[Institution(SCHOOL)]),
        ],
    },
    GoalTemplate {
        area: "health_addictions",
        goal: "Zadbanie o zdrowie dzieci i rodziców",
        actions: &[
            action("Umówienie wizyty u pediatry i szczepień", "Aktualny kalendarz szczepień", &[Parent]),
            action(
                "Konsultacja w poradni psychologiczno-pedagogicznej",
                "Diagnoza i zalecenia",
                &[Parent, Institution(COUNSELLING_CENTRE)],
            ),
        ],
        later: &[
            action(
                "Terapia psychologiczna dziecka",
                "Dziecko radzi sobie z emocjami",
                &[Institution(COUNSELLING_CENTRE)],
            ),
            action(
                "Kontakt z poradnią leczenia uzależnień",
                "Podjęta terapia",
                &[Parent, Institution(ADDICTION_CLINIC)],
            ),
        ],
    },
    GoalTemplate {
        area: "household",
        goal: "Utrzymanie porządku i organizacja dnia",
        actions: &[action("Ustalenie stałego planu dnia dzieci", "Stałe pory posiłków i snu", &[Parent])],
        later: &[action(
            "Wspólne ustalenie podziału obowiązków domowych",
            "Domownicy wykonują swoje obowiązki",
            &[Parent, Assistant],
        )],
    },
    GoalTemplate {
        area: "official_matters",
        goal: "Załatwienie spraw urzędowych",
        actions: &[
            action("Złożenie wniosku o świadczenie wychowawcze", "Przyznane świadczenie", &[Parent]),
            action("Pomoc w skompletowaniu dokumentów do wniosków", "Rodzina ma komplet dokumentów", &[Assistant]),
        ],
        later: &[action("Złożenie wniosku o stypendium szkolne", "Przyznane stypendium", &[Parent])],
    },
    GoalTemplate {
        area: "care_upbringing",
        goal: "Wzmocnienie umiejętności wychowawczych rodziców",
        actions: &[
            action(
                "Udział w warsztatach umiejętności wychowawczych",
                "Rodzic stosuje ustalone zasady wychowawcze",
                &[Parent, Institution(FAMILY_SUPPORT_CENTRE)],
            ),
            action("Ustalenie z dziećmi zasad i konsekwencji", "Dzieci znają zasady domowe", &[Parent]),
        ],
        later: &[action(
            "Konsultacje z psychologiem w sprawie wychowania dzieci",
            "Rodzic lepiej rozumie potrzeby dzieci",
            &[Institution(FAMILY_SUPPORT_CENTRE), Institution(COUNSELLING_CENTRE)],
        )],
    },
];

/// The template of an action, by its wording.
pub fn template_of(what: &str) -> Option<(&'static GoalTemplate, &'static ActionTemplate)> {
    GOALS.iter().find_map(|g| g.actions.iter().chain(g.later).find(|a| a.what == what).map(|a| (g, a)))
}

/// Whether `who` is one of `doers`; a parent is the family's first member.
pub fn fits(doers: &[Doer], who: &Actor, members: &[EntityId]) -> bool {
    doers.iter().any(|doer| match (doer, who) {
        (Doer::Parent, Actor::Member { member_id }) => members.first() == Some(member_id),
        (Doer::Assistant, Actor::Assistant) => true,
        (Doer::Institution(name), Actor::Institution { name: actual }) => name == actual,
        _ => false,
    })
}

/// One of the fitting doers of `action`, as the plan's actor. Without
/// members, a parent's task falls to another fitting doer (or, failing
/// that, the assistant).
pub fn actor_for(rng: &mut DemoRng, action: &ActionTemplate, members: &[EntityId]) -> Actor {
    let doer = *rng.pick(action.doers);
    match (doer, members.first()) {
        (Doer::Parent, Some(member)) => Actor::Member { member_id: *member },
        (Doer::Parent, None) => match action.doers.iter().find(|d| **d != Doer::Parent) {
            Some(Doer::Institution(name)) => Actor::Institution { name: (*name).to_owned() },
            _ => Actor::Assistant,
        },
        (Doer::Assistant, _) => Actor::Assistant,
        (Doer::Institution(name), _) => Actor::Institution { name: name.to_owned() },
    }
}
