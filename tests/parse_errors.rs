//! Every bad-input case gets a located, readable error; good inputs in every format parse.

use discount_lab::engine::data::items::parse_items;
use discount_lab::engine::data::parse::{parse_ratings, ParseOptions};
use discount_lab::engine::data::ratings::Scale;
use discount_lab::engine::data::text_input::Separator;
use discount_lab::engine::error::ParseErrorKind;
use discount_lab::engine::limits::{MAX_INPUT_BYTES, MAX_USERS};

fn err(input: &[u8]) -> String {
    parse_ratings(input, &ParseOptions::default()).unwrap_err().to_string()
}

#[test]
fn formats_are_detected() {
    let csv = parse_ratings(b"u1,i1,4\nu2,i1,3\n", &ParseOptions::default()).unwrap();
    assert_eq!(csv.separator, Separator::Comma);
    assert!(!csv.has_header);
    let tab = parse_ratings(b"196\t242\t3\t881250949\n186\t302\t3\t891717742\n", &ParseOptions::default()).unwrap();
    assert_eq!(tab.separator, Separator::Tab);
    assert_eq!(tab.ratings.user_ids(), &["196", "186"]);
    let colons = parse_ratings(b"1::1193::5::978300760\n1::661::3::978302109\n", &ParseOptions::default()).unwrap();
    assert_eq!(colons.separator, Separator::DoubleColon);
    assert_eq!(colons.ratings.len(), 2);
    let header =
        parse_ratings(b"userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n", &ParseOptions::default()).unwrap();
    assert!(header.has_header);
    assert_eq!(header.ratings.scale(), Scale { lo: 1.0, hi: 5.0 });
}

#[test]
fn overrides_win_over_detection() {
    let opts = ParseOptions {
        separator: Some(Separator::Comma),
        has_header: Some(false),
        scale: Some(Scale::new(0.0, 5.0).unwrap()),
    };
    let p = parse_ratings(b"a,b,0\n", &opts).unwrap();
    assert_eq!(p.ratings.scale().lo, 0.0);
    assert!(!p.scale_inferred);
}

#[test]
fn scale_is_inferred_with_zero_as_a_real_rating() {
    let p = parse_ratings(b"u1,i1,0\nu1,i2,5\n", &ParseOptions::default()).unwrap();
    assert_eq!(p.ratings.scale(), Scale { lo: 0.0, hi: 5.0 });
    let p = parse_ratings(b"u1,i1,1\nu1,i2,10\n", &ParseOptions::default()).unwrap();
    assert_eq!(p.ratings.scale(), Scale { lo: 1.0, hi: 10.0 });
}

#[test]
fn non_numeric_rating_names_line_column_and_value() {
    assert_eq!(err(b"u1,i1,4\nu2,i1,abc\n"), "line 2, column 3: rating 'abc' is not a number");
}

#[test]
fn non_finite_ratings_are_rejected() {
    for bad in ["nan", "inf", "-infinity", "NaN"] {
        let text = format!("u1,i1,4\nu2,i1,{bad}\n");
        assert_eq!(err(text.as_bytes()), format!("line 2, column 3: rating '{bad}' is not a finite number"));
    }
}

#[test]
fn absurd_ratings_are_refused_even_without_a_scale() {
    assert_eq!(err(b"u1,i1,4\nu2,i1,1e308\n"), "line 2, column 3: rating 1e308 is beyond ±1000000");
    assert_eq!(err(b"u1,i1,4\nu2,i1,-99999999999\n"), "line 2, column 3: rating -99999999999 is beyond ±1000000");
    // Large but sensible scales are fine.
    assert!(parse_ratings(b"u1,i1,0\nu2,i1,1000000\n", &ParseOptions::default()).is_ok());
    assert!(Scale::new(0.0, 1e7).is_err());
}

#[test]
fn out_of_scale_when_the_scale_is_given() {
    let opts = ParseOptions { scale: Some(Scale::new(1.0, 5.0).unwrap()), ..Default::default() };
    let e = parse_ratings(b"u1,i1,4\nu1,i2,7\n", &opts).unwrap_err();
    assert_eq!(e.to_string(), "line 2, column 3: rating 7 is outside the scale 1..5");
}

#[test]
fn missing_fields_and_empty_ids() {
    assert_eq!(err(b"u1,i1,4\nu2,i2\n"), "line 2, column 3: missing field 'rating' (found 2 fields, need at least 3)");
    assert_eq!(err(b"u1,i1,4\n,i2,3\n"), "line 2, column 1: user id is empty");
    assert_eq!(err(b"u1,i1,4\nu1,,3\n"), "line 2, column 2: item id is empty");
    assert_eq!(err(b"u1,i1,4,5,6\n"), "line 1, column 5: 5 fields, but the format has at most 4");
}

#[test]
fn empty_blank_and_header_only_files() {
    assert_eq!(err(b""), "there are no data lines (the text is empty or blank)");
    assert_eq!(err(b"\n \n\n"), "there are no data lines (the text is empty or blank)");
    assert_eq!(err(b"user,item,rating\n"), "there are no data lines (the text is empty or blank)");
}

