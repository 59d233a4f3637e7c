//===- IntLatticesTest.cpp - Joins of KnownBits and ConstantRange ---------===//
#include "egopt/analyses/IntLattices.h"

#include "llvm/ADT/APInt.h"
#include "llvm/IR/ConstantRange.h"
#include "llvm/Support/KnownBits.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>

using namespace egopt::passes;
using egopt::eg::MergeResult;
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

KnownBits joined(KnownBits a, const KnownBits &b) {
  joinKnownBits(a, b);
  return a;
}

ConstantRange joined(ConstantRange a, const ConstantRange &b) {
  joinRanges(a, b);
  return a;
}

/// A random fact about the hidden value `v`: a random subset of its bits.
KnownBits factAbout(uint8_t v, std::mt19937 &rng) {
  uint8_t mask = uint8_t(rng());
  return kb(8, uint8_t(~v) & mask, v & mask);
}

/// Any 8-bit known-bits fact, conflicting ones included.
KnownBits anyKnownBits(std::mt19937 &rng) { return kb(8, uint8_t(rng()), uint8_t(rng())); }

/// Any 8-bit range: full, empty, or [lo, hi) with lo != hi.
ConstantRange anyRange(std::mt19937 &rng) {
  unsigned pick = rng() % 16;
  if (pick == 0) return ConstantRange::getFull(8);
  if (pick == 1) return ConstantRange::getEmpty(8);
  uint64_t lo = rng() % 256, hi = rng() % 256;
  if (lo == hi) hi = (hi + 1) % 256;
  return range(8, lo, hi);
}

TEST(KnownBitsJoin, PartialFactsUnion) {
  KnownBits to = kb(8, 0x0F, 0x00);   // low nibble is 0
  KnownBits from = kb(8, 0x00, 0x30); // bits 4 and 5 are 1
  MergeResult out = joinKnownBits(to, from);
  EXPECT_TRUE(out.toChanged);
  EXPECT_TRUE(out.fromChanged);
  EXPECT_FALSE(out.conflict); // "no value" is a fact, not a conflict
  EXPECT_EQ(to, kb(8, 0x0F, 0x30));
  EXPECT_EQ(from, kb(8, 0x00, 0x30)); // `from` is untouched
}

TEST(KnownBitsJoin, ChangedFlagsFollowInformation) {
  KnownBits less = kb(8, 0x10, 0x00), more = kb(8, 0xF0, 0x01);
  KnownBits to = more;
  MergeResult out = joinKnownBits(to, less);
  EXPECT_FALSE(out.toChanged);
  EXPECT_TRUE(out.fromChanged);
  EXPECT_EQ(to, more);
  to = less;
  out = joinKnownBits(to, more);
  EXPECT_TRUE(out.toChanged);
  EXPECT_FALSE(out.fromChanged);
  EXPECT_EQ(to, more);
  to = more;
  out = joinKnownBits(to, more);
  EXPECT_FALSE(out.toChanged);
  EXPECT_FALSE(out.fromChanged);
}

TEST(KnownBitsJoin, ConflictIsTheNoValueTop) {
  // A bit known 0 on one side and 1 on the other: no value has both facts.
  KnownBits to = kb(8, 0x01, 0x80), from = kb(8, 0x00, 0x01);
  MergeResult out = joinKnownBits(to, from);
  EXPECT_TRUE(isNoValue(to));
  EXPECT_EQ(to, noValueKnownBits(8)); // one top, whichever bits conflicted
  EXPECT_TRUE(out.toChanged);
  EXPECT_TRUE(out.fromChanged);
  // The same from the other side.
  KnownBits other = kb(8, 0x00, 0x01);
  joinKnownBits(other, kb(8, 0x01, 0x80));
  EXPECT_EQ(other, to);
  // Top absorbs: joining anything into it changes nothing.
  std::mt19937 rng(3);
  for (int i = 0; i < 100; ++i) {
    KnownBits top = noValueKnownBits(8);
    KnownBits any = anyKnownBits(rng);
    EXPECT_FALSE(joinKnownBits(top, any).toChanged) << str(any);
    EXPECT_EQ(joined(any, top), noValueKnownBits(8)) << str(any);
  }
}

TEST(KnownBitsJoin, CommutativeAssociativeIdempotentMonotone) {
  std::mt19937 rng(2024);
  for (int i = 0; i < 2000; ++i) {
    KnownBits a = anyKnownBits(rng), b = anyKnownBits(rng), c = anyKnownBits(rng);
    SCOPED_TRACE(str(a) + " " + str(b) + " " + str(c));
    KnownBits ab = joined(a, b);
    EXPECT_EQ(ab, joined(b, a));
    EXPECT_EQ(joined(ab, c), joined(a, joined(b, c)));
    EXPECT_EQ(joined(a, a), isNoValue(a) ? noValueKnownBits(8) : a);
    // Monotone: every bit either side knows stays known.
    EXPECT_TRUE(a.Zero.isSubsetOf(ab.Zero) && a.One.isSubsetOf(ab.One));
    EXPECT_TRUE(b.Zero.isSubsetOf(ab.Zero) && b.One.isSubsetOf(ab.One));
  }
  // Facts about one value never meet in the top, and stay true of it.
  for (int i = 0; i < 200; ++i) {
    uint8_t v = uint8_t(rng());
    KnownBits ab = joined(factAbout(v, rng), factAbout(v, rng));
    EXPECT_FALSE(isNoValue(ab));
    EXPECT_FALSE(ab.Zero.intersects(APInt(8, v)));
    EXPECT_TRUE(ab.One.isSubsetOf(APInt(8, v)));
  }
}

