//! The native command line, run as a user would.

use std::process::Command;

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_discount-lab")).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("discount-lab-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn similarity_writes_the_matrix_with_ids_in_file_order() {
    let f = temp_file("w.csv", "u2,i1,5\nu2,i2,2\nu1,i1,1\nu1,i2,3\n");
    let (code, out, err) = cli(&["similarity", &f, "--kind", "user", "--measure", "cosine", "--scale", "0,5"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], ",u2,u1");
    let v: f64 = lines[1].split(',').nth(2).unwrap().parse().unwrap();
    assert!((v - 11.0 / (29.0f64 * 10.0).sqrt()).abs() < 1e-12);
}

#[test]
fn similarity_zero_fill_on_the_worked_example() {
    let dir = std::env::temp_dir().join(format!("discount-lab-sample-{}", std::process::id()));
    let dir = dir.to_string_lossy().into_owned();
    assert_eq!(cli(&["sample", "worked", "--out", &dir]).0, 0);
    let out_path = format!("{dir}/m.csv");
    let (code, _, err) = cli(&[
        "similarity",
        &format!("{dir}/ratings.csv"),
        "--measure",
        "cosine",
        "--zero-fill",
        "--scale",
        "0,5",
        "--out",
        &out_path,
    ]);
    assert_eq!(code, 0, "{err}");
    let m = std::fs::read_to_string(out_path).unwrap();
    assert!(m.starts_with(",u1,u2\nu1,1,0.5816"), "{m}");
    let (code, out, _) = cli(&["item-discounts", &format!("{dir}/items.csv"), "--k", "1"]);
    assert_eq!(code, 0);
    assert!(out.lines().nth(1).unwrap().starts_with("i1,i2,0.2,0.25,25,"), "{out}");
}