#[test]
fn binary_files_are_recognised() {
    assert_eq!(err(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "this looks like a binary file, not text");
    assert_eq!(err(&[0xff, 0xfe, 0x41, 0x42]), "this looks like a binary file, not text");
}

#[test]
fn over_the_size_limit() {
    let big = vec![b'a'; MAX_INPUT_BYTES + 1];
    let e = parse_ratings(&big, &ParseOptions::default()).unwrap_err();
    assert!(matches!(e.problems[0].kind, ParseErrorKind::TooLarge { .. }));
}

#[test]
fn over_the_user_limit() {
    let mut text = String::new();
    for u in 0..=MAX_USERS {
        text.push_str(&format!("u{u},i1,3\n"));
    }
    let e = parse_ratings(text.as_bytes(), &ParseOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), format!("line {}: over the limit of {MAX_USERS} users", MAX_USERS + 1));
}

#[test]
fn several_problems_are_all_counted() {
    let e = parse_ratings(b"u1,i1,x\nu2,i1,y\nu3,i1,3\nu4\n", &ParseOptions::default()).unwrap_err();
    assert_eq!(e.total, 3);
    assert_eq!(e.problems.iter().map(|p| p.line).collect::<Vec<_>>(), vec![1, 2, 4]);
    assert!(e.to_string().ends_with("(and 2 more problems)"));
}

#[test]
fn unterminated_quote_is_a_csv_error_with_a_line() {
    let e = parse_ratings(b"u1,i1,4\n\"u2,i1,3\nu3,i2,5\n", &ParseOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), "line 2, column 1: the quote that opens this field is never closed");
    let e = parse_ratings(b"u1,i1,4\nu2, \"i1,3\n", &ParseOptions::default()).unwrap_err();
    assert_eq!((e.problems[0].line, e.problems[0].column), (2, 2));
    // Closed quotes, doubled quotes and commas inside them are fine.
    let ok = parse_ratings(b"\"u,1\",\"i \"\"x\"\"\",4\n", &ParseOptions::default()).unwrap();
    assert_eq!(ok.ratings.user_ids(), ["u,1"]);
    assert_eq!(ok.ratings.item_ids(), ["i \"x\""]);
}

#[test]
fn duplicates_keep_the_last_rating_and_list_their_lines() {
    let p = parse_ratings(b"u1,i1,4\nu2,i1,3\nu1,i1,2\nu1,i1,5\n", &ParseOptions::default()).unwrap();
    assert_eq!(p.ratings.len(), 2);
    let u1 = p.ratings.user_index("u1").unwrap();
    let i1 = p.ratings.item_index("i1").unwrap();
    assert_eq!(p.ratings.get(u1, i1), Some(5.0));
    assert_eq!(p.duplicates.len(), 1);
    assert_eq!(p.duplicates[0].lines, vec![1, 3, 4]);
}

#[test]
fn quoted_ids_and_crlf_and_bom() {
    let p = parse_ratings("\u{feff}\"Smith, J\",i1,4\r\nu2,i1,3\r\n".as_bytes(), &ParseOptions::default()).unwrap();
    assert_eq!(p.ratings.user_ids(), &["Smith, J", "u2"]);
}

#[test]
fn item_table_errors_are_located() {
    assert_eq!(
        parse_items(b"item,attributes,price\ni1,a|b,abc\n").unwrap_err().to_string(),
        "line 2, column 3: price 'abc' is not a number"
    );
    assert_eq!(
        parse_items(b"item,attributes,discount_rates\ni1,a,0.2|1.5\n").unwrap_err().to_string(),
        "line 2, column 3: discount rate 1.5 is outside the scale 0..1"
    );
    assert_eq!(parse_items(b"i1,a,-3\n").unwrap_err().to_string(), "line 1, column 3: price -3 is negative");
    let t = parse_items(b"i1,a|b|a,10,6,books,0.1\n").unwrap();
    assert_eq!(t.items[0].attributes, vec!["a", "b"]);
    assert_eq!(t.items[0].category.as_deref(), Some("books"));
}

