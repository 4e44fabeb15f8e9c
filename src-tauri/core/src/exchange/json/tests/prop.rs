//! Property: whatever becomes of a valid export (bytes cut, flipped, dropped or repeated; a
//! value swapped for any other JSON), importing it never panics, and either imports or fails
//! having written nothing.

use super::{count, demo, export, import, JsonImportOptions};
use crate::testing;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};
use serde_json::Value as Json;
use std::sync::OnceLock;

/// The demo's export, made once.
fn base() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let (s, id) = demo();
        export(&s, Some(&id)).unwrap()
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Flip(usize, u8),
    Delete(usize, usize),
    Duplicate(usize, usize),
    /// The n-th scalar or container of the parsed file replaced by another value.
    Replace(usize, Json),
}

fn any_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(Json::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Json::from),
        "[a-z0-9:–é -]{0,12}".prop_map(Json::from),
        Just(Json::from("builtin-gdpr")),
        Just(Json::from("x".repeat(30_000))),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Json::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..3)
                .prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    })
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let n = base().len();
    prop_oneof![
        (0..n).prop_map(Mutation::Truncate),
        (0..n, any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (0..n, 1..64usize).prop_map(|(i, k)| Mutation::Delete(i, k)),
        (0..n, 1..256usize).prop_map(|(i, k)| Mutation::Duplicate(i, k)),
        (0..4000usize, any_json()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        (0..4000usize, any_json()).prop_map(|(i, v)| Mutation::Replace(i, v)),
    ]
}

/// Replaces the `n`-th node (pre-order) of `v`, counting from `*seen`; true once done.
fn replace_nth(v: &mut Json, n: usize, seen: &mut usize, with: &Json) -> bool {
    if *seen == n {
        *v = with.clone();
        return true;
    }
    *seen += 1;
    match v {
        Json::Array(a) => a.iter_mut().any(|x| replace_nth(x, n, seen, with)),
        Json::Object(m) => m.values_mut().any(|x| replace_nth(x, n, seen, with)),
        _ => false,
    }
}

fn apply(m: &Mutation) -> Vec<u8> {
    let mut b = base().to_vec();
    match m {
        Mutation::Truncate(i) => b.truncate(*i),
        Mutation::Flip(i, x) => b[*i] ^= x | 1,
        Mutation::Delete(i, k) => {
            b.drain(*i..(*i + k).min(b.len()));
        }
        Mutation::Duplicate(i, k) => {
            let part = b[*i..(*i + k).min(b.len())].to_vec();
            b.splice(*i..*i, part);
        }
        Mutation::Replace(i, with) => {
            let mut v: Json = serde_json::from_slice(&b).unwrap();
            let mut seen = 0;
            // Past the last node: the file is left whole, which must import.
            replace_nth(&mut v, *i, &mut seen, with);
            b = serde_json::to_vec(&v).unwrap();
        }
    }
    b
}

#[test]
fn a_mangled_export_imports_or_fails_writing_nothing() {
    let mut runner = TestRunner::new(Config {
        cases: 200,
        rng_seed: RngSeed::Fixed(0x4E53_5452),
        failure_persistence: None,
        ..Config::default()
    });
    let (ok, failed) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
    runner
        .run(&mutation(), |m| {
            let bytes = apply(&m);
            let mut s = testing::store();
            let before = (
                count(&s, "changes"),
                count(&s, "projects"),
                count(&s, "regulations"),
            );
            match import(&mut s, &bytes, JsonImportOptions::default()) {
                Ok(r) => {
                    ok.set(ok.get() + 1);
                    prop_assert_eq!(r.projects.len(), 1);
                }
                Err(e) => {
                    failed.set(failed.get() + 1);
                    prop_assert!(!e.to_string().is_empty());
                    let after = (
                        count(&s, "changes"),
                        count(&s, "projects"),
                        count(&s, "regulations"),
                    );
                    prop_assert_eq!(after, before, "{}", e);
                }
            }
            Ok(())
        })
        .unwrap();
    // Both outcomes were met: the mutations reach past the parser.
    let (ok, failed) = (ok.get(), failed.get());
    assert!(ok > 0 && failed > 0, "ok {ok}, failed {failed}");
}
