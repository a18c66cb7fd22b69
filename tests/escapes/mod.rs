//! The escapes of the test tables in `tests/data/`, one decoder for all of them: `\\`, `\"`,
//! `\n`, `\r`, `\t`, `\0`, `\u{HEX}` (a character) and `\xHH` (a raw byte, for input that is not
//! UTF-8). An unknown escape or a lone backslash is a mistake in the table and panics.

/// The bytes `text` stands for.
pub fn unescape(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\\') {
        out.extend_from_slice(&rest.as_bytes()[..i]);
        let tail = &rest[i + 1..];
        let mut next = tail.chars();
        let escape = next
            .next()
            .unwrap_or_else(|| panic!("a lone backslash in {text:?}"));
        rest = next.as_str();
        match escape {
            '\\' => out.push(b'\\'),
            '"' => out.push(b'"'),
            'n' => out.push(b'\n'),
            'r' => out.push(b'\r'),
            't' => out.push(b'\t'),
            '0' => out.push(0),
            'x' => {
                let hex = rest.get(..2).expect("\\xHH");
                out.push(u8::from_str_radix(hex, 16).expect("hex in \\xHH"));
                rest = &rest[2..];
            }
            'u' => {
                let body = rest.strip_prefix('{').expect("\\u{HEX}");
                let end = body.find('}').expect("unterminated \\u{");
                let code = u32::from_str_radix(&body[..end], 16).expect("hex in \\u{}");
                let c = char::from_u32(code).expect("a valid code point");
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                rest = &body[end + 1..];
            }
            other => panic!("unknown escape \\{other} in {text:?}"),
        }
    }
    out.extend_from_slice(rest.as_bytes());
    out
}
