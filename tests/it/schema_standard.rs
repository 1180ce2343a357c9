//! The published `assets/twin.schema.json` checked by a standard, third-party JSON Schema
//! validator (boon, draft 2020-12): the samples pass, and files the studio refuses fail it too.

use crate::support;

use std::path::Path;

use serde_json::{Value, json};

/// The checked-in schema compiled by boon; `validate` answers whether an instance passes.
struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    fn new() -> Self {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/twin.schema.json");
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        let index = compiler
            .compile(&path.to_string_lossy(), &mut schemas)
            .unwrap_or_else(|e| panic!("the schema compiles: {e}"));
        Self { schemas, index }
    }

    fn check(&self, instance: &Value) -> Result<(), String> {
        self.schemas
            .validate(instance, self.index)
            .map_err(|e| format!("{e:#}"))
    }
}

fn sample_json(name: &str) -> Value {
    let twin = support::sample(name);
    serde_json::to_value(&twin).expect("a twin serialises")
}

#[test]
fn every_sample_passes_the_published_schema() {
    let validator = Validator::new();
    for name in &support::sample_ids() {
        if let Err(e) = validator.check(&sample_json(name)) {
            panic!("{name} fails the schema: {e}");
        }
    }
}

/// A change to a twin's JSON.
type Edit = Box<dyn FnOnce(&mut Value)>;

/// Applies `edit` to the Amazon/Alibaba sample and returns the validator's answer.
fn after(validator: &Validator, edit: impl FnOnce(&mut Value)) -> Result<(), String> {
    let mut twin = sample_json("amazon-alibaba");
    edit(&mut twin);
    validator.check(&twin)
}

#[test]
fn what_the_studio_refuses_fails_the_schema_too() {
    let v = Validator::new();
    let cases: Vec<(&str, Edit)> = vec![
        (
            "score of 11",
            Box::new(|t| t["east"]["scores"]["base"]["value"] = json!(11)),
        ),
        (
            "negative score",
            Box::new(|t| t["west"]["scores"]["base"]["value"] = json!(-0.5)),
        ),
        (
            "brand colour \"blue\"",
            Box::new(|t| t["west"]["brand_color"] = json!("blue")),
        ),
        (
            "colour without #",
            Box::new(|t| t["west"]["brand_color"] = json!("FF9900")),
        ),
        (
            "orientation 1.5",
            Box::new(|t| t["east"]["orientation"]["company_vs_ecosystem"] = json!(1.5)),
        ),
        (
            "founded 1700",
            Box::new(|t| t["west"]["founded"] = json!(1700)),
        ),
        (
            "move strength 12",
            Box::new(|t| t["west"]["moves"][0]["strength"] = json!(12)),
        ),
        (
            "unknown entry mode",
            Box::new(|t| t["west"]["moves"][0]["mode"] = json!("stolen")),
        ),
        (
            "javascript: URL",
            Box::new(|t| {
                t["west"]["scores"]["base"]["evidence"][0]["source"]["url"] =
                    json!("javascript:alert(1)")
            }),
        ),
        (
            "URL with a newline",
            Box::new(|t| {
                t["west"]["scores"]["base"]["evidence"][0]["source"]["url"] = json!("https://a\nb")
            }),
        ),
        (
            "month 13",
            Box::new(|t| {
                t["west"]["scores"]["base"]["evidence"][0]["source"]["date"] = json!("2021-13")
            }),
        ),
        (
            "blank company name",
            Box::new(|t| t["east"]["name"] = json!("   ")),
        ),
        (
            "name of 201 characters",
            Box::new(|t| t["east"]["name"] = json!("A".repeat(201))),
        ),
        (
            "upper-case pillar id",
            Box::new(|t| t["framework"]["pillars"][0]["id"] = json!("Base")),
        ),
        ("twin id with a space", Box::new(|t| t["id"] = json!("a b"))),
        (
            "schema version 2",
            Box::new(|t| t["schema_version"] = json!(2)),
        ),
        (
            "no pillars",
            Box::new(|t| t["framework"]["pillars"] = json!([])),
        ),
        (
            "snapshot score 10.5",
            Box::new(|t| t["snapshots"] = json!([{ "label": "2018", "west": { "base": 10.5 } }])),
        ),
        (
            "unknown field",
            Box::new(|t| t["west"]["nickname"] = json!("x")),
        ),
    ];
    for (what, edit) in cases {
        assert!(after(&v, edit).is_err(), "{what} passed the schema");
    }
}

#[test]
fn edges_the_studio_accepts_pass_the_schema() {
    let v = Validator::new();
    let ok = |edit: Edit| after(&v, edit);
    assert_eq!(
        ok(Box::new(
            |t| t["east"]["scores"]["base"]["value"] = json!(10)
        )),
        Ok(())
    );
    assert_eq!(
        ok(Box::new(|t| t["west"]["brand_color"] = json!("#ff9900"))),
        Ok(())
    );
    assert_eq!(
        ok(Box::new(|t| {
            t["west"]["scores"]["base"]["evidence"][0]["source"]["url"] =
                json!("  MAILTO:press@example.com")
        })),
        Ok(())
    );
    assert_eq!(
        ok(Box::new(
            |t| t["east"]["orientation"]["company_vs_ecosystem"] = json!(-1)
        )),
        Ok(())
    );
}
