//===- LLVMLatticesTest.cpp - Joins of KnownBits and ConstantRange --------===//
#include "egopt/egraph/LLVMLattices.h"

#include "llvm/ADT/APInt.h"
#include "llvm/IR/ConstantRange.h"
#include "llvm/Support/KnownBits.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>

using namespace egopt::eg;
using llvm::APInt;
using llvm::ConstantRange;
using llvm::KnownBits;

namespace {

KnownBits kb(unsigned width, uint64_t zero, uint64_t one) {
  KnownBits k(width);
  k.Zero = APInt(width, zero);
  k.One = APInt(width, one);
  return k;
}

ConstantRange range(unsigned width, uint64_t lo, uint64_t hi) {
  return ConstantRange(APInt(width, lo), APInt(width, hi));
}

std::string str(const KnownBits &k) {
  return "{zero=" + std::to_string(k.Zero.getZExtValue()) +
         " one=" + std::to_string(k.One.getZExtValue()) + "}";
}

std::string str(const ConstantRange &r) {
  std::string s;
  llvm::raw_string_ostream os(s);
  r.print(os);
  return s;
}

TEST(KnownBitsJoin, PartialFactsUnion) {
  KnownBits to = kb(8, 0x0F, 0x00);   // low nibble is 0
  KnownBits from = kb(8, 0x00, 0x30); // bits 4 and 5 are 1
  JoinOutcome out = joinKnownBits(to, from);
  EXPECT_FALSE(out.contradiction);
  EXPECT_TRUE(out.merge.toChanged);
  EXPECT_TRUE(out.merge.fromChanged);
  EXPECT_EQ(to.Zero, APInt(8, 0x0F));
  EXPECT_EQ(to.One, APInt(8, 0x30));
  EXPECT_EQ(from, kb(8, 0x00, 0x30)); // `from` is untouched
}

TEST(KnownBitsJoin, ChangedFlagsFollowInformation) {
  {
    // `from` says less than `to`: to unchanged, from would gain.
    KnownBits to = kb(8, 0xF0, 0x01);
    JoinOutcome out = joinKnownBits(to, kb(8, 0x10, 0x00));
    EXPECT_FALSE(out.contradiction);
    EXPECT_FALSE(out.merge.toChanged);
    EXPECT_TRUE(out.merge.fromChanged);
    EXPECT_EQ(to, kb(8, 0xF0, 0x01));
  }
  {
    // `from` says more than `to`: to gains, from already had it all.
    KnownBits to = kb(8, 0x10, 0x00);
    JoinOutcome out = joinKnownBits(to, kb(8, 0xF0, 0x01));
    EXPECT_FALSE(out.contradiction);
    EXPECT_TRUE(out.merge.toChanged);
    EXPECT_FALSE(out.merge.fromChanged);
    EXPECT_EQ(to, kb(8, 0xF0, 0x01));
  }
  {
    // Equal facts: nothing changes on either side.
    KnownBits to = kb(8, 0x81, 0x42);
    JoinOutcome out = joinKnownBits(to, kb(8, 0x81, 0x42));
    EXPECT_FALSE(out.contradiction);
    EXPECT_FALSE(out.merge.toChanged);
    EXPECT_FALSE(out.merge.fromChanged);
    EXPECT_EQ(to, kb(8, 0x81, 0x42));
  }
  {
    // Unknown joined with a constant becomes the constant.
    KnownBits to(16);
    KnownBits c = KnownBits::makeConstant(APInt(16, 0xBEEF));
    JoinOutcome out = joinKnownBits(to, c);
    EXPECT_TRUE(out.merge.toChanged);
    EXPECT_FALSE(out.merge.fromChanged);
    EXPECT_TRUE(to.isConstant());
    EXPECT_EQ(to.getConstant(), APInt(16, 0xBEEF));
  }
}

TEST(KnownBitsJoin, ConflictIsAContradictionAndKeepsTo) {
  KnownBits to = kb(8, 0x01, 0x80);   // bit 0 known 0
  KnownBits from = kb(8, 0x00, 0x01); // bit 0 known 1
  KnownBits before = to;
  JoinOutcome out = joinKnownBits(to, from);
  EXPECT_TRUE(out.contradiction);
  EXPECT_FALSE(out.merge.toChanged);
  EXPECT_EQ(to, before);
  EXPECT_FALSE(to.hasConflict());

  // Two different constants conflict as well.
  KnownBits a = KnownBits::makeConstant(APInt(32, 7));
  KnownBits b = KnownBits::makeConstant(APInt(32, 8));
  EXPECT_TRUE(joinKnownBits(a, b).contradiction);
  EXPECT_EQ(a.getConstant(), APInt(32, 7));
}

/// A random fact about the hidden value `v`: a random subset of its bits.
KnownBits factAbout(uint8_t v, std::mt19937 &rng) {
  uint8_t mask = uint8_t(rng());
  return kb(8, uint8_t(~v) & mask, v & mask);
}

KnownBits joined(KnownBits a, const KnownBits &b) {
  JoinOutcome out = joinKnownBits(a, b);
  EXPECT_FALSE(out.contradiction);
  return a;
}

TEST(KnownBitsJoin, CommutativeAssociativeIdempotent) {
  std::mt19937 rng(2024);
  for (int i = 0; i < 200; ++i) {
    uint8_t v = uint8_t(rng());
    KnownBits a = factAbout(v, rng), b = factAbout(v, rng), c = factAbout(v, rng);
    SCOPED_TRACE(str(a) + " " + str(b) + " " + str(c));
    KnownBits ab = joined(a, b), ba = joined(b, a);
    EXPECT_EQ(ab, ba);
    EXPECT_EQ(joined(ab, c), joined(a, joined(b, c)));
    EXPECT_EQ(joined(a, a), a);
    // The join is exactly the union of what each knows, and stays true of v.
    EXPECT_EQ(ab.Zero, a.Zero | b.Zero);
    EXPECT_EQ(ab.One, a.One | b.One);
    EXPECT_FALSE((ab.Zero & APInt(8, v)).getBoolValue());
    EXPECT_FALSE((ab.One & ~APInt(8, v)).getBoolValue());
  }
}

TEST(KnownBitsJoin, ContradictionIsSymmetric) {
  std::mt19937 rng(77);
  int contradictions = 0;
  for (int i = 0; i < 200; ++i) {
    KnownBits a = factAbout(uint8_t(rng()), rng), b = factAbout(uint8_t(rng()), rng);
    KnownBits a2 = a, b2 = b;
    bool ab = joinKnownBits(a2, b).contradiction;
    bool ba = joinKnownBits(b2, a).contradiction;
    EXPECT_EQ(ab, ba) << str(a) << " " << str(b);
    bool expected = (a.Zero & b.One).getBoolValue() || (a.One & b.Zero).getBoolValue();
    EXPECT_EQ(ab, expected) << str(a) << " " << str(b);
    if (ab) {
      EXPECT_EQ(a2, a);
      EXPECT_EQ(b2, b);
    }
    contradictions += ab;
  }
  EXPECT_GT(contradictions, 0);
  EXPECT_LT(contradictions, 200);
}

TEST(RangeJoin, Intersection) {
  ConstantRange to = range(8, 0, 100);
  JoinOutcome out = joinRanges(to, range(8, 50, 200));
  EXPECT_FALSE(out.contradiction);
  EXPECT_TRUE(out.merge.toChanged);
  EXPECT_TRUE(out.merge.fromChanged);
  EXPECT_EQ(to, range(8, 50, 100));

  // A subrange: `to` gains everything, `from` nothing.
  ConstantRange wide = range(16, 10, 1000);
  out = joinRanges(wide, range(16, 20, 30));
  EXPECT_TRUE(out.merge.toChanged);
  EXPECT_FALSE(out.merge.fromChanged);
  EXPECT_EQ(wide, range(16, 20, 30));

  // Joining a superset leaves `to` alone.
  ConstantRange narrow = range(16, 20, 30);
  out = joinRanges(narrow, range(16, 10, 1000));
  EXPECT_FALSE(out.merge.toChanged);
  EXPECT_TRUE(out.merge.fromChanged);
  EXPECT_EQ(narrow, range(16, 20, 30));
}

TEST(RangeJoin, FullFromChangesNothing) {
  ConstantRange to = range(32, 5, 17);
  JoinOutcome out = joinRanges(to, ConstantRange::getFull(32));
  EXPECT_FALSE(out.contradiction);
  EXPECT_FALSE(out.merge.toChanged);
  EXPECT_TRUE(out.merge.fromChanged);
  EXPECT_EQ(to, range(32, 5, 17));

  ConstantRange full = ConstantRange::getFull(32);
  out = joinRanges(full, ConstantRange::getFull(32));
  EXPECT_FALSE(out.merge.toChanged);
  EXPECT_FALSE(out.merge.fromChanged);
  EXPECT_TRUE(full.isFullSet());
}

TEST(RangeJoin, DisjointIsAContradiction) {
  ConstantRange to = range(8, 0, 10);
  JoinOutcome out = joinRanges(to, range(8, 20, 30));
  EXPECT_TRUE(out.contradiction);
  EXPECT_FALSE(out.merge.toChanged);
  EXPECT_EQ(to, range(8, 0, 10));

  // Single values that differ.
  ConstantRange one(APInt(64, 1));
  out = joinRanges(one, ConstantRange(APInt(64, 2)));
  EXPECT_TRUE(out.contradiction);
  EXPECT_EQ(one, ConstantRange(APInt(64, 1)));
}

TEST(RangeJoin, WrappedRangesNeverGrow) {
  // [250, 10) wraps around; its intersection with [5, 255) is two pieces,
  // [5, 10) and [250, 255). The join must never be larger than `to`.
  ConstantRange wrapped = range(8, 250, 10);
  ConstantRange plain = range(8, 5, 255);
  ConstantRange to = wrapped;
  JoinOutcome out = joinRanges(to, plain);
  EXPECT_FALSE(out.contradiction);
  EXPECT_FALSE(wrapped.isSizeStrictlySmallerThan(to));
  for (unsigned v : {5u, 9u, 250u, 254u}) EXPECT_TRUE(to.contains(APInt(8, v))) << v;

  ConstantRange to2 = plain;
  joinRanges(to2, wrapped);
  EXPECT_FALSE(plain.isSizeStrictlySmallerThan(to2));
  for (unsigned v : {5u, 9u, 250u, 254u}) EXPECT_TRUE(to2.contains(APInt(8, v))) << v;

  // Random pairs: the join is never larger than `to` and contains every value
  // both contain.
  std::mt19937 rng(5);
  for (int i = 0; i < 300; ++i) {
    auto randomRange = [&] {
      uint64_t lo = rng() % 256, hi = rng() % 256;
      if (lo == hi) hi = (hi + 1) % 256; // lo == hi is only allowed for full/empty
      return range(8, lo, hi);
    };
    ConstantRange a = randomRange();
    ConstantRange b = randomRange();
    ConstantRange j = a;
    JoinOutcome o = joinRanges(j, b);
    if (o.contradiction) {
      EXPECT_EQ(j, a);
      continue;
    }
    EXPECT_FALSE(a.isSizeStrictlySmallerThan(j));
    for (unsigned v = 0; v < 256; ++v)
      if (a.contains(APInt(8, v)) && b.contains(APInt(8, v))) {
        ASSERT_TRUE(j.contains(APInt(8, v))) << v;
      }
  }
}

TEST(RangeJoin, CommutativeEvenWhenIntersectionIsTwoPieces) {
  // Analysis.h requires a join to be commutative (so facts do not depend on
  // merge order). [151, 95) and [243, 187) (8 bits) both have 200 elements;
  // their intersection is two pieces, [243, 256) u [0, 95) and [151, 187),
  // and each input is a smallest range holding it. The join must still not
  // depend on which side is `to`.
  ConstantRange a = range(8, 151, 95), b = range(8, 243, 187);
  ConstantRange ab = a, ba = b;
  JoinOutcome o1 = joinRanges(ab, b);
  JoinOutcome o2 = joinRanges(ba, a);
  EXPECT_FALSE(o1.contradiction);
  EXPECT_FALSE(o2.contradiction);
  EXPECT_TRUE(ab == ba) << "join(a, b) = " << str(ab) << ", join(b, a) = " << str(ba);

  // The same over random 8-bit pairs.
  std::mt19937 rng(1);
  int asymmetric = 0, total = 0;
  for (int i = 0; i < 20000; ++i) {
    uint64_t lo1 = rng() % 256, hi1 = rng() % 256, lo2 = rng() % 256, hi2 = rng() % 256;
    if (lo1 == hi1 || lo2 == hi2) continue;
    ConstantRange x = range(8, lo1, hi1), y = range(8, lo2, hi2);
    ConstantRange xy = x, yx = y;
    if (joinRanges(xy, y).contradiction || joinRanges(yx, x).contradiction) continue;
    ++total;
    asymmetric += xy != yx;
  }
  EXPECT_GT(total, 10000);
  EXPECT_EQ(asymmetric, 0) << "of " << total << " pairs";
}

TEST(OptionalJoin, Semantics) {
  auto kbJoin = [](KnownBits &t, const KnownBits &f) { return joinKnownBits(t, f); };
  {
    // Nothing joined into nothing.
    std::optional<KnownBits> to, from;
    JoinOutcome out = joinOptional(to, from, kbJoin);
    EXPECT_FALSE(out.merge.toChanged);
    EXPECT_FALSE(out.merge.fromChanged);
    EXPECT_FALSE(out.contradiction);
    EXPECT_FALSE(to.has_value());
  }
  {
    // Nothing joined into a fact: to unchanged, from would gain.
    std::optional<KnownBits> to = kb(8, 1, 2), from;
    JoinOutcome out = joinOptional(to, from, kbJoin);
    EXPECT_FALSE(out.merge.toChanged);
    EXPECT_TRUE(out.merge.fromChanged);
    ASSERT_TRUE(to.has_value());
    EXPECT_EQ(*to, kb(8, 1, 2));
  }
  {
    // A fact joined into nothing: copied.
    std::optional<KnownBits> to, from = kb(8, 4, 8);
    JoinOutcome out = joinOptional(to, from, kbJoin);
    EXPECT_TRUE(out.merge.toChanged);
    EXPECT_FALSE(out.merge.fromChanged);
    ASSERT_TRUE(to.has_value());
    EXPECT_EQ(*to, kb(8, 4, 8));
  }
  {
    // Two facts: the inner join decides.
    std::optional<KnownBits> to = kb(8, 1, 0), from = kb(8, 0, 2);
    JoinOutcome out = joinOptional(to, from, kbJoin);
    EXPECT_TRUE(out.merge.toChanged);
    EXPECT_TRUE(out.merge.fromChanged);
    EXPECT_EQ(*to, kb(8, 1, 2));
  }
  {
    // And passes a contradiction through.
    std::optional<KnownBits> to = kb(8, 1, 0), from = kb(8, 0, 1);
    JoinOutcome out = joinOptional(to, from, kbJoin);
    EXPECT_TRUE(out.contradiction);
    EXPECT_EQ(*to, kb(8, 1, 0));
  }
  {
    // Works with ranges too.
    auto rJoin = [](ConstantRange &t, const ConstantRange &f) { return joinRanges(t, f); };
    std::optional<ConstantRange> to = range(8, 0, 100), from = range(8, 50, 60);
    JoinOutcome out = joinOptional(to, from, rJoin);
    EXPECT_TRUE(out.merge.toChanged);
    EXPECT_EQ(*to, range(8, 50, 60));
  }
}

} // namespace
