// LabelInstances (prompt maps -> instances as the GUI builds them), ItemStore (per-image result files)
// and ResultAssembler (chunked writing equals the export writers on the whole dataset).
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <opencv2/imgproc.hpp>

#include "annotation/CocoFormat.h"
#include "annotation/DatasetExport.h"
#include "project/ItemStore.h"
#include "project/LabelInstances.h"
#include "project/LabelSet.h"
#include "project/ResultAssembler.h"
#include "util/AtomicFile.h"

namespace fs = std::filesystem;

namespace {

cv::Mat disk(cv::Size size, cv::Point centre, int radius, float value) {
    cv::Mat m = cv::Mat::zeros(size, CV_32F);
    cv::circle(m, centre, radius, cv::Scalar(value), cv::FILLED);
    return m;
}

// A small dataset with some images of the same stem ("x.jpg", "x.png") and images without instances.
pm::Dataset sampleDataset(int images) {
    pm::Dataset d;
    d.labels = {"ball", "box"};
    for (int i = 0; i < images; ++i) {
        pm::ImageAnnotation a;
        const std::string stem = "d" + std::to_string(i % 3) + "/img" + std::to_string(i / 2);
        a.imagePath = stem + (i % 2 ? ".png" : ".jpg");
        a.size = cv::Size(40 + i % 5, 30);
        for (int k = 0; k < i % 3; ++k) {
            pm::Instance inst;
            inst.label = d.labels[size_t(k % 2)];
            inst.mask = cv::Mat::zeros(a.size, CV_8U);
            cv::rectangle(inst.mask, cv::Rect(2 + 10 * k, 3, 8, 6 + i % 7), cv::Scalar(255), cv::FILLED);
            pm::Provenance p;
            p.prompts = {"a " + inst.label};
            p.threshold = 0.5;
            p.modelId = "abc";
            p.modelName = "demo";
            inst.provenance = p;
            a.instances.push_back(inst);
        }
        d.images.push_back(a);
    }
    std::sort(
        d.images.begin(), d.images.end(),
        [](const pm::ImageAnnotation& x, const pm::ImageAnnotation& y) { return x.imagePath < y.imagePath; });
    return d;
}

std::string readTree(const fs::path& root) {
    std::string all;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file()) {
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        all += f.lexically_relative(root).string() + "\n" + pm::AtomicFile::readAll(f) + "\n";
    }
    return all;
}

}  // namespace

