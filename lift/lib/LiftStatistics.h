//===- LiftStatistics.h - Counters two files of lift/ share ----------------===//
#pragma once
#include "egopt/egraph/Statistic.h"

namespace egopt::ir {

/// Phis found to be one class: while lifting (Lifter.cpp, which declares it)
/// and in cycles after rewriting (PhiCycles.cpp).
extern const eg::Statistic PhisFolded;

} // namespace egopt::ir
