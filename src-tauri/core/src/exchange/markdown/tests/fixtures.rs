//! Each worksheet of the fixtures gives the rows its content says.

use super::plan_of;

#[test]
#[ignore = "prints the plans, for a person reading them"]
fn dump() {
    for f in std::fs::read_dir(super::fixture_dir()).unwrap() {
        let name = f.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".md") {
            let p = plan_of(&name);
            for t in &p.tables {
                println!(
                    "== {} :{} {:?} {:?} {:?} cols={:?} unrec={:?} note={}",
                    t.file, t.line, t.kind, t.heading, t.area, t.columns, t.unrecognised, t.note
                );
                for r in &t.rows {
                    println!("   + {} {} {:?} {:?}", r.line, r.label, r.notes, r.row);
                }
                for r in &t.skipped {
                    println!("   - {} {} : {}", r.line, r.label, r.reason);
                }
            }
        }
    }
}
