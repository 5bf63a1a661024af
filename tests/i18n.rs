//! The message catalogue is complete in both languages.

use discount_lab::i18n::{text, Key, Lang};

fn placeholders(s: &str) -> Vec<String> {
    let mut out: Vec<String> =
        s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect();
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
