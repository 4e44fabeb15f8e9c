use super::*;
use crate::exchange::tables::{self, PROJECT_TABLES, WORKSPACE_TABLES};
use crate::store::Store;
use crate::testing::{self, demo};
use serde_json::{json, Value as Json};

/// What `northstar show --json` prints, assembled from the same core reads as the CLI.
pub(super) fn show_json(s: &Store, project_id: &str) -> Json {
    let conn = s.conn();
    let today = s.clock().today();
    let p = crate::project::get(conn, project_id).unwrap();
    let card = crate::scorecard::scorecard(conn, project_id).unwrap();
    let every = crate::risks::RiskQuery {
        status: crate::risks::StatusFilter::All,
        ..Default::default()
    };
    json!({
        "project": p,
        "headline": card.headline,
        "pillars": card.pillars,
        "assessments": card.assessments,
        "goals": crate::goals::list_goals(conn, project_id, today).unwrap(),
        "stakeholders": crate::stakeholders::list_stakeholders(conn, project_id, today).unwrap(),
        "risks": crate::risks::all_risks(conn, project_id, &every, today).unwrap(),
        "compliance": crate::compliance::compliance(conn, project_id).unwrap(),
        "agenda": crate::agenda::agenda(conn, today, &crate::agenda::AgendaQuery {
            days: None,
            project_id: Some(project_id.to_owned()),
        }).unwrap(),
    })
}

/// Every row of every carried table (counters aside), sorted by id.
fn dump(s: &Store) -> Json {
    let mut out = serde_json::Map::new();
    for t in PROJECT_TABLES.iter().chain(WORKSPACE_TABLES) {
        let cols = tables::columns(s.conn(), t).unwrap();
        let list = cols
            .iter()
            .map(|c| c.name.clone())
            .collect::<Vec<_>>()
            .join(", ");
        let mut stmt = s
            .conn()
            .prepare(&format!("SELECT {list} FROM {} ORDER BY id", t.name))
            .unwrap();
        let rows: Vec<Json> = stmt
            .query_map([], |r| {
                let mut m = serde_json::Map::new();
                for (i, c) in cols.iter().enumerate() {
                    let v = match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => Json::Null,
                        rusqlite::types::ValueRef::Integer(v) => v.into(),
                        rusqlite::types::ValueRef::Real(v) => v.into(),
                        rusqlite::types::ValueRef::Text(v) => {
                            String::from_utf8_lossy(v).into_owned().into()
                        }
                        rusqlite::types::ValueRef::Blob(_) => "blob".into(),
                    };
                    m.insert(c.name.clone(), v);
                }
                Ok(Json::Object(m))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        out.insert(t.name.to_owned(), rows.into());
    }
    Json::Object(out)
}

/// A workspace whose clock is six hours after the test store's, the same day: an import there
/// happens after the export, as in life, and "today" reads the same.
fn later_store() -> Store {
    use chrono::{TimeZone, Utc};
    let clock = crate::clock::FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 15, 0, 0).unwrap());
    Store::open_in_memory(Box::new(clock)).unwrap()
}

