#pragma once

#include <exception>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "BoundedQueue.h"
#include "model/Segmenter.h"

namespace pm::cli {

// The first stage of `label`'s pipeline: a thread that decodes and preprocesses the next images
// (Segmenter::prepare) while the model thread runs inference on the current one. It stays at most
// kAhead images ahead, so memory does not grow with the dataset.
class ImageReadAhead {
public:
    struct Item {
        std::string image;       // relative path
        PreparedImage prepared;  // empty pixels when `error` is set
        std::string error;       // the image cannot be read (Input error): not the run's fault
    };
    static constexpr size_t kAhead = 3;

    // `segmenter.prepare()` is thread-safe by contract; `images` must outlive this object.
    ImageReadAhead(const Segmenter& segmenter, std::filesystem::path root,
                   const std::vector<std::string>& images);
    ~ImageReadAhead();  // stops the thread (an unfinished read is dropped)

    // The next image in order; false after the last one. Rethrows what the reader could not handle
    // (anything but a bad image).
    bool next(Item& item);

private:
    BoundedQueue<Item> queue_{kAhead};
    std::exception_ptr failure_;
    std::thread thread_;
};

}  // namespace pm::cli
