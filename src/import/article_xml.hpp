#pragma once
// The article an import made -> the text of an article file (src/input/schemas/
// article.rng): UTF-8, every text and attribute escaped, one block a line, so the
// result reads well and diffs well when an editor goes on from it.
#include "import/article_tree.hpp"

#include <string>

namespace quire::import {

std::string article_xml(const Article& article);

}  // namespace quire::import