TEST(RangeJoin, Intersection) {
  ConstantRange to = range(8, 0, 100);
  MergeResult out = joinRanges(to, range(8, 50, 200));
  EXPECT_TRUE(out.toChanged);
  EXPECT_TRUE(out.fromChanged);
  EXPECT_EQ(to, range(8, 50, 100));

  ConstantRange wide = range(16, 10, 1000);
  out = joinRanges(wide, range(16, 20, 30));
  EXPECT_TRUE(out.toChanged);
  EXPECT_FALSE(out.fromChanged);
  EXPECT_EQ(wide, range(16, 20, 30));

  ConstantRange narrow = range(16, 20, 30);
  out = joinRanges(narrow, ConstantRange::getFull(16));
  EXPECT_FALSE(out.toChanged);
  EXPECT_TRUE(out.fromChanged);
  EXPECT_EQ(narrow, range(16, 20, 30));
}

TEST(RangeJoin, DisjointIsTheNoValueTop) {
  ConstantRange to = range(8, 0, 10);
  joinRanges(to, range(8, 20, 30));
  EXPECT_TRUE(isNoValue(to));
  ConstantRange other = range(8, 20, 30);
  joinRanges(other, range(8, 0, 10));
  EXPECT_EQ(other, to);
  // Single values that differ.
  ConstantRange one(APInt(64, 1));
  joinRanges(one, ConstantRange(APInt(64, 2)));
  EXPECT_TRUE(isNoValue(one));
  // Top absorbs.
  std::mt19937 rng(9);
  for (int i = 0; i < 100; ++i) {
    ConstantRange top = ConstantRange::getEmpty(8), any = anyRange(rng);
    EXPECT_FALSE(joinRanges(top, any).toChanged) << str(any);
    EXPECT_TRUE(isNoValue(joined(any, ConstantRange::getEmpty(8)))) << str(any);
  }
}

TEST(RangeJoin, CommutativeEvenWhenIntersectionIsTwoPieces) {
  // [151, 95) and [243, 187) (8 bits) both have 200 elements; their
  // intersection is two pieces, [243, 256) u [0, 95) and [151, 187), and
  // each input is a smallest range holding it. The join must still not
  // depend on which side is `to`.
  ConstantRange a = range(8, 151, 95), b = range(8, 243, 187);
  EXPECT_EQ(joined(a, b), joined(b, a)) << str(joined(a, b)) << " vs " << str(joined(b, a));
}

TEST(RangeJoin, CommutativeNeverGrowsKeepsCommonValues) {
  std::mt19937 rng(1);
  for (int i = 0; i < 20000; ++i) {
    ConstantRange x = anyRange(rng), y = anyRange(rng);
    SCOPED_TRACE(str(x) + " " + str(y));
    ConstantRange xy = joined(x, y);
    ASSERT_EQ(xy, joined(y, x));
    // Monotone in size: never larger than either side.
    ASSERT_FALSE(x.isSizeStrictlySmallerThan(xy));
    ASSERT_FALSE(y.isSizeStrictlySmallerThan(xy));
    // Sound: every value both allow is still allowed.
    for (unsigned v = 0; v < 256; v += 7) {
      if (x.contains(APInt(8, v)) && y.contains(APInt(8, v))) {
        ASSERT_TRUE(xy.contains(APInt(8, v)));
      }
    }
  }
}

TEST(OptionalJoin, NothingKnownIsBottom) {
  {
    std::optional<KnownBits> to, from;
    MergeResult out = joinOptional(to, from, joinKnownBits);
    EXPECT_FALSE(out.toChanged);
    EXPECT_FALSE(out.fromChanged);
    EXPECT_FALSE(to.has_value());
  }
  {
    std::optional<KnownBits> to = kb(8, 1, 2), from;
    MergeResult out = joinOptional(to, from, joinKnownBits);
    EXPECT_FALSE(out.toChanged);
    EXPECT_TRUE(out.fromChanged);
    EXPECT_EQ(*to, kb(8, 1, 2));
  }
  {
    std::optional<KnownBits> to, from = kb(8, 4, 8);
    MergeResult out = joinOptional(to, from, joinKnownBits);
    EXPECT_TRUE(out.toChanged);
    EXPECT_FALSE(out.fromChanged);
    EXPECT_EQ(*to, kb(8, 4, 8));
  }
  {
    std::optional<ConstantRange> to = range(8, 0, 100), from = range(8, 50, 60);
    MergeResult out = joinOptional(to, from, joinRanges);
    EXPECT_TRUE(out.toChanged);
    EXPECT_EQ(*to, range(8, 50, 60));
  }
}

} // namespace