#[test]
fn purchase_log_events_say_what_each_row_records() {
    use discount_lab::engine::data::purchases::{parse_purchases, Event};
    let log = parse_purchases(
        b"user,item,list_price,price_paid,timestamp,event\n\
          c1,p1,10,10,2026-01-01,view\n\
          c1,p1,10,9,2026-01-02,addtocart\n\
          c1,p1,10,9,2026-01-02,Purchase\n",
    )
    .unwrap();
    assert_eq!(
        log.rows.iter().map(|p| p.event).collect::<Vec<_>>(),
        [Event::View, Event::Cart, Event::Purchase].map(Some)
    );
    assert_eq!(log.rows.iter().map(|p| p.bought()).collect::<Vec<_>>(), vec![false, false, true]);
    assert_eq!(log.rows.iter().map(|p| p.units()).collect::<Vec<_>>(), vec![0.0, 0.0, 1.0]);
    assert!(log.has_carts());
    // A cart row's quantity is what was put in the cart, not bought.
    let log = parse_purchases(b"user,item,list_price,quantity,event\nc1,p1,10,3,cart\n").unwrap();
    assert_eq!((log.rows[0].quantity, log.rows[0].units()), (3.0, 0.0));
    let e = parse_purchases(b"user,item,list_price,quantity,event\nc1,p1,10,0,purchase\n").unwrap_err();
    assert_eq!(e.to_string(), "line 2, column 4: quantity of a purchase 0 must be greater than 0");
    let e = parse_purchases(b"user,item,list_price,event\nc1,p1,10,click\n").unwrap_err();
    assert_eq!(e.to_string(), "line 2, column 4: event 'click' is not view, cart or purchase");
}

#[test]
fn purchase_log_errors_are_located() {
    use discount_lab::engine::data::purchases::parse_purchases;
    let text = "user,item,list_price,price_paid,quantity,timestamp\n\
                a,i1,10,8,1,2026-01-02\n\
                ,i1,10,8,1,2026-01-02\n\
                b,i1,-3,8,1,2026-01-02\n\
                b,i1,10,x,1,2026-01-02\n\
                b,i1,10,8,-2,2026-01-02\n\
                b,i1,10,8,1,2026-02-30\n\
                b,i1,10\n\
                b,i1,10,8,1,0,extra\n";
    let e = parse_purchases(text.as_bytes()).unwrap_err();
    let found: Vec<(usize, usize, String)> =
        e.problems.iter().map(|p| (p.line, p.column, p.kind.to_string())).collect();
    assert_eq!(found[0], (3, 1, "user id is empty".to_string()));
    assert_eq!(found[1], (4, 3, "list_price -3 must be greater than 0".to_string()));
    assert_eq!(found[2], (5, 4, "price_paid 'x' is not a number".to_string()));
    assert_eq!(found[3], (6, 5, "quantity -2 is negative".to_string()));
    assert_eq!((found[4].0, found[4].1), (7, 6));
    assert!(found[4].2.contains("2026-02-30"));
    assert_eq!((found[5].0, found[5].1), (8, 4));
    assert_eq!((found[6].0, found[6].1), (9, 7));
    assert!(parse_purchases(b"").is_err());
    assert!(parse_purchases(b"\0\x01").is_err());
}

#[test]
fn user_table_errors_are_located() {
    use discount_lab::engine::data::user_table::parse_users;
    let e = parse_users(b"user,age,gender\na,30,F\nb,40\n,50,M\n").unwrap_err();
    let found: Vec<(usize, usize)> = e.problems.iter().map(|p| (p.line, p.column)).collect();
    assert_eq!(found, vec![(3, 3), (4, 1)]);
    let e = parse_users(b"age,gender\n30,F\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 1, column 1: the first line must be a header naming the columns, like user,age,gender"
    );
    let t = parse_users(b"1|24|M|technician|85711\n").unwrap();
    assert_eq!(t.value("1", "age"), Some("24"));
    // A user twice, and an age that is not a number, are refused where they are.
    let e = parse_users(b"user,age,gender\na,30,F\nb,abc,M\na,31,F\nc,,M\n").unwrap_err();
    let found: Vec<String> = e.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        found,
        ["line 3, column 2: age 'abc' is not a number", "line 4, column 1: user 'a' is already on line 2"]
    );
    // An empty age is unknown, not an error.
    assert_eq!(parse_users(b"user,age\nc,\n").unwrap().value("c", "age"), Some(""));
}

#[test]
fn absurd_prices_are_refused_where_they_are() {
    use discount_lab::engine::data::purchases::parse_purchases;
    let log =
        b"user,item,list_price,price_paid,quantity,timestamp\nu1,i1,10,8,1,2026-01-02\nu1,i2,1e300,8,1,2026-01-02\n";
    let e = parse_purchases(log).unwrap_err();
    assert_eq!(e.to_string(), "line 3, column 3: list_price 1e300 is beyond ±1000000000000");
}

#[test]
fn an_item_table_of_other_items_is_refused_and_says_why() {
    use discount_lab::engine::data::items::parse_items;
    let ratings = parse_ratings(b"u1,p01,4\nu2,p02,3\n", &ParseOptions::default()).unwrap().ratings;
    let other = parse_items(b"foo,bar\n1,2\n").unwrap();
    let e = other.for_ratings(&ratings).unwrap_err();
    assert_eq!(
        e.to_string(),
        "none of the item table's 2 items (foo, …) is in the ratings (whose items are like p01): is it the right file?"
    );
    // One item in common is enough; an empty table or empty ratings are not judged.
    let some = parse_items(b"item,attributes\np02,a|b\nzzz,c\n").unwrap();
    assert_eq!(some.for_ratings(&ratings).unwrap().items.len(), 2);
}