fn count(s: &Store, table: &str) -> i64 {
    s.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// Exports, imports into an empty workspace, and checks both read the same.
fn round_trip(s: &Store, ids: &[String]) -> Store {
    let bytes = export(s, None).unwrap();
    let mut t = later_store();
    let report = import(&mut t, &bytes, JsonImportOptions::default()).unwrap();
    assert_eq!(report.projects.len(), ids.len());
    assert_eq!(dump(&t), dump(s));
    for id in ids {
        assert_eq!(show_json(&t, id), show_json(s, id), "project {id}");
    }
    // The same file again, byte for byte: nothing was lost or added on the way.
    let again = String::from_utf8(export(&t, None).unwrap()).unwrap();
    let bytes = String::from_utf8(bytes).unwrap();
    for (a, b) in again
        .lines()
        .zip(bytes.lines())
        .filter(|(a, _)| !a.starts_with("\"exported_at\""))
    {
        assert_eq!(a, b);
    }
    assert_eq!(again.len(), bytes.len());
    t
}

#[test]
fn the_demo_comes_back_the_same() {
    let (s, id) = demo();
    let t = round_trip(&s, std::slice::from_ref(&id));
    // Every row went through the write path: the change log saw each insert.
    let inserts: i64 = t
        .conn()
        .query_row(
            "SELECT count(*) FROM changes WHERE op = 'insert'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let rows: i64 = PROJECT_TABLES.iter().map(|t2| count(&t, t2.name)).sum();
    let risks = count(&t, "risks");
    assert_eq!(
        inserts,
        rows + risks,
        "one insert per row, plus each risk's carried one"
    );
    // The search index followed the risks in.
    let found: i64 = t
        .conn()
        .query_row(
            "SELECT count(*) FROM risks_fts WHERE risks_fts MATCH 'integration'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(found > 0);
}

#[test]
fn a_large_generated_workspace_comes_back_the_same() {
    let mut s = testing::store();
    crate::demo::seed_if_first_run(&mut s).unwrap();
    let mut ids = sample_workspace(&mut s, 2, 400).unwrap();
    let demo = crate::project::find(s.conn(), crate::demo::DEMO_NAME).unwrap();
    ids.push(demo.id);
    let t = round_trip(&s, &ids);
    // Band changes came along with the risks' history.
    let changed = |st: &Store| {
        ids.iter()
            .map(|id| {
                show_json(st, id)["risks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|r| !r["band_change"].is_null())
                    .count()
            })
            .sum::<usize>()
    };
    assert!(changed(&s) > 0);
    assert_eq!(changed(&t), changed(&s));
    assert!(count(&t, "agenda_marks") >= 6);
}

#[test]
fn one_project_exports_alone_with_the_regulations_it_names() {
    let mut s = testing::store();
    crate::demo::seed_if_first_run(&mut s).unwrap();
    let ids = sample_workspace(&mut s, 1, 40).unwrap();
    let file: Json = serde_json::from_slice(&export(&s, Some(&ids[0])).unwrap()).unwrap();
    assert_eq!(file["format"], "northstar");
    assert_eq!(file["version"], 1);
    assert_eq!(file["schema"], crate::store::LATEST_VERSION);
    assert_eq!(file["projects"].as_array().unwrap().len(), 1);
    let codes: Vec<&str> = file["regulations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(codes.iter().any(|c| c.starts_with("SOC 2")), "{codes:?}");
    let tables = file["projects"][0]["tables"].as_object().unwrap();
    assert_eq!(
        tables.len(),
        PROJECT_TABLES.len() - 1,
        "every table listed, empty or not"
    );
    assert!(tables["risks"][0].get("severity").is_none());
    assert!(tables["risks"][0].get("search_key").is_none());
    assert!(export(&s, Some("nope")).is_err());
}

#[test]
fn a_name_taken_is_refused_and_rename_and_remap_make_a_copy() {
    let (mut s, id) = demo();
    let bytes = export(&s, Some(&id)).unwrap();
    let before = count(&s, "changes");
    let e = import(&mut s, &bytes, JsonImportOptions::default()).unwrap_err();
    assert_eq!(e.kind(), crate::ErrorKind::Conflict);
    assert!(e.to_string().contains("--rename NEW"), "{e}");
    let renamed = JsonImportOptions {
        rename: Some("LaunchPad copy".into()),
        ..Default::default()
    };
    let e = import(&mut s, &bytes, renamed.clone()).unwrap_err();
    assert_eq!(e.kind(), crate::ErrorKind::Conflict);
    assert!(e.to_string().contains("--remap-ids"), "{e}");
    let p = preview(&s, &bytes, &renamed).unwrap();
    assert!(p.ids_present && p.name_clashes.is_empty());
    assert_eq!(count(&s, "changes"), before, "refusals write nothing");

    let report = import(
        &mut s,
        &bytes,
        JsonImportOptions {
            remap_ids: true,
            ..renamed
        },
    )
    .unwrap();
    let copy = &report.projects[0];
    assert_eq!(copy.name, "LaunchPad copy");
    assert_ne!(copy.id, id);
    // Links intact: every foreign key holds, and the copy reads as the original does once
    // names and ids are set aside.
    let broken: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);
    let masked = |v: Json| mask(v, &[&id, &copy.id]);
    let mut a = masked(show_json(&s, &id));
    let mut b = masked(show_json(&s, &copy.id));
    for v in [&mut a, &mut b] {
        v["project"]["name"] = Json::Null;
        for item in v["agenda"].as_array_mut().unwrap() {
            item["project"] = Json::Null;
        }
    }
    assert_eq!(a, b);
    let goals = show_json(&s, &copy.id)["goals"].clone();
    let own: Vec<String> =
        crate::stakeholders::list_stakeholders(s.conn(), &copy.id, s.clock().today())
            .unwrap()
            .into_iter()
            .map(|p| p.id)
            .collect();
    for g in goals.as_array().unwrap() {
        for st in g["stakeholders"].as_array().unwrap() {
            assert!(
                own.contains(&st.as_str().unwrap().to_owned()),
                "a link points outside the copy"
            );
        }
    }
}

/// Replaces every id-looking string (UUIDs, `kind:uuid`) and the given ids with one mark.
fn mask(v: Json, ids: &[&str]) -> Json {
    match v {
        Json::String(s) => {
            let tail = s.rsplit(':').next().unwrap_or(&s);
            let uuid = tail.len() == 36 && tail.bytes().filter(|b| *b == b'-').count() == 4;
            if uuid || ids.contains(&s.as_str()) {
                Json::String("<id>".into())
            } else {
                Json::String(s)
            }
        }
        Json::Array(a) => Json::Array(a.into_iter().map(|x| mask(x, ids)).collect()),
        Json::Object(m) => Json::Object(m.into_iter().map(|(k, x)| (k, mask(x, ids))).collect()),
        other => other,
    }
}

/// Imports `bytes` into `s`, expecting a failure that writes nothing; returns its message.
fn refused(s: &mut Store, bytes: &[u8]) -> String {
    let before = (count(s, "changes"), count(s, "projects"));
    let e = import(
        s,
        bytes,
        JsonImportOptions {
            source: Some("demo.json".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!((count(s, "changes"), count(s, "projects")), before, "{e}");
    e.to_string()
}

#[test]
fn malformed_files_get_a_clear_message_and_write_nothing() {
    let (s, id) = demo();
    let good = String::from_utf8(export(&s, Some(&id)).unwrap()).unwrap();
    let mut t = testing::store();

    let cut = &good[..good.len() / 2];
    let m = refused(&mut t, cut.as_bytes());
    assert!(
        m.starts_with("demo.json: the file ends too early, at line"),
        "{m}"
    );

    let m = refused(&mut t, b"\x00\xff\x89PNG\r\n\x1a\n junk");
    assert!(
        m.starts_with("demo.json: not a Northstar export: not valid JSON at line 1, column 1"),
        "{m}"
    );

    let m = refused(&mut t, b"[1, 2, 3]");
    assert!(m.contains("expected a Northstar export"), "{m}");

    let m = refused(
        &mut t,
        good.replacen("\"version\": 1,", "\"version\": 2,", 1)
            .as_bytes(),
    );
    assert!(
        m.contains("format version 2, newer than this app reads"),
        "{m}"
    );

    let m = refused(
        &mut t,
        good.replacen("\"format\": \"northstar\"", "\"format\": \"other\"", 1)
            .as_bytes(),
    );
    assert!(m.contains("not a Northstar export"), "{m}");

    // A wrong type names the line, the table, the row and the column.
    let at = good.find("\"likelihood\":").unwrap();
    let line = good[..at].lines().count();
    let end = at + good[at..].find(',').unwrap();
    let wrong = format!("{}\"likelihood\":\"high\"{}", &good[..at], &good[end..]);
    let m = refused(&mut t, wrong.as_bytes());
    assert!(
        m.starts_with(&format!("demo.json: line {line}, column ")),
        "{line}: {m}"
    );
    assert!(m.contains("table risks, row 1 (id "), "{m}");
    assert!(
        m.contains("column likelihood: expected a number, got text “high”"),
        "{m}"
    );

    // A field of megabytes is refused, not stored.
    let at = good.find("\"evidence\":\"").unwrap() + "\"evidence\":\"".len();
    let huge = format!("{}{}{}", &good[..at], "x".repeat(5 << 20), &good[at..]);
    let m = refused(&mut t, huge.as_bytes());
    assert!(m.contains("column evidence: text of 5242"), "{m}");
    assert!(m.contains("a field holds at most 20000"), "{m}");

    // Values SQLite's own checks refuse roll the whole file back.
    let wrong = good.replacen("\"target\":4,", "\"target\":9,", 1);
    let m = refused(&mut t, wrong.as_bytes());
    assert!(
        m.contains("table pillars") && m.contains("CHECK constraint failed"),
        "{m}"
    );

    // A link to a row the file does not hold.
    let at = good.find("\"goal_id\":\"").unwrap() + "\"goal_id\":\"".len();
    let wrong = format!("{}0000{}", &good[..at], &good[at + 4..]);
    let m = refused(&mut t, wrong.as_bytes());
    assert!(m.contains("goal_id names a goals row"), "{m}");

    let m = refused(
        &mut t,
        good.replacen("\"tables\": {", "\"tables\": {\n\"secrets\": [],", 1)
            .as_bytes(),
    );
    assert!(m.contains("unknown table “secrets”"), "{m}");

    assert_eq!(count(&t, "projects"), 0);
    import(&mut t, good.as_bytes(), JsonImportOptions::default()).unwrap();
    assert_eq!(show_json(&t, &id), show_json(&s, &id));
}

#[test]
fn rename_is_for_one_project_and_checked_like_a_name() {
    let mut s = testing::store();
    let ids = sample_workspace(&mut s, 2, 20).unwrap();
    let bytes = export(&s, None).unwrap();
    let mut t = testing::store();
    let e = import(
        &mut t,
        &bytes,
        JsonImportOptions {
            rename: Some("X".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("rename"));
    let one = export(&s, Some(&ids[1])).unwrap();
    let e = import(
        &mut t,
        &one,
        JsonImportOptions {
            rename: Some("  ".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "A project name is required.");
    let r = import(
        &mut t,
        &one,
        JsonImportOptions {
            rename: Some("  Renamed ".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(r.projects[0].name, "Renamed");
    assert_eq!(
        crate::project::get(t.conn(), &ids[1]).unwrap().name,
        "Renamed"
    );
    // The library row the project names came along once, and not twice.
    assert_eq!(r.regulations_added, 1);
    let r = import(
        &mut t,
        &one,
        JsonImportOptions {
            rename: Some("Again".into()),
            remap_ids: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(r.regulations_added, 0);
}

mod prop;
