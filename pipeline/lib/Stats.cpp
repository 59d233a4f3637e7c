//===- Stats.cpp - Counters and timings of a compilation, printed --------===//
//
// Stats (Pipeline.h): merging the units' counters, the --stats and
// --time-passes reports, and the --stats-json object.
//
//===----------------------------------------------------------------------===//
#include "egopt/Pipeline.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace egopt {
using namespace llvm;

void Stats::merge(const Stats &o) {
  functions += o.functions;
  liftedFunctions += o.liftedFunctions;
  skippedFunctions += o.skippedFunctions;
  pureInstructions += o.pureInstructions;
  skeletonInstructions += o.skeletonInstructions;
  loadsFromStores += o.loadsFromStores;
  loadsFromLoads += o.loadsFromLoads;
  addressDepthLimitHits += o.addressDepthLimitHits;
  deadStores += o.deadStores;
  phisFolded += o.phisFolded;
  branchesFolded += o.branchesFolded;
  blocksRemoved += o.blocksRemoved;
  for (auto &[k, v] : o.skeletonByOpcode) skeletonByOpcode[k] += v;
  eNodes += o.eNodes;
  deadSkeleton += o.deadSkeleton;
  loopsHinted += o.loopsHinted;
  unrollerRan += o.unrollerRan;
  unrollerSkipped += o.unrollerSkipped;
  edgeSelects += o.edgeSelects;
  factChangeLimitHits += o.factChangeLimitHits;
  reassociatedTrees += o.reassociatedTrees;
  reassociatedOperationsIn += o.reassociatedOperationsIn;
  reassociatedOperationsOut += o.reassociatedOperationsOut;
  conflictFunctions += o.conflictFunctions;
  vectorizedFunctions += o.vectorizedFunctions;
  returnedArguments += o.returnedArguments;
  smallMemTransfers += o.smallMemTransfers;
  rewriteRounds += o.rewriteRounds;
  rewriteUnions += o.rewriteUnions;
  rewriteDeclined += o.rewriteDeclined;
  for (auto &[k, v] : o.stopReasons) stopReasons[k] += v;
  for (auto &[k, v] : o.ruleUnions) ruleUnions[k] += v;
  eClasses += o.eClasses;
  materialized += o.materialized;
  reused += o.reused;
  hoisted += o.hoisted;
  atSource += o.atSource;
  erased += o.erased;
  dagCost += o.dagCost;
  greedyDagCost += o.greedyDagCost;
  dagExtractorDagCost += o.dagExtractorDagCost;
  costKeys += o.costKeys;
  extractSeconds += o.extractSeconds;
  prePassSeconds += o.prePassSeconds;
  splitSeconds += o.splitSeconds;
  liftSeconds += o.liftSeconds;
  egraphSeconds += o.egraphSeconds;
  lowerSeconds += o.lowerSeconds;
  codegenSeconds += o.codegenSeconds;
  joinSeconds += o.joinSeconds;
}

