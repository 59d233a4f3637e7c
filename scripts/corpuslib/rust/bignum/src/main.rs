//! The bignum crate graph's workload: num-bigint (with num-integer and
//! num-traits). Factorials, powers, Fibonacci numbers, gcds and lcms,
//! modular exponentiation, integer roots, and decimal/hex conversions both
//! ways; prints digit counts, digit sums and a few digits of each result.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Num, ToPrimitive, Zero};
use std::io::Write;

fn summary(x: &BigUint) -> String {
    let s = x.to_str_radix(10);
    let sum: u64 = s.bytes().map(|b| (b - b'0') as u64).sum();
    let head = &s[..s.len().min(12)];
    let tail = &s[s.len().saturating_sub(12)..];
    format!("{} digits, sum {}, {}..{}", s.len(), sum, head, tail)
}

fn factorial(n: u32) -> BigUint {
    // Product tree: balanced multiplications reach Karatsuba/Toom-3 sizes.
    fn prod(lo: u32, hi: u32) -> BigUint {
        if hi - lo < 8 {
            let mut p = BigUint::one();
            for k in lo..hi {
                p *= k;
            }
            return p;
        }
        let mid = lo + (hi - lo) / 2;
        prod(lo, mid) * prod(mid, hi)
    }
    prod(1, n + 1)
}

fn fibonacci(n: u32) -> BigUint {
    let (mut a, mut b) = (BigUint::zero(), BigUint::one());
    for _ in 0..n {
        let c = &a + &b;
        a = b;
        b = c;
    }
    a
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 2 {
        eprintln!("usage: rs_bignum SCALE");
        std::process::exit(2);
    }
    let scale: u32 = args[1].parse().expect("bad scale");
    let out = std::io::stdout();
    let mut out = out.lock();

    let (nf, k3, nfib) = (3000 * scale, 10000 * scale, 15000 * scale);
    let f = factorial(nf);
    writeln!(out, "{}! = {}", nf, summary(&f)).unwrap();
    writeln!(out, "trailing zeros {}", f.trailing_zeros().unwrap_or(0)).unwrap();

    let p3 = BigUint::from(3u32).pow(k3);
    writeln!(out, "3^{} = {}", k3, summary(&p3)).unwrap();

    let fib = fibonacci(nfib);
    let fib1 = fibonacci(nfib + 1);
    writeln!(out, "fib({}) = {}", nfib, summary(&fib)).unwrap();
    writeln!(out, "gcd(fib(n), fib(n+1)) = {}", fib.gcd(&fib1)).unwrap();
    let g = f.gcd(&p3);
    writeln!(out, "gcd(n!, 3^k) = {}", summary(&g)).unwrap();
    let l = BigUint::from(2u32).pow(200).lcm(&BigUint::from(10u32).pow(100));
    writeln!(out, "lcm = {}", summary(&l)).unwrap();

    // Modular exponentiation (Fermat tests against a Mersenne prime).
    let m = (BigUint::one() << 521u32) - 1u32;
    let mut passes = 0;
    for a in 2u32..(2 + 8 * scale) {
        if BigUint::from(a).modpow(&(&m - 1u32), &m).is_one() {
            passes += 1;
        }
    }
    writeln!(out, "fermat 2^521-1: {} of {}", passes, 8 * scale).unwrap();

    // Roots, division, signed arithmetic.
    let r = f.sqrt();
    writeln!(out, "isqrt(n!) = {}", summary(&r)).unwrap();
    let c = p3.cbrt();
    writeln!(out, "icbrt(3^k) = {}", summary(&c)).unwrap();
    let (q, rem) = f.div_rem(&p3);
    writeln!(out, "n! / 3^k = {}, rem {}", summary(&q), summary(&rem)).unwrap();
    let s = BigInt::from_biguint(Sign::Minus, fib.clone()) + BigInt::from(p3.clone());
    writeln!(out, "3^k - fib = {} ({} bits)", s.sign() == Sign::Plus, s.bits()).unwrap();

    // Conversions both ways.
    let hex = f.to_str_radix(16);
    let back = BigUint::from_str_radix(&hex, 16).unwrap();
    let dec: BigUint = f.to_string().parse().unwrap();
    writeln!(out, "round trips {} {} ({} hex digits)", back == f, dec == f, hex.len()).unwrap();
    writeln!(out, "low u64 {}", (&f >> 64u32).to_u64().is_none()).unwrap();
}
