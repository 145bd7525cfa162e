#pragma once

#include <opencv2/core/mat.hpp>

namespace pm {

// Bit-exact Pillow BILINEAR resize of 8-bit images: Image.resize(size, Image.BILINEAR,
// reducing_gap=None), i.e. Pillow's libImaging/Resample.c 8-bit path. This is what Hugging Face's
// ViTImageProcessor (and so CLIPSeg's preprocessing) does, and it is not OpenCV's INTER_LINEAR: the
// triangle filter widens with the scale factor, which antialiases when shrinking.
//
// Separable: a horizontal pass into an 8-bit intermediate, then a vertical pass; a pass whose size does
// not change is skipped. Weights are computed once per output column/row in 22-bit fixed point.
// Stateless and thread-safe.
class PilResize {
public:
    // src: CV_8UC1..CV_8UC4, any channel order (channels are independent, as Pillow does for L, RGB and RGBX;
    // Pillow premultiplies RGBA by alpha, this does not). Returns a new image of `size`
    // (a copy when the size is unchanged). Throws pm::Error(ErrorKind::Input) for other types or an empty
    // source or target.
    static cv::Mat resize(const cv::Mat& src, cv::Size size);
};

}  // namespace pm
