//! Invisible and bidirectional-control characters (`tests/data/invisible.txt`), each put
//! inside official contacts of every kind and inside a message: never `official`, and the
//! finding names the character's technique.

use std::path::Path;

use contactguard::{Checker, Status};

/// Official contacts of each kind, as a person would paste them.
const OFFICIAL: [&str; 6] = [
    "tokenpocket.pro",
    "https://tokenpocket.pro/",
    "t.me/tokenpocket_en",
    "https://x.com/TokenPocket_TP",
    "service@tokenpocket.pro",
    "+1 888 908 7930",
];

#[test]
fn invisible_characters_never_pass_as_official() {
    let checker = Checker::builtin().expect("the embedded registry verifies");
    let table = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invisible.txt"),
    )
    .expect("invisible.txt");
    let mut problems = Vec::new();
    let mut count = 0;
    for official in OFFICIAL {
        assert_eq!(
            checker.check(official).status,
            Status::Official,
            "{official}"
        );
    }
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut cols = line.split('\t');
        let (Some(code), Some(technique)) = (cols.next(), cols.next()) else {
            panic!("code point, technique, name: {line}");
        };
        let c = u32::from_str_radix(code.trim_start_matches("U+"), 16)
            .ok()
            .and_then(char::from_u32)
            .expect("a code point");
        count += 1;
        for official in OFFICIAL {
            let chars: Vec<char> = official.chars().collect();
            // After the first character, in the middle, and at the end.
            for at in [1, chars.len() / 2, chars.len()] {
                let mut text: String = chars[..at].iter().collect();
                text.push(c);
                text.extend(&chars[at..]);
                let verdict = checker.check(&text);
                let named = verdict
                    .findings
                    .iter()
                    .any(|f| f.technique.as_str() == technique);
                if verdict.status == Status::Official || !named {
                    problems.push(format!(
                        "{code} at {at} in {official}: {:?}, findings {:?}",
                        verdict.status,
                        verdict
                            .findings
                            .iter()
                            .map(|f| f.technique.as_str())
                            .collect::<Vec<_>>()
                    ));
                }
            }
            // In a message, the contact is not official either.
            let message = format!("Official support: {}{c}{}", &official[..1], &official[1..]);
            let report = checker.scan(&message);
            if report
                .items
                .iter()
                .any(|i| i.verdict.status == Status::Official)
            {
                problems.push(format!("{code} in a message with {official}: official"));
            }
        }
    }
    assert!(count >= 40, "the table was read");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
