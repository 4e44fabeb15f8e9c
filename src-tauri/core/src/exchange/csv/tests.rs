use super::*;
use crate::project::{self, NewProject};
use crate::risks::{self, NewRisk, RiskStatus, StatusFilter};
use crate::testing;

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

#[test]
fn names_parse_and_an_unknown_one_lists_them_all() {
    for t in CsvTable::ALL {
        assert_eq!(CsvTable::parse(t.as_str()).unwrap(), t);
    }
    assert_eq!("Risks".parse::<CsvTable>().unwrap(), CsvTable::Risks);
    let e = CsvTable::parse("riskz").unwrap_err();
    assert_eq!(e.field(), Some("table"));
    assert_eq!(
        e.to_string(),
        "There is no list called “riskz” to export. Choose one of: pillars, goals, stakeholders, \
         risks, compliance, vendors, inventory, agenda."
    );
}

#[test]
fn every_list_of_the_demo_exports_with_its_headings() {
    let mut s = testing::store();
    crate::demo::seed_if_first_run(&mut s).unwrap();
    let id = project::list(s.conn()).unwrap()[0].id.clone();
    let today = s.clock().today();
    for t in CsvTable::ALL {
        let out = text(export_table(s.conn(), &id, t, &CsvFilter::default(), today).unwrap());
        let first = out.lines().next().unwrap();
        assert!(out.ends_with("\r\n"), "{t:?}");
        match t {
            CsvTable::Pillars => {
                assert!(first.starts_with("Pillar,Description,Current score,Target score,Status"));
                assert!(out.contains("\r\nReliability,"), "{out}");
                assert_eq!(out.lines().count(), 13);
            }
            CsvTable::Stakeholders => {
                assert!(
                    first.starts_with("Stakeholder / Role,Why They Care,What “Success” Looks Like")
                );
            }
            CsvTable::Compliance => {
                assert!(
                    first.starts_with("Data / Feature Area,Potential Regulation,Current Readiness")
                );
                assert!(out.contains("Partial"), "{out}");
            }
            _ => assert!(!first.is_empty()),
        }
    }
}

#[test]
fn quoting_follows_rfc_4180_and_text_stays_utf8() {
    let mut s = testing::store();
    let p = project::create(
        &mut s,
        NewProject {
            name: "LaunchPad – v0".into(),
            ..Default::default()
        },
    )
    .unwrap();
    risks::add_risk(
        &mut s,
        &p.id,
        NewRisk {
            title: "Vendor in São Paulo, \"primary\" – fails".into(),
            description: "Line one\nline two".into(),
            likelihood: 3,
            impact: 4,
            mitigation: "Plain".into(),
            owner: "Ana".into(),
            status: None,
            review_date: None,
            goals: vec![],
            stakeholders: vec![],
        },
    )
    .unwrap();
    let today = s.clock().today();
    let out = text(
        export_table(
            s.conn(),
            &p.id,
            CsvTable::Risks,
            &CsvFilter::default(),
            today,
        )
        .unwrap(),
    );
    let row = out.split_once("\r\n").unwrap().1;
    assert!(
        row.starts_with("\"Vendor in São Paulo, \"\"primary\"\" – fails\",\"Line one\nline two\",3,4,12,high,Plain,Ana,open,"),
        "{row}"
    );
    // A reader gets the fields back exactly.
    let mut r = ::csv::Reader::from_reader(out.as_bytes());
    let rec = r.records().next().unwrap().unwrap();
    assert_eq!(&rec[0], "Vendor in São Paulo, \"primary\" – fails");
    assert_eq!(&rec[1], "Line one\nline two");
}

#[test]
fn risks_export_only_the_rows_the_filter_shows() {
    let mut s = testing::store();
    let p = project::create(
        &mut s,
        NewProject {
            name: "Register".into(),
            ..Default::default()
        },
    )
    .unwrap();
    risks::sample_register(&mut s, &p.id, 40, &[], &[]).unwrap();
    let today = s.clock().today();
    let count = |f: CsvFilter| {
        let out = text(export_table(s.conn(), &p.id, CsvTable::Risks, &f, today).unwrap());
        let mut r = ::csv::Reader::from_reader(out.as_bytes());
        r.records().map(|x| x.unwrap()).collect::<Vec<_>>()
    };
    assert_eq!(count(CsvFilter::default()).len(), 40);
    let closed = count(CsvFilter {
        risks: Some(RiskQuery {
            status: StatusFilter::Closed,
            ..Default::default()
        }),
        ..Default::default()
    });
    assert_eq!(closed.len(), 4);
    assert!(closed.iter().all(|r| &r[8] == RiskStatus::Closed.as_str()));
    let owned = count(CsvFilter {
        risks: Some(RiskQuery {
            owner: Some("Ana".into()),
            limit: Some(1),
            ..Default::default()
        }),
        ..Default::default()
    });
    // The screen's default (not closed), every page of it, only Ana's.
    assert!(!owned.is_empty() && owned.iter().all(|r| &r[7] == "Ana" && &r[8] != "closed"));
    assert_eq!(owned.len(), 5);
}
