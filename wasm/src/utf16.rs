//! Byte offsets in a Rust string as the UTF-16 offsets JavaScript uses for the same string.

/// The UTF-16 offset of every character boundary of a text: in `a€b`, `b` is at byte 4 and
/// at UTF-16 unit 2.
pub struct Offsets {
    /// (byte offset, UTF-16 offset) of each character, in order.
    starts: Vec<(usize, usize)>,
    end: (usize, usize),
}

impl Offsets {
    pub fn new(text: &str) -> Offsets {
        let mut units = 0;
        let starts = text
            .char_indices()
            .map(|(i, c)| {
                let at = (i, units);
                units += c.len_utf16();
                at
            })
            .collect();
        Offsets {
            starts,
            end: (text.len(), units),
        }
    }

    /// The UTF-16 offset of byte offset `byte` (a character boundary; any other byte gives
    /// the offset of the character it is in).
    pub fn of(&self, byte: usize) -> usize {
        if byte >= self.end.0 {
            return self.end.1;
        }
        let i = self.starts.partition_point(|&(b, _)| b <= byte);
        self.starts
            .get(i.wrapping_sub(1))
            .map_or(0, |&(_, units)| units)
    }
}

#[cfg(test)]
mod tests {
    use super::Offsets;

    #[test]
    fn offsets_count_utf16_units() {
        let text = "a€😀b";
        let o = Offsets::new(text);
        assert_eq!(o.of(0), 0);
        assert_eq!(o.of(1), 1); // €
        assert_eq!(o.of(4), 2); // 😀, two units
        assert_eq!(o.of(8), 4); // b
        assert_eq!(o.of(9), 5);
        assert_eq!(text.encode_utf16().count(), 5);
    }
}
