//! The published JSON Schema of the twin format, so other tools can validate profiles.

use crate::model::Twin;

/// The schema as pretty JSON with a final newline, exactly as checked in at `assets/twin.schema.json`.
pub fn twin_schema_json() -> String {
    let schema = schemars::schema_for!(Twin);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn checked_in_schema_matches_the_model() {
        let checked_in = include_str!("../assets/twin.schema.json");
        assert!(
            checked_in == super::twin_schema_json(),
            "assets/twin.schema.json is stale: run `cargo run -- schema > assets/twin.schema.json`"
        );
    }
}