#[test]
fn discounts_writes_the_per_user_table() {
    let f = temp_file("a.csv", "1,101,5\n1,102,3\n1,103,1\n2,201,5\n2,202,2\n2,203,4\n");
    let (code, out, err) = cli(&["discounts", &f, "--as-in-article", "--scale", "0,5", "--max-discount", "25"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "user,neighbours,neighbour_mean,strength,percent_off,zhe,why");
    assert!(lines[1].starts_with("1,1 2,3.333"), "{}", lines[1]);
    assert!(lines[1].contains(",0.41666"), "{}", lines[1]);
}

#[test]
fn the_shop_sample_is_reproducible() {
    let base = std::env::temp_dir().join(format!("discount-lab-shop-{}", std::process::id()));
    let (a, b) = (base.join("a"), base.join("b"));
    for d in [&a, &b] {
        assert_eq!(cli(&["sample", "shop", "--seed", "7", "--out", d.to_str().unwrap()]).0, 0);
    }
    let read = |d: &std::path::Path, f: &str| std::fs::read_to_string(d.join(f)).unwrap();
    assert_eq!(read(&a, "ratings.csv"), read(&b, "ratings.csv"));
    assert_eq!(read(&a, "items.csv"), read(&b, "items.csv"));
    assert!(read(&a, "items.csv").starts_with("item,category,list_price,unit_cost,attributes,discount_rates\n"));
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit_code() {
    let f = temp_file("bad.csv", "u1,i1,4\nu2,i1,abc\n");
    let (code, out, err) = cli(&["similarity", &f]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("line 2, column 3: rating 'abc' is not a number"), "{err}");
    let (code, _, err) = cli(&["similarity", "/nonexistent/file.csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read /nonexistent/file.csv"));
    let (code, _, err) = cli(&["similarity", &f, "--measure", "bogus"]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown measure 'bogus'"));
    let (code, _, err) = cli(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("usage:"));
    let (code, _, err) = cli(&["discounts", &f, "--k", "zero"]);
    assert_eq!(code, 2);
    assert!(err.contains("--k: 'zero' is not a valid number"));
}

#[test]
fn neighbours_lists_the_most_similar_rows() {
    let f = temp_file("n.csv", "a,x,5\na,y,1\nb,x,4\nb,y,2\nc,x,1\nc,y,5\nd,x,5\nd,y,2\n");
    let (code, out, err) = cli(&["neighbours", &f, "--id", "a", "--k", "2"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "id,similarity,common");
    assert_eq!(lines.len(), 3, "c is negatively correlated and left out: {out}");
    assert!(lines[1].starts_with("b,1,2") || lines[1].starts_with("d,1,2"), "{out}");
    let (code, _, err) = cli(&["neighbours", &f, "--id", "zz"]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown id 'zz'"));
}

#[test]
fn evaluate_prints_one_json_object_and_recommend_lists_unrated_items() {
    let base = std::env::temp_dir().join(format!("discount-lab-eval-{}", std::process::id()));
    let dir = base.to_str().unwrap();
    assert_eq!(cli(&["sample", "shop", "--seed", "3", "--out", dir]).0, 0);
    let all = std::fs::read_to_string(base.join("ratings.csv")).unwrap();
    let lines: Vec<&str> = all.lines().skip(1).collect();
    let part = |keep: fn(usize) -> bool| -> String {
        lines.iter().enumerate().filter(|(k, _)| keep(*k)).map(|(_, l)| format!("{l}\n")).collect()
    };
    let (train, test) = (part(|k| k % 5 != 0), part(|k| k % 5 == 0));
    let train_path = temp_file("train.csv", &train);
    let test_path = temp_file("test.csv", &test);
    let (code, out, err) =
        cli(&["evaluate", "--train", &train_path, "--test", &test_path, "--algo", "knn-means", "--measure", "pearson"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["algo"], "knn-means");
    for key in ["rmse", "mae", "fcp", "fit_ms", "predict_ms"] {
        assert!(v[key].as_f64().is_some(), "{key} missing in {out}");
    }
    assert_eq!(v["n_test"].as_u64().unwrap() as usize, lines.len().div_ceil(5));
    assert!(v["rmse"].as_f64().unwrap() < 1.2);
    let (code, out, err) = cli(&[
        "recommend",
        &base.join("ratings.csv").to_string_lossy(),
        "--user",
        "c001",
        "--n",
        "5",
        "--algo",
        "baseline",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 6);
    let (code, _, err) = cli(&["evaluate", "--train", &train_path, "--test", &test_path, "--algo", "magic"]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown algorithm 'magic'"), "{err}");
    for (algo, flags) in [
        ("svdpp", &["--factors", "5", "--epochs", "3"][..]),
        ("nmf", &["--epochs", "10", "--seed", "4"][..]),
        ("coclustering", &["--user-clusters", "2", "--item-clusters", "4"][..]),
    ] {
        let mut args = vec!["evaluate", "--train", &train_path, "--test", &test_path, "--algo", algo];
        args.extend(flags);
        let (code, out, err) = cli(&args);
        assert_eq!(code, 0, "{algo}: {err}");
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["algo"], algo);
        assert!(v["rmse"].as_f64().unwrap() < 1.5, "{algo}: {out}");
    }
    let (code, _, err) = cli(&[
        "evaluate",
        "--train",
        &train_path,
        "--test",
        &test_path,
        "--algo",
        "coclustering",
        "--user-clusters",
        "0",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("n_cltr_u"), "{err}");
}

fn shop_dir(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("discount-lab-{name}-{}", std::process::id()));
    let dir = dir.to_string_lossy().into_owned();
    let (code, _, err) =
        cli(&["sample", "shop", "--seed", "5", "--customers", "120", "--products", "30", "--out", &dir]);
    assert_eq!(code, 0, "{err}");
    dir
}

#[test]
fn sample_shop_writes_ratings_items_purchases_and_users() {
    let dir = shop_dir("shop-files");
    for (file, header) in [
        ("ratings.csv", "user,item,rating"),
        ("items.csv", "item,category,list_price,unit_cost,attributes,discount_rates"),
        ("purchases.csv", "user,item,list_price,price_paid,quantity,timestamp"),
        ("users.csv", "user,age,gender"),
    ] {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
        assert_eq!(text.lines().next().unwrap(), header, "{file}");
    }
    // Same seed, same files.
    let again = shop_dir("shop-files-again");
    for file in ["ratings.csv", "items.csv", "purchases.csv", "users.csv"] {
        assert_eq!(
            std::fs::read_to_string(format!("{dir}/{file}")).unwrap(),
            std::fs::read_to_string(format!("{again}/{file}")).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn discounts_with_each_strategy_write_the_offer_csv() {
    let dir = shop_dir("strategies");
    for s in ["seed-user", "seed-item", "segment", "elasticity", "propensity", "coupon"] {
        let (code, out, err) = cli(&[
            "discounts",
            &format!("{dir}/ratings.csv"),
            "--strategy",
            s,
            "--items",
            &format!("{dir}/items.csv"),
            "--purchases",
            &format!("{dir}/purchases.csv"),
            "--users",
            &format!("{dir}/users.csv"),
            "--budget",
            "40",
            "--max-discount",
            "25",
            "--min-margin",
            "15",
            "--seed",
            "3",
        ]);
        assert_eq!(code, 0, "{s}: {err}");
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("user,percent_off,zhe,expected_cost,segment,why"), "{}", lines[0]);
        assert_eq!(lines.len(), 121, "{s}");
        assert!(err.contains("budget λ ="), "{s}: {err}");
        let spend: f64 = err.split("discount cost ").nth(1).unwrap().split(',').next().unwrap().parse().unwrap();
        assert!(spend <= 40.0 + 1e-6, "{s}: {spend}");
    }
}

#[test]
fn coupon_specs_and_their_mistakes() {
    let dir = shop_dir("coupons");
    let ratings = format!("{dir}/ratings.csv");
    let items = format!("{dir}/items.csv");
    let (code, out, err) = cli(&[
        "discounts",
        &ratings,
        "--strategy",
        "coupon",
        "--items",
        &items,
        "--coupon",
        "12%;20%:max=3:category=books",
        "--stack",
        "25",
        "--min-margin",
        "0",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().skip(1).all(|l| l.split(',').nth(1).unwrap().parse::<f64>().unwrap() >= 12.0 - 1e-9));
    let (code, _, err) = cli(&["discounts", &ratings, "--strategy", "coupon", "--coupon", "ten%"]);
    assert_eq!(code, 2);
    assert!(err.contains("'ten%' is not a percentage"), "{err}");
    let (code, _, err) = cli(&["discounts", &ratings, "--strategy", "cheapest"]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown strategy 'cheapest'"), "{err}");
}

#[test]
fn a_broken_purchase_log_is_reported_with_line_and_column() {
    let dir = shop_dir("bad-purchases");
    let bad =
        temp_file("bad-purchases.csv", "user,item,list_price,price_paid,quantity,timestamp\nc001,p01,10,8,1,soon\n");
    let (code, _, err) =
        cli(&["discounts", &format!("{dir}/ratings.csv"), "--strategy", "elasticity", "--purchases", &bad]);
    assert_eq!(code, 1);
    assert!(err.contains("line 2, column 6: timestamp 'soon' is neither a number nor a date"), "{err}");
}

#[test]
fn segment_writes_user_segment_and_prints_the_inertia() {
    let dir = shop_dir("segment");
    let (code, out, err) =
        cli(&["segment", &format!("{dir}/ratings.csv"), "--k", "3", "--purchases", &format!("{dir}/purchases.csv")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().next().unwrap(), "user,segment,name");
    assert_eq!(out.lines().count(), 121);
    assert!(err.starts_with("inertia "), "{err}");
    let (code, _, err) = cli(&["segment", &format!("{dir}/ratings.csv"), "--k", "0"]);
    assert_eq!(code, 1);
    assert!(err.contains("between 1 and 12"), "{err}");
}

#[test]
fn propensity_cross_validation_and_the_elbow_are_printed() {
    let dir = shop_dir("cv");
    let (code, _, err) = cli(&[
        "discounts",
        &format!("{dir}/ratings.csv"),
        "--strategy",
        "propensity",
        "--items",
        &format!("{dir}/items.csv"),
        "--purchases",
        &format!("{dir}/purchases.csv"),
        "--cv",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("purchase model on held-out users: accuracy"), "{err}");
    assert_eq!(err.lines().filter(|l| l.starts_with("0.01\t") || l.starts_with("none\t")).count(), 2, "{err}");
    assert_eq!(err.matches("\tbest").count(), 1, "{err}");
    let (code, _, err) =
        cli(&["segment", &format!("{dir}/ratings.csv"), "--purchases", &format!("{dir}/purchases.csv"), "--elbow"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("k\tinertia\tsilhouette\n1\t"), "{err}");
}

#[test]
fn sample_ml_1m_shape_writes_the_shaped_ratings() {
    use discount_lab::engine::data::movielens_shape::{movielens_shape, MovieLensShapeParams};
    use discount_lab::present::csv::ratings_csv;
    let dir = std::env::temp_dir().join(format!("discount-lab-ml-shape-{}", std::process::id()));
    let dir = dir.to_string_lossy().into_owned();
    let args = ["sample", "ml-1m-shape", "--seed", "9", "--users", "60", "--items", "200", "--ratings", "5000"];
    let (code, _, err) = cli(&[&args[..], &["--out", &dir]].concat());
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(format!("{dir}/ratings.csv")).unwrap();
    assert_eq!(text.lines().count(), 5001);
    assert!(text.starts_with("user,item,rating\n1,"), "{}", &text[..40]);
    // The rows ratings_csv writes for the same set, read back by the app's reader.
    let p = MovieLensShapeParams { seed: 9, users: 60, items: 200, ratings: 5000 };
    let set = movielens_shape(&p.check().unwrap()).to_ratings().unwrap();
    assert_eq!(text, ratings_csv(&set));
    let (code, out, _) = cli(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("ml-1m-shape") && out.contains("[--ratings N]"), "{out}");
    // Sizes the shape cannot have, and flags of another sample.
    let (code, _, err) = cli(&["sample", "ml-1m-shape", "--users", "60", "--ratings", "1000", "--out", &dir]);
    assert_eq!(code, 1);
    assert!(err.contains("parameter 'ratings': must be at least 3706"), "{err}");
    let (code, _, err) = cli(&["sample", "ml-1m-shape", "--customers", "60", "--out", &dir]);
    assert_eq!(code, 2);
    assert!(err.starts_with("--customers is not an option of the ml-1m-shape sample"), "{err}");
}

#[test]
fn neighbours_all_streams_every_rows_list_as_the_one_row_mode_finds_it() {
    let dir = std::env::temp_dir().join(format!("discount-lab-all-{}", std::process::id()));
    let dir = dir.to_string_lossy().into_owned();
    let args = ["sample", "ml-1m-shape", "--seed", "4", "--users", "80", "--items", "120", "--ratings", "3000"];
    assert_eq!(cli(&[&args[..], &["--out", &dir]].concat()).0, 0);
    let f = format!("{dir}/ratings.csv");
    for kind in ["item", "user"] {
        let common = ["--kind", kind, "--k", "4", "--measure", "cosine"];
        let (code, out, err) = cli(&[&["neighbours", f.as_str(), "--all"][..], &common].concat());
        assert_eq!(code, 0, "{err}");
        assert!(err.contains("the 4 most similar of each (cosine), streamed on"), "{err}");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "id,neighbour,similarity,common");
        let mut ids: Vec<&str> = lines[1..].iter().map(|l| l.split(',').next().unwrap()).collect();
        ids.dedup();
        assert!(ids.len() > 20, "{kind}: {} rows with neighbours", ids.len());
        for id in ids.iter().step_by(7) {
            let (code, one, err) = cli(&[&["neighbours", f.as_str(), "--id", id][..], &common].concat());
            assert_eq!(code, 0, "{err}");
            let streamed: Vec<String> =
                lines[1..].iter().filter_map(|l| l.strip_prefix(&format!("{id},"))).map(String::from).collect();
            assert_eq!(one.lines().skip(1).collect::<Vec<_>>(), streamed, "{kind} {id}");
        }
    }
    let (code, _, err) = cli(&["neighbours", &f]);
    assert_eq!((code, err.lines().next()), (2, Some("neighbours needs --id ID or --all")));
    let (code, _, err) = cli(&["neighbours", &f, "--all", "--id", "1"]);
    assert_eq!((code, err.lines().next()), (2, Some("neighbours takes --id ID or --all, not both")));
}

#[test]
fn neighbours_all_reads_a_file_over_the_apps_limits() {
    let dir = std::env::temp_dir().join(format!("discount-lab-large-{}", std::process::id()));
    let dir = dir.to_string_lossy().into_owned();
    let args = ["sample", "ml-1m-shape", "--users", "20001", "--items", "30", "--ratings", "420000", "--out", &dir];
    assert_eq!(cli(&args).0, 0);
    let f = format!("{dir}/ratings.csv");
    let (code, _, err) = cli(&["neighbours", &f, "--id", "1", "--kind", "item"]);
    assert_eq!(code, 1);
    assert!(err.contains("over the limit of 20000"), "{err}");
    let (code, out, err) = cli(&["neighbours", &f, "--all", "--kind", "item", "--k", "3"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.starts_with("30 items, the 3 most similar of each (pearson)"), "{err}");
    assert_eq!(out.lines().count(), 1 + 30 * 3);
}
