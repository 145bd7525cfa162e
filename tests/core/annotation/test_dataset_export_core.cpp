// pm::DatasetExport, the export shared by the GUI and `promptmask-cli label` / `merge`: writing a chunk
// at a time (COCO streamed) gives the bytes of one writer call on the whole dataset, in any image order,
// with images of one stem far apart; a cancel leaves no COCO file; saved labelme files are collected.
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <opencv2/imgproc.hpp>

#include "annotation/DatasetExport.h"
#include "annotation/LabelmeFormat.h"
#include "util/AtomicFile.h"

namespace fs = std::filesystem;

namespace {

pm::Instance box(const std::string& label, cv::Size size, int k, int i) {
    pm::Instance inst;
    inst.label = label;
    inst.mask = cv::Mat::zeros(size, CV_8U);
    cv::rectangle(inst.mask, cv::Rect(2 + 10 * k, 3, 8, 6 + i % 7), cv::Scalar(255), cv::FILLED);
    if (i % 4 == 1) {  // a hole: COCO writes RLE for it in Auto mode
        inst.mask.at<uchar>(6, 5 + 10 * k) = 0;
    }
    inst.provenance = pm::Provenance{{"a " + label}, 0.5, "abc", "demo"};
    return inst;
}

// `count` images in no sorted order; "same/cat.jpg" + "same/cat.png" sit far apart (first and last),
// "pair/dog.jpg" + "pair/dog.png" straddle the first chunk boundary.
pm::Dataset unsortedDataset(int count) {
    pm::Dataset d;
    d.labels = {"ball", "box"};
    for (int i = 0; i < count; ++i) {
        pm::ImageAnnotation a;
        a.imagePath = "f" + std::to_string((i * 7) % 5) + "/img" + std::to_string((i * 37) % 101) + ".jpg";
        if (i == 0) {
            a.imagePath = "same/cat.jpg";
        } else if (i == count - 1) {
            a.imagePath = "same/cat.png";
        } else if (i == int(pm::DatasetExport::kChunkImages) - 1) {
            a.imagePath = "pair/dog.jpg";
        } else if (i == int(pm::DatasetExport::kChunkImages)) {
            a.imagePath = "pair/dog.png";
        }
        a.size = cv::Size(40 + i % 5, 30);
        for (int k = 0; k < i % 3; ++k) {
            a.instances.push_back(box(d.labels[size_t(k % 2)], a.size, k, i));
        }
        d.images.push_back(a);
    }
    return d;
}

std::string readTree(const fs::path& root) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file()) {
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::string all;
    for (const fs::path& f : files) {
        all += f.lexically_relative(root).string() + "\n" + pm::AtomicFile::readAll(f) + "\n";
    }
    return all;
}

std::string contentOf(const fs::path& out) {
    return fs::is_directory(out) ? readTree(out) : pm::AtomicFile::readAll(out);
}

void noScratchLeft(const fs::path& dir) {
    for (const auto& e : fs::directory_iterator(dir)) {
        QVERIFY2(e.path().filename().string().find(".parts") == std::string::npos, e.path().c_str());
    }
}

}  // namespace

