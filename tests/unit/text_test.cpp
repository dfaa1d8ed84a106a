// join_text builds messages in place of `"…" + a + "…"`: the text must be
// exactly the concatenation, whatever the parts.
#include "ivp/base/text.h"

#include <gtest/gtest.h>

#include <string>

namespace ivp {
namespace {

TEST(JoinText, IsTheConcatenationOfItsParts) {
    const std::string id = "traplift";
    EXPECT_EQ(join_text({"onbekend veld \"", id, "\". ", std::to_string(42), ""}),
              "onbekend veld \"" + id + "\". " + std::to_string(42));
    EXPECT_EQ(join_text({"één", " ", "teken…"}), "één teken…");
}

TEST(JoinText, EmptyPartsAndNoPartsGiveEmptyText) {
    EXPECT_EQ(join_text({}), "");
    EXPECT_EQ(join_text({"", ""}), "");
}

TEST(JoinText, KeepsNulBytesInsideAPart) {
    const std::string with_nul("a\0b", 3);
    EXPECT_EQ(join_text({with_nul, "c"}), std::string("a\0bc", 4));
}

}  // namespace
}  // namespace ivp
