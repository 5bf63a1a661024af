//! numpy's legacy `RandomState` reproduced bit for bit. The expected values were printed
//! by numpy 2.4.6 (`/tmp/venv/bin/python`), e.g.
//! `np.random.RandomState(42).normal(0.5, 0.1, size=5).tolist()`.

use discount_lab::engine::stats::numpy_rng::NumpyRandomState;

struct Expected {
    seed: u32,
    /// `randint(0, 2**32, size=3, dtype=np.uint64)`: the raw 32-bit draws.
    raw: [u32; 3],
    /// `random_sample(3)`.
    uniform: [f64; 3],
    /// `normal(0.5, 0.1, size=5)`.
    normal: [f64; 5],
    /// `permutation(10)`.
    permutation: [usize; 10],
}

const EXPECTED: [Expected; 4] = [
    Expected {
        seed: 0,
        raw: [2357136044, 2546248239, 3071714933],
        uniform: [0.5488135039273248, 0.7151893663724195, 0.6027633760716439],
        normal: [0.6764052345967664, 0.5400157208367223, 0.597873798410574, 0.7240893199201458, 0.6867557990149967],
        permutation: [2, 8, 4, 9, 1, 6, 7, 3, 0, 5],
    },
    Expected {
        seed: 1,
        raw: [1791095845, 4282876139, 3093770124],
        uniform: [0.417022004702574, 0.7203244934421581, 0.00011437481734488664],
        normal: [0.6624345363663242, 0.4388243586349925, 0.44718282477365445, 0.3927031377843829, 0.5865407629324678],
        permutation: [2, 9, 6, 4, 0, 3, 1, 7, 8, 5],
    },
    Expected {
        seed: 42,
        raw: [1608637542, 3421126067, 4083286876],
        uniform: [0.3745401188473625, 0.9507143064099162, 0.7319939418114051],
        normal: [0.5496714153011233, 0.4861735698828815, 0.5647688538100692, 0.6523029856408026, 0.4765846625276664],
        permutation: [8, 1, 5, 0, 7, 2, 9, 4, 3, 6],
    },
    Expected {
        seed: 4294967295,
        raw: [419326371, 479346978, 3918654476],
        uniform: [0.0976320289940138, 0.9123828453026218, 0.78903530185164],
        normal: [0.5648408674230653, 0.5669323530633816, 0.3919456277252551, 0.5284501044798631, 0.5113887736521671],
        permutation: [6, 9, 5, 1, 8, 0, 7, 4, 2, 3],
    },
];

#[test]
fn raw_uniform_normal_and_permutation_match_numpy() {
    for e in &EXPECTED {
        let mut r = NumpyRandomState::new(e.seed);
        assert_eq!([r.next_u32(), r.next_u32(), r.next_u32()], e.raw, "seed {}", e.seed);
        let mut r = NumpyRandomState::new(e.seed);
        for &u in &e.uniform {
            assert_eq!(r.random_sample(), u, "seed {}", e.seed);
        }
        let mut r = NumpyRandomState::new(e.seed);
        for &n in &e.normal {
            approx::assert_abs_diff_eq!(r.normal(0.5, 0.1), n, epsilon = 1e-15);
        }
        assert_eq!(NumpyRandomState::new(e.seed).permutation(10), e.permutation.to_vec(), "seed {}", e.seed);
    }
}

#[test]
fn the_second_gaussian_is_cached_across_calls() {
    // rs = RandomState(7); rs.normal(0, 1, size=3); rs.normal(0, 1, size=2)
    let expected =
        [1.690525703800356, -0.4659373705408328, 0.0328201636785844, 0.40751628299650783, -0.7889230286257386];
    let mut r = NumpyRandomState::new(7);
    let mut first = [0.0; 3];
    let mut second = [0.0; 2];
    r.fill_normal(0.0, 1.0, &mut first);
    r.fill_normal(0.0, 1.0, &mut second);
    for (got, want) in first.iter().chain(&second).zip(expected) {
        approx::assert_abs_diff_eq!(*got, want, epsilon = 1e-15);
    }
}

