#include "egopt/egraph/Dot.h"

#include "llvm/Support/raw_ostream.h"

namespace egopt::eg {

static std::string escape(const std::string &s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string toDot(const EGraph &g, const DotOptions &opts) {
  const Language &lang = g.language();
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "digraph egraph {\n  compound=true;\n  clusterrank=local;\n"
     << "  node [shape=box, style=rounded, fontname=\"monospace\"];\n";
  size_t shown = 0;
  for (ClassId c : g.classIds()) {
    if (shown++ == opts.maxClasses) break;
    os << "  subgraph cluster_" << c << " {\n    style=dotted;\n    label=\"c" << c;
    if (opts.showAnalyses)
      for (size_t a = 0; a < g.numAnalyses(); ++a)
        if (std::string d = g.analysis(a).describe(c); !d.empty())
          os << "\\n" << escape(std::string(g.analysis(a).name())) << "=" << escape(d);
    os << "\";\n";
    auto nodes = g.nodes(c);
    for (size_t i = 0; i < nodes.size(); ++i) {
      const ENode &n = nodes[i];
      std::string label = lang.op(n.op).hasPayload ? lang.printAtom(n) : lang.printHead(n);
      os << "    n" << c << "_" << i << " [label=\"" << escape(label) << "\"];\n";
    }
    // An invisible anchor every edge can point at, even in an empty class.
    os << "    a" << c << " [shape=point, style=invis];\n  }\n";
  }
  shown = 0;
  for (ClassId c : g.classIds()) {
    if (shown++ == opts.maxClasses) break;
    auto nodes = g.nodes(c);
    for (size_t i = 0; i < nodes.size(); ++i)
      for (size_t k = 0; k < nodes[i].kids.size(); ++k) {
        ClassId kid = g.find(nodes[i].kids[k]);
        os << "  n" << c << "_" << i << " -> a" << kid << " [lhead=cluster_" << kid;
        if (nodes[i].kids.size() > 1) os << ", label=\"" << k << "\"";
        os << "];\n";
      }
  }
  os << "}\n";
  return text;
}

} // namespace egopt::eg
