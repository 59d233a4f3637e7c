//! The deflate crate graph's workload: miniz_oxide (with adler) compresses a
//! file at several levels, in raw deflate and zlib framing, and decompresses
//! each result again; prints the sizes and a hash of every stream.

use miniz_oxide::deflate::{compress_to_vec, compress_to_vec_zlib};
use miniz_oxide::inflate::{decompress_to_vec, decompress_to_vec_zlib};
use std::io::Write;

fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: rs_deflate FILE LEVEL...");
        std::process::exit(2);
    }
    let data = std::fs::read(&args[1]).expect("cannot read the input");
    let out = std::io::stdout();
    let mut out = out.lock();
    writeln!(out, "input {} bytes, fnv {:016x}", data.len(), fnv1a(&data)).unwrap();
    for arg in &args[2..] {
        let (zlib, level) = match arg.strip_prefix('z') {
            Some(l) => (true, l),
            None => (false, arg.as_str()),
        };
        let level: u8 = level.parse().expect("bad level");
        let packed = if zlib {
            compress_to_vec_zlib(&data, level)
        } else {
            compress_to_vec(&data, level)
        };
        let unpacked = if zlib {
            decompress_to_vec_zlib(&packed)
        } else {
            decompress_to_vec(&packed)
        }
        .expect("cannot decompress");
        if unpacked != data {
            eprintln!("round trip failed at {}", arg);
            std::process::exit(1);
        }
        writeln!(out, "{} {} -> {} bytes, fnv {:016x}", if zlib { "zlib" } else { "raw" },
                 level, packed.len(), fnv1a(&packed)).unwrap();
    }
}
