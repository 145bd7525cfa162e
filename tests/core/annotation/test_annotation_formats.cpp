#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "annotation/AnnotationFormat.h"
#include "annotation/CocoFormat.h"
#include "annotation/LabelmeFormat.h"
#include "annotation/MaskPolygons.h"
#include "annotation/PngMasksFormat.h"
#include "util/AtomicFile.h"

namespace fs = std::filesystem;
using nlohmann::json;

Q_DECLARE_METATYPE(std::string)

namespace {

// A small dataset with what makes formats hard: holes, a multi-part instance, two instances of one
// label, an image in a subfolder, provenance and a crowd region.
pm::Dataset makeDataset(const fs::path& root) {
    pm::Dataset d;
    d.imagesRoot = root;
    d.labels = {"glass", "wood", "cat"};
    fs::create_directories(root / "sub");
    auto addImage = [&](const std::string& rel, cv::Size size) -> pm::ImageAnnotation& {
        cv::Mat pixels(size, CV_8UC3, cv::Scalar(40, 80, 120));
        cv::imwrite((root / rel).string(), pixels);
        d.images.push_back({rel, size, {}});
        return d.images.back();
    };
    auto instance = [](const std::string& label, cv::Size size, auto draw) {
        pm::Instance i;
        i.label = label;
        i.mask = cv::Mat(size, CV_8UC1, cv::Scalar(0));
        draw(i.mask);
        return i;
    };
    {
        auto& im = addImage("photo1.png", {160, 120});
        auto donut = instance("glass", im.size, [](cv::Mat& m) {
            cv::circle(m, {60, 60}, 40, 255, cv::FILLED);
            cv::circle(m, {60, 60}, 15, 0, cv::FILLED);
        });
        donut.provenance = pm::Provenance{
            {"a glass", "visual:photo1.png@1,2,30,40/crop-blur-highlight"}, 0.4, "0123456789ab", "demo"};
        im.instances.push_back(donut);
        im.instances.push_back(instance("wood", im.size, [](cv::Mat& m) {
            cv::rectangle(m, cv::Rect(110, 10, 40, 30), 255, cv::FILLED);
            cv::rectangle(m, cv::Rect(115, 70, 30, 40), 255, cv::FILLED);  // second part
        }));
    }
    {
        auto& im = addImage("sub/photo2.png", {90, 70});
        im.instances.push_back(instance("cat", im.size, [](cv::Mat& m) {
            std::vector<cv::Point> tri = {{5, 5}, {60, 12}, {30, 60}};
            cv::fillConvexPoly(m, tri, 255);
        }));
        im.instances.push_back(instance("cat", im.size, [](cv::Mat& m) {
            cv::ellipse(m, {70, 40}, {15, 25}, 30, 0, 360, 255, cv::FILLED);
        }));
        auto crowd = instance("wood", im.size, [](cv::Mat& m) { m(cv::Rect(0, 65, 90, 5)).setTo(255); });
        crowd.crowd = true;
        im.instances.push_back(crowd);
    }
    return d;
}

fs::path tempPath(const QTemporaryDir& dir) {
    return fs::path(dir.path().toStdString());
}

// Pixels of `label` in image `i` (the union of its instances).
cv::Mat labelMask(const pm::Dataset& d, size_t i, const std::string& label) {
    cv::Mat m(d.images[i].size, CV_8UC1, cv::Scalar(0));
    for (const auto& inst : d.images[i].instances) {
        if (inst.label == label) {
            m |= inst.mask;
        }
    }
    return m;
}

// Every file under `out` (or `out` itself) with its bytes, by path relative to `out`.
std::map<std::string, std::string> contents(const fs::path& out) {
    std::map<std::string, std::string> files;
    auto read = [](const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    if (fs::is_regular_file(out)) {
        files["."] = read(out);
        return files;
    }
    for (const auto& e : fs::recursive_directory_iterator(out)) {
        if (e.is_regular_file()) {
            files[fs::relative(e.path(), out).string()] = read(e.path());
        }
    }
    return files;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& e : v) {
        s += e + "\n";
    }
    return s;
}

}  // namespace