class TestDatasetExportCore : public QObject {
    Q_OBJECT

private slots:
    void chunkedEqualsOneWriterCall_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("images");
        for (const char* f : {"coco", "labelme", "masks"}) {
            QTest::newRow((std::string(f) + " 3 chunks").c_str())
                << f << int(pm::DatasetExport::kChunkImages) * 2 + 9;
            QTest::newRow((std::string(f) + " one image").c_str()) << f << 1;
        }
        QTest::newRow("coco empty") << "coco" << 0;
        QTest::newRow("masks empty") << "masks" << 0;
    }
    void chunkedEqualsOneWriterCall() {
        QFETCH(QString, format);
        QFETCH(int, images);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        pm::Dataset d = unsortedDataset(images);
        d.imagesRoot = root / "images";
        const bool coco = format == "coco";
        const fs::path whole = root / (coco ? "whole.json" : "whole");
        const fs::path chunked = root / (coco ? "chunked.json" : "chunked");
        auto writer = pm::AnnotationFormat::create(format.toStdString());
        QVERIFY(writer->write(d, whole, {}));

        pm::DatasetExport exporter(format.toStdString(), d.labels, d.imagesRoot);
        size_t last = 0, calls = 0;
        exporter.setProgressCallback([&](size_t done, size_t total) {
            QCOMPARE(total, size_t(images));
            QVERIFY(done >= last && done <= total);
            last = done;
            ++calls;
        });
        const size_t instances = d.instanceCount();
        exporter.write(d, chunked);
        QCOMPARE(exporter.annotations(), instances);
        QVERIFY(exporter.fileErrors().empty());
        QCOMPARE(last, size_t(images));
        QVERIFY(calls >= size_t(images));
        QCOMPARE(contentOf(chunked), contentOf(whole));
        noScratchLeft(root);
    }

    void cancelLeavesNoCocoFileAndKeepsTheOldOne() {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const pm::Dataset d = unsortedDataset(int(pm::DatasetExport::kChunkImages) * 2);
        const fs::path out = root / "out.json";
        pm::DatasetExport exporter("coco", d.labels, root);
        exporter.setProgressCallback([](size_t done, size_t) {
            if (done == pm::DatasetExport::kChunkImages + 3) {  // in the second chunk
                throw pm::Error(pm::ErrorKind::Cancelled, "cancelled");
            }
        });
        QVERIFY_THROWS_EXCEPTION(pm::Error, exporter.write(d, out));
        QVERIFY(!fs::exists(out));
        pm::AtomicFile::write(out, "{\"images\": []}\n");
        QVERIFY_THROWS_EXCEPTION(pm::Error, exporter.write(d, out));
        QCOMPARE(pm::AtomicFile::readAll(out), std::string("{\"images\": []}\n"));
        noScratchLeft(root);
        // Only the COCO file, no temporary, is left in the folder.
        QCOMPARE(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 1L);
    }

    void anUnparsableOutputIsBackedUpAsTheWriterDoes() {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const pm::Dataset d = unsortedDataset(3);
        const fs::path out = root / "out.json";
        pm::AtomicFile::write(out, "{broken");
        pm::DatasetExport exporter("coco", d.labels, root);
        exporter.write(d, out);
        QCOMPARE(pm::AtomicFile::readAll(root / "out.json.bak"), std::string("{broken"));
        QCOMPARE(exporter.warnings().size(), size_t(1));
        QVERIFY(exporter.warnings()[0].find("kept a copy") != std::string::npos);
    }

    void readsSavedLabelmeFiles() {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        pm::Dataset d = unsortedDataset(4);
        d.imagesRoot = root;
        d.images.erase(d.images.begin());  // no same-stem pair: one file per image
        pm::LabelmeFormat labelme;
        QVERIFY(labelme.write(d, root, {}));
        std::vector<fs::path> files;
        for (const auto& a : d.images) {
            const fs::path rel(a.imagePath);
            files.push_back(root / rel.parent_path() / (rel.stem().string() + ".json"));
        }
        files.push_back(files.front());       // two images, one file: read once
        files.push_back(root / "none.json");  // not saved
        pm::AtomicFile::write(root / "bad.json", "{not json");
        files.push_back(root / "bad.json");
        size_t last = 0;
        const pm::DatasetExport::Saved saved =
            pm::DatasetExport::readLabelme(files, root, {"zebra", "box"}, [&](size_t done, size_t total) {
                QCOMPARE(total, size_t(6));
                last = done;
            });
        QCOMPARE(last, size_t(6));
        QCOMPARE(saved.unsaved, size_t(1));
        QCOMPARE(saved.dataset.images.size(), d.images.size());
        QCOMPARE(saved.dataset.instanceCount(), d.instanceCount());
        QCOMPARE(saved.dataset.labels, (std::vector<std::string>{"zebra", "box", "ball"}));
        QCOMPARE(saved.errors.size(), size_t(1));
        QVERIFY(saved.errors[0].find("bad.json") != std::string::npos);

        pm::CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(pm::Error, pm::DatasetExport::readLabelme(files, root, {}, {}, &cancel));
    }
};

QTEST_GUILESS_MAIN(TestDatasetExportCore)
#include "test_dataset_export_core.moc"
