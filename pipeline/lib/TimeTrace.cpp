#include "egopt/TimeTrace.h"

#include "llvm/Support/JSON.h"

#include <algorithm>

namespace egopt {

void TimeTrace::add(std::string name, std::string detail, Clock::time_point start,
                    Clock::time_point end) {
  auto us = [&](Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t - origin_).count();
  };
  std::lock_guard<std::mutex> guard(lock_);
  auto me = std::this_thread::get_id();
  auto it = std::find(threads_.begin(), threads_.end(), me);
  unsigned tid = unsigned(it - threads_.begin());
  if (it == threads_.end()) threads_.push_back(me);
  spans_.push_back({std::move(name), std::move(detail), tid, us(start), us(end) - us(start)});
}

bool TimeTrace::empty() const {
  std::lock_guard<std::mutex> guard(lock_);
  return spans_.empty();
}

void TimeTrace::write(llvm::raw_ostream &os) const {
  std::lock_guard<std::mutex> guard(lock_);
  llvm::json::OStream j(os);
  j.object([&] {
    j.attributeArray("traceEvents", [&] {
      for (const Span &s : spans_)
        j.object([&] {
          j.attribute("name", s.name);
          j.attribute("cat", "egopt");
          j.attribute("ph", "X");
          j.attribute("pid", 1);
          j.attribute("tid", int64_t(s.tid));
          j.attribute("ts", s.startUs);
          j.attribute("dur", s.durUs);
          if (!s.detail.empty())
            j.attributeObject("args", [&] { j.attribute("detail", s.detail); });
        });
      for (unsigned t = 0; t < threads_.size(); ++t)
        j.object([&] {
          j.attribute("name", "thread_name");
          j.attribute("ph", "M");
          j.attribute("pid", 1);
          j.attribute("tid", int64_t(t));
          j.attributeObject("args", [&] { j.attribute("name", "thread " + std::to_string(t)); });
        });
    });
    j.attribute("displayTimeUnit", "ms");
  });
}

} // namespace egopt
