//! The loader never panics, whatever the bytes: 10,000 hostile inputs per `cargo test` run.

use crate::support;

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value;
use twin_studio::store::parse_twin;

fn sample_bytes() -> Vec<u8> {
    std::fs::read(support::sample_path("amazon-alibaba")).expect("flagship sample")
}

/// A JSON value of any shape, including numbers far out of every range.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the `n`-th node (depth first) of `value` with `replacement`.
fn replace_nth(value: &mut Value, n: &mut usize, replacement: &Value) -> bool {
    if *n == 0 {
        *value = replacement.clone();
        return true;
    }
    *n -= 1;
    match value {
        Value::Array(items) => items.iter_mut().any(|v| replace_nth(v, n, replacement)),
        Value::Object(map) => map.values_mut().any(|v| replace_nth(v, n, replacement)),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_twin(Path::new("random.twin.json"), &bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn byte_mutated_samples_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = sample_bytes();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len().max(1));
            match op {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i.min(bytes.len()), byte),
                _ if i < bytes.len() => { bytes.remove(i); }
                _ => {}
            }
        }
        if let Some(cut) = cut {
            let len = cut.index(bytes.len().max(1));
            bytes.truncate(len);
        }
        let _ = parse_twin(Path::new("mutated.twin.json"), &bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn structurally_mutated_samples_never_panic_and_errors_name_the_file(
        node in 0usize..4_000,
        replacement in any_json(),
    ) {
        let mut value: Value = serde_json::from_slice(&sample_bytes()).expect("sample parses");
        let mut n = node;
        replace_nth(&mut value, &mut n, &replacement);
        let bytes = serde_json::to_vec(&value).expect("serializable");
        if let Err(e) = parse_twin(Path::new("structural.twin.json"), &bytes) {
            prop_assert!(e.to_string().starts_with("structural.twin.json"));
        }
    }
}
