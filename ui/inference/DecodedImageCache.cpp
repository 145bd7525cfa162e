#include "inference/DecodedImageCache.h"

#include <QDateTime>
#include <QFileInfo>
#include <QImageReader>
#include <QObject>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace pm::ui {

namespace {
// What identifies the file's content well enough to reuse its decode.
QString stamp(const QString& path) {
    const QFileInfo info(path);
    return QString::number(info.size()) + "@" + QString::number(info.lastModified().toMSecsSinceEpoch());
}
}  // namespace

struct DecodedImageCache::Slot {
    std::mutex mutex;
    std::condition_variable ready;
    bool done = false;
    DecodedImage result;
    QString stamp;                                  // of the file when the decode started
    std::vector<DecodedImageCache::Ready> waiters;  // called by the decoding thread once done
};

DecodedImageCache::DecodedImageCache(Decoder decoder) : decoder_(std::move(decoder)) {
    // One thread: the model's worker needs the other core more than a second decode does.
    pool_.setMaxThreadCount(1);
}

DecodedImageCache::~DecodedImageCache() {
    pool_.clear();
    pool_.waitForDone();
}

DecodedImage DecodedImageCache::decode(const QString& path) {
    QImageReader reader(path);
    reader.setAutoTransform(true);  // EXIF orientation, as the model sees the image
    DecodedImage out;
    out.image = reader.read();
    if (out.image.isNull()) {
        out.error = reader.errorString();
    }
    return out;
}

std::shared_ptr<DecodedImageCache::Slot> DecodedImageCache::startDecode(const QString& path) {
    auto slot = std::make_shared<Slot>();
    slot->stamp = stamp(path);
    // The task holds the slot, the decoder and the counter, never `this`: a cache destroyed first
    // leaves it harmless.
    pool_.start([slot, path, decoder = decoder_, decodes = decodes_] {
        if (slot.use_count() == 1) {
            return;  // dropped by prefetch() before it started: nobody will ask for it
        }
        DecodedImage result = decoder(path);
        ++*decodes;
        std::vector<Ready> waiters;
        {
            const std::lock_guard<std::mutex> lock(slot->mutex);
            slot->result = std::move(result);
            slot->done = true;
            waiters.swap(slot->waiters);
        }
        slot->ready.notify_all();
        for (const Ready& w : waiters) {
            w(slot->result);
        }
    });
    return slot;
}

void DecodedImageCache::prefetch(const QStringList& paths) {
    for (auto it = slots_.begin(); it != slots_.end();) {
        if (it.key() != current_ && !paths.contains(it.key())) {
            it = slots_.erase(it);  // a decode under way finishes into a slot nobody reads
        } else {
            ++it;
        }
    }
    for (const QString& path : paths) {
        if (slots_.contains(path)) {
            continue;
        }
        const QSize size = QImageReader(path).size();  // header only
        if (size.isValid() && qint64(size.width()) * size.height() > kMaxPrefetchPixels) {
            continue;
        }
        slots_.insert(path, startDecode(path));
    }
}

std::optional<DecodedImage> DecodedImageCache::image(const QString& path, QObject* context, Ready ready) {
    current_ = path;
    const QString now = stamp(path);
    if (const auto it = slots_.constFind(path); it != slots_.constEnd()) {
        const std::shared_ptr<Slot> slot = *it;
        std::unique_lock<std::mutex> lock(slot->mutex);
        if (!slot->done) {
            // Queued to the context's thread; the posted call dies with `context` if it goes first.
            slot->waiters.push_back([context, ready = std::move(ready)](const DecodedImage& decoded) {
                QMetaObject::invokeMethod(
                    context, [ready, decoded] { ready(decoded); }, Qt::QueuedConnection);
            });
            return std::nullopt;
        }
        if (slot->stamp == now) {
            return slot->result;
        }
    }
    return decodeHere(path, now);
}

DecodedImage DecodedImageCache::waitForImage(const QString& path) {
    current_ = path;
    const QString now = stamp(path);
    if (const auto it = slots_.constFind(path); it != slots_.constEnd()) {
        const std::shared_ptr<Slot> slot = *it;
        std::unique_lock<std::mutex> lock(slot->mutex);
        slot->ready.wait(lock, [&] { return slot->done; });
        if (slot->stamp == now) {
            return slot->result;
        }
    }
    return decodeHere(path, now);
}

DecodedImage DecodedImageCache::decodeHere(const QString& path, const QString& stamp) {
    auto slot = std::make_shared<Slot>();
    slot->stamp = stamp;
    slot->result = decoder_(path);
    slot->done = true;
    ++*decodes_;
    slots_.insert(path, slot);
    return slot->result;
}

}  // namespace pm::ui
