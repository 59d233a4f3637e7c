//! The collections crate graph's workload: hashbrown maps and sets (with a
//! deterministic FxHash-style hasher of ours), smallvec token buffers, itoa
//! and ryu number formatting, base64 encoding. Counts the words and word
//! pairs of a text, churns an integer map (inserts, lookups, removals),
//! formats a report with itoa/ryu, and base64-encodes and decodes the text
//! and the report.

use hashbrown::{HashMap, HashSet};
use smallvec::SmallVec;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Write;

#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(w));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(i as u64);
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = BuildHasherDefault<Fx>;
type Map<K, V> = HashMap<K, V, FxBuild>;

struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
}

fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Appends "name count share" to the report, numbers by itoa and ryu.
fn line(report: &mut Vec<u8>, name: &str, count: u64, total: u64) {
    let mut ib = itoa::Buffer::new();
    let mut rb = ryu::Buffer::new();
    report.extend_from_slice(name.as_bytes());
    report.push(b' ');
    report.extend_from_slice(ib.format(count).as_bytes());
    report.push(b' ');
    report.extend_from_slice(rb.format(count as f64 / total as f64).as_bytes());
    report.push(b'\n');
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: rs_collections TEXT KEYS");
        std::process::exit(2);
    }
    let text = std::fs::read_to_string(&args[1]).expect("cannot read the text");
    let keys: u64 = args[2].parse().expect("bad count");
    let mut report = Vec::new();

    // Words and word pairs, line by line through a SmallVec of tokens.
    let mut words: Map<&str, u64> = Map::default();
    let mut pairs: Map<(&str, &str), u64> = Map::default();
    let mut lengths: Map<usize, u64> = Map::default();
    let mut total = 0u64;
    let mut nlines = 0u64;
    for l in text.lines() {
        nlines += 1;
        let toks: SmallVec<[&str; 16]> = l.split_whitespace().collect();
        *lengths.entry(toks.len()).or_insert(0) += 1;
        for w in toks.iter() {
            *words.entry(w).or_insert(0) += 1;
            total += 1;
        }
        for p in toks.windows(2) {
            *pairs.entry((p[0], p[1])).or_insert(0) += 1;
        }
    }
    let mut wv: Vec<(&str, u64)> = words.iter().map(|(k, v)| (*k, *v)).collect();
    wv.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (w, c) in wv.iter().take(20) {
        line(&mut report, w, *c, total);
    }
    let mut pv: Vec<(String, u64)> = pairs.iter().map(|((a, b), v)| (format!("{}+{}", a, b), *v)).collect();
    pv.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (p, c) in pv.iter().take(20) {
        line(&mut report, p, *c, total);
    }
    let mut lv: Vec<(usize, u64)> = lengths.into_iter().collect();
    lv.sort();
    for (n, c) in lv {
        line(&mut report, &format!("len{}", n), c, nlines);
    }

    // An integer map: inserts, lookups, removals, a set of survivors.
    let mut g = Gen(0x243F6A8885A308D3);
    let mut m: Map<u64, u64> = Map::default();
    for i in 0..keys {
        let k = g.next() % (keys * 2);
        *m.entry(k).or_insert(0) += i;
    }
    let mut hits = 0u64;
    let mut sum = 0u64;
    for _ in 0..keys {
        if let Some(v) = m.get(&(g.next() % (keys * 2))) {
            hits += 1;
            sum = sum.wrapping_add(*v);
        }
    }
    let before = m.len() as u64;
    m.retain(|k, _| k % 3 != 0);
    let set: HashSet<u64, FxBuild> = m.keys().map(|k| k / 7).collect();
    line(&mut report, "keys", before, keys);
    line(&mut report, "hits", hits, keys);
    line(&mut report, "kept", m.len() as u64, before);
    line(&mut report, "set", set.len() as u64, before);
    report.extend_from_slice(itoa::Buffer::new().format(sum).as_bytes());
    report.push(b'\n');
    let mut fl = ryu::Buffer::new();
    let mut x = 1.0f64;
    for i in 1..200 {
        x = x * 1.37 + 1.0 / i as f64;
        report.extend_from_slice(fl.format(x).as_bytes());
        report.push(if i % 10 == 0 { b'\n' } else { b' ' });
    }
    report.push(b'\n');

    // base64 both ways, of the text and of the report.
    let enc = base64::encode(text.as_bytes());
    let dec = base64::decode(&enc).expect("bad base64");
    assert_eq!(dec, text.as_bytes());
    let url = base64::encode_config(&report, base64::URL_SAFE_NO_PAD);
    assert_eq!(base64::decode_config(&url, base64::URL_SAFE_NO_PAD).unwrap(), report);

    let out = std::io::stdout();
    let mut out = out.lock();
    out.write_all(&report).unwrap();
    writeln!(out, "base64 {} chars, fnv {:016x}", enc.len(), fnv1a(enc.as_bytes())).unwrap();
    writeln!(out, "{}", &url[..url.len().min(76)]).unwrap();
}
