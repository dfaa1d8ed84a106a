#include "ivp/base/text.h"

namespace ivp {

std::string join_text(std::initializer_list<std::string_view> parts) {
    std::size_t size = 0;
    for (auto part : parts) size += part.size();
    std::string out;
    out.reserve(size);
    for (auto part : parts) out += part;
    return out;
}

}  // namespace ivp
