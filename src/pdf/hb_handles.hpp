#pragma once
// Owning handles for the HarfBuzz objects the PDF writer uses.
#include <hb-subset.h>
#include <hb.h>

#include <memory>

namespace quire::pdf {

template <typename T, void (*Destroy)(T*)>
struct HbDeleter {
    void operator()(T* p) const { if (p) Destroy(p); }
};

using HbBlob = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;
using HbFace = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using HbFont = std::unique_ptr<hb_font_t, HbDeleter<hb_font_t, hb_font_destroy>>;
using HbSubsetInput = std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;
using HbSubsetPlan = std::unique_ptr<hb_subset_plan_t, HbDeleter<hb_subset_plan_t, hb_subset_plan_destroy>>;
using HbSet = std::unique_ptr<hb_set_t, HbDeleter<hb_set_t, hb_set_destroy>>;

}  // namespace quire::pdf