#[test]
fn a_long_shuffle_matches_numpy() {
    // x = np.arange(100000); RandomState(3).shuffle(x); x[:5], x[-3:]
    let mut x: Vec<usize> = (0..100_000).collect();
    NumpyRandomState::new(3).shuffle(&mut x);
    assert_eq!(x[..5], [79528, 53876, 9777, 6167, 22020]);
    assert_eq!(x[x.len() - 3..], [77049, 67224, 71530]);
}

/// One seed's `randint` and `uniform` draws, in the order they were made from one state:
/// `randint(3, size=8)`, `randint(1, size=2)`, `randint(1000, size=4)`,
/// `randint(2**32, size=2)`, `randint(2**33, size=2)`; then from a fresh state
/// `uniform(0.2, 0.8, size=4)`, `uniform(-3, 5, size=2)`, `uniform(1, 0, size=2)`.
struct Draws {
    seed: u32,
    randint: [u64; 18],
    uniform: [f64; 8],
}

const DRAWS: [Draws; 4] = [
    Draws {
        seed: 0,
        randint: [0, 1, 0, 1, 1, 2, 0, 2, 0, 0, 472, 600, 396, 314, 2051556033, 3400433126, 6566553687, 2439732824],
        uniform: [
            0.5292881023563949,
            0.6291136198234517,
            0.5616580256429864,
            0.5269299097981381,
            0.38923839471123767,
            2.167152904533249,
            0.5624127887373075,
            0.10822699921792023,
        ],
    },
    Draws {
        seed: 1,
        randint: [1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 972, 583, 749, 508, 1704103302, 4018109721, 3634877716, 1345499493],
        uniform: [
            0.4502132028215444,
            0.6321946960652949,
            0.20006862489040694,
            0.3813995435791039,
            -1.8259528734630956,
            -2.2612912418496176,
            0.8137397886223291,
            0.6544392729569523,
        ],
    },
    Draws {
        seed: 42,
        randint: [2, 0, 2, 2, 0, 0, 2, 1, 0, 0, 466, 214, 330, 458, 3720198231, 1433267572, 4908575591, 7090512002],
        uniform: [
            0.42472407130841755,
            0.7704285838459497,
            0.6391963650868431,
            0.559195090518222,
            -1.7518508764605079,
            -1.7520438373103788,
            0.9419163878318005,
            0.13382385422506482,
        ],
    },
    Draws {
        seed: 4294967295,
        randint: [2, 0, 0, 0, 2, 2, 1, 0, 0, 0, 639, 635, 754, 107, 627568395, 3003590858, 5028338829, 2804808791],
        uniform: [
            0.2585792173964083,
            0.7474297071815732,
            0.673421181110984,
            0.6680021588680807,
            -2.856482608106038,
            4.75604745771802,
            0.4068246506489891,
            0.8538828440060616,
        ],
    },
];

#[test]
fn randint_and_uniform_match_numpy() {
    for d in &DRAWS {
        let mut r = NumpyRandomState::new(d.seed);
        let highs = [[3; 8].as_slice(), &[1; 2], &[1000; 4], &[1 << 32; 2], &[1 << 33; 2]].concat();
        let got: Vec<u64> = highs.iter().map(|&h| r.randint(h)).collect();
        assert_eq!(got, d.randint.to_vec(), "seed {}", d.seed);
        let mut r = NumpyRandomState::new(d.seed);
        let mut got = [0.0; 8];
        r.fill_uniform(0.2, 0.8, &mut got[..4]);
        r.fill_uniform(-3.0, 5.0, &mut got[4..6]);
        r.fill_uniform(1.0, 0.0, &mut got[6..]);
        assert_eq!(got, d.uniform, "seed {}", d.seed);
    }
}

#[test]
fn randint_of_one_or_zero_draws_nothing() {
    let mut a = NumpyRandomState::new(5);
    let mut b = NumpyRandomState::new(5);
    assert_eq!((a.randint(1), a.randint(0)), (0, 0));
    assert_eq!(a.next_u32(), b.next_u32());
}