class TestAnnotationFormats : public QObject {
    Q_OBJECT
private slots:
    // mask -> format -> mask for every format and segmentation mode.
    void roundTrip_data() {
        QTest::addColumn<std::string>("format");
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("exact");
        QTest::newRow("labelme") << std::string("labelme") << int(pm::SegmentationMode::Auto) << false;
        QTest::newRow("coco auto") << std::string("coco") << int(pm::SegmentationMode::Auto) << false;
        QTest::newRow("coco polygons") << std::string("coco") << int(pm::SegmentationMode::Polygons) << false;
        QTest::newRow("coco rle") << std::string("coco") << int(pm::SegmentationMode::Rle) << true;
        QTest::newRow("masks") << std::string("masks") << int(pm::SegmentationMode::Auto) << true;
    }
    void roundTrip() {
        QFETCH(std::string, format);
        QFETCH(int, mode);
        QFETCH(bool, exact);
        QTemporaryDir dir;
        const fs::path root = tempPath(dir) / "images";
        const pm::Dataset source = makeDataset(root);
        const fs::path out = tempPath(dir) / (format == "coco" ? "out/annotations.json" : "out");
        auto writer = pm::AnnotationFormat::create(format);
        pm::WriteOptions options;
        options.segmentation = static_cast<pm::SegmentationMode>(mode);
        QVERIFY2(writer->write(source, out, options), writer->errorString().c_str());
        QVERIFY2(writer->fileErrors().empty(), joined(writer->fileErrors()).c_str());

        pm::Dataset back;
        auto reader = pm::AnnotationFormat::create(format);
        QVERIFY2(reader->read(out, root, back), reader->errorString().c_str());
        QVERIFY2(reader->fileErrors().empty(), joined(reader->fileErrors()).c_str());
        QVERIFY2(reader->warnings().empty(), joined(reader->warnings()).c_str());
        QCOMPARE(back.images.size(), source.images.size());
        QCOMPARE(back.labels, source.labels);
        for (size_t i = 0; i < source.images.size(); ++i) {
            QCOMPARE(back.images[i].imagePath, source.images[i].imagePath);
            QCOMPARE(back.images[i].size, source.images[i].size);
            if (format != "masks") {  // the masks format merges instances of one label
                QCOMPARE(back.images[i].instances.size(), source.images[i].instances.size());
            }
            for (const auto& label : source.labels) {
                const double iou =
                    pm::MaskPolygons::iou(labelMask(source, i, label), labelMask(back, i, label));
                qDebug("%s %s %s: IoU %.5f", format.c_str(), source.images[i].imagePath.c_str(),
                       label.c_str(), iou);
                QVERIFY2(exact ? iou == 1.0 : iou >= 0.98, qPrintable(QString("IoU %1").arg(iou)));
            }
        }
        if (format != "masks") {
            QVERIFY(back.images[0].instances[0].provenance.has_value());
            QCOMPARE(*back.images[0].instances[0].provenance, *source.images[0].instances[0].provenance);
        }
        if (format == "coco") {
            QVERIFY(back.images[1].instances[2].crowd);
        }
    }

    // What a format declares (file or folder, the options it reads) is what its write() does: an option
    // it declares changes the output, one it does not declare leaves every byte as it was.
    void capabilitiesDescribeWhatIsWritten() {
        for (const std::string& name : pm::AnnotationFormat::names()) {
            QTemporaryDir dir;
            const fs::path root = tempPath(dir) / "images";
            const pm::Dataset source = makeDataset(root);
            const pm::FormatCapabilities caps = pm::AnnotationFormat::create(name)->capabilities();
            int run = 0;
            // The output of one write with `options`; empty after a failed check.
            auto write = [&](const pm::WriteOptions& options) {
                std::map<std::string, std::string> files;
                [&] {
                    const fs::path out = tempPath(dir) / ("out" + std::to_string(run++) + caps.fileSuffix);
                    auto writer = pm::AnnotationFormat::create(name);
                    QVERIFY2(writer->write(source, out, options), writer->errorString().c_str());
                    QCOMPARE(fs::is_directory(out), caps.writesFolder);
                    QCOMPARE(fs::is_regular_file(out), !caps.writesFolder);
                    files = contents(out);
                }();
                return files;
            };
            pm::WriteOptions plain;
            plain.segmentation = pm::SegmentationMode::Polygons;
            const auto base = write(plain);
            QVERIFY2(!base.empty(), name.c_str());

            pm::WriteOptions rle = plain;
            rle.segmentation = pm::SegmentationMode::Rle;
            const auto withRle = write(rle);
            pm::WriteOptions embed = plain;
            embed.embedImageData = true;
            const auto embedded = write(embed);
            pm::WriteOptions simplified = plain;
            simplified.polygons.relativeTolerance = 0.05;
            const auto simpler = write(simplified);
            QVERIFY(!withRle.empty() && !embedded.empty() && !simpler.empty());
            QVERIFY2((withRle != base) == caps.segmentationModes, name.c_str());
            QVERIFY2((embedded != base) == caps.embedsImages, name.c_str());
            QVERIFY2((simpler != base) == caps.outlines, name.c_str());
            if (!caps.writesFolder) {
                QVERIFY2(caps.nameFilter.find("*" + caps.fileSuffix) != std::string::npos, name.c_str());
            }
        }
    }