void Stats::print(raw_ostream &os) const {
  os << "===-------------------------------------------------------------------------===\n"
     << "                          egopt statistics\n"
     << "===-------------------------------------------------------------------------===\n";
  auto line = [&](uint64_t v, StringRef what) { os << formatv("{0,12} {1}\n", v, what); };
  line(functions, "functions defined");
  line(liftedFunctions, "functions lifted into the e-graph");
  line(skippedFunctions, "functions kept as they were (optnone, musttail)");
  line(pureInstructions, "instructions lifted into the e-graph");
  line(skeletonInstructions, "instructions kept in the skeleton");
  for (auto &[op, count] : skeletonByOpcode) line(count, "  skeleton: " + op);
  line(loadsFromStores, "loads replaced by the value stored (store-to-load forwarding)");
  line(loadsFromLoads, "loads replaced by an earlier load (redundant loads)");
  line(addressDepthLimitHits, "  address expressions too deep to compare (limit)");
  line(deadStores, "stores overwritten before any read, erased");
  line(phisFolded, "phis whose incoming values are one class, folded");
  line(branchesFolded, "branches and switches on a constant made unconditional");
  line(blocksRemoved, "blocks left unreachable by those, deleted");
  line(eNodes, "e-nodes");
  line(eClasses, "e-classes");
  line(smallMemTransfers, "memcpy/memmove/memset of 1-8 bytes made scalar loads and stores");
  line(returnedArguments, "call results replaced by the argument the callee returns");
  line(edgeSelects, "phi operands: selects decided by the incoming edge");
  line(reassociatedTrees, "trees of one associative operator given a normal form");
  line(reassociatedOperationsIn, "  their operations");
  line(reassociatedOperationsOut, "  the normal forms' operations");
  line(factChangeLimitHits, "analysis joins skipped: the class's fact had changed its limit of times");
  line(conflictFunctions, "functions left as they were: an analysis conflict in their e-graph");
  line(vectorizedFunctions, "functions whose loops LLVM's vectorizer changed");
  line(deadSkeleton, "dead instructions deleted before lifting and after lowering (pure calls, ...)");
  line(loopsHinted, "small counted loops given the full-unroll hint");
  line(unrollerRan, "functions the full unroller ran on");
  line(unrollerSkipped, "functions with loops, none the full unroller could unroll (not run)");
  line(rewriteRounds, "rewrite rounds (summed over functions)");
  line(rewriteUnions, "unions made by rewrite rules");
  line(rewriteDeclined, "rule applications declined (types did not fit)");
  for (auto &[reason, count] : stopReasons) line(count, "  functions stopped: " + reason);
  line(materialized, "instructions materialized by elaboration");
  line(reused, "uses served by a dominating copy (GVN)");
  line(hoisted, "values hoisted to a shallower loop (LICM)");
  line(atSource, "values built where the source computed them, before a call");
  line(erased, "lifted instructions erased");
  line(costKeys, "e-node kinds costed by TargetTransformInfo");
  line(dagCost, "DAG cost of the extracted selection (TTI costs x loop weights)");
  if (greedyDagCost || dagExtractorDagCost) {
    line(greedyDagCost, "  DAG cost of the greedy extractor's selection");
    line(dagExtractorDagCost, "  DAG cost of the DAG extractor's selection");
  }
  line(cguEstimates.size(), "codegen units");
  line(externalizedSymbols, "internal symbols made hidden to cross units");
  for (size_t u = 0; u < cguEstimates.size(); ++u)
    os << formatv("{0,12} unit {1}: estimate {2}, codegen {3:F4} s\n", "", u, cguEstimates[u],
                  u < cguCodegenSeconds.size() ? cguCodegenSeconds[u] : 0.0);
  os << formatv("{0,12:F4} codegen-unit estimate error (mean absolute deviation of shares)\n",
                cguEstimateError);
}

void Stats::printTimes(raw_ostream &os) const {
  os << "===-------------------------------------------------------------------------===\n"
     << "                      egopt time report (seconds)\n"
     << "===-------------------------------------------------------------------------===\n";
  auto line = [&](double v, StringRef what) { os << formatv("{0,12:F4}  {1}\n", v, what); };
  line(prePassSeconds, "pre-passes (wall)");
  line(splitSeconds, "splitting into codegen units (wall)");
  line(liftSeconds, "preparing functions for lifting (summed over units)");
  line(egraphSeconds, "lifting, e-graph and extraction, functions in parallel (summed over units)");
  line(extractSeconds, "  of which costs and extraction (summed over units)");
  line(lowerSeconds, "elaboration and verification (summed over units)");
  line(codegenSeconds, "code generation (summed over units)");
  line(unitsWallSeconds, "optimizing and compiling the units (wall)");
  line(joinSeconds, "joining outputs (wall)");
  line(totalSeconds, "total (wall)");
}

