//===- StatisticTest.cpp - Counters declared once, reported from one table -===//
#include "egopt/egraph/Statistic.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace egopt::eg;

namespace {

EGOPT_STATISTIC(Apples, "test-b", "test_apples", "apples counted");
EGOPT_STATISTIC(Pears, "test-a", "test_pears", "pears counted");
EGOPT_STATISTIC_IF_NONZERO(Plums, "test-b", "test_plums", "plums counted");
EGOPT_KEYED_STATISTIC(Colours, "test-b", "test_colours", "  colour: ");
EGOPT_TIMER(Peeling, "test-b", "test_peeling", "peeling");

std::string report(const Statistics &s) {
  std::string out;
  llvm::raw_string_ostream os(out);
  s.print(os);
  return out;
}

std::string json(const Statistics &s) {
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::json::OStream j(os);
  j.object([&] { s.writeJson(j); });
  return out;
}

TEST(Statistic, CountsMergeAndReadByName) {
  Statistics a, b;
  a.add(Apples, 3);
  b.add(Apples);
  b.add(Pears, 2);
  a.add(Colours, "red");
  b.add(Colours, "red", 2);
  b.add(Colours, "green");
  a.addSeconds(Peeling, 0.5);
  b.addSeconds(Peeling, 0.25);
  a.merge(b);
  EXPECT_EQ(a.get(Apples), 4u);
  EXPECT_EQ(a.get(Pears), 2u);
  EXPECT_EQ(a.get("test_apples"), 4u);
  EXPECT_EQ(a.get("no_such_counter"), 0u);
  EXPECT_EQ(a.keyed(Colours).at("red"), 3u);
  EXPECT_EQ(a.keyed(Colours).at("green"), 1u);
  EXPECT_DOUBLE_EQ(a.seconds(Peeling), 0.75);
  a.setSeconds(Peeling, 2.0);
  EXPECT_DOUBLE_EQ(a.seconds(Peeling), 2.0);
}

TEST(Statistic, ReportFollowsTheTable) {
  Statistics s;
  s.add(Apples, 7);
  s.add(Colours, "blue", 5);
  std::string r = report(s);
  // Groups in name order: test-a before test-b; then declaration order.
  size_t pears = r.find("pears counted"), apples = r.find("apples counted");
  ASSERT_NE(pears, std::string::npos);
  ASSERT_NE(apples, std::string::npos);
  EXPECT_LT(pears, apples);
  EXPECT_NE(r.find("  colour: blue"), std::string::npos);
  // A zero counter that asks to be hidden is left out; seconds are not in
  // the counters' report.
  EXPECT_EQ(r.find("plums"), std::string::npos);
  EXPECT_EQ(r.find("peeling"), std::string::npos);
  s.add(Plums);
  EXPECT_NE(report(s).find("plums counted"), std::string::npos);
}

TEST(Statistic, JsonHasEveryCounterByItsName) {
  Statistics s;
  s.add(Apples, 2);
  s.add(Colours, "red");
  s.addSeconds(Peeling, 1.5);
  auto parsed = llvm::json::parse(json(s));
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  const llvm::json::Object *o = parsed->getAsObject();
  ASSERT_TRUE(o);
  EXPECT_EQ(o->getInteger("test_apples"), 2);
  EXPECT_EQ(o->getInteger("test_pears"), 0);
  EXPECT_FALSE(o->get("test_plums"));
  EXPECT_EQ(o->getObject("test_colours")->getInteger("red"), 1);
  EXPECT_EQ(o->getObject("seconds")->getNumber("test_peeling"), 1.5);
}

} // namespace
