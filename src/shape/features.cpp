#include "shape/features.hpp"

namespace quire::shape {

FeatureSet FeatureSet::parse(const std::vector<std::string>& strings, const SourceLoc& loc, DiagnosticSink& sink) {
    FeatureSet set;
    for (const std::string& s : strings) {
        hb_feature_t feature{};
        if (s.empty() || !hb_feature_from_string(s.data(), static_cast<int>(s.size()), &feature)) {
            sink.warning(loc, "'" + s + "' is not an OpenType feature setting (write e.g. \"smcp\", \"-liga\" or \"ss01=2\"); ignored");
            continue;
        }
        set.features_.push_back(feature);
        // hb_feature_to_string spells every setting one way ("-liga", "ss01=2"), so
        // equal lists give equal keys however the designer wrote them.
        char buf[128];
        hb_feature_to_string(&feature, buf, sizeof buf);
        if (!set.key_.empty()) set.key_ += ',';
        set.key_ += buf;
    }
    return set;
}

}  // namespace quire::shape
