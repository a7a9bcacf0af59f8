use super::*;

fn reduce(state: PrintState, action: PrintAction) -> PrintState {
    (*Rc::new(state).reduce(action)).clone()
}

#[test]
fn a_print_says_where_the_file_went_or_why_not() {
    let printing = reduce(PrintState::Idle, PrintAction::Started);
    assert_eq!(printing, PrintState::Printing);
    assert_eq!(reduce(printing.clone(), PrintAction::Started), PrintState::Printing, "one print at a time");
    let saved = reduce(printing.clone(), PrintAction::Finished(Ok(Some("/tmp/plan.pdf".into()))));
    assert_eq!(saved, PrintState::Saved("/tmp/plan.pdf".into()));
    assert_eq!(reduce(printing.clone(), PrintAction::Finished(Ok(None))), PrintState::Cancelled);
    assert_eq!(
        reduce(printing, PrintAction::Finished(Err(ErrorKind::Storage))),
        PrintState::Failed(ErrorKind::Storage)
    );
    assert_eq!(reduce(saved, PrintAction::Started), PrintState::Printing, "and again");
}
