//! Turning what the user types into an FTS5 query: every word must appear, each as a prefix
//! (so results follow the keystrokes), and nothing typed can be read as FTS5 syntax.

/// The MATCH expression for `text`, or none when it holds no word.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn words_become_quoted_prefixes_and_syntax_is_inert() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("rate lim").as_deref(), Some("\"rate\"* \"lim\"*"));
        assert_eq!(
            fts_query("title:x OR \"y NEAR(z").as_deref(),
            Some("\"title\"* \"x\"* \"OR\"* \"y\"* \"NEAR\"* \"z\"*")
        );
        assert_eq!(fts_query("Résumé").as_deref(), Some("\"Résumé\"*"));
    }
}
