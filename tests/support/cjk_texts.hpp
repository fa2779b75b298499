#pragma once
// Chinese and Japanese paragraphs written for the CJK tests (issue 20): brackets,
// quotation marks, small kana and the prolonged sound mark, to test kinsoku and
// justification between characters. Header only: the galley tests include it too.
#include <string>

namespace quire::test {

inline const std::string chinese_paragraph =
    "中国外交部发言人在北京表示，中方愿同各方一道，推动地区和平与稳定。他指出：「对话与合作是解决分歧的唯一正确途径。」"
    "（记者王明报道）各国代表在会上交换了意见，认为《联合声明》为今后的合作奠定了基础。";
inline const std::string japanese_paragraph =
    "外務省の報道官は東京で記者会見を開き、「対話と協力こそが、地域の平和と安定への唯一の道である」と述べた。"
    "ちょっとした誤解も、丁寧な説明で解けるはずだ。（共同）";

}  // namespace quire::test
