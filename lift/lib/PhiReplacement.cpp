#include "PhiReplacement.h"

#include "llvm/ADT/DenseSet.h"

namespace egopt::ir {
using namespace llvm;

void replacePhis(LiftedFunction &lf, ArrayRef<PhiReplacement> phis, const eg::Statistic &stat) {
  if (phis.empty()) return;
  eg::EGraph &g = *lf.egraph;
  g.rebuild();
  DenseSet<Instruction *> gone;
  for (const PhiReplacement &r : phis) gone.insert(r.phi);
  DenseSet<Instruction *> pure(lf.pure.begin(), lf.pure.end());
  // The replaced phis' own uses go; their skeleton users get uses of the class.
  std::erase_if(lf.uses, [&](const SkeletonUse &u) { return gone.contains(u.user); });
  for (const PhiReplacement &r : phis) {
    eg::ClassId cls = g.find(r.cls);
    g.retainNodes(cls, [&](const eg::ENode &n) { return !(n == r.leaf); });
    for (Use &use : r.phi->uses()) {
      auto *user = cast<Instruction>(use.getUser());
      if (!gone.contains(user) && !pure.contains(user))
        lf.uses.push_back({user, use.getOperandNo(), cls});
    }
    lf.pure.push_back(r.phi);
    lf.pureClass.push_back(cls);
    lf.stats.add(stat);
  }
}

} // namespace egopt::ir
