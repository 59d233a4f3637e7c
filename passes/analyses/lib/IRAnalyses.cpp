#include "egopt/analyses/IRAnalyses.h"

#include "egopt/analyses/ConstantFold.h"
#include "egopt/analyses/KnownBitsAnalysis.h"
#include "egopt/analyses/RangeAnalysis.h"

namespace egopt::passes {

void addIRAnalyses(eg::EGraph &g, const ir::IRTables &tables) {
  g.addAnalysis<IntConstantFold>(tables);
  g.addAnalysis<KnownBitsAnalysis>(tables);
  g.addAnalysis<RangeAnalysis>(tables);
}

} // namespace egopt::passes
