#include "ImageReadAhead.h"

#include "util/Error.h"

namespace fs = std::filesystem;

namespace pm::cli {

ImageReadAhead::ImageReadAhead(const Segmenter& segmenter, fs::path root,
                               const std::vector<std::string>& images)
    : thread_([this, &segmenter, root = std::move(root), &images] {
          try {
              for (const std::string& image : images) {
                  Item item;
                  item.image = image;
                  try {
                      item.prepared = segmenter.prepare((root / fs::u8path(image)).string());
                  } catch (const Error& e) {
                      if (e.kind() != ErrorKind::Input) {
                          throw;
                      }
                      item.error = e.what();
                  }
                  if (!queue_.push(std::move(item))) {
                      break;  // the consumer stopped
                  }
              }
          } catch (...) {
              failure_ = std::current_exception();  // read by next() after close(): ordered by the queue lock
          }
          queue_.close();
      }) {}

ImageReadAhead::~ImageReadAhead() {
    queue_.abandon();
    thread_.join();
}

bool ImageReadAhead::next(Item& item) {
    if (queue_.pop(item)) {
        return true;
    }
    if (failure_) {
        std::rethrow_exception(failure_);
    }
    return false;
}

}  // namespace pm::cli
