//===- Dot.h - Graphviz dump of an e-graph --------------------------------===//
//
// Each e-class is a cluster holding its e-nodes; an edge goes from an e-node
// to the cluster of each child class. Render with `dot -Tsvg`.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/EGraph.h"

#include <string>

namespace egopt::eg {

struct DotOptions {
  /// Stop after this many classes (large e-graphs make unreadable pictures).
  size_t maxClasses = 500;
  /// Show each analysis's fact under the class id.
  bool showAnalyses = true;
};

std::string toDot(const EGraph &g, const DotOptions &opts = {});

} // namespace egopt::eg