    // Same input, same bytes; holes go to RLE in auto mode; areas and bboxes describe the segmentation.
    void cocoIsStableAndUsesRleForHoles() {
        QTemporaryDir dir;
        const pm::Dataset d = makeDataset(tempPath(dir) / "images");
        pm::CocoFormat coco;
        QVERIFY(coco.write(d, tempPath(dir) / "a.json", {}));
        QVERIFY(coco.write(d, tempPath(dir) / "b.json", {}));
        const std::string a = pm::AtomicFile::readAll(tempPath(dir) / "a.json");
        QCOMPARE(a, pm::AtomicFile::readAll(tempPath(dir) / "b.json"));
        const json j = json::parse(a);
        QCOMPARE(j["annotations"].size(), size_t(5));
        QVERIFY(j["annotations"][0]["segmentation"].is_object());  // donut: RLE
        QVERIFY(j["annotations"][1]["segmentation"].is_array());   // rectangles: polygons
        QCOMPARE(j["annotations"][1]["segmentation"].size(), size_t(2));
        QCOMPARE(j["annotations"][1]["area"].get<int>(), 40 * 30 + 30 * 40);
        QCOMPARE(j["annotations"][1]["bbox"], json({110.0, 10.0, 40.0, 100.0}));
        QCOMPARE(j["annotations"][4]["iscrowd"].get<int>(), 1);
        QCOMPARE(j["annotations"][0]["promptmask"]["model_id"].get<std::string>(),
                 std::string("0123456789ab"));
        QCOMPARE(j["categories"][2]["name"].get<std::string>(), std::string("cat"));
    }

    void labelmeLooksLikeLabelme() {
        QTemporaryDir dir;
        const pm::Dataset d = makeDataset(tempPath(dir) / "images");
        pm::LabelmeFormat labelme;
        pm::WriteOptions options;
        options.embedImageData = true;
        QVERIFY(labelme.write(d, tempPath(dir) / "json", options));
        const json j = json::parse(pm::AtomicFile::readAll(tempPath(dir) / "json" / "sub" / "photo2.json"));
        QCOMPARE(j["imagePath"].get<std::string>(), std::string("../../images/sub/photo2.png"));
        QCOMPARE(j["imageHeight"].get<int>(), 70);
        QVERIFY(j["imageData"].is_string());
        for (const char* key : {"version", "flags", "shapes", "imageWidth"}) {
            QVERIFY2(j.contains(key), key);
        }
        const json wood =
            json::parse(pm::AtomicFile::readAll(tempPath(dir) / "json" / "photo1.json"))["shapes"];
        QCOMPARE(wood.size(), size_t(3));  // donut (one keyhole polygon) + two rectangles in one group
        QCOMPARE(wood[1]["group_id"], wood[2]["group_id"]);
        QVERIFY(!wood[1]["group_id"].is_null());
        QVERIFY(wood[0]["description"].get<std::string>().find("a glass") != std::string::npos);
    }

