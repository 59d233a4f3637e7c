//! The hashing crate graph's workload: SHA-224/256/384/512 (sha2), SHA-1
//! (sha1) and MD5 (md-5), all through the digest traits: hashes a file whole,
//! in uneven pieces, and generated buffers of many sizes; then hash chains
//! (each digest hashed again). Prints every digest in hex.

use digest::{Digest, DynDigest};
use std::io::Write;

fn hex(d: &[u8]) -> String {
    let mut s = String::with_capacity(d.len() * 2);
    for b in d {
        s.push_str(&format!("{:02x}", b));
    }
    s
}

/// A deterministic byte generator (xorshift64*).
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn fill(&mut self, n: usize) -> Vec<u8> {
        let mut v = Vec::with_capacity(n);
        while v.len() < n {
            let x = self.next().to_le_bytes();
            let k = (n - v.len()).min(8);
            v.extend_from_slice(&x[..k]);
        }
        v
    }
}

fn hashers() -> Vec<(&'static str, Box<dyn DynDigest>)> {
    vec![
        ("md5", Box::new(md5::Md5::new())),
        ("sha1", Box::new(sha1::Sha1::new())),
        ("sha224", Box::new(sha2::Sha224::new())),
        ("sha256", Box::new(sha2::Sha256::new())),
        ("sha384", Box::new(sha2::Sha384::new())),
        ("sha512", Box::new(sha2::Sha512::new())),
        ("sha512/256", Box::new(sha2::Sha512_256::new())),
    ]
}

fn chain<D: Digest>(seed: &[u8], rounds: usize) -> Vec<u8> {
    let mut d = D::digest(seed).to_vec();
    for i in 0..rounds {
        let mut h = D::new();
        h.update(&d);
        h.update((i as u32).to_le_bytes());
        d = h.finalize().to_vec();
    }
    d
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: rs_hashing FILE BUFFERS CHAIN-ROUNDS");
        std::process::exit(2);
    }
    let data = std::fs::read(&args[1]).expect("cannot read the input");
    let buffers: usize = args[2].parse().expect("bad count");
    let rounds: usize = args[3].parse().expect("bad count");
    let out = std::io::stdout();
    let mut out = out.lock();

    // The file, whole and in uneven pieces: both must agree.
    for (name, mut h) in hashers() {
        h.update(&data);
        let whole = h.finalize_reset();
        let mut pos = 0;
        let mut step = 1;
        while pos < data.len() {
            let end = (pos + step).min(data.len());
            h.update(&data[pos..end]);
            pos = end;
            step = step * 7 % 1021 + 1;
        }
        let pieces = h.finalize_reset();
        assert_eq!(whole, pieces, "{} differs in pieces", name);
        writeln!(out, "{:10} file {}", name, hex(&whole)).unwrap();
    }

    // Generated buffers of many sizes (block boundaries and padding).
    let mut g = Gen(0x9E3779B97F4A7C15);
    let mut acc = hashers();
    for i in 0..buffers {
        let n = (i * 37) % 300 + (g.next() % 2000) as usize;
        let buf = g.fill(n);
        for (name, h) in acc.iter_mut() {
            let mut one = hashers().into_iter().find(|(m, _)| m == name).unwrap().1;
            one.update(&buf);
            let d = one.finalize();
            h.update(&d);
        }
    }
    for (name, h) in acc {
        writeln!(out, "{:10} buffers {}", name, hex(&h.finalize())).unwrap();
    }

    // Hash chains.
    writeln!(out, "md5 chain    {}", hex(&chain::<md5::Md5>(b"egopt", rounds))).unwrap();
    writeln!(out, "sha1 chain   {}", hex(&chain::<sha1::Sha1>(b"egopt", rounds))).unwrap();
    writeln!(out, "sha256 chain {}", hex(&chain::<sha2::Sha256>(b"egopt", rounds))).unwrap();
    writeln!(out, "sha512 chain {}", hex(&chain::<sha2::Sha512>(b"egopt", rounds))).unwrap();
}
