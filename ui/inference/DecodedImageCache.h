#pragma once

#include <QHash>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QObject;

namespace pm::ui {

// A decoded image (EXIF orientation applied, as the model sees it) or why it could not be read.
struct DecodedImage {
    QImage image;
    QString error;  // empty when `image` is valid
};

// Keeps the images around the current one decoded, so that stepping through a folder shows the next
// image without decoding it on the GUI thread (a 24-megapixel JPEG takes a few hundred ms).
// prefetch() decodes on a background thread. image() hands over a prefetched result; for a decode
// still under way it returns at once and delivers the result later (never a second decode, never a
// wait on the GUI thread); only a miss is decoded on the caller's thread. A file changed on disk since
// its decode is decoded again.
class DecodedImageCache {
public:
    // Images larger than this are never decoded ahead (memory: 4 bytes a pixel).
    static constexpr qint64 kMaxPrefetchPixels = 40'000'000;
    using Decoder = std::function<DecodedImage(const QString& path)>;
    using Ready = std::function<void(const DecodedImage&)>;

    // `decoder` runs on both threads; tests pass one they can hold up.
    explicit DecodedImageCache(Decoder decoder = &DecodedImageCache::decode);
    ~DecodedImageCache();  // waits for the decodes under way
    DecodedImageCache(const DecodedImageCache&) = delete;
    DecodedImageCache& operator=(const DecodedImageCache&) = delete;

    // Keeps `paths` (and the image last handed out) and starts decoding those not yet held; the rest
    // is dropped.
    void prefetch(const QStringList& paths);

    // The decode of `path`, or nullopt when a background decode of it is under way: `ready` then gets
    // it on `context`'s thread once done (not if the cache is destroyed first). `context` must outlive
    // the cache.
    std::optional<DecodedImage> image(const QString& path, QObject* context, Ready ready);
    // The same, waiting for a decode under way: for threads that may block (tests, tools).
    DecodedImage waitForImage(const QString& path);

    // Decodes that ran so far, in the background and on the caller's thread (for tests).
    int decodeCount() const { return decodes_->load(); }

    static DecodedImage decode(const QString& path);

private:
    struct Slot;
    std::shared_ptr<Slot> startDecode(const QString& path);
    DecodedImage decodeHere(const QString& path, const QString& stamp);

    Decoder decoder_;
    QThreadPool pool_;
    QHash<QString, std::shared_ptr<Slot>> slots_;
    QString current_;
    std::shared_ptr<std::atomic<int>> decodes_ = std::make_shared<std::atomic<int>>(0);
};

}  // namespace pm::ui