    // One bad file or annotation is reported with its name; the rest is still read.
    void badLabelmeInput_data() {
        QTest::addColumn<std::string>("content");
        QTest::addColumn<std::string>("expected");
        const std::string ok = R"("imageHeight": 20, "imageWidth": 20, "imagePath": "img.png")";
        QTest::newRow("malformed json") << std::string("{\"shapes\": [") << std::string("not valid JSON");
        QTest::newRow("top level list") << std::string("[]") << std::string("not an object");
        QTest::newRow("shapes not a list") << "{" + ok + R"(, "shapes": 3})" << std::string("'shapes'");
        QTest::newRow("two points")
            << "{" + ok + R"(, "shapes": [{"label": "a", "points": [[1,1],[5,5]], "shape_type": "polygon"}]})"
            << std::string("at least 3 points");
        QTest::newRow("string coordinate")
            << "{" + ok + R"(, "shapes": [{"label": "a", "points": [[1,"x"],[5,5],[1,5]]}]})"
            << std::string("finite numbers");
        QTest::newRow("nan") << "{" + ok + R"(, "shapes": [{"label": "a", "points": [[NaN,1],[5,5],[1,5]]}]})"
                             << std::string("not valid JSON");
        QTest::newRow("huge") << "{" + ok +
                                     R"(, "shapes": [{"label": "a", "points": [[1e400,1],[5,5],[1,5]]}]})"
                              << std::string("");
        QTest::newRow("far outside")
            << "{" + ok + R"(, "shapes": [{"label": "a", "points": [[1,1],[5000,5],[1,5]]}]})"
            << std::string("far outside");
        QTest::newRow("label not a string")
            << "{" + ok + R"(, "shapes": [{"label": 7, "points": [[1,1],[5,5],[1,5]]}]})"
            << std::string("string 'label'");
        QTest::newRow("parent escape")
            << std::string(
                   R"({"imageHeight": 20, "imageWidth": 20, "imagePath": "../../../etc/passwd", "shapes": []})")
            << std::string("outside the images folder");
        QTest::newRow("absolute")
            << std::string(
                   R"({"imageHeight": 20, "imageWidth": 20, "imagePath": "/etc/passwd", "shapes": []})")
            << std::string("absolute");
        QTest::newRow("symlink out")
            << std::string(
                   R"({"imageHeight": 20, "imageWidth": 20, "imagePath": "link/passwd", "shapes": []})")
            << std::string("outside the images folder");
        QTest::newRow("group_id string")
            << "{" + ok + R"(, "shapes": [{"label": "a", "group_id": "x", "points": [[1,1],[5,5],[1,5]]}]})"
            << std::string("group_id");
    }
    void badLabelmeInput() {
        QFETCH(std::string, content);
        QFETCH(std::string, expected);
        QTemporaryDir dir;
        const fs::path root = tempPath(dir);
        cv::imwrite((root / "img.png").string(), cv::Mat(20, 20, CV_8UC3, cv::Scalar(0)));
        fs::create_directory_symlink("/etc", root / "link");
        pm::AtomicFile::write(root / "bad.json", content);
        pm::AtomicFile::write(root / "good.json",
                              R"({"imageHeight": 20, "imageWidth": 20, "imagePath": "img.png",
            "shapes": [{"label": "ok", "points": [[2,2],[10,2],[10,10],[2,10]], "shape_type": "polygon", "group_id": null}]})");
        pm::LabelmeFormat labelme;
        pm::Dataset d;
        QVERIFY(labelme.read(root, root, d));
        const std::string errors = joined(labelme.fileErrors());
        QVERIFY2(!labelme.fileErrors().empty(), "expected an error");
        QVERIFY2(errors.find("bad.json") != std::string::npos && errors.find(expected) != std::string::npos,
                 errors.c_str());
        // good.json still converted (and bad.json's valid parts, if any).
        bool goodSeen = false;
        for (const auto& im : d.images) {
            for (const auto& inst : im.instances) {
                goodSeen |= inst.label == "ok" && cv::countNonZero(inst.mask) == 81;
            }
        }
        QVERIFY(goodSeen);
    }

    void badCocoInput_data() {
        QTest::addColumn<std::string>("annotation");
        QTest::addColumn<std::string>("expected");
        QTest::newRow("rle sum")
            << std::string(
                   R"({"id": 9, "image_id": 1, "category_id": 1, "segmentation": {"size": [20, 20], "counts": [10, 20]}})")
            << std::string("sum to 30");
        QTest::newRow("rle size")
            << std::string(
                   R"({"id": 9, "image_id": 1, "category_id": 1, "segmentation": {"size": [10, 20], "counts": "P2"}})")
            << std::string("differs from the image size");
        QTest::newRow("polygon odd")
            << std::string(
                   R"({"id": 9, "image_id": 1, "category_id": 1, "segmentation": [[1, 2, 3, 4, 5, 6, 7]]})")
            << std::string("even number");
        QTest::newRow("polygon short")
            << std::string(R"({"id": 9, "image_id": 1, "category_id": 1, "segmentation": [[1, 2, 3, 4]]})")
            << std::string("at least 3 points");
        QTest::newRow("polygon far")
            << std::string(
                   R"({"id": 9, "image_id": 1, "category_id": 1, "segmentation": [[1, 2, 3, 4, 90000, 6]]})")
            << std::string("far outside");
        QTest::newRow("bad image id")
            << std::string(
                   R"({"id": 9, "image_id": 77, "category_id": 1, "segmentation": [[1, 2, 3, 4, 5, 6]]})")
            << std::string("image_id 77");
        QTest::newRow("bad category")
            << std::string(
                   R"({"id": 9, "image_id": 1, "category_id": 5, "segmentation": [[1, 2, 3, 4, 5, 6]]})")
            << std::string("category_id 5");
        QTest::newRow("wrong type")
            << std::string(R"({"id": 9, "image_id": "1", "category_id": 1, "segmentation": []})")
            << std::string("integer 'image_id'");
        QTest::newRow("escaping image") << std::string("ESCAPE") << std::string("outside the images folder");
    }
    void badCocoInput() {
        QFETCH(std::string, annotation);
        QFETCH(std::string, expected);
        QTemporaryDir dir;
        const fs::path root = tempPath(dir) / "images";
        fs::create_directories(root);
        cv::imwrite((root / "a.png").string(), cv::Mat(20, 20, CV_8UC3, cv::Scalar(0)));
        const std::string good =
            R"({"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[2, 2, 12, 2, 12, 12, 2, 12]], "iscrowd": 0})";
        std::string images = R"([{"id": 1, "file_name": "a.png", "width": 20, "height": 20})";
        std::string annotations = "[" + good;
        if (annotation == "ESCAPE") {
            images += R"(, {"id": 2, "file_name": "../a.png", "width": 20, "height": 20})";
        } else {
            annotations += ", " + annotation;
        }
        const std::string doc = R"({"images": )" + images + R"(], "annotations": )" + annotations +
                                R"(], "categories": [{"id": 1, "name": "thing"}]})";
        pm::AtomicFile::write(tempPath(dir) / "coco.json", doc);
        pm::CocoFormat coco;
        pm::Dataset d;
        QVERIFY2(coco.read(tempPath(dir) / "coco.json", root, d), coco.errorString().c_str());
        const std::string errors = joined(coco.fileErrors());
        QVERIFY2(errors.find(expected) != std::string::npos, errors.c_str());
        QCOMPARE(d.images.size(), size_t(1));
        QCOMPARE(d.images[0].instances.size(), size_t(1));
        QCOMPARE(cv::countNonZero(d.images[0].instances[0].mask), 100);
    }

    // Converting a COCO file keeps its category ids and supercategories (configs refer to ids); a label
    // that was not in the file is numbered after the highest id; clashes are reported, not guessed at.
    void cocoKeepsCategoryIds() {
        QTemporaryDir dir;
        const fs::path root = tempPath(dir) / "images";
        fs::create_directories(root);
        cv::imwrite((root / "a.png").string(), cv::Mat(20, 20, CV_8UC3, cv::Scalar(0)));
        auto annotation = [](int id, int category) {
            return "{\"id\": " + std::to_string(id) + R"(, "image_id": 1, "category_id": )" +
                   std::to_string(category) + R"(, "segmentation": [[2, 2, 12, 2, 12, 12, 2, 12]]})";
        };
        const std::string doc =
            R"({"images": [{"id": 1, "file_name": "a.png", "width": 20, "height": 20}], "annotations": [)" +
            annotation(1, 7) + ", " + annotation(2, 3) + ", " + annotation(3, 12) +
            R"(], "categories": [{"id": 7, "name": "dog", "supercategory": "animal"},
                                 {"id": 3, "name": "cat", "supercategory": "pet"},
                                 {"id": 12, "name": "dog"},
                                 {"id": 3, "name": "lynx"}]})";
        pm::AtomicFile::write(tempPath(dir) / "in.json", doc);
        pm::CocoFormat coco;
        pm::Dataset d;
        QVERIFY2(coco.read(tempPath(dir) / "in.json", root, d), coco.errorString().c_str());
        QCOMPARE(d.labels, std::vector<std::string>({"cat", "dog"}));
        const std::string warnings = joined(coco.warnings());
        QVERIFY2(warnings.find("category id 3 is defined twice; the first ('cat')") != std::string::npos,
                 warnings.c_str());
        QVERIFY2(warnings.find("categories 7 and 12 are both named 'dog'") != std::string::npos,
                 warnings.c_str());

        pm::Instance bird = d.images[0].instances[0];
        bird.label = "bird";
        d.images[0].instances.push_back(bird);
        d.labelIndex("bird");
        QVERIFY(coco.write(d, tempPath(dir) / "out.json", {}));
        const json j = json::parse(pm::AtomicFile::readAll(tempPath(dir) / "out.json"));
        QCOMPARE(j["categories"], json::parse(R"([{"id": 3, "name": "cat", "supercategory": "pet"},
                                                  {"id": 7, "name": "dog", "supercategory": "animal"},
                                                  {"id": 8, "name": "bird", "supercategory": "object"}])"));
        std::vector<int> written;
        for (const json& a : j["annotations"]) {
            written.push_back(a["category_id"].get<int>());
        }
        QCOMPARE(written, std::vector<int>({7, 3, 7, 8}));

        // What was written reads back with the same ids, and writes the same bytes again.
        pm::Dataset back;
        QVERIFY(coco.read(tempPath(dir) / "out.json", root, back));
        QVERIFY(coco.write(back, tempPath(dir) / "again.json", {}));
        QCOMPARE(pm::AtomicFile::readAll(tempPath(dir) / "again.json"),
                 pm::AtomicFile::readAll(tempPath(dir) / "out.json"));
    }

    void malformedCocoFileFails() {
        QTemporaryDir dir;
        pm::AtomicFile::write(tempPath(dir) / "coco.json", "{\"images\": [");
        pm::CocoFormat coco;
        pm::Dataset d;
        QVERIFY(!coco.read(tempPath(dir) / "coco.json", tempPath(dir), d));
        QVERIFY(coco.errorString().find("coco.json") != std::string::npos);
    }

    // An existing output that does not parse is kept as .bak; one that parses is replaced.
    void unparseableOutputIsBackedUp() {
        QTemporaryDir dir;
        const pm::Dataset d = makeDataset(tempPath(dir) / "images");
        const fs::path target = tempPath(dir) / "coco.json";
        pm::AtomicFile::write(target, "hand-edited, broken {");
        pm::CocoFormat coco;
        QVERIFY(coco.write(d, target, {}));
        QCOMPARE(pm::AtomicFile::readAll(fs::path(target.string() + ".bak")),
                 std::string("hand-edited, broken {"));
        QVERIFY(json::parse(pm::AtomicFile::readAll(target)).contains("annotations"));
        QCOMPARE(coco.warnings().size(), size_t(1));
        fs::remove(fs::path(target.string() + ".bak"));
        QVERIFY(coco.write(d, target, {}));
        QVERIFY(!fs::exists(fs::path(target.string() + ".bak")));
    }

    // Output names come from validated image paths; a symlinked output subfolder cannot redirect writes.
    void nothingWrittenOutsideOutput() {
        QTemporaryDir dir, elsewhere;
        pm::Dataset d = makeDataset(tempPath(dir) / "images");
        const fs::path out = tempPath(dir) / "json";
        fs::create_directories(out);
        fs::create_directory_symlink(tempPath(elsewhere), out / "sub");
        pm::LabelmeFormat labelme;
        QVERIFY(labelme.write(d, out, {}));
        QCOMPARE(labelme.fileErrors().size(), size_t(1));
        QVERIFY(labelme.fileErrors()[0].find("sub/photo2.png") != std::string::npos);
        QVERIFY(fs::is_empty(tempPath(elsewhere)));
        QVERIFY(fs::exists(out / "photo1.json"));
    }

    void masksFormatLayout() {
        QTemporaryDir dir;
        const pm::Dataset d = makeDataset(tempPath(dir) / "images");
        pm::PngMasksFormat masks;
        QVERIFY(masks.write(d, tempPath(dir) / "m", {}));
        QCOMPARE(pm::AtomicFile::readAll(tempPath(dir) / "m" / "labels.txt"),
                 std::string("_background_\nglass\nwood\ncat\n"));
        const cv::Mat bin =
            cv::imread((tempPath(dir) / "m/binary/sub/photo2/3_cat.png").string(), cv::IMREAD_UNCHANGED);
        QCOMPARE(cv::countNonZero(bin != labelMask(d, 1, "cat")), 0);
        const std::string png = pm::AtomicFile::readAll(tempPath(dir) / "m/index/photo1.png");
        QCOMPARE(png.substr(1, 3), std::string("PNG"));
        QCOMPARE(int(png[25]), 3);  // IHDR colour type: palette
    }

    // Files for labelme_client_check.py (run next by CTest with the real labelme).
    void writeLabelmeClientFiles() {
        const QByteArray binary = qgetenv("PROMPTMASK_BINARY_DIR");
        if (binary.isEmpty()) {
            QSKIP("PROMPTMASK_BINARY_DIR is not set (run through CTest)");
        }
        const fs::path base = fs::path(binary.toStdString()) / "tests" / "labelme_client";
        fs::remove_all(base);
        pm::Dataset d = makeDataset(base / "images");
        // Plus the golden-style shapes at scale: a blob with holes and many components.
        {
            cv::Mat pixels(240, 320, CV_8UC3, cv::Scalar(10, 20, 30));
            cv::imwrite((base / "images" / "blobs.png").string(), pixels);
            pm::Instance blob;
            blob.label = "glass";
            blob.mask = cv::Mat(240, 320, CV_8UC1, cv::Scalar(0));
            cv::ellipse(blob.mask, {100, 120}, {80, 60}, 20, 0, 360, 255, cv::FILLED);
            cv::circle(blob.mask, {90, 110}, 18, 0, cv::FILLED);
            cv::circle(blob.mask, {140, 140}, 10, 0, cv::FILLED);
            cv::circle(blob.mask, {260, 60}, 30, 255, cv::FILLED);
            cv::rectangle(blob.mask, cv::Rect(220, 170, 80, 50), 255, cv::FILLED);
            d.images.push_back({"blobs.png", {320, 240}, {blob}});
        }
        pm::LabelmeFormat labelme;
        QVERIFY(labelme.write(d, base / "json", {}));
        QVERIFY(labelme.fileErrors().empty());
        // What our reader makes of those files, per label, for the comparison.
        pm::Dataset back;
        QVERIFY(pm::LabelmeFormat().read(base / "json", base / "images", back));
        fs::create_directories(base / "expected");
        json manifest = json::array();
        for (size_t i = 0; i < d.images.size(); ++i) {
            size_t j = 0;  // the reader orders images by file name
            while (j < back.images.size() && back.images[j].imagePath != d.images[i].imagePath) {
                ++j;
            }
            QVERIFY(j < back.images.size());
            const fs::path rel(d.images[i].imagePath);
            const std::string stem = (rel.parent_path() / rel.stem()).generic_string();
            for (const auto& label : d.labels) {
                const cv::Mat source = labelMask(d, i, label);
                if (cv::countNonZero(source) == 0) {
                    continue;
                }
                const std::string name = stem;
                std::string flat = name + "_" + label;
                std::replace(flat.begin(), flat.end(), '/', '_');
                cv::imwrite((base / "expected" / (flat + ".source.png")).string(), source);
                cv::imwrite((base / "expected" / (flat + ".ours.png")).string(), labelMask(back, j, label));
                manifest.push_back({{"json", "json/" + stem + ".json"},
                                    {"label", label},
                                    {"source", "expected/" + flat + ".source.png"},
                                    {"ours", "expected/" + flat + ".ours.png"},
                                    {"has_holes", pm::MaskPolygons::hasHoles(source)}});
            }
        }
        pm::AtomicFile::write(base / "manifest.json", manifest.dump(2));
    }
};

QTEST_GUILESS_MAIN(TestAnnotationFormats)
#include "test_annotation_formats.moc"