std::string Stats::toJson() const {
  std::string out;
  raw_string_ostream os(out);
  json::OStream j(os, 1);
  j.object([&] {
    j.attribute("functions", int64_t(functions));
    j.attribute("lifted_functions", int64_t(liftedFunctions));
    j.attribute("skipped_functions", int64_t(skippedFunctions));
    j.attribute("pure_instructions", int64_t(pureInstructions));
    j.attribute("skeleton_instructions", int64_t(skeletonInstructions));
    j.attributeObject("skeleton_by_opcode", [&] {
      for (auto &[k, v] : skeletonByOpcode) j.attribute(k, int64_t(v));
    });
    j.attribute("loads_from_stores", int64_t(loadsFromStores));
    j.attribute("loads_from_loads", int64_t(loadsFromLoads));
    j.attribute("address_depth_limit_hits", int64_t(addressDepthLimitHits));
    j.attribute("dead_stores", int64_t(deadStores));
    j.attribute("phis_folded", int64_t(phisFolded));
    j.attribute("branches_folded", int64_t(branchesFolded));
    j.attribute("blocks_removed", int64_t(blocksRemoved));
    j.attribute("enodes", int64_t(eNodes));
    j.attribute("eclasses", int64_t(eClasses));
    j.attribute("dead_skeleton", int64_t(deadSkeleton));
    j.attribute("loops_hinted", int64_t(loopsHinted));
    j.attribute("unroller_ran", int64_t(unrollerRan));
    j.attribute("unroller_skipped", int64_t(unrollerSkipped));
    j.attribute("edge_selects", int64_t(edgeSelects));
    j.attribute("reassociated_trees", int64_t(reassociatedTrees));
    j.attribute("reassociated_operations_in", int64_t(reassociatedOperationsIn));
    j.attribute("reassociated_operations_out", int64_t(reassociatedOperationsOut));
    j.attribute("fact_change_limit_hits", int64_t(factChangeLimitHits));
    j.attribute("conflict_functions", int64_t(conflictFunctions));
    j.attribute("vectorized_functions", int64_t(vectorizedFunctions));
    j.attribute("returned_arguments", int64_t(returnedArguments));
    j.attribute("small_mem_transfers", int64_t(smallMemTransfers));
    j.attribute("rewrite_rounds", int64_t(rewriteRounds));
    j.attribute("rewrite_unions", int64_t(rewriteUnions));
    j.attribute("rewrite_declined", int64_t(rewriteDeclined));
    j.attributeObject("stop_reasons", [&] {
      for (auto &[k, v] : stopReasons) j.attribute(k, int64_t(v));
    });
    j.attributeObject("rule_unions", [&] {
      for (auto &[k, v] : ruleUnions) j.attribute(k, int64_t(v));
    });
    j.attribute("materialized", int64_t(materialized));
    j.attribute("reused", int64_t(reused));
    j.attribute("hoisted", int64_t(hoisted));
    j.attribute("at_source", int64_t(atSource));
    j.attribute("erased", int64_t(erased));
    j.attribute("cost_keys", int64_t(costKeys));
    j.attribute("dag_cost", int64_t(dagCost));
    if (greedyDagCost || dagExtractorDagCost) {
      j.attribute("greedy_dag_cost", int64_t(greedyDagCost));
      j.attribute("dag_extractor_dag_cost", int64_t(dagExtractorDagCost));
    }
    j.attribute("externalized_symbols", int64_t(externalizedSymbols));
    j.attributeArray("cgu_estimates", [&] {
      for (uint64_t e : cguEstimates) j.value(int64_t(e));
    });
    j.attributeArray("cgu_codegen_seconds", [&] {
      for (double s : cguCodegenSeconds) j.value(s);
    });
    j.attribute("cgu_estimate_error", cguEstimateError);
    j.attributeObject("seconds", [&] {
      j.attribute("pre_passes", prePassSeconds);
      j.attribute("split", splitSeconds);
      j.attribute("lift", liftSeconds);
      j.attribute("egraph", egraphSeconds);
      j.attribute("extract", extractSeconds);
      j.attribute("lower", lowerSeconds);
      j.attribute("codegen", codegenSeconds);
      j.attribute("units_wall", unitsWallSeconds);
      j.attribute("join", joinSeconds);
      j.attribute("total", totalSeconds);
    });
  });
  return out;
}

} // namespace egopt
