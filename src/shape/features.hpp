#pragma once
// OpenType features a style asks for ("smcp", "onum", "-liga", "ss01=2"), parsed once.
// HarfBuzz already turns on kern, liga, clig, calt and the other defaults for the
// script; a style's list adds to or switches off those, in its order.
#include "core/diagnostics.hpp"

#include <hb.h>

#include <string>
#include <vector>

namespace quire::shape {

class FeatureSet {
public:
    FeatureSet() = default;

    // Parses each string with hb_feature_from_string; one that does not parse is a
    // warning at `loc` and is left out.
    static FeatureSet parse(const std::vector<std::string>& features, const SourceLoc& loc, DiagnosticSink& sink);

    const std::vector<hb_feature_t>& features() const { return features_; }
    // A canonical spelling of the list ("smcp,-liga"), for cache keys and tracing.
    const std::string& key() const { return key_; }
    bool empty() const { return features_.empty(); }

    friend bool operator==(const FeatureSet& a, const FeatureSet& b) { return a.key_ == b.key_; }

private:
    std::vector<hb_feature_t> features_;
    std::string key_;
};

}  // namespace quire::shape
