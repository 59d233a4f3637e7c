//===- Id.h - E-class identifiers -----------------------------------------===//
#pragma once
#include <cstdint>
#include <limits>

namespace egopt::eg {

/// Identifies an e-class. Every e-node added to the e-graph is given a fresh id
/// (the id of the singleton class it starts in); after unions, the canonical id of
/// a class is the smallest id of its members (see UnionFind), so ids never depend
/// on which thread performed a union.
using ClassId = uint32_t;
inline constexpr ClassId kNoClass = std::numeric_limits<ClassId>::max();

/// Index of an operator in a Language's table.
using Op = uint16_t;

} // namespace egopt::eg
