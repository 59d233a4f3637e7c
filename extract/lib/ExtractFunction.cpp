#include "egopt/extract/ExtractFunction.h"

#include "DagExtractor.h"
#include "GreedyExtractor.h"
#include "LoopWeights.h"
#include "Selection.h"

namespace egopt::extract {
using eg::ClassId;
using eg::ENode;

FunctionExtraction extractFunction(const ir::LiftedFunction &lf, const CostModel &costs,
                                   ExtractorKind kind, bool compare) {
  const eg::EGraph &g = *lf.egraph;
  std::vector<uint32_t> weights = classWeights(lf);
  auto weighted = [&](ClassId c, const ENode &n) { return costs.cost(n) * weights[c]; };
  std::vector<ClassId> roots;
  roots.reserve(lf.uses.size());
  for (const ir::SkeletonUse &u : lf.uses) roots.push_back(u.cls);

  FunctionExtraction out;
  auto greedy = [&] { return std::make_unique<GreedyExtractor>(g, weighted); };
  auto dag = [&] { return std::make_unique<DagExtractor>(g, roots, weighted); };
  out.extractor = kind == ExtractorKind::Dag ? std::unique_ptr<Extractor>(dag()) : greedy();
  out.dagCost = dagCost(g, *out.extractor, roots, weighted);
  if (compare) {
    std::unique_ptr<Extractor> other =
        kind == ExtractorKind::Dag ? std::unique_ptr<Extractor>(greedy()) : dag();
    Cost otherCost = dagCost(g, *other, roots, weighted);
    out.dagExtractorDagCost = kind == ExtractorKind::Dag ? out.dagCost : otherCost;
    out.greedyDagCost = kind == ExtractorKind::Greedy ? out.dagCost : otherCost;
  }
  return out;
}

} // namespace egopt::extract
