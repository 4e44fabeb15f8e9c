use super::*;
use crate::testing::store;

fn new(name: &str) -> NewProject {
    NewProject {
        name: name.into(),
        ..Default::default()
    }
}

#[test]
fn a_name_is_required() {
    let mut s = store();
    for blank in ["", "   ", "\n\t"] {
        let e = create(&mut s, new(blank)).unwrap_err();
        assert_eq!(e.field(), Some("name"));
        assert_eq!(e.to_string(), "A project name is required.");
    }
    assert!(list(s.conn()).unwrap().is_empty());
}

#[test]
fn a_name_is_at_most_200_characters() {
    let mut s = store();
    let long = "é".repeat(201);
    let e = create(&mut s, new(&long)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "A project name can be at most 200 characters (this one has 201)."
    );
    assert!(create(&mut s, new(&"é".repeat(200))).is_ok());
}

#[test]
fn names_are_unique_among_active_projects_ignoring_case() {
    let mut s = store();
    let a = create(&mut s, new("Ürsa Launch")).unwrap();
    let e = create(&mut s, new("  üRSA launch ")).unwrap_err();
    assert_eq!(e.field(), Some("name"));
    assert!(
        e.to_string().contains("already called “Ürsa Launch”"),
        "{e}"
    );

    // Archived projects free their name; restoring one that clashes is refused.
    set_archived(&mut s, &a.id, true).unwrap();
    let b = create(&mut s, new("ürsa LAUNCH")).unwrap();
    let e = set_archived(&mut s, &a.id, false).unwrap_err();
    assert_eq!(e.kind(), crate::ErrorKind::Conflict);
    assert!(get(s.conn(), &a.id).unwrap().archived);

    // Renaming onto another active name is refused, renaming to itself in other case is fine.
    let c = create(&mut s, new("Other")).unwrap();
    assert!(edit(&mut s, &c.id, ProjectEdit::Name("ÜRSA launch".into())).is_err());
    let renamed = edit(&mut s, &b.id, ProjectEdit::Name("Ürsa Launch".into())).unwrap();
    assert_eq!(renamed.name, "Ürsa Launch");
}

#[test]
fn the_north_star_is_at_most_500_characters() {
    let mut s = store();
    let p = create(&mut s, new("P")).unwrap();
    let e = edit(&mut s, &p.id, ProjectEdit::NorthStar("x".repeat(501))).unwrap_err();
    assert_eq!(e.field(), Some("north_star"));
    assert_eq!(
        e.to_string(),
        "The North Star can be at most 500 characters (this one has 501)."
    );
    assert_eq!(get(s.conn(), &p.id).unwrap().north_star, "");
    let mut np = new("Q");
    np.north_star = "y".repeat(501);
    assert!(create(&mut s, np).is_err());
    assert_eq!(list(s.conn()).unwrap().len(), 1);
}

#[test]
fn edits_are_trimmed_and_recorded_as_changes() {
    let mut s = store();
    let p = create(&mut s, new("P")).unwrap();
    let p = edit(
        &mut s,
        &p.id,
        ProjectEdit::LeadingMetric("  p95 latency ".into()),
    )
    .unwrap();
    assert_eq!(p.leading_metric, "p95 latency");
    let (old, new): (Option<String>, String) = s
        .conn()
        .query_row(
            "SELECT old_value, new_value FROM changes WHERE row_id = ?1 AND field = 'leading_metric'",
            [&p.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((old.as_deref(), new.as_str()), (Some(""), "p95 latency"));
}

#[test]
fn delete_takes_the_projects_rows_with_it_and_find_no_longer_sees_it() {
    let mut s = store();
    let mut np = new("Doomed");
    np.pillar_sets = vec![crate::scorecard::PillarSet::FourPillars];
    let p = create(&mut s, np).unwrap();
    assert_eq!(deletion_impact(s.conn(), &p.id).unwrap().pillars, 4);
    delete(&mut s, &p.id).unwrap();
    assert!(find(s.conn(), "Doomed").is_err());
    let live: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM pillars WHERE project_id = ?1 AND deleted_at IS NULL",
            [&p.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(live, 0);
    assert_eq!(
        delete(&mut s, &p.id).unwrap_err().kind(),
        crate::ErrorKind::NotFound
    );
}

#[test]
fn find_takes_an_id_or_an_exact_name() {
    let mut s = store();
    let p = create(&mut s, new("LaunchPad – v0")).unwrap();
    assert_eq!(find(s.conn(), &p.id).unwrap().id, p.id);
    assert_eq!(find(s.conn(), "LaunchPad – v0").unwrap().id, p.id);
    assert!(find(s.conn(), "launchpad – v0").is_err());
}