class TestBatchResults : public QObject {
    Q_OBJECT

private slots:
    void exclusiveLabelsTakeTheMostProbable() {
        const pm::LabelSet set = pm::LabelSet::parse(
            R"([{"name": "a", "prompts": ["p1", "p2"], "threshold": 0.5}, {"name": "b", "prompts": ["q"],
                 "threshold": 0.3}, {"name": "label 3"}])",
            "/x/labels.json");
        const pm::LabelInstances li(set, {-1, 32, "id1", "demo"});
        QCOMPARE(li.prompts().size(), size_t(3));  // "label 3" has no prompt
        const cv::Size size(100, 60);
        // a: two blobs from its two prompts (max); b: overlaps the second blob with a higher probability.
        const std::vector<cv::Mat> probs = {disk(size, {20, 30}, 10, 0.9f), disk(size, {70, 30}, 10, 0.6f),
                                            disk(size, {75, 30}, 10, 0.8f)};
        const auto instances = li.build(probs);
        QCOMPARE(instances.size(), size_t(3));
        QCOMPARE(instances[0].label, std::string("a"));
        QCOMPARE(instances[1].label, std::string("a"));  // the part of a's second blob b does not beat
        QCOMPARE(instances[2].label, std::string("b"));
        QCOMPARE(instances[2].mask.at<uchar>(30, 75), uchar(255));
        QCOMPARE(instances[1].mask.at<uchar>(30, 75), uchar(0));
        QVERIFY(instances[0].provenance.has_value());
        QCOMPARE(instances[0].provenance->prompts, (std::vector<std::string>{"p1", "p2"}));
        QCOMPARE(instances[2].provenance->threshold, 0.3);
        QCOMPARE(instances[2].provenance->modelId, std::string("id1"));

        // A threshold override applies to every label; overlapping mode lets masks overlap.
        const pm::LabelSet overlapping = pm::LabelSet::parse(
            R"({"format": "promptmask-labels", "version": 1, "overlapMode": "overlapping",
                "labels": [{"id": "1", "name": "a", "prompts": ["p1", "p2"]}, {"id": "2", "name": "b",
                            "prompts": ["q"]}]})",
            "/x/labels.json");
        const pm::LabelInstances high(overlapping, {0.7, 32, "id1", "demo"});
        const auto o = high.build(probs);
        QCOMPARE(o.size(), size_t(2));  // a's 0.6 blob is below 0.7
        QCOMPARE(o[1].mask.at<uchar>(30, 75), uchar(255));
        QCOMPARE(o[1].provenance->threshold, 0.7);
    }

    void itemStoreRoundTrip() {
        QTemporaryDir tmp;
        const pm::ItemStore store(fs::path(tmp.path().toStdString()));
        const pm::Dataset d = sampleDataset(6);
        for (const auto& a : d.images) {
            store.writeResult(a);
        }
        store.writeError("bad/one.jpg", "bad/one.jpg: not an image");
        QCOMPARE(store.results().size(), size_t(6));
        QCOMPARE(store.errors().size(), size_t(1));
        QCOMPARE(store.errors()[0].second, std::string("bad/one.jpg: not an image"));
        for (const auto& a : d.images) {
            const pm::ImageAnnotation back = store.readResult(a.imagePath);
            QCOMPARE(back.size, a.size);
            QCOMPARE(back.instances.size(), a.instances.size());
            for (size_t i = 0; i < a.instances.size(); ++i) {
                QCOMPARE(cv::countNonZero(back.instances[i].mask != a.instances[i].mask), 0);
                QVERIFY(back.instances[i].provenance == a.instances[i].provenance);
            }
        }
        // A later success replaces the error record.
        pm::ImageAnnotation fixed;
        fixed.imagePath = "bad/one.jpg";
        fixed.size = cv::Size(4, 4);
        store.writeResult(fixed);
        QVERIFY(store.errors().empty());
        QCOMPARE(store.results().size(), size_t(7));
    }

    void chunkedWritingEqualsTheWholeDataset_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("coco") << "coco";
        QTest::newRow("labelme") << "labelme";
        QTest::newRow("masks") << "masks";
    }
    void chunkedWritingEqualsTheWholeDataset() {
        QFETCH(QString, format);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        pm::Dataset d = sampleDataset(int(pm::DatasetExport::kChunkImages) * 2 + 9);
        d.imagesRoot = root / "images";
        const pm::ItemStore store(root / "run");
        std::vector<pm::ResultAssembler::Item> items;
        for (auto it = d.images.rbegin(); it != d.images.rend(); ++it) {  // any order in
            store.writeResult(*it);
            items.push_back({it->imagePath, &store});
        }
        const bool coco = format == "coco";
        const fs::path whole = root / (coco ? "whole.json" : "whole");
        const fs::path chunked = root / (coco ? "chunked.json" : "chunked");
        auto writer = pm::AnnotationFormat::create(format.toStdString());
        QVERIFY(writer->write(d, whole, {}));
        pm::ResultAssembler assembler(format.toStdString(), d.labels, d.imagesRoot);
        assembler.write(items, chunked);
        QVERIFY(assembler.problems().empty());
        if (coco) {
            QCOMPARE(pm::AtomicFile::readAll(chunked), pm::AtomicFile::readAll(whole));
        } else {
            QCOMPARE(readTree(chunked), readTree(whole));
        }
        // No scratch folder is left behind.
        for (const auto& e : fs::directory_iterator(root)) {
            QVERIFY2(e.path().filename().string().find(".parts") == std::string::npos, e.path().c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestBatchResults)
#include "test_batch_results.moc"
