//! Nothing reachable from an upload panics: every parser returns a value or a located
//! error on any input, however odd (a panic would kill the wasm instance and the
//! user's work).

use discount_lab::engine::data::items::parse_items;
use discount_lab::engine::data::parse::{parse_ratings, ParseOptions};
use discount_lab::engine::data::purchases::parse_purchases;
use discount_lab::engine::data::user_table::parse_users;
use proptest::prelude::*;

fn every_parser(bytes: &[u8]) {
    let _ = parse_ratings(bytes, &ParseOptions::default());
    let _ = parse_items(bytes);
    let _ = parse_purchases(bytes);
    let _ = parse_users(bytes);
}

/// Text made of the characters files of these kinds are made of, so that the
/// parsers get past their first checks.
fn csvish() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-z0-9,|:.\"\t \n\r-]{0,80}").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parsers_never_panic_on_text(text in csvish()) {
        every_parser(text.as_bytes());
    }

    #[test]
    fn parsers_never_panic_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        every_parser(&bytes);
    }

    #[test]
    fn purchase_dates_never_panic(year in any::<i64>(), month in 0i64..14, day in 0i64..33) {
        let text = format!("user,item,list_price,price_paid,quantity,timestamp\nc1,p1,10,8,1,{year}-{month:02}-{day:02}\n");
        every_parser(text.as_bytes());
    }
}

#[test]
fn cases_that_once_panicked() {
    for text in [
        "\"\"",
        "\"\"\n",
        "\"\"\n\"\"\n",
        "user,item,list_price,price_paid,quantity,timestamp\nc1,p1,10,8,1,3000000000000000000-01-01\n",
    ] {
        every_parser(text.as_bytes());
    }
    assert!(parse_users(b"\"\"\n").is_err());
}

#[test]
fn far_dates_are_refused_with_their_place() {
    let e = parse_purchases(
        b"user,item,list_price,price_paid,quantity,timestamp\nc1,p1,10,8,1,3000000000000000000-01-01\n",
    )
    .unwrap_err();
    assert_eq!(e.problems[0].line, 2);
    assert_eq!(e.problems[0].column, 6);
}
