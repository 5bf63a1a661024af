//! The message catalogue is complete in both languages.

use discount_lab::present::{text, Key, Lang};

fn placeholders(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(n, _)| n.split('|').next().unwrap_or(n).to_string()))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_placeholders() {
    for &k in Key::ALL {
        let (en, zh) = (text(Lang::En, k), text(Lang::Zh, k));
        assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{k:?} is empty");
        assert_eq!(placeholders(en), placeholders(zh), "{k:?} placeholders differ");
    }
}

#[test]
fn chinese_messages_are_translated() {
    let same: Vec<Key> = Key::ALL.iter().copied().filter(|&k| text(Lang::En, k) == text(Lang::Zh, k)).collect();
    // Only symbols, formulas and format names may be identical: no English word of 4+ letters.
    for k in &same {
        let t = text(Lang::En, *k);
        // Parameter names such as actual_k are identifiers, not words.
        let has_word = t
            .split(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
            .filter(|w| !w.contains('_'))
            .any(|w| w.len() >= 4 && w.chars().any(|c| c.is_ascii_lowercase()));
        assert!(!has_word || t.contains("ratings.dat"), "{k:?} untranslated: {t}");
    }
}

#[test]
fn english_counts_agree_with_their_nouns() {
    use discount_lab::present::{fill, tr};
    assert_eq!(fill("{k} {k|neighbour|neighbours}", &[("k", "1".into())]), "1 neighbour");
    assert_eq!(fill("{k} {k|neighbour|neighbours}", &[("k", "2".into())]), "2 neighbours");
    assert_eq!(fill("{k} {k|neighbour|neighbours}", &[("k", "0".into())]), "0 neighbours");
    let one = tr(
        Lang::En,
        Key::WhyStrategyUser,
        &[("k", "1".into()), ("ids", "u2".into()), ("mean", "4".into()), ("s", "0.25".into()), ("off", "6.25".into())],
    );
    assert!(one.starts_with("1 neighbour (u2) rates 4 on average"), "{one}");
    // Every count before a plural noun has its one/many form: no "{n} users" is left.
    for &k in Key::ALL {
        let en = text(Lang::En, k);
        for (at, _) in en.match_indices('{') {
            let Some(len) = en[at..].find('}') else { continue };
            let (name, rest) = (&en[at + 1..at + len], &en[at + len + 1..]);
            let plural = ["users", "items", "rows", "neighbours", "customers", "ratings", "segments", "fields"]
                .iter()
                .any(|noun| rest.starts_with(&format!(" {noun}")));
            assert!(name.contains('|') || !plural, "{k:?}: '{{{name}}}' before a plural noun in: {en}");
        }
    }
}
